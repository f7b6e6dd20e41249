#include "convene/media/opus_payload.h"

namespace convene::media {

namespace {

constexpr uint32_t kMaxPacketDuration = 5760; // 120 ms at 48 kHz

// Samples per frame at 48 kHz for the 32 TOC configurations: SILK (0-11), hybrid (12-15), CELT (16-31).
uint32_t frameDuration(uint8_t toc)
{
    const unsigned config = toc >> 3;
    if (config < 12) {
        static constexpr uint32_t silk[] = {480, 960, 1920, 2880};
        return silk[config % 4];
    }
    if (config < 16)
        return config % 2 ? 960 : 480;
    static constexpr uint32_t celt[] = {120, 240, 480, 960};
    return celt[config % 4];
}

} // namespace

ParseResult<uint32_t> opusPacketDuration(std::span<const uint8_t> opusPacket)
{
    if (opusPacket.empty())
        return ParseError::EmptyPayload;
    uint32_t frames = 0;
    switch (opusPacket[0] & 0x03) {
    case 0: frames = 1; break;
    case 1:
    case 2: frames = 2; break;
    default: // code 3: the frame count is in the next byte
        if (opusPacket.size() < 2)
            return ParseError::BadOpusPacket;
        frames = opusPacket[1] & 0x3F;
        if (frames == 0)
            return ParseError::BadOpusPacket;
        break;
    }
    const uint32_t duration = frames * frameDuration(opusPacket[0]);
    if (duration > kMaxPacketDuration)
        return ParseError::BadOpusPacket;
    return duration;
}

OpusPacketizer::OpusPacketizer(OpusPacketizerConfig config)
    : m_config(config), m_nextSequenceNumber(config.firstSequenceNumber)
{ }

RtpPacket OpusPacketizer::packetize(const OpusFrame& frame)
{
    RtpPacket packet;
    packet.marker = m_expectedTimestamp != frame.rtpTimestamp;
    packet.payloadType = m_config.payloadType;
    packet.sequenceNumber = m_nextSequenceNumber++;
    packet.timestamp = frame.rtpTimestamp;
    packet.ssrc = m_config.ssrc;
    packet.payload = frame.data;

    const auto duration = opusPacketDuration(frame.data);
    m_expectedTimestamp.reset();
    if (duration)
        m_expectedTimestamp = frame.rtpTimestamp + *duration;
    return packet;
}

ParseResult<OpusFrame> depacketizeOpus(const RtpPacket& packet)
{
    if (const auto duration = opusPacketDuration(packet.payload); !duration)
        return duration.error();
    return OpusFrame{packet.payload, packet.timestamp};
}

} // namespace convene::media
