// The look at the cache before a workspace opens it: a healthy or missing cache passes; one that
// is not a database, is cut short, or has a damaged page in a table read first is reported as
// damaged, with the changes its outbox still holds; moving it aside keeps every file of it.
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_check.h>
#include <convene/sync/cache_schema.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace convene;

namespace {

struct Cache {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    QList<QUuid> queued;

    // A migrated cache with `outboxRows` queued changes and `filler` other entries, all in the
    // one file (checkpointed).
    void create(int outboxRows, int filler = 0)
    {
        auto opened = store::Database::open(path);
        REQUIRE(opened.ok());
        store::Database& db = **opened;
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        REQUIRE(runner.migrate(db).ok());
        auto outbox =
            db.prepare(QStringLiteral("INSERT INTO outbox(client_id, stream, kind, payload, body, created_at, "
                                      "ref, ref_client) VALUES(?, 'channel:general', 'message', ?, ?, ?, ?, ?)"));
        for (int i = 0; i < outboxRows; ++i) {
            const QUuid id = QUuid::createUuid();
            queued << id;
            (*outbox)
                ->bind(1, id.toRfc4122())
                .bind(2, QByteArray("{\"text\":\"queued ") + QByteArray::number(i) + "\"}")
                .bind(3, QStringLiteral("queued %1").arg(i))
                .bind(4, int64_t(1'750'000'000'000 + i));
            if (i == 1) // a reaction to the first, still unsent
                (*outbox)->bind(5, nullptr).bind(6, queued.first().toRfc4122());
            else
                (*outbox)->bind(5, QStringLiteral("srv-%1").arg(i)).bind(6, nullptr);
            REQUIRE((*outbox)->run().ok());
        }
        auto entry = db.prepare(
            QStringLiteral("INSERT INTO entries(stream, pos, server_id, kind, author, body, state, created_at) "
                           "VALUES('channel:general', ?, ?, 'message', 'someone', ?, 0, 0)"));
        for (int i = 0; i < filler; ++i)
            REQUIRE((*entry)
                        ->bind(1, int64_t(i + 1))
                        .bind(2, QStringLiteral("filler-%1").arg(i))
                        .bind(3, QString(400, QChar(u'a' + i % 26)))
                        .run()
                        .ok());
        REQUIRE(db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
    }

    int64_t scalar(const QString& sql)
    {
        auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
        REQUIRE(db.ok());
        auto query = (*db)->prepare(sql);
        REQUIRE((*query)->step().valueOr(false));
        return (*query)->int64(0);
    }

    // Overwrites page `page` (1-based) with bytes that are no b-tree page.
    void spoilPage(int64_t page)
    {
        const int64_t size = scalar(QStringLiteral("PRAGMA page_size"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek((page - 1) * size));
        REQUIRE(file.write(QByteArray(int(size), '\xA5')) == size);
    }
};

} // namespace

TEST_CASE("A missing or healthy cache passes, with the number of changes it has queued")
{
    Cache cache;
    CHECK_FALSE(sync::checkCache(cache.path).damaged);
    cache.create(3, 50);
    const sync::CacheCheck check = sync::checkCache(cache.path);
    CHECK_FALSE(check.damaged);
    CHECK(check.problem.isEmpty());
    CHECK(check.unsent == 3);
}

TEST_CASE("A file that is not a database is damaged, and nothing can be read from it")
{
    Cache cache;
    QFile file(cache.path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(32 * 1024, 'x'));
    file.close();
    const sync::CacheCheck check = sync::checkCache(cache.path);
    CHECK(check.damaged);
    CHECK(check.problem.contains(QStringLiteral("not a database")));
    CHECK(check.unsent == 0);
    CHECK(sync::readOutbox(cache.path).isEmpty());
}

TEST_CASE("A cache cut short is damaged; its outbox is still read, in order, as it was submitted")
{
    Cache cache;
    cache.create(3, 2000);
    const int64_t pages = cache.scalar(QStringLiteral("PRAGMA page_count"));
    const int64_t pageSize = cache.scalar(QStringLiteral("PRAGMA page_size"));
    REQUIRE(cache.scalar(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'")) < pages / 2);
    REQUIRE(QFile::resize(cache.path, pages / 2 * pageSize));

    const sync::CacheCheck check = sync::checkCache(cache.path);
    CHECK(check.damaged);
    CHECK(check.problem.contains(QStringLiteral("malformed")));
    CHECK(check.unsent == 3);
    const QList<sync::Mutation> unsent = sync::readOutbox(cache.path);
    REQUIRE(unsent.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(unsent.at(i).clientId == cache.queued.at(i));
        CHECK(unsent.at(i).stream == QStringLiteral("channel:general"));
        CHECK(unsent.at(i).kind == QStringLiteral("message"));
        CHECK(unsent.at(i).body == QStringLiteral("queued %1").arg(i));
        CHECK(unsent.at(i).createdAt == 1'750'000'000'000 + i);
    }
    CHECK(unsent.at(0).ref == QStringLiteral("srv-0"));
    CHECK(unsent.at(1).ref.isEmpty());
    CHECK(unsent.at(1).refClientId == cache.queued.first());
}

TEST_CASE("A damaged page in a table read first is found at the check, in a small and a large cache")
{
    for (const int filler : {0, 30'000}) { // ~0.1 MB: the whole file is checked; ~15 MB: the first-read tables
        Cache cache;
        cache.create(1, filler);
        REQUIRE(QFileInfo(cache.path).size() > (filler ? sync::kWholeFileCheckBytes : 0));
        cache.spoilPage(cache.scalar(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'streams'")));
        const sync::CacheCheck check = sync::checkCache(cache.path);
        CHECK(check.damaged);
        CHECK_FALSE(check.problem.isEmpty());
        CHECK(check.unsent == 1); // the outbox itself is whole
    }
}

TEST_CASE("Moving a damaged cache aside keeps the file and its log under a dated name")
{
    Cache cache;
    cache.create(1);
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile extra(cache.path + suffix);
        REQUIRE(extra.open(QIODevice::WriteOnly));
        extra.write(suffix.toUtf8());
    }
    const QByteArray original = [&] {
        QFile f(cache.path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }();
    const QDateTime when(QDate(2031, 3, 12), QTime(9, 5, 7));
    const Result<QString> moved = sync::moveCacheAside(cache.path, when);
    REQUIRE(moved.ok());
    CHECK(*moved == cache.path + QStringLiteral(".damaged-20310312-090507"));
    CHECK_FALSE(QFileInfo::exists(cache.path));
    CHECK_FALSE(QFileInfo::exists(cache.path + QStringLiteral("-wal")));
    QFile kept(*moved);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == original);
    QFile keptLog(*moved + QStringLiteral("-wal"));
    REQUIRE(keptLog.open(QIODevice::ReadOnly));
    CHECK(keptLog.readAll() == QByteArray("-wal"));

    // A second damaged cache in the same second gets a name of its own.
    cache.create(1);
    const Result<QString> again = sync::moveCacheAside(cache.path, when);
    REQUIRE(again.ok());
    CHECK(*again == cache.path + QStringLiteral(".damaged-20310312-090507-2"));
    CHECK(QFileInfo::exists(*moved));
}
