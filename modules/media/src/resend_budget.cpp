#include "convene/media/resend_budget.h"

#include <algorithm>

namespace convene::media {

ResendBudget::ResendBudget(Limits limits) : m_limits(limits), m_packets(limits.burstPackets), m_bytes(limits.burstBytes)
{ }

void ResendBudget::onSent(std::size_t bytes)
{
    m_packets = std::min(m_limits.burstPackets, m_packets + m_limits.shareOfSent);
    m_bytes = std::min(m_limits.burstBytes, m_bytes + m_limits.shareOfSent * double(bytes));
}

void ResendBudget::refill(int64_t nowUs)
{
    if (m_lastRefillUs && nowUs > *m_lastRefillUs) {
        const double seconds = double(nowUs - *m_lastRefillUs) / 1e6;
        m_packets = std::min(m_limits.burstPackets, m_packets + seconds * m_limits.floorPacketsPerSecond);
        m_bytes = std::min(m_limits.burstBytes, m_bytes + seconds * m_limits.floorBytesPerSecond);
    }
    m_lastRefillUs = nowUs; // a clock that went backwards refilled nothing
}

bool ResendBudget::take(std::size_t bytes, int64_t nowUs)
{
    refill(nowUs);
    if (m_packets < 1 || m_bytes < double(bytes))
        return false;
    m_packets -= 1;
    m_bytes -= double(bytes);
    return true;
}

} // namespace convene::media
