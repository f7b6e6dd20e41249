#pragma once

#include "convene/media/parse_result.h"
#include "convene/media/rtp_packet.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace convene::media {

// RTP clock for Opus whatever the actual sampling rate (RFC 7587 section 4.1).
inline constexpr uint32_t kOpusRtpClockRate = 48000;

// One Opus packet (RFC 6716) and its RTP timestamp in 48 kHz units.
struct OpusFrame {
    std::vector<uint8_t> data;
    uint32_t rtpTimestamp = 0;

    bool operator==(const OpusFrame&) const = default;
};

// Audio duration of an Opus packet in 48 kHz samples, from its TOC byte and frame count
// (RFC 6716 section 3.1); rejects empty packets and more than 120 ms.
ParseResult<uint32_t> opusPacketDuration(std::span<const uint8_t> opusPacket);

struct OpusPacketizerConfig {
    uint32_t ssrc = 0;
    uint8_t payloadType = 111;
    uint16_t firstSequenceNumber = 0;
};

// One Opus packet per RTP packet (RFC 7587 section 4.2). The marker bit flags the first packet
// of a talkspurt: the first one sent and any that does not follow on from the previous packet's
// duration, which is how a DTX gap shows.
class OpusPacketizer {
public:
    explicit OpusPacketizer(OpusPacketizerConfig config);

    RtpPacket packetize(const OpusFrame& frame);

private:
    OpusPacketizerConfig m_config;
    uint16_t m_nextSequenceNumber;
    std::optional<uint32_t> m_expectedTimestamp;
};

// The Opus packet carried by an RTP packet, checked to be a well-formed Opus packet.
ParseResult<OpusFrame> depacketizeOpus(const RtpPacket& packet);

} // namespace convene::media
