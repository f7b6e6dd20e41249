// The sync contract end to end: SyncService + engine thread + local backend + cache.
#include "sync_fixture.h"

#include <convene/store/migrations.h>

#include <QFile>
#include <QTemporaryDir>

using namespace convene;
using convene::test::SyncProfile;

namespace {

QByteArray id(const QUuid& uuid)
{
    return uuid.toRfc4122();
}

} // namespace

TEST_CASE("A first connection caches the seeded demo workspace and a welcome DM")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    CHECK(a.service->workspaceName() == QStringLiteral("Convene Demo"));
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT count(*) FROM entries WHERE stream = 'channel:general'")) >= 6; },
        5000));
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM streams WHERE kind = 'channel'")) >= 4);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM streams WHERE kind = 'calendar'")) == 1);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM streams WHERE kind = 'doc'")) == 1);
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT count(*) FROM entries WHERE stream LIKE 'dm:%'")) == 1; }, 5000));
    // Chinese and English history is searchable straight away.
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%十点全员会议%'")) == 1);
}

TEST_CASE("A change is in the cache at once as pending, then sent with the server's id and placed in its order")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"), {{QStringLiteral("latency"), 300}});
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    QSignalSpy changed(&a.service->changes(), &store::ChangeNotifier::changed);
    const QUuid clientId = a.service->submit(a.message(QStringLiteral("channel:design"), QStringLiteral("draft")));
    REQUIRE(changed.wait(1000));
    CHECK(a.count(QStringLiteral("SELECT state FROM entries WHERE client_id = ?"), id(clientId)) == 1);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM outbox WHERE client_id = ?"), id(clientId)) == 1);
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT state FROM entries WHERE client_id = ?"), id(clientId)) == 0; },
        5000));
    CHECK(a.count(QStringLiteral("SELECT server_id IS NOT NULL FROM entries WHERE client_id = ?"), id(clientId)) == 1);
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT pos FROM entries WHERE client_id = ?"), id(clientId)) > 0; },
        3000));
    // Placed after everything that was cached before it.
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM entries WHERE stream = 'channel:design' AND pos > "
                                 "(SELECT pos FROM entries WHERE client_id = ?)"),
                  id(clientId)) == 0);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM entries WHERE client_id = ?"), id(clientId)) == 1);
}

TEST_CASE("Offline: changes queue up and go out in order, exactly once, when the backend returns")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    a.service->setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(a.waitForState(sync::ConnectionState::Offline));

    QList<QUuid> sent;
    for (int i = 0; i < 3; ++i)
        sent << a.service->submit(a.message(QStringLiteral("channel:random"), QStringLiteral("offline %1").arg(i)));
    REQUIRE(QTest::qWaitFor([&] { return a.count(QStringLiteral("SELECT count(*) FROM outbox")) == 3; }, 3000));
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM entries WHERE state = 1")) == 3);

    a.service->setBackendFaults({{QStringLiteral("offline"), false}});
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    REQUIRE(QTest::qWaitFor([&] { return a.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0; }, 5000));
    QList<int64_t> positions;
    REQUIRE(QTest::qWaitFor(
        [&] {
            return a.count(QStringLiteral(
                       "SELECT count(*) FROM entries WHERE stream = 'channel:random' AND pos IS NULL")) == 0;
        },
        3000));
    for (const QUuid& clientId : sent) {
        positions << a.count(QStringLiteral("SELECT pos FROM entries WHERE client_id = ?"), id(clientId));
        CHECK(a.count(QStringLiteral("SELECT count(*) FROM entries WHERE client_id = ?"), id(clientId)) == 1);
    }
    CHECK(positions.at(1) == positions.at(0) + 1);
    CHECK(positions.at(2) == positions.at(1) + 1);
}

TEST_CASE("A permanent rejection marks the change failed with a reason; it can be retried or discarded")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    QSignalSpy failed(a.service.get(), &sync::SyncService::mutationFailed);
    sync::Mutation big = a.message(QStringLiteral("channel:general"), QStringLiteral("huge"));
    big.payload = QByteArray(400 * 1024, 'x');
    const QUuid clientId = a.service->submit(big);
    REQUIRE(failed.wait(3000));
    CHECK(failed.at(0).at(0).toUuid() == clientId);
    CHECK(failed.at(0).at(1).toString().contains(QStringLiteral("too large")));
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT state FROM entries WHERE client_id = ?"), id(clientId)) == 2; },
        2000));

    // Later messages in the same conversation are not held back by the failed one.
    const QUuid after = a.service->submit(a.message(QStringLiteral("channel:general"), QStringLiteral("small")));
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT state FROM entries WHERE client_id = ?"), id(after)) == 0; },
        3000));

    a.service->retry(clientId);
    REQUIRE(failed.wait(3000));
    CHECK(a.count(QStringLiteral("SELECT state FROM entries WHERE client_id = ?"), id(clientId)) == 2);

    a.service->discard(clientId);
    REQUIRE(QTest::qWaitFor(
        [&] { return a.count(QStringLiteral("SELECT count(*) FROM entries WHERE client_id = ?"), id(clientId)) == 0; },
        2000));
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0);
}

TEST_CASE("Two profiles on one workspace see each other live; a restarted profile catches up")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    auto b = std::make_unique<SyncProfile>(dir.path(), QStringLiteral("bob"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    REQUIRE(b->waitForState(sync::ConnectionState::Online));

    a.service->submit(a.message(QStringLiteral("channel:engineering"), QStringLiteral("hello bob")));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return b->count(QStringLiteral("SELECT count(*) FROM entries WHERE body = 'hello bob' AND author <> ''")) ==
                   1;
        },
        3000));

    b.reset(); // bob quits
    for (int i = 0; i < 3; ++i)
        a.service->submit(
            a.message(QStringLiteral("channel:engineering"), QStringLiteral("while bob is away %1").arg(i)));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return a.count(QStringLiteral("SELECT count(*) FROM entries WHERE body LIKE 'while bob%' AND state = 0")) ==
                   3;
        },
        3000));
    SyncProfile bobAgain(dir.path(), QStringLiteral("bob"));
    REQUIRE(bobAgain.waitForState(sync::ConnectionState::Online));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return bobAgain.text(
                       QStringLiteral("SELECT newest_cursor FROM streams WHERE id = 'channel:engineering'")) ==
                   a.text(QStringLiteral("SELECT newest_cursor FROM streams WHERE id = 'channel:engineering'"));
        },
        5000));
    CHECK(bobAgain.count(QStringLiteral(
              "SELECT count(*) FROM entries WHERE stream = 'channel:engineering' AND body LIKE 'while bob%'")) == 3);
    // The same entries in the same order on both sides, without gaps.
    const QString order = QStringLiteral("SELECT group_concat(server_id) FROM (SELECT server_id FROM entries "
                                         "WHERE stream = 'channel:engineering' ORDER BY pos)");
    CHECK(bobAgain.text(order) == a.text(order));
    CHECK(bobAgain.count(QStringLiteral("SELECT max(pos) - min(pos) + 1 - count(*) FROM entries "
                                        "WHERE stream = 'channel:engineering'")) == 0);
}

TEST_CASE("Ephemeral messages reach the other profile and are never cached")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    SyncProfile b(dir.path(), QStringLiteral("bob"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    REQUIRE(b.waitForState(sync::ConnectionState::Online));
    QSignalSpy received(b.service.get(), &sync::SyncService::ephemeralReceived);
    a.service->sendEphemeral({QStringLiteral("channel:general"), QStringLiteral("typing"), QString(), "{}"});
    REQUIRE(received.wait(3000));
    CHECK(received.at(0).at(0).value<sync::EphemeralMessage>().kind == QStringLiteral("typing"));
    CHECK(b.count(QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'typing'")) == 0);
}

TEST_CASE("A cache written by a newer version is refused with a clear message and not touched")
{
    QTemporaryDir dir;
    {
        SyncProfile a(dir.path(), QStringLiteral("alice"));
        REQUIRE(a.waitForState(sync::ConnectionState::Online));
    }
    const QString cachePath = dir.filePath(QStringLiteral("alice/cache.db"));
    {
        auto db = store::Database::open(cachePath);
        REQUIRE(db.ok());
        REQUIRE((*db)->exec(QStringLiteral("UPDATE schema_versions SET version = 99 WHERE module = 'sync'")).ok());
    }
    SyncProfile again(dir.path(), QStringLiteral("alice"));
    REQUIRE(again.waitForState(sync::ConnectionState::Error));
    CHECK(again.service->stateReason().contains(QStringLiteral("newer version")));
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    CHECK(store::MigrationRunner::installedVersion(**db, QStringLiteral("sync")).ok());
}

TEST_CASE("Changes submitted while the cache is unusable are reported as failed, not lost silently")
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("alice")));
    {
        QFile junk(dir.filePath(QStringLiteral("alice/cache.db")));
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
    }
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    REQUIRE(a.waitForState(sync::ConnectionState::Error));
    CHECK(a.service->stateReason().contains(QStringLiteral("not a usable database")));
    QSignalSpy failed(a.service.get(), &sync::SyncService::mutationFailed);
    const QUuid clientId = a.service->submit(a.message(QStringLiteral("channel:general"), QStringLiteral("hello")));
    REQUIRE(failed.wait(3000));
    CHECK(failed.at(0).at(0).toUuid() == clientId);
}
