#pragma once

#include "convene/media/parse_result.h"

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

namespace convene::media {

// RFC 3550 section 6.4.1: reception quality of one source, carried in SR and RR packets.
struct RtcpReportBlock {
    static constexpr std::size_t kSize = 24;
    static constexpr int32_t kMaxCumulativeLost = 0x7FFFFF;
    static constexpr int32_t kMinCumulativeLost = -0x800000;

    uint32_t ssrc = 0;
    uint8_t fractionLost = 0; // fixed point, lost fraction * 256
    int32_t cumulativeLost = 0; // 24-bit signed on the wire
    uint32_t extendedHighestSequence = 0;
    uint32_t jitter = 0; // RTP timestamp units
    uint32_t lastSenderReport = 0; // middle 32 bits of the SR NTP timestamp, 0 if none yet
    uint32_t delaySinceLastSenderReport = 0; // 1/65536 s

    bool operator==(const RtcpReportBlock&) const = default;
};

// At most 31 report blocks per SR/RR (5-bit count). The profile extension is kept verbatim so a
// parsed packet serializes back to the same bytes.
struct RtcpSenderReport {
    static constexpr uint8_t kPacketType = 200;

    uint32_t ssrc = 0;
    uint64_t ntpTimestamp = 0;
    uint32_t rtpTimestamp = 0;
    uint32_t packetCount = 0;
    uint32_t octetCount = 0;
    std::vector<RtcpReportBlock> reportBlocks;
    std::vector<uint8_t> profileExtension;

    bool operator==(const RtcpSenderReport&) const = default;
};

struct RtcpReceiverReport {
    static constexpr uint8_t kPacketType = 201;

    uint32_t ssrc = 0;
    std::vector<RtcpReportBlock> reportBlocks;
    std::vector<uint8_t> profileExtension;

    bool operator==(const RtcpReceiverReport&) const = default;
};

// RFC 4585 section 6.2.1: packet `pid` and the 16 following ones whose bit is set in `blp`
// (bit 0 = pid + 1) were lost.
struct NackItem {
    uint16_t pid = 0;
    uint16_t blp = 0;

    bool operator==(const NackItem&) const = default;
};

// RFC 4585 transport-layer feedback (PT 205), FMT 1.
struct RtcpGenericNack {
    static constexpr uint8_t kPacketType = 205;
    static constexpr uint8_t kFormat = 1;

    uint32_t senderSsrc = 0;
    uint32_t mediaSsrc = 0;
    std::vector<NackItem> items;

    bool operator==(const RtcpGenericNack&) const = default;
};

// RFC 4585 payload-specific feedback (PT 206), FMT 1: Picture Loss Indication, no FCI.
struct RtcpPictureLossIndication {
    static constexpr uint8_t kPacketType = 206;
    static constexpr uint8_t kFormat = 1;

    uint32_t senderSsrc = 0;
    uint32_t mediaSsrc = 0;

    bool operator==(const RtcpPictureLossIndication&) const = default;
};

// Any other packet (SDES, BYE, APP, other feedback formats): kept as raw body so compound packets
// still round-trip. `count` is the 5-bit count/format field.
struct RtcpUnknownPacket {
    uint8_t count = 0;
    uint8_t packetType = 0;
    std::vector<uint8_t> body; // after the 4-byte header, size a multiple of 4 unless padded

    bool operator==(const RtcpUnknownPacket&) const = default;
};

using RtcpPacket =
    std::variant<RtcpSenderReport, RtcpReceiverReport, RtcpGenericNack, RtcpPictureLossIndication, RtcpUnknownPacket>;

// RFC 3550 section 6.1: packets stacked back to back in one datagram. Only the last one may carry
// padding, so the padding lives here rather than in each packet.
struct RtcpCompoundPacket {
    static constexpr std::size_t kHeaderSize = 4;

    std::vector<RtcpPacket> packets;
    // Padding octets at the end of the last packet, including the final count octet; 0 = no P bit.
    uint8_t paddingSize = 0;

    bool operator==(const RtcpCompoundPacket&) const = default;

    static ParseResult<RtcpCompoundPacket> parse(std::span<const uint8_t> bytes);
    // Each packet's size plus the padding must be a multiple of 4 (always true for parsed input).
    std::vector<uint8_t> serialize() const;
};

// Serialized size of one packet without padding, header included.
std::size_t rtcpPacketSize(const RtcpPacket& packet);

// RTP and RTCP share one port (RFC 5761): RTCP packet types 192-223 never collide with the
// dynamic RTP payload types a call uses, so the second byte tells them apart.
inline bool isRtcpPacket(std::span<const uint8_t> packet)
{
    return packet.size() >= 2 && packet[1] >= 192 && packet[1] <= 223;
}

} // namespace convene::media
