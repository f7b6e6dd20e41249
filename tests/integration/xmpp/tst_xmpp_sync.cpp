// Sync end to end on a real server: two profiles on Prosody, and the server going away.
#include "xmpp_test_accounts.h"

#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;
using convene::test::ProsodyServer;

namespace {

const QString kTeam = QStringLiteral("channel:team");

class XmppProfile {
public:
    XmppProfile(const ProsodyServer& server, const QString& dir, const QString& user)
    {
        sync::SyncEngine::Options options;
        options.backendName = QStringLiteral("xmpp");
        options.cachePath = QDir(dir).filePath(user + QStringLiteral("/cache.db"));
        options.backendConfig = test::xmppAccount(server, user, QDir(dir).filePath(user));
        options.reconnectBackoff = {200, 1000};
        options.submitBackoff = {100, 1000};
        service = std::make_unique<sync::SyncService>(options);
        service->start();
    }

    bool waitForState(sync::ConnectionState state, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return service->state() == state; }, timeoutMs);
    }

    QUuid say(const QString& text)
    {
        sync::Mutation m;
        m.stream = kTeam;
        m.kind = QStringLiteral("message");
        m.body = text;
        m.payload = QByteArray("{\"text\":\"") + text.toUtf8() + "\"}";
        return service->submit(m);
    }

    QString query(const QString& sql)
    {
        if (!m_cache) {
            auto db = store::Database::open(service->cachePath(), store::Database::Mode::ReadOnly);
            REQUIRE(db.ok());
            m_cache = std::move(db).value();
        }
        auto stmt = m_cache->prepare(sql);
        REQUIRE(stmt.ok());
        const QString value = (*stmt)->step().valueOr(false) ? (*stmt)->text(0) : QString();
        (*stmt)->reset();
        return value;
    }

    // The bodies of the team channel in the cache's order.
    QString timeline()
    {
        return query(
            QStringLiteral("SELECT group_concat(body, ' ') FROM (SELECT body FROM entries "
                           "WHERE stream = 'channel:team' AND kind = 'message' ORDER BY pos IS NULL, pos, id)"));
    }

    std::unique_ptr<sync::SyncService> service;

private:
    std::unique_ptr<store::Database> m_cache;
};

QString expected(int from, int to)
{
    QStringList words;
    for (int i = from; i < to; ++i)
        words << QStringLiteral("m%1").arg(i);
    return words.join(u' ');
}

} // namespace

TEST_CASE("Two profiles chat through Prosody; a server crash and restart loses and duplicates nothing")
{
    sync::registerSyncMetaTypes();
    ProsodyServer server;
    REQUIRE(server.start(test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")})));
    QTemporaryDir dir;
    XmppProfile alice(server, dir.path(), QStringLiteral("alice"));
    REQUIRE(alice.waitForState(sync::ConnectionState::Online));
    for (int i = 0; i < 5; ++i)
        alice.say(QStringLiteral("m%1").arg(i));
    REQUIRE(QTest::qWaitFor([&] { return alice.query(QStringLiteral("SELECT count(*) FROM outbox")) == u"0"; }, 15000));

    // Bob arrives later: his first look at the channel is its archive, then it is live.
    XmppProfile bob(server, dir.path(), QStringLiteral("bob"));
    REQUIRE(bob.waitForState(sync::ConnectionState::Online));
    REQUIRE(QTest::qWaitFor([&] { return bob.timeline() == expected(0, 5); }, 15000));
    for (int i = 5; i < 10; ++i)
        alice.say(QStringLiteral("m%1").arg(i));
    REQUIRE(QTest::qWaitFor([&] { return bob.timeline() == expected(0, 10); }, 15000));
    CHECK(bob.query(QStringLiteral("SELECT DISTINCT author FROM entries WHERE body = 'm3'")) == u"alice@convene.test");

    // The server dies while Alice writes, and comes back on its data.
    for (int i = 10; i < 20; ++i) {
        alice.say(QStringLiteral("m%1").arg(i));
        if (i == 14)
            server.kill();
    }
    REQUIRE(alice.waitForState(sync::ConnectionState::Offline));
    for (int i = 20; i < 25; ++i)
        alice.say(QStringLiteral("m%1").arg(i)); // written while offline
    REQUIRE(server.restart());
    const bool drained =
        QTest::qWaitFor([&] { return alice.query(QStringLiteral("SELECT count(*) FROM outbox")) == u"0"; }, 30000);
    const bool arrived = QTest::qWaitFor([&] { return bob.timeline() == expected(0, 25); }, 30000);
    INFO("Alice's timeline: " << alice.timeline().toStdString());
    INFO("Bob's timeline: " << bob.timeline().toStdString());
    REQUIRE(drained);
    REQUIRE(arrived);
    CHECK(alice.timeline() == expected(0, 25));
    CHECK(alice.query(QStringLiteral(
              "SELECT count(*) FROM entries WHERE stream = 'channel:team' AND server_id IS NULL")) == u"0");
    // Both caches hold the room's entries in the same order, each once.
    const QString order = QStringLiteral("SELECT group_concat(server_id, ' ') FROM (SELECT server_id FROM entries "
                                         "WHERE stream = 'channel:team' ORDER BY pos)");
    CHECK(alice.query(order) == bob.query(order));
}
