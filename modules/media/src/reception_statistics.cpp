#include "convene/media/reception_statistics.h"

#include <algorithm>
#include <cmath>

namespace convene::media {

ReceptionStatistics::ReceptionStatistics(uint32_t ssrc, uint32_t clockRate) : m_ssrc(ssrc), m_clockRate(clockRate) { }

void ReceptionStatistics::onPacket(uint16_t sequenceNumber, uint32_t rtpTimestamp,
                                   std::chrono::microseconds arrivalTime)
{
    const int64_t sequence = m_unwrapper.unwrap(sequenceNumber);
    if (!m_baseSequence) {
        m_baseSequence = sequence;
        m_highestSequence = sequence;
    }
    // A packet reordered before the first one still belongs to the expected range.
    m_baseSequence = std::min(*m_baseSequence, sequence);
    m_highestSequence = std::max(m_highestSequence, sequence);
    ++m_received;

    // Transit times are compared modulo 2^32 like RTP timestamps, so the clock origin cancels out.
    const auto arrival = uint32_t(arrivalTime.count() * int64_t(m_clockRate) / 1'000'000);
    const uint32_t transit = arrival - rtpTimestamp;
    if (m_lastTransit) {
        const double difference = std::abs(double(int32_t(transit - *m_lastTransit)));
        m_jitter += (difference - m_jitter) / 16;
    }
    m_lastTransit = transit;
}

uint32_t ReceptionStatistics::extendedHighestSequence() const
{
    return uint32_t(m_highestSequence);
}

int64_t ReceptionStatistics::cumulativeLost() const
{
    if (!m_baseSequence)
        return 0;
    const int64_t expected = m_highestSequence - *m_baseSequence + 1;
    return expected - int64_t(m_received);
}

uint32_t ReceptionStatistics::jitter() const
{
    return uint32_t(std::lround(m_jitter));
}

RtcpReportBlock ReceptionStatistics::makeReportBlock(uint32_t lastSenderReport, uint32_t delaySinceLastSenderReport)
{
    const uint64_t expected = m_baseSequence ? uint64_t(m_highestSequence - *m_baseSequence + 1) : 0;
    const int64_t expectedInterval = int64_t(expected - m_expectedPrior);
    const int64_t receivedInterval = int64_t(m_received - m_receivedPrior);
    const int64_t lostInterval = expectedInterval - receivedInterval;
    m_expectedPrior = expected;
    m_receivedPrior = m_received;

    RtcpReportBlock block;
    block.ssrc = m_ssrc;
    if (expectedInterval > 0 && lostInterval > 0)
        block.fractionLost = uint8_t(std::min<int64_t>((lostInterval << 8) / expectedInterval, 255));
    block.cumulativeLost = int32_t(std::clamp<int64_t>(cumulativeLost(), RtcpReportBlock::kMinCumulativeLost,
                                                       RtcpReportBlock::kMaxCumulativeLost));
    block.extendedHighestSequence = extendedHighestSequence();
    block.jitter = jitter();
    block.lastSenderReport = lastSenderReport;
    block.delaySinceLastSenderReport = delaySinceLastSenderReport;
    return block;
}

std::optional<std::chrono::microseconds> roundTripTime(const RtcpReportBlock& block, uint32_t nowCompactNtp)
{
    if (block.lastSenderReport == 0)
        return std::nullopt;
    const uint32_t rtt = nowCompactNtp - block.lastSenderReport - block.delaySinceLastSenderReport;
    if (rtt >= 0x80000000u)
        return std::nullopt;
    // 1/65536 s units.
    return std::chrono::microseconds(int64_t(rtt) * 1'000'000 / 65536);
}

} // namespace convene::media
