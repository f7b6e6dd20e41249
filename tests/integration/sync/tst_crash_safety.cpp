// kill -9 at random moments while a client submits: everything that reached the outbox is
// delivered exactly once, in order per stream, and both databases stay intact.
#include <convene/store/database.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace convene;

namespace {

constexpr int kKills = 55;

std::unique_ptr<store::Database> openReadOnly(const QString& path)
{
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    return std::move(db).value();
}

QString integrity(store::Database& db)
{
    auto check = db.prepare(QStringLiteral("PRAGMA integrity_check"));
    REQUIRE(check.ok());
    REQUIRE((*check)->step().valueOr(false));
    const QString result = (*check)->text(0);
    (*check)->reset();
    return result;
}

int64_t scalar(store::Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql);
    REQUIRE(stmt.ok());
    REQUIRE((*stmt)->step().valueOr(false));
    const int64_t value = (*stmt)->int64(0);
    (*stmt)->reset();
    return value;
}

void runChild(QProcess& child, const QString& dir, qint64 base, const QString& mode)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(CRASH_CHILD), {dir, QString::number(base), mode});
    REQUIRE(child.waitForStarted(5000));
}

} // namespace

TEST_CASE("Killing the client at random moments loses and duplicates nothing")
{
    QTemporaryDir dir;
    const QString cachePath = QDir(dir.path()).filePath(QStringLiteral("profile/cache.db"));
    const QString workspacePath = QDir(dir.path()).filePath(QStringLiteral("workspace.convene"));
    QRandomGenerator random(20261126);
    int64_t queuedBefore = 0;

    for (int kill = 0; kill < kKills; ++kill) {
        QProcess child;
        runChild(child, dir.path(), qint64(kill) * 1'000'000, QStringLiteral("submit"));
        QTest::qWait(60 + int(random.bounded(300)));
        ::kill(pid_t(child.processId()), SIGKILL);
        REQUIRE(child.waitForFinished(5000));
        if (!QFile::exists(cachePath))
            continue;
        auto cache = openReadOnly(cachePath);
        INFO("after kill " << kill);
        REQUIRE(integrity(*cache) == QStringLiteral("ok"));
        // What the UI could have shown as queued or sent is still there.
        const int64_t queued = scalar(*cache, QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'crash'"));
        CHECK(queued >= queuedBefore);
        queuedBefore = queued;
    }
    REQUIRE(queuedBefore > 1000);

    QProcess drain;
    runChild(drain, dir.path(), 0, QStringLiteral("drain"));
    REQUIRE(drain.waitForFinished(120'000));
    REQUIRE(drain.exitCode() == 0);

    auto cache = openReadOnly(cachePath);
    auto workspace = openReadOnly(workspacePath);
    CHECK(integrity(*cache) == QStringLiteral("ok"));
    CHECK(integrity(*workspace) == QStringLiteral("ok"));
    CHECK(scalar(*cache, QStringLiteral("SELECT count(*) FROM outbox")) == 0);
    CHECK(scalar(*cache, QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'crash' AND (state <> 0 OR pos IS "
                                        "NULL OR server_id IS NULL)")) == 0);

    // Exactly once: the workspace holds one event per queued mutation and nothing else.
    const int64_t cached = scalar(*cache, QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'crash'"));
    const int64_t delivered = scalar(*workspace, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'crash'"));
    CHECK(cached == queuedBefore);
    CHECK(delivered == cached);
    QHash<QByteArray, QString> cachedServerId;
    auto entries = cache->prepare(QStringLiteral("SELECT client_id, server_id FROM entries WHERE kind = 'crash'"));
    while ((*entries)->step().valueOr(false))
        cachedServerId.insert((*entries)->blob(0), (*entries)->text(1));
    auto events = workspace->prepare(QStringLiteral("SELECT client_id, 'evt-' || id, stream, CAST(payload AS TEXT) "
                                                    "FROM events WHERE kind = 'crash' ORDER BY stream, seq"));
    QHash<QString, qint64> lastCounter;
    int64_t matched = 0;
    while ((*events)->step().valueOr(false)) {
        const QByteArray clientId = (*events)->blob(0);
        REQUIRE(cachedServerId.contains(clientId));
        CHECK(cachedServerId.value(clientId) == (*events)->text(1));
        ++matched;
        // In order per stream: counters only grow along the server's order.
        const QString stream = (*events)->text(2);
        const qint64 counter = (*events)->text(3).toLongLong();
        CHECK(counter > lastCounter.value(stream, -1));
        lastCounter[stream] = counter;
    }
    CHECK(matched == cached);
    std::printf("crash safety: %d kills, %lld mutations queued, %lld delivered exactly once\n", kKills,
                (long long)cached, (long long)matched);
}
