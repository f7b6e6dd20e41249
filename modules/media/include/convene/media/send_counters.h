#pragma once

#include <cstdint>

namespace convene::media {

// What one outgoing RTP stream reports in its RTCP sender reports and the stats overlay.
struct SendCounters {
    uint32_t packets = 0;
    uint32_t octets = 0; // payload bytes
    uint64_t frames = 0;
    uint64_t keyFrames = 0;
    uint64_t retransmitted = 0;
};

} // namespace convene::media
