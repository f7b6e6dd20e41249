#include "convene/media/nack_tracker.h"

#include <algorithm>

namespace convene::media {

void NackTracker::onPacket(uint16_t sequenceNumber, int64_t nowUs)
{
    const int64_t sequence = m_unwrapper.unwrap(sequenceNumber);
    if (!m_highest) {
        m_highest = sequence;
        return;
    }
    if (sequence <= *m_highest) {
        m_missing.erase(sequence);
        return;
    }
    // A jump larger than the budget is a restart or an outage, not something to repair.
    if (sequence - *m_highest > int64_t(kMaxMissing))
        m_missing.clear();
    else
        for (int64_t gap = *m_highest + 1; gap < sequence; ++gap)
            m_missing.emplace(gap, Missing{nowUs});
    m_highest = sequence;
    while (m_missing.size() > kMaxMissing)
        m_missing.erase(m_missing.begin());
}

std::vector<uint16_t> NackTracker::takeDue(int64_t nowUs, int64_t roundTripUs)
{
    const int64_t retryAfterUs = std::max<int64_t>(roundTripUs * 3 / 2, 30'000);
    std::vector<uint16_t> due;
    for (auto it = m_missing.begin(); it != m_missing.end() && due.size() < kMaxNackedPerPacket;) {
        Missing& missing = it->second;
        if (nowUs - missing.detectedUs > kMaxAgeUs || missing.requests >= kMaxRequests) {
            it = m_missing.erase(it);
            continue;
        }
        if (missing.lastRequestUs < 0 || nowUs - missing.lastRequestUs >= retryAfterUs) {
            missing.lastRequestUs = nowUs;
            ++missing.requests;
            due.push_back(uint16_t(it->first));
        }
        ++it;
    }
    return due;
}

} // namespace convene::media
