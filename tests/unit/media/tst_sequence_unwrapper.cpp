#include "convene/media/sequence_unwrapper.h"

#include <catch2/catch.hpp>

#include <random>

using namespace convene::media;

TEST_CASE("isNewer compares across the wrap", "[media][sequence]")
{
    CHECK(isNewerSequenceNumber(1, 0));
    CHECK(isNewerSequenceNumber(0, 65535));
    CHECK(isNewerSequenceNumber(5, 65530));
    CHECK_FALSE(isNewerSequenceNumber(65535, 0));
    CHECK_FALSE(isNewerSequenceNumber(7, 7));
    // Exactly half a range apart: one direction only.
    CHECK(isNewerSequenceNumber(0x8000, 0));
    CHECK_FALSE(isNewerSequenceNumber(0, 0x8000));
    CHECK(isNewerSequenceNumber(0x7fff, 0));
    CHECK_FALSE(isNewerSequenceNumber(0x8001, 0));

    CHECK(isNewerTimestamp(10, 0xfffffff0u));
    CHECK_FALSE(isNewerTimestamp(0xfffffff0u, 10));
    CHECK(isNewerTimestamp(0x80000000u, 0));
    CHECK_FALSE(isNewerTimestamp(0, 0x80000000u));
}

TEST_CASE("sequence numbers unwrap forward across 65535 and back for reordered packets", "[media][sequence]")
{
    SequenceNumberUnwrapper unwrapper;
    CHECK(unwrapper.unwrap(65534) == 65534);
    CHECK(unwrapper.unwrap(65535) == 65535);
    CHECK(unwrapper.unwrap(0) == 65536);
    CHECK(unwrapper.unwrap(65533) == 65533); // late packet from before the wrap
    CHECK(unwrapper.unwrap(2) == 65538);
    CHECK(unwrapper.unwrap(1) == 65537);

    SequenceNumberUnwrapper backwards;
    CHECK(backwards.unwrap(2) == 2);
    CHECK(backwards.unwrap(65535) == -1);
    backwards.reset();
    CHECK(backwards.unwrap(65535) == 65535);
}

TEST_CASE("timestamps unwrap across 2^32", "[media][sequence]")
{
    TimestampUnwrapper unwrapper;
    CHECK(unwrapper.unwrap(0xffffff00u) == 0xffffff00ll);
    CHECK(unwrapper.unwrap(0x100u) == 0x100000100ll);
    CHECK(unwrapper.unwrap(0xfffffff0u) == 0xfffffff0ll);
    CHECK(unwrapper.unwrap(0x7fffffefu) == 0x17fffffefll); // just under half a range ahead
}

TEST_CASE("unwrapping follows a 64-bit counter through many wraps with jitter", "[media][sequence]")
{
    std::mt19937 rng(42);
    SequenceNumberUnwrapper unwrapper;
    int64_t counter = 1000;
    int mismatches = 0;
    for (int i = 0; i < 100000; ++i) {
        counter += int64_t(rng() % 200);
        const int64_t jittered = counter - int64_t(rng() % 100); // reordered up to 100 back
        mismatches += unwrapper.unwrap(uint16_t(jittered)) != jittered;
    }
    CHECK(mismatches == 0);
    CHECK(counter > 20 * 65536);
}
