#include "convene/media/send_rate_meter.h"

namespace convene::media {

void SendRateMeter::add(int64_t timeUs, std::size_t bytes)
{
    if (m_firstUs < 0)
        m_firstUs = timeUs;
    m_samples.emplace_back(timeUs, bytes);
    // Keep one window back from the newest sample; older ones can no longer count.
    while (!m_samples.empty() && m_samples.front().first <= timeUs - m_windowUs)
        m_samples.pop_front();
}

double SendRateMeter::kbps(int64_t nowUs) const
{
    if (m_firstUs < 0 || nowUs <= m_firstUs)
        return 0;
    const bool young = nowUs - m_firstUs < m_windowUs;
    const int64_t spanUs = young ? nowUs - m_firstUs : m_windowUs;
    std::size_t bytes = 0;
    for (const auto& [timeUs, size] : m_samples)
        if (timeUs <= nowUs && (young || timeUs > nowUs - m_windowUs))
            bytes += size;
    return double(bytes) * 8 / 1000 / (double(spanUs) / 1e6);
}

} // namespace convene::media
