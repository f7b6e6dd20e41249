#pragma once

#include <cstdint>
#include <functional>

namespace convene {

// A hybrid logical clock timestamp: wall milliseconds in the high 48 bits, a logical counter
// in the low 16. Timestamps compare as plain integers and never go backwards on one node.
struct HlcTimestamp {
    uint64_t packed = 0;

    static HlcTimestamp from(int64_t wallMs, uint16_t logical)
    {
        return {(uint64_t(wallMs) << 16) | logical};
    }
    int64_t wallMs() const { return int64_t(packed >> 16); }
    uint16_t logical() const { return uint16_t(packed & 0xFFFF); }
    auto operator<=>(const HlcTimestamp&) const = default;
};

class HybridLogicalClock {
public:
    using Clock = std::function<int64_t()>; // Unix time in milliseconds

    HybridLogicalClock();
    explicit HybridLogicalClock(Clock clock);

    // A timestamp for a local event.
    HlcTimestamp now();
    // Merges a timestamp received from another node; returns the timestamp of the receipt.
    HlcTimestamp update(HlcTimestamp remote);
    HlcTimestamp last() const { return m_last; }

private:
    HlcTimestamp advance(int64_t wall, HlcTimestamp floor);

    Clock m_clock;
    HlcTimestamp m_last;
};

} // namespace convene
