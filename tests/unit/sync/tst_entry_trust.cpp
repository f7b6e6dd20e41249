// The rules entries must keep to be applied (entry_rules.h), as CacheWriter enforces them on a
// real cache file: who may edit, delete, write in a user's own stream, and add or remove
// members, always judged by the backend's envelope author. Entries that break a rule are kept
// in rejected_entries and never reach `entries` (or the search index); entries whose target
// has not arrived yet (history pages backwards) wait, held, and are decided when it does.
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>
#include <convene/sync/entry_rules.h>

#include "catch_qt_strings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace convene;
using sync::CacheWriter;
using sync::RemoteEvent;

namespace {

const QString kChannel = QStringLiteral("channel:team");

struct Cache {
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<CacheWriter> writer;
    int64_t clock = 1'760'000'000'000;

    explicit Cache(const QString& me = QStringLiteral("me"))
    {
        auto opened = store::Database::open(dir.filePath(QStringLiteral("cache.db")));
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        REQUIRE(runner.migrate(*db).ok());
        writer = std::make_unique<CacheWriter>(*db, me);
    }

    // The `n`th event of a stream as the backend numbers it: server id "<stream>/<n>".
    static RemoteEvent event(const QString& stream, int n, const QString& kind, const QString& author,
                             const QJsonObject& payload = {}, const QString& body = {}, int ref = 0)
    {
        RemoteEvent e;
        e.stream = stream;
        e.serverId = id(stream, n);
        e.cursor = QString::number(n);
        e.kind = kind;
        e.author = author;
        e.payload = payload.isEmpty() ? QByteArray() : QJsonDocument(payload).toJson(QJsonDocument::Compact);
        e.body = body;
        e.ref = ref ? id(stream, ref) : QString();
        e.serverTime = 1'760'000'000'000 + n;
        return e;
    }
    static QString id(const QString& stream, int n) { return stream + u'/' + QString::number(n); }

    void apply(const QList<RemoteEvent>& events, CacheWriter::Placement placement = CacheWriter::Placement::Newest)
    {
        store::ChangeSet changes;
        const Result<void> applied = writer->applyEvents(events, changes, placement);
        INFO((applied ? QString() : applied.error().message).toStdString());
        REQUIRE(applied.ok());
    }

    int64_t count(const QString& sql)
    {
        auto query = db->prepare(sql);
        REQUIRE(query.ok());
        REQUIRE((*query)->step().valueOr(false));
        return (*query)->int64(0);
    }
    QString text(const QString& sql)
    {
        auto query = db->prepare(sql);
        REQUIRE(query.ok());
        return (*query)->step().valueOr(false) ? (*query)->text(0) : QStringLiteral("<none>");
    }
    // Whether the entry is applied (in `entries`, not held), held, rejected (set aside), or unknown.
    QString fate(const QString& serverId)
    {
        const QString verdict =
            text(QStringLiteral("SELECT verdict FROM entries WHERE server_id = '%1'").arg(serverId));
        if (verdict == u"0")
            return QStringLiteral("applied");
        if (verdict == u"1")
            return QStringLiteral("held");
        if (count(QStringLiteral("SELECT count(*) FROM rejected_entries WHERE server_id = '%1'").arg(serverId)) == 1)
            return QStringLiteral("rejected");
        return QStringLiteral("unknown");
    }
    // FTS5 compares its index with the entries it was built from.
    bool indexIntact()
    {
        return db->exec(QStringLiteral("INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')")).ok();
    }
    int64_t indexed(const QString& term)
    {
        return count(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%%1%'").arg(term));
    }
};

RemoteEvent message(const QString& stream, int n, const QString& author, const QString& text)
{
    return Cache::event(stream, n, QStringLiteral("message"), author, {{QStringLiteral("text"), text}}, text);
}

RemoteEvent edit(const QString& stream, int n, const QString& author, int target, const QString& text)
{
    return Cache::event(stream, n, QStringLiteral("message.edit"), author, {{QStringLiteral("text"), text}}, text,
                        target);
}

RemoteEvent remove(const QString& stream, int n, const QString& author, int target)
{
    return Cache::event(stream, n, QStringLiteral("message.delete"), author, {}, {}, target);
}

RemoteEvent created(const QString& stream, int n, const QString& author)
{
    return Cache::event(stream, n, QStringLiteral("stream.create"), author,
                        {{QStringLiteral("kind"), QStringLiteral("channel")}, {QStringLiteral("name"), stream}});
}

RemoteEvent membership(const QString& stream, int n, const QString& kind, const QString& author,
                       const QString& user = {})
{
    return Cache::event(stream, n, kind, author,
                        user.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("user"), user}});
}

} // namespace

TEST_CASE("Edits count only from the message's author; others' edits are kept aside and never indexed", "[security]")
{
    Cache cache;
    cache.apply({message(kChannel, 1, QStringLiteral("alice"), QStringLiteral("lunch at noon")),
                 edit(kChannel, 2, QStringLiteral("mallory"), 1, QStringLiteral("lunch is cancelled forever")),
                 edit(kChannel, 3, QStringLiteral("alice"), 1, QStringLiteral("lunch at one"))});
    CHECK(cache.fate(Cache::id(kChannel, 2)) == QStringLiteral("rejected"));
    CHECK(cache.fate(Cache::id(kChannel, 3)) == QStringLiteral("applied"));
    CHECK(cache.count(QStringLiteral("SELECT count(*) FROM entries WHERE author = 'mallory'")) == 0);
    CHECK(cache.indexed(QStringLiteral("cancelled forever")) == 0);
    CHECK(cache.indexed(QStringLiteral("lunch at one")) == 1);
    // Kept as it came, with why.
    CHECK(cache.text(QStringLiteral("SELECT body FROM rejected_entries")) ==
          QStringLiteral("lunch is cancelled forever"));
    CHECK(cache.text(QStringLiteral("SELECT reason FROM rejected_entries")).contains(QStringLiteral("mallory")));

    // Delivered again (a catch-up after a reconnect): still aside, still once.
    cache.apply({edit(kChannel, 2, QStringLiteral("mallory"), 1, QStringLiteral("lunch is cancelled forever"))});
    CHECK(cache.count(QStringLiteral("SELECT count(*) FROM rejected_entries")) == 1);
    CHECK(cache.count(QStringLiteral("SELECT count(*) FROM entries WHERE author = 'mallory'")) == 0);
    CHECK(cache.indexIntact());
}

TEST_CASE("Deletions count from the author or the stream's owner only", "[security]")
{
    Cache cache;
    cache.apply({created(kChannel, 1, QStringLiteral("olga")),
                 message(kChannel, 2, QStringLiteral("alice"), QStringLiteral("first")),
                 message(kChannel, 3, QStringLiteral("alice"), QStringLiteral("second")),
                 message(kChannel, 4, QStringLiteral("bob"), QStringLiteral("third")),
                 remove(kChannel, 5, QStringLiteral("mallory"), 2)});
    // The stream's first entry (its creation by Olga) is known once a page reaches it.
    store::ChangeSet changes;
    REQUIRE(cache.writer->recordHistoryStart(kChannel, created(kChannel, 1, QStringLiteral("olga")), changes).ok());
    CHECK(cache.text(QStringLiteral("SELECT owner FROM streams WHERE id = '%1'").arg(kChannel)) ==
          QStringLiteral("olga"));
    cache.apply({remove(kChannel, 6, QStringLiteral("alice"), 3), remove(kChannel, 7, QStringLiteral("olga"), 4)});
    CHECK(cache.fate(Cache::id(kChannel, 5)) == QStringLiteral("rejected"));
    CHECK(cache.fate(Cache::id(kChannel, 6)) == QStringLiteral("applied"));
    CHECK(cache.fate(Cache::id(kChannel, 7)) == QStringLiteral("applied"));
    // Mallory's deletion left the message as it was.
    CHECK(cache.text(QStringLiteral("SELECT body FROM entries WHERE server_id = '%1'").arg(Cache::id(kChannel, 2))) ==
          QStringLiteral("first"));
    CHECK(cache.indexed(QStringLiteral("first")) == 1);
    CHECK(cache.indexed(QStringLiteral("second")) == 0);
    CHECK(cache.indexed(QStringLiteral("third")) == 0);
    CHECK(cache.indexIntact());
}

TEST_CASE("A deletion by someone who may own the stream waits until its first entry is known", "[security]")
{
    Cache cache;
    const QString stream = QStringLiteral("channel:big");
    // Only the newest page is cached: the stream's beginning (who created it) is not.
    cache.apply({message(stream, 50, QStringLiteral("alice"), QStringLiteral("keep me")),
                 remove(stream, 51, QStringLiteral("mallory"), 50), remove(stream, 52, QStringLiteral("olga"), 50)});
    CHECK(cache.fate(Cache::id(stream, 51)) == QStringLiteral("held"));
    CHECK(cache.fate(Cache::id(stream, 52)) == QStringLiteral("held"));
    CHECK(cache.indexed(QStringLiteral("keep me")) == 1); // nothing applied yet

    // Older pages reach the beginning: Olga created the stream.
    cache.apply({created(stream, 1, QStringLiteral("olga"))}, CacheWriter::Placement::Oldest);
    store::ChangeSet changes;
    REQUIRE(cache.writer->recordHistoryStart(stream, created(stream, 1, QStringLiteral("olga")), changes).ok());
    CHECK(cache.fate(Cache::id(stream, 51)) == QStringLiteral("rejected"));
    CHECK(cache.fate(Cache::id(stream, 52)) == QStringLiteral("applied"));
    CHECK(cache.indexed(QStringLiteral("keep me")) == 0);

    // A stream that began otherwise (the workspace seeded it) has no owner: only authors delete.
    const QString seeded = QStringLiteral("channel:seeded");
    cache.apply({membership(seeded, 1, QStringLiteral("member.join"), QStringLiteral("olga")),
                 message(seeded, 2, QStringLiteral("alice"), QStringLiteral("seeded text")),
                 created(seeded, 3, QStringLiteral("mallory")), remove(seeded, 4, QStringLiteral("mallory"), 2)});
    REQUIRE(cache.writer
                ->recordHistoryStart(
                    seeded, membership(seeded, 1, QStringLiteral("member.join"), QStringLiteral("olga")), changes)
                .ok());
    CHECK(cache.fate(Cache::id(seeded, 4)) == QStringLiteral("rejected"));
    CHECK(cache.text(QStringLiteral("SELECT owner FROM streams WHERE id = '%1'").arg(seeded)).isEmpty());
    CHECK(cache.indexIntact());
}

TEST_CASE("Edits and deletions that arrive before their message are decided when it arrives", "[security]")
{
    Cache cache;
    // History pages backwards (as an XMPP archive is read): the newest page holds the edits and
    // deletions, an older page the messages they are about.
    cache.apply({edit(kChannel, 10, QStringLiteral("mallory"), 2, QStringLiteral("forged words")),
                 edit(kChannel, 11, QStringLiteral("alice"), 2, QStringLiteral("real words")),
                 remove(kChannel, 12, QStringLiteral("mallory"), 3), remove(kChannel, 13, QStringLiteral("bob"), 4)},
                CacheWriter::Placement::Newest);
    for (int n : {10, 11, 12, 13})
        CHECK(cache.fate(Cache::id(kChannel, n)) == QStringLiteral("held"));
    CHECK(cache.indexed(QStringLiteral("forged words")) == 0); // held entries are not searchable
    CHECK(cache.indexed(QStringLiteral("real words")) == 0);

    cache.apply({message(kChannel, 2, QStringLiteral("alice"), QStringLiteral("original words")),
                 message(kChannel, 3, QStringLiteral("alice"), QStringLiteral("still here")),
                 message(kChannel, 4, QStringLiteral("bob"), QStringLiteral("bob's secret"))},
                CacheWriter::Placement::Oldest);
    CHECK(cache.fate(Cache::id(kChannel, 10)) == QStringLiteral("rejected"));
    CHECK(cache.fate(Cache::id(kChannel, 11)) == QStringLiteral("applied"));
    CHECK(cache.fate(Cache::id(kChannel, 13)) == QStringLiteral("applied"));
    // Mallory is not the author; whether Mallory owns the stream is known at its beginning.
    CHECK(cache.fate(Cache::id(kChannel, 12)) == QStringLiteral("held"));
    const RemoteEvent first = membership(kChannel, 1, QStringLiteral("member.join"), QStringLiteral("alice"));
    cache.apply({first}, CacheWriter::Placement::Oldest);
    store::ChangeSet changes;
    REQUIRE(cache.writer->recordHistoryStart(kChannel, first, changes).ok());
    CHECK(cache.fate(Cache::id(kChannel, 12)) == QStringLiteral("rejected"));
    CHECK(cache.indexed(QStringLiteral("forged words")) == 0);
    CHECK(cache.indexed(QStringLiteral("real words")) == 1);
    CHECK(cache.indexed(QStringLiteral("still here")) == 1);
    CHECK(cache.indexed(QStringLiteral("secret")) == 0); // deleted by its author: erased on arrival
    CHECK(cache.text(QStringLiteral("SELECT body FROM entries WHERE server_id = '%1'").arg(Cache::id(kChannel, 4)))
              .isEmpty());
    // The cache's order has no hole where the set-aside entries were placed before.
    CHECK(cache.count(
              QStringLiteral("SELECT count(*) FROM entries WHERE stream = '%1' AND pos IS NULL").arg(kChannel)) == 0);
    CHECK(cache.indexIntact());
}

TEST_CASE("Only a user writes their own stream: others' read markers, stars, mutes and memberships are kept aside",
          "[security]")
{
    Cache cache;
    const QString mine = QStringLiteral("user:me");
    cache.apply(
        {Cache::event(mine, 1, QStringLiteral("pref"), QStringLiteral("me"),
                      {{QStringLiteral("stream"), kChannel}, {QStringLiteral("starred"), true}}),
         Cache::event(mine, 2, QStringLiteral("pref"), QStringLiteral("mallory"),
                      {{QStringLiteral("stream"), kChannel}, {QStringLiteral("muted"), true}}),
         Cache::event(mine, 3, QStringLiteral("pref"), QStringLiteral("mallory"),
                      {{QStringLiteral("stream"), QStringLiteral("private:secret")}, {QStringLiteral("member"), true}}),
         Cache::event(mine, 4, QStringLiteral("read"), QStringLiteral("mallory"),
                      {{QStringLiteral("stream"), kChannel}, {QStringLiteral("id"), QStringLiteral("x")}}),
         Cache::event(mine, 5, QStringLiteral("read"), QString(),
                      {{QStringLiteral("stream"), kChannel}, {QStringLiteral("id"), QStringLiteral("y")}})});
    CHECK(cache.fate(Cache::id(mine, 1)) == QStringLiteral("applied"));
    for (int n : {2, 3, 4, 5}) // an entry without an author is nobody's
        CHECK(cache.fate(Cache::id(mine, n)) == QStringLiteral("rejected"));
    CHECK(cache.indexIntact());
}

TEST_CASE("Members join and leave themselves; invitations add others; only the owner removes others", "[security]")
{
    Cache cache;
    const QString stream = QStringLiteral("private:plans");
    const QString join = QStringLiteral("member.join");
    const QString leave = QStringLiteral("member.leave");
    cache.apply({created(stream, 1, QStringLiteral("olga")), membership(stream, 2, join, QStringLiteral("olga")),
                 membership(stream, 3, join, QStringLiteral("olga"), QStringLiteral("alice")), // Olga invites Alice
                 membership(stream, 4, join, QStringLiteral("alice"), QStringLiteral("bob")), // Alice invites Bob
                 membership(stream, 5, leave, QStringLiteral("bob"), QStringLiteral("alice"))}); // Bob removes Alice?
    CHECK(cache.fate(Cache::id(stream, 5)) == QStringLiteral("held")); // who owns it is not known yet
    store::ChangeSet changes;
    REQUIRE(cache.writer->recordHistoryStart(stream, created(stream, 1, QStringLiteral("olga")), changes).ok());
    for (int n : {2, 3, 4})
        CHECK(cache.fate(Cache::id(stream, n)) == QStringLiteral("applied"));
    CHECK(cache.fate(Cache::id(stream, 5)) == QStringLiteral("rejected"));

    cache.apply({membership(stream, 6, leave, QStringLiteral("olga"), QStringLiteral("bob")), // the owner removes Bob
                 membership(stream, 7, leave, QStringLiteral("alice")), // Alice leaves
                 membership(stream, 8, leave, QStringLiteral("mallory"), QStringLiteral("olga"))});
    CHECK(cache.fate(Cache::id(stream, 6)) == QStringLiteral("applied"));
    CHECK(cache.fate(Cache::id(stream, 7)) == QStringLiteral("applied"));
    CHECK(cache.fate(Cache::id(stream, 8)) == QStringLiteral("rejected"));
    // The payload's "user" never makes anyone the author: Mallory naming Olga as the subject of
    // a join changes nothing about who wrote it.
    CHECK(cache.text(
              QStringLiteral("SELECT author FROM rejected_entries WHERE server_id = '%1'").arg(Cache::id(stream, 8))) ==
          QStringLiteral("mallory"));
    CHECK(cache.indexIntact());
}

TEST_CASE("A deleted message keeps its place and thread but loses its text, its edits' text and its index rows",
          "[security]")
{
    Cache cache;
    cache.apply({message(kChannel, 1, QStringLiteral("alice"), QStringLiteral("root")),
                 Cache::event(kChannel, 2, QStringLiteral("message"), QStringLiteral("alice"),
                              {{QStringLiteral("text"), QStringLiteral("my password is hunter2")},
                               {QStringLiteral("attachments"), QStringLiteral("[]")}},
                              QStringLiteral("my password is hunter2"), 1),
                 edit(kChannel, 3, QStringLiteral("alice"), 2, QStringLiteral("my password is hunter3")),
                 remove(kChannel, 4, QStringLiteral("alice"), 2),
                 // An edit the backend orders after the deletion is erased as it arrives.
                 edit(kChannel, 5, QStringLiteral("alice"), 2, QStringLiteral("my password is hunter4"))});
    CHECK(cache.count(QStringLiteral("SELECT count(*) FROM entries WHERE body LIKE '%hunter%' OR "
                                     "CAST(payload AS TEXT) LIKE '%hunter%'")) == 0);
    CHECK(cache.indexed(QStringLiteral("hunter")) == 0);
    const QString target = Cache::id(kChannel, 2);
    CHECK(cache.text(QStringLiteral("SELECT ref FROM entries WHERE server_id = '%1'").arg(target)) ==
          Cache::id(kChannel, 1));
    CHECK(cache.count(QStringLiteral("SELECT pos IS NOT NULL FROM entries WHERE server_id = '%1'").arg(target)) == 1);
    CHECK(cache.fate(Cache::id(kChannel, 4)) == QStringLiteral("applied"));
    CHECK(cache.indexIntact());
}

TEST_CASE("A cache from before the rules is judged again: what breaks them is set aside, deletions erase")
{
    // As an earlier version cached it: every entry applied as it came.
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    QTemporaryDir dir;
    auto opened = store::Database::open(dir.filePath(QStringLiteral("old.db")));
    REQUIRE(opened.ok());
    store::Database& old = **opened;
    REQUIRE(runner.migrateTo(old, QStringLiteral("sync"), 3).ok());
    REQUIRE(
        old
            .exec(QStringLiteral(
                "INSERT INTO streams(id, kind) VALUES('channel:team', 'channel'), ('user:me', 'user');"
                "INSERT INTO entries(stream, pos, server_id, kind, author, body, payload, created_at, ref) VALUES"
                "('channel:team', 1, 'm1', 'message', 'alice', 'the plan', '{\"text\":\"the plan\"}', 1, NULL),"
                "('channel:team', 2, 'e1', 'message.edit', 'mallory', 'forged plan', '{\"text\":\"forged plan\"}', 2, "
                "'m1'),"
                "('channel:team', 3, 'm2', 'message', 'alice', 'old secret', '{\"text\":\"old secret\"}', 3, NULL),"
                "('channel:team', 4, 'd1', 'message.delete', 'alice', '', NULL, 4, 'm2'),"
                "('user:me', 1, 'p1', 'pref', 'mallory', '', '{\"stream\":\"channel:team\",\"muted\":true}', 5, NULL);"
                "INSERT INTO entries_fts(rowid, body) SELECT id, body FROM entries WHERE body <> '';"))
            .ok());
    REQUIRE(runner.migrate(old).ok());
    CacheWriter writer(old, QStringLiteral("me"));
    REQUIRE(writer.decideHeld().ok());
    auto scalar = [&](const QString& sql) {
        auto query = old.prepare(sql);
        REQUIRE(query.ok());
        REQUIRE((*query)->step().valueOr(false));
        return (*query)->text(0);
    };
    CHECK(scalar(QStringLiteral("SELECT group_concat(server_id) FROM (SELECT server_id FROM rejected_entries "
                                "ORDER BY server_id)")) == QStringLiteral("e1,p1"));
    CHECK(scalar(QStringLiteral("SELECT count(*) FROM entries WHERE verdict <> 0")) == QStringLiteral("0"));
    CHECK(scalar(QStringLiteral("SELECT body FROM entries WHERE server_id = 'm2'")).isEmpty());
    CHECK(
        scalar(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%secret%' OR body LIKE '%forged%'")) ==
        QStringLiteral("0"));
    CHECK(scalar(QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%the plan%'")) ==
          QStringLiteral("1"));
    CHECK(old.exec(QStringLiteral("INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')")).ok());
}

TEST_CASE("The rules judge by the envelope's author, never by a payload")
{
    using sync::Verdict;
    sync::EntryFacts forged{QStringLiteral("user:alice"),
                            QStringLiteral("pref"),
                            QStringLiteral("mallory"),
                            R"({"author":"alice","user":"alice"})",
                            {},
                            std::nullopt,
                            std::nullopt};
    CHECK(sync::judgeEntry(forged).verdict == Verdict::Reject);
    sync::EntryFacts edit{kChannel,
                          QStringLiteral("message.edit"),
                          QStringLiteral("mallory"),
                          R"({"author":"alice"})",
                          QStringLiteral("m1"),
                          QStringLiteral("alice"),
                          QStringLiteral("")};
    CHECK(sync::judgeEntry(edit).verdict == Verdict::Reject);
    edit.author = QStringLiteral("alice");
    CHECK(sync::judgeEntry(edit).verdict == Verdict::Apply);
    sync::EntryFacts orphan = edit;
    orphan.ref.clear();
    CHECK(sync::judgeEntry(orphan).verdict == Verdict::Reject);
    CHECK(sync::membershipSubject(R"({"user":42})", QStringLiteral("bob")) == QStringLiteral("bob"));
    CHECK(sync::membershipSubject("not json", QStringLiteral("bob")) == QStringLiteral("bob"));
    CHECK(sync::membershipSubject(R"({"user":"carol"})", QStringLiteral("bob")) == QStringLiteral("carol"));
}
