#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace convene::media {

// One encoded VP8 frame as the encoder produces it and the decoder consumes it.
struct Vp8Frame {
    std::vector<uint8_t> data;
    // Also encoded in the bitstream (P bit); the assembler reads it from there.
    bool keyFrame = false;
    std::optional<uint16_t> pictureId; // 15 bits when sent
    uint32_t rtpTimestamp = 0; // 90 kHz

    bool operator==(const Vp8Frame&) const = default;
};

} // namespace convene::media
