// The backend goes away in the middle of a stream of messages and comes back: everything
// queued meanwhile is delivered in order, exactly once, and the UI thread never stalls.
#include "sync_fixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

using namespace convene;
using convene::test::SyncProfile;

TEST_CASE("Outage mid-stream: delivered in order when the backend returns, UI stalls stay under 50 ms")
{
    QTemporaryDir dir;
    SyncProfile a(dir.path(), QStringLiteral("alice"));
    REQUIRE(a.waitForState(sync::ConnectionState::Online));
    QList<sync::ConnectionState> states;
    QObject::connect(a.service.get(), &sync::SyncService::stateChanged, [&] { states << a.service->state(); });

    // The UI thread's heartbeat: the longest gap between two 1 ms ticks is the worst stall.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestStall = 0;
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
    });

    int next = 0;
    QTimer sender;
    QObject::connect(&sender, &QTimer::timeout, [&] {
        for (int i = 0; i < 5; ++i, ++next)
            a.service->submit(a.message(QStringLiteral("channel:outage"), QStringLiteral("n%1").arg(next)));
    });

    lastTick = clock.elapsed();
    heartbeat.start(1);
    sender.start(5);
    QTest::qWait(500);
    a.service->setBackendFaults({{QStringLiteral("offline"), true}});
    QTest::qWait(1000);
    const int queuedDuringOutage = int(a.count(QStringLiteral("SELECT count(*) FROM outbox")));
    a.service->setBackendFaults({{QStringLiteral("offline"), false}});
    QTest::qWait(500);
    sender.stop();
    REQUIRE(QTest::qWaitFor(
        [&] {
            return a.count(QStringLiteral(
                       "SELECT count(*) FROM entries WHERE stream = 'channel:outage' AND state = 0")) == next;
        },
        20'000));
    heartbeat.stop();

    CHECK(states.contains(sync::ConnectionState::Offline));
    CHECK(a.service->state() == sync::ConnectionState::Online);
    CHECK(queuedDuringOutage > 50);
    CHECK(a.count(QStringLiteral("SELECT count(*) FROM outbox")) == 0);

    // Server order equals submission order, without gaps or repeats.
    auto rows =
        a.cache().prepare(QStringLiteral("SELECT pos, body FROM entries WHERE stream = 'channel:outage' ORDER BY pos"));
    int expected = 0;
    int64_t previousSeq = 0;
    while ((*rows)->step().valueOr(false)) {
        CHECK((*rows)->text(1) == QStringLiteral("n%1").arg(expected++));
        if (previousSeq)
            CHECK((*rows)->int64(0) == previousSeq + 1);
        previousSeq = (*rows)->int64(0);
    }
    (*rows)->reset();
    CHECK(expected == next);
    std::printf("outage: %d messages (%d queued while offline), longest UI stall %lld ms\n", next, queuedDuringOutage,
                (long long)longestStall);
    CHECK(longestStall < 50);
}
