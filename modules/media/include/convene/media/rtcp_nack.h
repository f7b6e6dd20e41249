#pragma once

#include "convene/media/rtcp.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace convene::media {

// Groups lost sequence numbers into as few PID+BLP items as possible. The input may be in any
// order, contain duplicates and wrap past 65535, as long as it spans less than half the sequence
// space; items come out oldest first.
std::vector<NackItem> makeNackItems(std::span<const uint16_t> lostSequenceNumbers);

// Every sequence number the items mark as lost, in item order (PID first, then BLP bits 0..15).
std::vector<uint16_t> expandNackItems(std::span<const NackItem> items);

// At most this many packets are asked for, and sent again, per NACK datagram: one 1.5 KB NACK
// can otherwise name over 6,000 of them. Receivers spread longer lists over several NACKs.
inline constexpr std::size_t kMaxNackedPerPacket = 64;

struct NackedSequenceNumbers {
    std::vector<uint16_t> numbers; // distinct, in item order, at most the limit asked for
    std::size_t overLimit = 0; // further distinct numbers the items asked for
};

// What a NACK from someone else asks for, as it is safe to act on: overlapping items name the
// same packet many times, so each number counts once, and only the first `limit` are taken.
NackedSequenceNumbers nackedSequenceNumbers(std::span<const NackItem> items, std::size_t limit);

} // namespace convene::media
