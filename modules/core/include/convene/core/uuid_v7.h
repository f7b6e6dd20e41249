#pragma once

#include <QUuid>

#include <cstdint>
#include <functional>
#include <random>

namespace convene {

// RFC 9562 version 7 ids: 48-bit Unix milliseconds, then a 12-bit counter that keeps ids
// from one generator strictly increasing within a millisecond, then 62 random bits.
class UuidV7Generator {
public:
    using Clock = std::function<int64_t()>; // Unix time in milliseconds

    UuidV7Generator();
    explicit UuidV7Generator(Clock clock, uint64_t seed);

    QUuid next();

    static int64_t timestampMs(const QUuid& id);
    static bool isV7(const QUuid& id);

private:
    Clock m_clock;
    std::mt19937_64 m_random;
    int64_t m_lastMs = -1;
    uint16_t m_counter = 0;
};

} // namespace convene
