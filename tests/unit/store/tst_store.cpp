#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/full_text.h>
#include <convene/store/migrations.h>
#include <convene/store/transaction.h>

#include "catch_qt_strings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace convene;
using namespace convene::store;

namespace {

std::unique_ptr<Database> openDb(const QString& path)
{
    auto db = Database::open(path);
    REQUIRE(db.ok());
    return std::move(db).value();
}

int64_t scalar(Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql);
    REQUIRE(stmt.ok());
    REQUIRE((*stmt)->step().valueOr(false));
    const int64_t value = (*stmt)->int64(0);
    (*stmt)->reset();
    return value;
}

QString schemaDump(Database& db)
{
    auto stmt = db.prepare(
        QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    QString dump;
    while ((*stmt)->step().valueOr(false))
        dump += (*stmt)->text(0) + QLatin1Char(' ') + (*stmt)->text(1) + QLatin1Char(' ') + (*stmt)->text(2) +
                QLatin1Char('\n');
    (*stmt)->reset();
    return dump;
}

constexpr Migration kHistory[] = {
    {1, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);"},
    {2, "ALTER TABLE notes ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;"},
    {3, "CREATE INDEX notes_by_time ON notes(created_at);"},
    {4, "CREATE TABLE tags(note INTEGER REFERENCES notes(id), tag TEXT);"},
};
static_assert(migrationsOrdered(kHistory));
constexpr Migration kGap[] = {{1, "SELECT 1;"}, {3, "SELECT 1;"}};
static_assert(!migrationsOrdered(kGap));

} // namespace

TEST_CASE("Database opens in WAL mode with foreign keys and caches statements")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("a.db")));
    auto mode = db->prepare(QStringLiteral("PRAGMA journal_mode"));
    REQUIRE((*mode)->step().valueOr(false));
    CHECK((*mode)->text(0) == QStringLiteral("wal"));
    (*mode)->reset();
    CHECK(scalar(*db, QStringLiteral("PRAGMA foreign_keys")) == 1);
    auto first = db->prepare(QStringLiteral("SELECT 1"));
    auto second = db->prepare(QStringLiteral("SELECT 1"));
    CHECK((*first).get() == (*second).get());
}

TEST_CASE("Page caches are bounded: at most 4 MiB for a writer, 512 KiB for a reader")
{
    // A full page cache stays resident for as long as the connection is open.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.db"));
    auto writer = openDb(path);
    const int64_t writerCache = scalar(*writer, QStringLiteral("PRAGMA cache_size"));
    CHECK(writerCache < 0); // in KiB, not pages
    CHECK(-writerCache <= 4096);
    auto reader = store::Database::open(path, store::Database::Mode::ReadOnly);
    REQUIRE(reader.ok());
    CHECK(scalar(**reader, QStringLiteral("PRAGMA cache_size")) == -512);
}

TEST_CASE("A statement is reset when its lease ends, even when left mid-step")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("a.db")));
    store::Statement* raw = nullptr;
    {
        auto rows = db->prepare(QStringLiteral("SELECT 1 UNION ALL SELECT 2"));
        REQUIRE(rows);
        raw = (*rows).get();
        REQUIRE((*rows)->step().valueOr(false));
        CHECK(raw->inProgress());
    }
    CHECK_FALSE(raw->inProgress());
    // A lease moved on resets once, when its last holder ends.
    auto moved = [&] {
        auto rows = db->prepare(QStringLiteral("SELECT 1 UNION ALL SELECT 2"));
        REQUIRE((*rows)->step().valueOr(false));
        return store::PreparedStatement(std::move(rows).value());
    }();
    CHECK(moved->inProgress());
    CHECK(moved->step().valueOr(false));
    CHECK(moved->int64(0) == 2);
}

TEST_CASE("The statement cache is bounded: statements built from input do not pile up, and one in use stays")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("a.db")));
    auto held = db->prepare(QStringLiteral("SELECT 1 UNION ALL SELECT 2"));
    REQUIRE(held);
    REQUIRE((*held)->step().valueOr(false));
    for (int i = 0; i < 5000; ++i) {
        auto one = db->prepare(QStringLiteral("SELECT %1").arg(i));
        REQUIRE(one);
        REQUIRE((*one)->step().valueOr(false));
        CHECK((*one)->int64(0) == i);
    }
    CHECK(db->cachedStatements() <= Database::kStatementCacheLimit);
    // The statement leased before the flushes is still there, mid-step.
    CHECK((*held)->step().valueOr(false));
    CHECK((*held)->int64(0) == 2);
}

TEST_CASE("A file that is not a database is refused with a clear error, and left as it was")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.db"));
    QFile junk(path);
    REQUIRE(junk.open(QIODevice::WriteOnly));
    const QByteArray bytes(4096, 'j');
    junk.write(bytes);
    junk.close();
    auto db = Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == ErrorCode::Corrupt);
    CHECK(db.error().message.contains(path));
    QFile again(path);
    REQUIRE(again.open(QIODevice::ReadOnly));
    CHECK(again.readAll() == bytes);
}

TEST_CASE("Transactions roll back unless committed; bad SQL reports the statement")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("t.db")));
    REQUIRE(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER UNIQUE)")).ok());
    {
        Transaction tx(*db);
        REQUIRE(tx.began());
        REQUIRE((*db->prepare(QStringLiteral("INSERT INTO t VALUES(?)")))->bind(1, 1).run().ok());
    }
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM t")) == 0);
    {
        Transaction tx(*db);
        REQUIRE((*db->prepare(QStringLiteral("INSERT INTO t VALUES(?)")))->bind(1, 1).run().ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(scalar(*db, QStringLiteral("SELECT count(*) FROM t")) == 1);
    const Result<void> duplicate = (*db->prepare(QStringLiteral("INSERT INTO t VALUES(?)")))->bind(1, 1).run();
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().message.contains(QStringLiteral("UNIQUE")));
    auto broken = db->prepare(QStringLiteral("SELEKT nonsense"));
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.contains(QStringLiteral("SELEKT")));
}

TEST_CASE("Migrating from every historical version gives the same schema as a fresh database")
{
    QTemporaryDir dir;
    MigrationRunner runner;
    runner.add({QStringLiteral("notes"), kHistory});

    auto fresh = openDb(dir.filePath(QStringLiteral("fresh.db")));
    REQUIRE(runner.migrate(*fresh).ok());
    CHECK(MigrationRunner::installedVersion(*fresh, QStringLiteral("notes")).value() == 4);
    const QString expected = schemaDump(*fresh);

    for (int from = 0; from <= 4; ++from) {
        INFO("from version " << from);
        auto db = openDb(dir.filePath(QStringLiteral("from-%1.db").arg(from)));
        REQUIRE(runner.migrateTo(*db, QStringLiteral("notes"), from).ok());
        CHECK(MigrationRunner::installedVersion(*db, QStringLiteral("notes")).value() == from);
        REQUIRE(runner.migrate(*db).ok());
        CHECK(schemaDump(*db) == expected);
    }
}

TEST_CASE("Migrations that are not numbered 1, 2, 3 are refused before touching the file")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("gap.db")));
    MigrationRunner runner;
    runner.add({QStringLiteral("gap"), kGap});
    const Result<void> result = runner.migrate(*db);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.contains(QStringLiteral("gap")));
}

TEST_CASE("A database written by a newer version is refused and left unchanged")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.db"));
    {
        auto db = openDb(path);
        MigrationRunner runner;
        runner.add({QStringLiteral("notes"), kHistory});
        REQUIRE(runner.migrate(*db).ok());
        REQUIRE(db->exec(QStringLiteral("UPDATE schema_versions SET version = 9 WHERE module = 'notes'")).ok());
    }
    auto db = openDb(path);
    const QString before = schemaDump(*db);
    MigrationRunner older;
    older.add({QStringLiteral("notes"), std::span<const Migration>(kHistory, 2)});
    const Result<void> result = older.migrate(*db);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == ErrorCode::Unsupported);
    CHECK(result.error().message.contains(QStringLiteral("newer version")));
    CHECK(schemaDump(*db) == before);
    CHECK(MigrationRunner::installedVersion(*db, QStringLiteral("notes")).value() == 9);
}

TEST_CASE("Another connection's commits are noticed through data_version")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.db"));
    auto writer = openDb(path);
    auto reader = openDb(path);
    REQUIRE(writer->exec(QStringLiteral("CREATE TABLE t(x)")).ok());
    reader->changedByOthers();
    CHECK_FALSE(reader->changedByOthers());
    REQUIRE(writer->exec(QStringLiteral("INSERT INTO t VALUES(1)")).ok());
    CHECK(reader->changedByOthers());
    CHECK_FALSE(reader->changedByOthers());
}

TEST_CASE("Change sets posted from another thread arrive merged on the receiver's thread")
{
    ChangeNotifier notifier;
    QSignalSpy spy(&notifier, &ChangeNotifier::changed);
    QThread* writer = QThread::create([&] {
        notifier.post({{QStringLiteral("entries")}, {QStringLiteral("channel:a")}});
        notifier.post({{QStringLiteral("outbox")}, {QStringLiteral("channel:b")}});
    });
    writer->start();
    writer->wait();
    delete writer;
    REQUIRE(spy.wait(1000));
    REQUIRE(spy.count() == 1);
    const auto changes = spy.at(0).at(0).value<ChangeSet>();
    CHECK(changes.tables == QSet<QString>{QStringLiteral("entries"), QStringLiteral("outbox")});
    CHECK(changes.streams == QSet<QString>{QStringLiteral("channel:a"), QStringLiteral("channel:b")});
}

TEST_CASE("Search text becomes index patterns; short or wildcard terms are checked literally")
{
    const FullTextQuery query = fullTextQuery(QStringLiteral("  会议 明天的会议 Say 50%_off x "));
    // A wildcard term goes to the index as its pieces of three or more characters.
    CHECK(query.indexedPatterns ==
          QStringList{QStringLiteral("%明天的会议%"), QStringLiteral("%Say%"), QStringLiteral("%off%")});
    CHECK(query.literalTerms == QStringList{QStringLiteral("会议"), QStringLiteral("50%_off"), QStringLiteral("x")});
    CHECK(fullTextQuery(QStringLiteral("   ")).indexedPatterns.isEmpty());
}

TEST_CASE("The trigram index finds Chinese substrings")
{
    QTemporaryDir dir;
    auto db = openDb(dir.filePath(QStringLiteral("fts.db")));
    REQUIRE(
        db->exec(QStringLiteral("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='trigram', detail='none');"
                                "INSERT INTO f(body) VALUES('明天的会议改到下午'), ('会议明天的'), ('今天没有安排')"))
            .ok());
    auto match = db->prepare(QStringLiteral("SELECT body FROM f WHERE body LIKE ?"));
    (*match)->bind(1, fullTextQuery(QStringLiteral("明天的会议")).indexedPatterns.constFirst());
    REQUIRE((*match)->step().valueOr(false));
    CHECK((*match)->text(0) == QStringLiteral("明天的会议改到下午"));
    CHECK_FALSE((*match)->step().valueOr(true));
}
