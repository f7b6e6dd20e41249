#include <convene/core/hybrid_logical_clock.h>

#include <catch2/catch.hpp>

using convene::HlcTimestamp;
using convene::HybridLogicalClock;

TEST_CASE("HLC follows the wall clock when it moves forward")
{
    int64_t wall = 1000;
    HybridLogicalClock clock([&wall] { return wall; });
    CHECK(clock.now() == HlcTimestamp::from(1000, 0));
    wall = 1005;
    CHECK(clock.now() == HlcTimestamp::from(1005, 0));
}

TEST_CASE("HLC counts logically within one millisecond and when the wall clock goes back")
{
    int64_t wall = 1000;
    HybridLogicalClock clock([&wall] { return wall; });
    const HlcTimestamp a = clock.now();
    const HlcTimestamp b = clock.now();
    wall = 900;
    const HlcTimestamp c = clock.now();
    CHECK(a < b);
    CHECK(b < c);
    CHECK(c.wallMs() == 1000);
    CHECK(c.logical() == 2);
}

TEST_CASE("HLC receipt of a remote timestamp is later than both clocks")
{
    int64_t wall = 1000;
    HybridLogicalClock clock([&wall] { return wall; });
    clock.now();
    const HlcTimestamp remote = HlcTimestamp::from(5000, 7);
    const HlcTimestamp received = clock.update(remote);
    CHECK(received > remote);
    CHECK(received == HlcTimestamp::from(5000, 8));
    CHECK(clock.now() > received);

    // An old remote timestamp does not move the clock back.
    const HlcTimestamp stale = clock.update(HlcTimestamp::from(10, 0));
    CHECK(stale > received);
}

TEST_CASE("HLC borrows the next millisecond when the logical counter is exhausted")
{
    HybridLogicalClock clock([] { return int64_t(1000); });
    clock.update(HlcTimestamp::from(1000, 0xFFFE));
    const HlcTimestamp last = clock.now();
    CHECK(last == HlcTimestamp::from(1001, 0));
}
