#pragma once

#include "video_frame.h"

#include <cstdint>
#include <optional>

namespace convene::media {

// What a test pattern frame carries in machine-readable form, so a receiver can tell which frame
// it shows and how long ago it was captured (glass-to-glass latency on one machine).
struct FrameStamp {
    uint32_t frameNumber = 0; // 24 bits survive
    int64_t captureTimeUs = 0; // steady clock; the low 40 bits survive (see elapsedSinceStampUs)
};

// Draws the synthetic camera picture used when no camera exists and in tests: moving shapes, the
// frame number and capture time as readable digits, and a block code of the FrameStamp that
// survives VP8 compression and scaling.
class TestPatternGenerator {
public:
    TestPatternGenerator(int width, int height);

    I420Frame next(int64_t captureTimeUs);
    uint32_t framesDrawn() const { return m_frameNumber; }

    // Reads the block code back; nullopt when the picture carries none or its check fails.
    static std::optional<FrameStamp> readStamp(const I420Frame& frame);

    // Writes the block code of `stamp` over the top band of any picture of at least 64x48, e.g.
    // to stamp real camera frames the same way next() stamps its own.
    static void drawStamp(I420Frame& frame, const FrameStamp& stamp);

private:
    int m_width;
    int m_height;
    uint32_t m_frameNumber = 0;
};

// Microseconds from the stamp's capture time to `nowUs`, undoing the 40-bit truncation.
int64_t elapsedSinceStampUs(const FrameStamp& stamp, int64_t nowUs);

} // namespace convene::media
