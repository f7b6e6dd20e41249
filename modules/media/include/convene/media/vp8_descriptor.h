#pragma once

#include "convene/media/parse_result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace convene::media {

// The VP8 payload descriptor at the start of every VP8 RTP payload (RFC 7741 section 4.2):
//
//       0 1 2 3 4 5 6 7
//      +-+-+-+-+-+-+-+-+
//      |X|R|N|S|R| PID |
//      +-+-+-+-+-+-+-+-+
//   X: |I|L|T|K| RSV   |
//      +-+-+-+-+-+-+-+-+
//   I: |M| PictureID   |   M = 1: 15-bit PictureID, one more byte
//      +-+-+-+-+-+-+-+-+
//   L: |   TL0PICIDX   |
//      +-+-+-+-+-+-+-+-+
// T/K: |TID|Y| KEYIDX  |
//      +-+-+-+-+-+-+-+-+
struct Vp8Descriptor {
    bool nonReference = false; // N
    bool startOfPartition = false; // S
    uint8_t partitionIndex = 0; // PID, 0..7
    std::optional<uint16_t> pictureId; // 7 or 15 bits
    bool longPictureId = true; // M; only meaningful with a pictureId
    std::optional<uint8_t> tl0PicIndex;
    std::optional<uint8_t> temporalLayer; // TID, 0..3
    bool layerSync = false; // Y; only meaningful with a temporalLayer
    std::optional<uint8_t> keyIndex; // KEYIDX, 0..31

    bool operator==(const Vp8Descriptor&) const = default;

    // The first packet of a frame: S set on partition 0.
    bool startsFrame() const { return startOfPartition && partitionIndex == 0; }

    std::size_t size() const;
    void appendTo(std::vector<uint8_t>& out) const;
};

struct Vp8Payload {
    Vp8Descriptor descriptor;
    std::span<const uint8_t> data; // bytes after the descriptor, inside the parsed buffer; never empty
};

ParseResult<Vp8Payload> parseVp8Payload(std::span<const uint8_t> rtpPayload);

// From the VP8 payload header (RFC 7741 section 4.3) that opens the first partition: its P bit is
// 0 for key frames.
bool isVp8KeyFrame(std::span<const uint8_t> firstPartitionStart);

} // namespace convene::media
