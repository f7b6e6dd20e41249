#pragma once

#include "rtcp_nack.h"
#include "sequence_unwrapper.h"

#include <cstdint>
#include <map>
#include <vector>

namespace convene::media {

// Which video packets to ask for again: gaps in the sequence numbers are requested at once, then
// again each round trip, a few times, until they arrive or become too old to matter.
class NackTracker {
public:
    void onPacket(uint16_t sequenceNumber, int64_t nowUs);
    // At most one NACK's worth (kMaxNackedPerPacket, what senders honour), oldest first; the rest
    // stay due for the next call.
    std::vector<uint16_t> takeDue(int64_t nowUs, int64_t roundTripUs);
    std::size_t missing() const { return m_missing.size(); }

    static constexpr int kMaxRequests = 3;
    static constexpr int64_t kMaxAgeUs = 1'000'000;
    static constexpr std::size_t kMaxMissing = 500;

private:
    struct Missing {
        int64_t detectedUs = 0;
        int64_t lastRequestUs = -1;
        int requests = 0;
    };

    SequenceNumberUnwrapper m_unwrapper;
    std::optional<int64_t> m_highest;
    std::map<int64_t, Missing> m_missing;
};

} // namespace convene::media
