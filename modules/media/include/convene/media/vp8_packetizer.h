#pragma once

#include "convene/media/rtp_packet.h"
#include "convene/media/vp8_frame.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace convene::media {

struct Vp8PacketizerConfig {
    uint32_t ssrc = 0;
    uint8_t payloadType = 96;
    uint16_t firstSequenceNumber = 0;
    // RTP payload budget per packet, descriptor included; leaves room for headers, SRTP and
    // tunnels under a 1500-byte path MTU.
    std::size_t maxPayloadSize = 1200;
};

// Splits encoded frames into RTP packets (RFC 7741 section 4.4) with consecutive sequence
// numbers: S on the first packet, the marker bit on the last, sizes balanced so the last packet
// is not a tiny remainder. Every frame is sent as partition 0 (no partitioned mode).
class Vp8Packetizer {
public:
    explicit Vp8Packetizer(Vp8PacketizerConfig config);

    // An empty frame has nothing to carry and yields no packets.
    std::vector<RtpPacket> packetize(const Vp8Frame& frame);

    uint16_t nextSequenceNumber() const { return m_nextSequenceNumber; }

private:
    Vp8PacketizerConfig m_config;
    uint16_t m_nextSequenceNumber;
};

} // namespace convene::media
