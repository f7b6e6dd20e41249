// A cache written by earlier versions (the contract that numbered every stream 1, 2, 3, …)
// upgrades in place and goes on syncing: nothing the user saw or queued is lost, order and
// references survive, and catching up continues from where the old cache stopped.
#include "sync_fixture.h"

#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>

#include <QFile>
#include <QTemporaryDir>

using namespace convene;
using convene::test::SyncProfile;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

std::unique_ptr<store::Database> open(const QString& path,
                                      store::Database::Mode mode = store::Database::Mode::ReadWrite)
{
    auto db = store::Database::open(path, mode);
    REQUIRE(db.ok());
    return std::move(db).value();
}

QString text(store::Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql);
    REQUIRE(stmt.ok());
    const QString value = (*stmt)->step().valueOr(false) ? (*stmt)->text(0) : QString();
    (*stmt)->reset();
    return value;
}

// Writes, in the schema of `version`, the cache an earlier app would have kept of the
// workspace: every stream's events up to all but its newest `behind`, a reply and a reaction
// pointing at their message by seq, and one change of ours still in the outbox.
void writeOldCache(int version, const QString& cachePath, store::Database& workspace, const QString& userId, int behind)
{
    auto cache = open(cachePath);
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    REQUIRE(runner.migrateTo(*cache, QStringLiteral("sync"), version).ok());
    const bool refs = version >= 2;
    REQUIRE(cache->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('user_id', '%1')").arg(userId)).ok());

    auto streams = workspace.prepare(QStringLiteral("SELECT id, kind, name, topic, last_seq FROM streams"));
    auto insertStream = cache->prepare(
        QStringLiteral("INSERT INTO streams(id, kind, name, topic, cursor, oldest, head) VALUES(?, ?, ?, ?, ?, 1, ?)"));
    while ((*streams)->step().valueOr(false)) {
        const int64_t cached = std::max<int64_t>(0, (*streams)->int64(4) - behind);
        REQUIRE((*insertStream)
                    ->bind(1, (*streams)->text(0))
                    .bind(2, (*streams)->text(1))
                    .bind(3, (*streams)->text(2))
                    .bind(4, (*streams)->text(3))
                    .bind(5, cached)
                    .bind(6, cached)
                    .run()
                    .ok());
    }
    (*streams)->reset();

    auto events = workspace.prepare(QStringLiteral("SELECT e.stream, e.seq, 'evt-' || e.id, e.kind, e.author, e.body, "
                                                   "e.payload, e.server_time, e.ref FROM events e "
                                                   "JOIN streams s ON s.id = e.stream WHERE e.seq <= s.last_seq - ?"));
    auto insert = cache->prepare(
        refs ? QStringLiteral("INSERT INTO entries(stream, seq, server_id, kind, author, body, payload, "
                              "state, created_at, server_time, ref) VALUES(?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
             : QStringLiteral("INSERT INTO entries(stream, seq, server_id, kind, author, body, payload, "
                              "state, created_at, server_time) VALUES(?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    (*events)->bind(1, behind);
    while ((*events)->step().valueOr(false)) {
        (*insert)
            ->bind(1, (*events)->text(0))
            .bind(2, (*events)->int64(1))
            .bind(3, (*events)->text(2))
            .bind(4, (*events)->text(3))
            .bind(5, (*events)->text(4))
            .bind(6, (*events)->text(5))
            .bind(7, (*events)->blob(6))
            .bind(8, (*events)->int64(7))
            .bind(9, (*events)->int64(7));
        if (refs) {
            if ((*events)->isNull(8))
                (*insert)->bind(10, nullptr);
            else
                (*insert)->bind(10, (*events)->int64(8));
        }
        REQUIRE((*insert)->run().ok());
    }
    (*events)->reset();

    // A reply to the stream's first message, queued while offline (version 1 had no references).
    const QByteArray clientId = QUuid::createUuid().toRfc4122();
    const QByteArray payload = "{\"text\":\"queued reply\"}";
    auto entry = cache->prepare(
        refs ? QStringLiteral("INSERT INTO entries(stream, client_id, kind, author, body, payload, state, "
                              "created_at, ref) VALUES(?, ?, 'message', ?, 'queued reply', ?, 1, 1, 1)")
             : QStringLiteral("INSERT INTO entries(stream, client_id, kind, author, body, payload, state, "
                              "created_at) VALUES(?, ?, 'message', ?, 'queued reply', ?, 1, 1)"));
    REQUIRE((*entry)->bind(1, kGeneral).bind(2, clientId).bind(3, userId).bind(4, payload).run().ok());
    auto outbox = cache->prepare(
        refs ? QStringLiteral("INSERT INTO outbox(client_id, stream, kind, payload, body, created_at, ref) "
                              "VALUES(?, ?, 'message', ?, 'queued reply', 1, 1)")
             : QStringLiteral("INSERT INTO outbox(client_id, stream, kind, payload, body, created_at) "
                              "VALUES(?, ?, 'message', ?, 'queued reply', 1)"));
    REQUIRE((*outbox)->bind(1, clientId).bind(2, kGeneral).bind(3, payload).run().ok());
    REQUIRE(
        cache
            ->exec(QStringLiteral("INSERT INTO entries_fts(rowid, body) SELECT id, body FROM entries WHERE body <> ''"))
            .ok());
}

} // namespace

TEST_CASE("Caches of every earlier version upgrade in place and catch up in the server's order")
{
    for (int version : {1, 2}) {
        DYNAMIC_SECTION("from version " << version)
        {
            QTemporaryDir dir;
            QString userId;
            {
                SyncProfile first(dir.path(), QStringLiteral("alice"));
                REQUIRE(first.waitForState(sync::ConnectionState::Online));
                REQUIRE(QTest::qWaitFor([&] { return first.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0; },
                                        5000));
                userId = first.text(QStringLiteral("SELECT value FROM meta WHERE key = 'user_id'"));
            }
            const QString cachePath = dir.filePath(QStringLiteral("alice/cache.db"));
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(cachePath + suffix);
            {
                auto workspace =
                    open(dir.filePath(QStringLiteral("workspace.convene")), store::Database::Mode::ReadOnly);
                writeOldCache(version, cachePath, *workspace, userId, 2);
            }

            SyncProfile alice(dir.path(), QStringLiteral("alice"));
            REQUIRE(alice.waitForState(sync::ConnectionState::Online));
            REQUIRE(
                QTest::qWaitFor([&] { return alice.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0; }, 5000));
            auto workspace = open(dir.filePath(QStringLiteral("workspace.convene")), store::Database::Mode::ReadOnly);
            // Every stream's cache holds the workspace's events in its order: the old part and
            // what was caught up after it, with references by server id.
            // (Version 1 kept no references, so only the order is compared there.)
            const QString workspaceRef =
                version >= 2 ? QStringLiteral("(SELECT 'evt-' || t.id FROM events t WHERE t.stream = e.stream "
                                              "AND t.seq = e.ref)")
                             : QStringLiteral("NULL");
            const QString cacheRef = version >= 2 ? QStringLiteral("ref") : QStringLiteral("NULL");
            const QString workspaceOrder =
                QStringLiteral(
                    "SELECT group_concat(x, ' ') FROM (SELECT 'evt-' || e.id || '>' || coalesce(%2, '') AS x "
                    "FROM events e WHERE e.stream = '%1' ORDER BY e.seq)")
                    .arg(kGeneral, workspaceRef);
            const QString cacheOrder =
                QStringLiteral("SELECT group_concat(x, ' ') FROM (SELECT server_id || '>' || coalesce(%2, '') AS x "
                               "FROM entries WHERE stream = '%1' ORDER BY pos)")
                    .arg(kGeneral, cacheRef);
            REQUIRE(QTest::qWaitFor([&] { return alice.text(cacheOrder) == text(*workspace, workspaceOrder); }, 5000));
            const QString lastOwn = alice.text(
                QStringLiteral("SELECT body FROM entries WHERE stream = 'channel:general' ORDER BY pos DESC LIMIT 1"));
            CHECK(lastOwn == QStringLiteral("queued reply"));
            if (version >= 2) {
                // The queued reply still points at the first message, now by its server id.
                CHECK(text(*workspace, QStringLiteral("SELECT ref FROM events WHERE body = 'queued reply'")) ==
                      QStringLiteral("1"));
            }
            // Positions continue the old numbering: no entry moved.
            CHECK(alice.count(QStringLiteral("SELECT min(pos) FROM entries WHERE stream = 'channel:general'")) == 1);
            CHECK(alice.count(QStringLiteral("SELECT max(pos) - min(pos) + 1 - count(*) FROM entries "
                                             "WHERE stream = 'channel:general'")) == 0);
            CHECK(alice.count(QStringLiteral("SELECT history_complete FROM streams WHERE id = 'channel:general'")) ==
                  1);
            // The full-text index still answers, for old and new entries alike.
            CHECK(alice.count(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%queued reply%'")) ==
                  1);
            CHECK(alice.count(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%十点全员会议%'")) ==
                  1);
        }
    }
}
