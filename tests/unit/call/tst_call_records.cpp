// A call's entries in its conversation: who writes them (the one who started the call; everyone
// who joins or leaves it), their strict payload, and the start as every participant's clock reads
// it from the cache.
#include "call_bus.h"

#include <convene/call/call_record.h>
#include <convene/call/call_start_lookup.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTemporaryDir>

using convene::call::CallRecord;
using convene::call::CallSession;
using convene::call::CallStartLookup;

namespace {

const QString kChannel = QStringLiteral("channel:general");

// The sync cache in a temporary file, written the way sync writes events it receives.
struct Cache {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    std::unique_ptr<convene::store::Database> db;
    std::unique_ptr<convene::sync::CacheWriter> writer;
    int number = 0;

    Cache()
    {
        auto opened = convene::store::Database::open(path);
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        convene::store::MigrationRunner runner;
        runner.add(convene::sync::cacheSchema());
        REQUIRE(runner.migrate(*db).ok());
        writer = std::make_unique<convene::sync::CacheWriter>(*db, QStringLiteral("me"));
    }

    void event(const QString& kind, const QString& author, const QByteArray& payload, qint64 serverTime)
    {
        convene::sync::RemoteEvent e;
        e.stream = kChannel;
        e.serverId = QStringLiteral("e%1").arg(++number);
        e.cursor = QString::number(number);
        e.kind = kind;
        e.author = author;
        e.payload = payload;
        e.serverTime = serverTime;
        convene::store::ChangeSet changes;
        REQUIRE(e.serverId.size() > 0);
        REQUIRE(writer->applyEvents({e}, changes).ok());
    }
};

QByteArray started(const QString& callId)
{
    return CallRecord{callId, true}.encode();
}

} // namespace

TEST_CASE("Call records are read strictly")
{
    const auto decoded = CallRecord::decode(CallRecord{QStringLiteral("c1"), true}.encode());
    REQUIRE(decoded.ok());
    CHECK(decoded->callId == QLatin1String("c1"));
    CHECK(decoded->video);
    CHECK(CallRecord::decode(R"({"v":1,"call":"c1"})").ok());
    for (const QByteArray& bad :
         {QByteArray("nope"), QByteArray(R"([])"), QByteArray(R"({"v":2,"call":"c1"})"), QByteArray(R"({"v":1})"),
          QByteArray(R"({"v":1,"call":7})"), QByteArray(R"({"v":1,"call":"c1","video":1})"),
          QByteArray(R"({"v":1,"call":")") + QByteArray(129, 'x') + R"("})", QByteArray(2000, ' ')}) {
        const auto result = CallRecord::decode(bad);
        CHECK_FALSE(result.ok());
        if (!result.ok())
            CHECK(result.error().message.startsWith(QLatin1String("call record: ")));
    }
}

TEST_CASE("The one who starts a call records its start; everyone records joining and leaving")
{
    CallBus bus;
    bus.othersIn.insert(kChannel, 2);
    CallSession& alice = bus.add(QStringLiteral("alice"), QStringLiteral("a1"));
    CallSession& bob = bus.add(QStringLiteral("bob"), QStringLiteral("b1"));
    QSignalSpy aliceStarted(&alice, &CallSession::callStarted);
    QSignalSpy bobStarted(&bob, &CallSession::callStarted);
    QSignalSpy aliceJoined(&alice, &CallSession::callJoined);
    QSignalSpy bobJoined(&bob, &CallSession::callJoined);
    QSignalSpy aliceLeft(&alice, &CallSession::callLeft);
    QSignalSpy bobLeft(&bob, &CallSession::callLeft);

    REQUIRE(alice.start(kChannel, true).ok());
    REQUIRE(aliceStarted.count() == 1);
    CHECK(aliceStarted.at(0).at(0).toString() == kChannel);
    CHECK(aliceStarted.at(0).at(1).toString() == alice.callId());
    CHECK(aliceStarted.at(0).at(2).toBool());
    CHECK(aliceJoined.isEmpty()); // the start stands for the starter's joining
    bus.pump();
    REQUIRE(bob.accept().ok());
    bus.pump();
    CHECK(bobStarted.isEmpty()); // joining is not starting
    REQUIRE(bobJoined.count() == 1);
    CHECK(bobJoined.at(0).at(1).toString() == alice.callId());
    CHECK(bobJoined.at(0).at(2).toBool());
    const QString callId = alice.callId();

    // Both leave at once: neither has heard of the other's leaving, and both say they left.
    alice.leave();
    bob.leave();
    bus.pump();
    REQUIRE(aliceLeft.count() == 1);
    REQUIRE(bobLeft.count() == 1);
    CHECK(aliceLeft.at(0).at(0).toString() == kChannel);
    CHECK(aliceLeft.at(0).at(1).toString() == callId);
    CHECK(bobLeft.at(0).at(1).toString() == callId);
}

TEST_CASE("A call's start is its first start entry's server time once that is in the cache")
{
    Cache cache;
    const CallStartLookup lookup(cache.path);
    CHECK_FALSE(lookup.startOf(kChannel, QStringLiteral("c1")));
    CHECK_FALSE(
        CallStartLookup(cache.dir.filePath(QStringLiteral("missing.db"))).startOf(kChannel, QStringLiteral("c1")));

    cache.event(QStringLiteral("call.started"), QStringLiteral("li"), started(QStringLiteral("c0")), 1000);
    CHECK_FALSE(lookup.startOf(kChannel, QStringLiteral("c1")));
    cache.event(QStringLiteral("call.started"), QStringLiteral("li"), "not json", 1500);
    cache.event(QStringLiteral("call.started"), QStringLiteral("li"), started(QStringLiteral("c1")), 2000);
    cache.event(QStringLiteral("message"), QStringLiteral("li"), started(QStringLiteral("c1")), 2500);
    // Someone repeating the call's start later does not move it.
    cache.event(QStringLiteral("call.started"), QStringLiteral("ana"), started(QStringLiteral("c1")), 3000);
    CHECK(lookup.startOf(kChannel, QStringLiteral("c1")) == 2000);
    CHECK(lookup.startOf(kChannel, QStringLiteral("c0")) == 1000);
    CHECK_FALSE(lookup.startOf(QStringLiteral("channel:random"), QStringLiteral("c1")));
    CHECK_FALSE(lookup.startOf(kChannel, QString()));
}
