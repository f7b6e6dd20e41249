#pragma once

#include "convene/media/rtcp.h"
#include "convene/media/sequence_unwrapper.h"

#include <chrono>
#include <cstdint>
#include <optional>

namespace convene::media {

// What one receiver knows about one RTP source, turned into RTCP report blocks (RFC 3550
// appendix A.3 for loss, A.8 for interarrival jitter).
class ReceptionStatistics {
public:
    ReceptionStatistics(uint32_t ssrc, uint32_t clockRate);

    // `arrivalTime` is any monotonic clock; only differences between packets matter.
    void onPacket(uint16_t sequenceNumber, uint32_t rtpTimestamp, std::chrono::microseconds arrivalTime);

    uint32_t extendedHighestSequence() const;
    int64_t cumulativeLost() const; // negative when duplicates outnumber losses
    uint32_t jitter() const; // RTP timestamp units
    uint64_t packetsReceived() const { return m_received; }

    // Fills a report block and starts a new interval for the fraction lost. `lastSenderReport` and
    // `delaySinceLastSenderReport` come from the caller's bookkeeping of received SRs.
    RtcpReportBlock makeReportBlock(uint32_t lastSenderReport = 0, uint32_t delaySinceLastSenderReport = 0);

private:
    uint32_t m_ssrc;
    uint32_t m_clockRate;
    SequenceNumberUnwrapper m_unwrapper;
    std::optional<int64_t> m_baseSequence;
    int64_t m_highestSequence = 0;
    uint64_t m_received = 0;
    uint64_t m_expectedPrior = 0;
    uint64_t m_receivedPrior = 0;
    std::optional<uint32_t> m_lastTransit;
    // Floating-point form of appendix A.8: the integer form settles one unit below a steady
    // |D| because of its truncation.
    double m_jitter = 0;
};

// Middle 32 bits of a 64-bit NTP timestamp: the LSR / "now" format of RFC 3550 section 6.4.1.
constexpr uint32_t ntpToCompact(uint64_t ntpTimestamp)
{
    return uint32_t(ntpTimestamp >> 16);
}

// Round trip time seen from a report block about our own stream: now - LSR - DLSR (RFC 3550
// section 6.4.1). Empty when the peer has not received an SR yet (LSR 0) or the result would be
// negative (clock trouble or a stale block).
std::optional<std::chrono::microseconds> roundTripTime(const RtcpReportBlock& block, uint32_t nowCompactNtp);

} // namespace convene::media
