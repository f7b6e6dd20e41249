// Submits numbered mutations steadily until it is killed (or, with --drain, waits
// until everything queued earlier has been delivered, then exits 0).
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

using namespace convene;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: %s DIR BASE submit|drain\n", argv[0]);
        return 2;
    }
    const QString dir = args.at(1);
    const qint64 base = args.at(2).toLongLong();
    const bool drain = args.at(3) == u"drain";

    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir).filePath(QStringLiteral("profile/cache.db"));
    options.backendConfig.profileDir = QDir(dir).filePath(QStringLiteral("profile"));
    options.backendConfig.workspacePath = QDir(dir).filePath(QStringLiteral("workspace.convene"));
    options.backendConfig.displayName = QStringLiteral("crash");
    options.backendConfig.userId = QStringLiteral("crash-user"); // the same person across restarts
    options.reconnectBackoff = {50, 200};
    sync::SyncService service(options);

    QTimer submitter;
    qint64 next = 0;
    QObject::connect(&submitter, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < 10; ++i, ++next) {
            const qint64 counter = base + next;
            sync::Mutation m;
            m.stream = QStringLiteral("channel:crash-%1").arg(counter % 3);
            m.kind = QStringLiteral("crash");
            m.body = QStringLiteral("m%1").arg(counter);
            m.payload = QByteArray::number(counter);
            service.submit(m);
        }
    });

    QTimer checker;
    QObject::connect(&checker, &QTimer::timeout, &app, [&] {
        if (service.state() == sync::ConnectionState::Error) {
            std::fprintf(stderr, "sync error: %s\n", qPrintable(service.stateReason()));
            app.exit(1);
        }
        if (!drain || service.state() != sync::ConnectionState::Online)
            return;
        auto db = store::Database::open(service.cachePath(), store::Database::Mode::ReadOnly);
        if (!db)
            return;
        auto pending = (*db)->prepare(QStringLiteral("SELECT count(*) FROM outbox"));
        if ((*pending)->step().valueOr(false) && (*pending)->int64(0) == 0)
            app.exit(0);
    });
    QObject::connect(&service, &sync::SyncService::stateChanged, &app, [&] {
        if (service.state() == sync::ConnectionState::Online && !drain && !submitter.isActive())
            submitter.start(5);
    });
    checker.start(20);
    service.start();
    return app.exec();
}
