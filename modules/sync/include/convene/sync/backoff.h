#pragma once

#include <cstdint>
#include <random>

namespace convene::sync {

// Exponential backoff with jitter: base * 2^attempt, capped, then scaled by a random factor
// in [0.5, 1.5) so that many clients coming back at once do not retry in lockstep.
struct Backoff {
    int64_t baseMs = 250;
    int64_t capMs = 30'000;

    int64_t delayMs(int attempt, std::mt19937_64& random) const
    {
        const int shift = attempt < 0 ? 0 : (attempt > 20 ? 20 : attempt);
        const int64_t raw = baseMs << shift;
        const int64_t capped = raw > capMs ? capMs : raw;
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        return int64_t(double(capped) * jitter(random));
    }
};

} // namespace convene::sync
