#pragma once

#include "convene/media/parse_result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace convene::media {

// RFC 3550 section 5.3.1: a profile-defined id and data that is a whole number of 32-bit words.
struct RtpHeaderExtension {
    uint16_t profile = 0;
    std::vector<uint8_t> data;

    bool operator==(const RtpHeaderExtension&) const = default;
};

// One RTP packet (RFC 3550 section 5.1), version 2. The packet owns its bytes so it can be
// buffered for reordering after the receive buffer is reused.
struct RtpPacket {
    static constexpr std::size_t kFixedHeaderSize = 12;
    static constexpr std::size_t kMaxCsrcs = 15;

    bool marker = false;
    uint8_t payloadType = 0; // 7 bits
    uint16_t sequenceNumber = 0;
    uint32_t timestamp = 0;
    uint32_t ssrc = 0;
    std::vector<uint32_t> csrcs; // at most kMaxCsrcs
    std::optional<RtpHeaderExtension> extension; // data size must be a multiple of 4
    std::vector<uint8_t> payload;
    // Padding octets after the payload, including the final count octet; 0 means no P bit.
    uint8_t paddingSize = 0;

    bool operator==(const RtpPacket&) const = default;

    static ParseResult<RtpPacket> parse(std::span<const uint8_t> bytes);
    std::vector<uint8_t> serialize() const;
    std::size_t serializedSize() const;
};

} // namespace convene::media
