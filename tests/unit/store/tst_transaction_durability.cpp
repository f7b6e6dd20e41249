// Transactions that must survive a power loss: Durability::Full runs with synchronous=FULL (the
// write-ahead log is fsynced at the commit) and puts the connection's own setting back however
// the transaction ends. The fsyncs are counted by a VFS of the test's own (faulty_disk.h).
#include <convene/store/database.h>
#include <convene/store/transaction.h>

#include "catch_qt_strings.h"
#include "faulty_disk.h"

#include <QTemporaryDir>

using namespace convene;
using namespace convene::store;

namespace {

constexpr int kNormal = 1;
constexpr int kFull = 2;

struct Fixture {
    test::FaultyDisk& disk = test::FaultyDisk::install();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("t.db"));
    std::unique_ptr<Database> db;

    Fixture()
    {
        auto opened = Database::open(path);
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        REQUIRE(db->exec(QStringLiteral("CREATE TABLE t(x)")).ok());
    }

    int level() { return db->synchronous().valueOr(-1); }
    Result<void> insert(int x) { return db->exec(QStringLiteral("INSERT INTO t VALUES(%1)").arg(x)); }
    int64_t rows()
    {
        auto count = db->prepare(QStringLiteral("SELECT count(*) FROM t"));
        REQUIRE((*count)->step().valueOr(false));
        return (*count)->int64(0);
    }
};

} // namespace

TEST_CASE("A Full transaction runs with synchronous=FULL and syncs the log at its commit")
{
    Fixture f;
    REQUIRE(f.level() == kNormal); // the write connection's own setting
    const int before = f.disk.walSyncs(f.path);
    {
        Transaction tx(*f.db, Transaction::Durability::Full);
        REQUIRE(tx.began());
        CHECK(f.level() == kFull);
        REQUIRE(f.insert(1).ok());
        REQUIRE(tx.commit().ok());
        CHECK(f.level() == kNormal);
    }
    CHECK(f.disk.walSyncs(f.path) > before);
    CHECK(f.rows() == 1);
}

TEST_CASE("A Normal transaction keeps the connection's setting and does not wait for the disk")
{
    Fixture f;
    const int before = f.disk.walSyncs(f.path);
    {
        Transaction tx(*f.db);
        CHECK(f.level() == kNormal);
        REQUIRE(f.insert(1).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(f.disk.walSyncs(f.path) == before);
}

TEST_CASE("The setting comes back after a rollback and after a commit the full disk refused")
{
    Fixture f;
    {
        Transaction tx(*f.db, Transaction::Durability::Full);
        REQUIRE(f.insert(1).ok());
    } // rolled back
    CHECK(f.level() == kNormal);
    CHECK(f.rows() == 0);

    f.disk.setFull(f.path, true);
    {
        Transaction tx(*f.db, Transaction::Durability::Full);
        REQUIRE(tx.began());
        REQUIRE(f.insert(2).ok()); // still in the page cache
        const Result<void> committed = tx.commit();
        REQUIRE_FALSE(committed.ok());
        CHECK(committed.error().code == ErrorCode::Io);
    }
    f.disk.setFull(f.path, false);
    CHECK(f.level() == kNormal);
    CHECK(f.rows() == 0); // nothing half-written
    {
        Transaction tx(*f.db, Transaction::Durability::Full);
        REQUIRE(f.insert(3).ok());
        REQUIRE(tx.commit().ok());
    }
    CHECK(f.rows() == 1);
}
