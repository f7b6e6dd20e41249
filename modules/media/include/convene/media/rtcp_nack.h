#pragma once

#include "convene/media/rtcp.h"

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

} // namespace convene::media
