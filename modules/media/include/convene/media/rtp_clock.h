#pragma once

#include <cstdint>

namespace convene::media {

// Maps the sender's steady clock to one stream's RTP timestamps, anchored at its first capture,
// so audio and video timestamps and the sender reports all derive from the same clock.
class RtpClock {
public:
    RtpClock(uint32_t clockRate, uint32_t randomOffset) : m_clockRate(clockRate), m_offset(randomOffset) { }

    uint32_t timestampAt(int64_t steadyUs)
    {
        if (!m_anchored) {
            m_anchorUs = steadyUs;
            m_anchored = true;
        }
        const int64_t ticks = (steadyUs - m_anchorUs) * int64_t(m_clockRate) / 1'000'000;
        return m_offset + uint32_t(ticks);
    }
    bool anchored() const { return m_anchored; }

private:
    uint32_t m_clockRate;
    uint32_t m_offset;
    int64_t m_anchorUs = 0;
    bool m_anchored = false;
};

// RTCP sender reports carry NTP-format times; a call only ever compares times taken on one
// side's clock (RTT from LSR/DLSR, audio/video alignment), so the steady clock stands in for NTP.
inline uint64_t steadyUsToNtp(int64_t steadyUs)
{
    const uint64_t seconds = uint64_t(steadyUs / 1'000'000);
    const uint64_t fraction = (uint64_t(steadyUs % 1'000'000) << 32) / 1'000'000;
    return (seconds << 32) | fraction;
}

inline int64_t ntpToSteadyUs(uint64_t ntp)
{
    return int64_t(ntp >> 32) * 1'000'000 + int64_t(((ntp & 0xFFFFFFFFu) * 1'000'000) >> 32);
}

} // namespace convene::media
