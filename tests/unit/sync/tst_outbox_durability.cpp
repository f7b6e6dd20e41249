// The outbox commit survives a power loss: a change the UI shows as queued has been synced to
// the disk (the write-ahead log fsynced at its commit), not only handed to the operating system.
// Seen through a SQLite VFS of the test's own that counts the log's fsyncs (faulty_disk.h); the
// engine runs on the local backend, offline, so the only commits are the test's.
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"
#include "faulty_disk.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;

namespace {

struct OfflineProfile {
    QTemporaryDir dir;
    QString cachePath = dir.filePath(QStringLiteral("me/cache.db"));
    std::unique_ptr<sync::SyncService> service;

    OfflineProfile()
    {
        sync::SyncEngine::Options options;
        options.cachePath = cachePath;
        options.backendConfig.profileDir = dir.filePath(QStringLiteral("me"));
        options.backendConfig.workspacePath = dir.filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.userId = QStringLiteral("me");
        options.backendConfig.options.insert(QStringLiteral("faults"), QVariantMap{{QStringLiteral("offline"), true}});
        service = std::make_unique<sync::SyncService>(options);
        QSignalSpy tried(service.get(), &sync::SyncService::stateChanged);
        service->start();
        // The engine has opened and migrated the cache once it tries to connect.
        REQUIRE(tried.wait(10000));
    }

    int64_t outboxRows()
    {
        auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
        REQUIRE(db.ok());
        auto count = (*db)->prepare(QStringLiteral("SELECT count(*) FROM outbox"));
        REQUIRE(count.ok());
        REQUIRE((*count)->step().valueOr(false));
        return (*count)->int64(0);
    }

    static sync::Mutation message(const QString& text)
    {
        sync::Mutation m;
        m.stream = QStringLiteral("channel:general");
        m.kind = QStringLiteral("message");
        m.body = text;
        m.payload = QByteArray("{\"text\":\"") + text.toUtf8() + "\"}";
        return m;
    }
};

} // namespace

TEST_CASE("A change is in the fsynced log before the outbox reports it queued")
{
    test::FaultyDisk& disk = test::FaultyDisk::install();
    OfflineProfile me;
    REQUIRE(me.outboxRows() == 0);

    QSignalSpy queued(me.service.get(), &sync::SyncService::queued);
    const int syncsBefore = disk.walSyncs(me.cachePath);
    int syncsWhenQueued = -1;
    QObject::connect(me.service.get(), &sync::SyncService::queued, me.service.get(),
                     [&] { syncsWhenQueued = disk.walSyncs(me.cachePath); });
    const QUuid id = me.service->submit(OfflineProfile::message(QStringLiteral("keep me")));
    REQUIRE(queued.wait(5000));
    CHECK(queued.at(0).at(0).value<QList<QUuid>>() == QList<QUuid>{id});
    CHECK(me.outboxRows() == 1);
    // By the time anyone hears "queued", the log holding it has been synced to the disk.
    CHECK(syncsWhenQueued > syncsBefore);
}

TEST_CASE("Other commits keep the cheaper setting: only the outbox pays for the sync")
{
    test::FaultyDisk& disk = test::FaultyDisk::install();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.db"));
    auto opened = store::Database::open(path);
    REQUIRE(opened.ok());
    store::Database& db = **opened;
    REQUIRE(db.exec(QStringLiteral("CREATE TABLE t(x)")).ok());
    const int before = disk.walSyncs(path);
    for (int i = 0; i < 5; ++i)
        REQUIRE(db.exec(QStringLiteral("INSERT INTO t VALUES(%1)").arg(i)).ok());
    // The control: commits in the connection's own mode are not synced one by one, so the
    // count above is the outbox's doing and not what every commit costs.
    CHECK(disk.walSyncs(path) == before);
}
