#pragma once

#include <chrono>
#include <cstdint>

namespace convene::media {

// Monotonic time shared by every process on one machine (CLOCK_MONOTONIC on Linux), so a
// timestamp embedded by a sender can be compared with the receiver's clock on loopback.
inline int64_t steadyNowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline int64_t steadyNowMs()
{
    return steadyNowUs() / 1000;
}

} // namespace convene::media
