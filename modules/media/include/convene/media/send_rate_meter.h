#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>

namespace convene::media {

// The rate a stream sends at, over a sliding window of the latest samples: what the call stats
// show against the encoder's target. A CBR encoder keeps its target over its rate buffer (one
// second here) and a few of them, not within each second: one second's output swings by a tenth
// around the target while the average holds it. The window spans several buffers.
class SendRateMeter {
public:
    static constexpr int64_t kDefaultWindowUs = 5'000'000;

    explicit SendRateMeter(int64_t windowUs = kDefaultWindowUs) : m_windowUs(windowUs) { }

    // `bytes` sent at `timeUs` (a steady clock, never going back).
    void add(int64_t timeUs, std::size_t bytes);
    // Kilobits per second over the window that ends at `nowUs`, or over the time since the first
    // sample while that is shorter; 0 before any.
    double kbps(int64_t nowUs) const;

private:
    int64_t m_windowUs;
    int64_t m_firstUs = -1;
    std::deque<std::pair<int64_t, std::size_t>> m_samples;
};

} // namespace convene::media
