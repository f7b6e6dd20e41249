#include <convene/sync/backoff.h>

#include <catch2/catch.hpp>

using convene::sync::Backoff;

TEST_CASE("Backoff doubles per attempt within jitter bounds and stops at the cap")
{
    std::mt19937_64 random(1);
    const Backoff backoff{250, 30'000};
    for (int attempt = 0; attempt < 30; ++attempt) {
        const int64_t expected = std::min<int64_t>(int64_t(250) << std::min(attempt, 20), 30'000);
        for (int i = 0; i < 50; ++i) {
            const int64_t delay = backoff.delayMs(attempt, random);
            CHECK(delay >= expected / 2);
            CHECK(delay < expected * 3 / 2 + 1);
        }
    }
}

TEST_CASE("Backoff jitter spreads clients apart")
{
    std::mt19937_64 random(2);
    const Backoff backoff;
    int64_t low = INT64_MAX, high = 0;
    for (int i = 0; i < 200; ++i) {
        const int64_t d = backoff.delayMs(3, random);
        low = std::min(low, d);
        high = std::max(high, d);
    }
    CHECK(high - low > 1000);
}
