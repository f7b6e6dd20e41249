#pragma once

#include "audio_format.h"
#include "opus_encoder.h"
#include "opus_payload.h"
#include "rtp_clock.h"
#include "rtp_packet.h"
#include "send_counters.h"

#include <convene/core/result.h>

#include <memory>
#include <optional>

namespace convene::media {

inline constexpr uint8_t kOpusPayloadType = 111;

// Microphone frames to Opus RTP packets.
class AudioSendStream {
public:
    static Result<std::unique_ptr<AudioSendStream>> create(uint32_t ssrc, const OpusEncoderSettings& settings);

    // nullopt while the talker is silent (DTX) or when the encoder rejects the frame.
    std::optional<RtpPacket> encode(const AudioSamples& samples, int64_t captureTimeUs);

    void setPacketLossPercent(int percent) { m_encoder->setPacketLossPercent(percent); }
    uint32_t ssrc() const { return m_ssrc; }
    uint32_t rtpTimestampAt(int64_t steadyUs) { return m_clock.timestampAt(steadyUs); }
    const SendCounters& counters() const { return m_counters; }

private:
    AudioSendStream(uint32_t ssrc, std::unique_ptr<OpusEncoder> encoder);

    uint32_t m_ssrc;
    std::unique_ptr<OpusEncoder> m_encoder;
    OpusPacketizer m_packetizer;
    RtpClock m_clock;
    SendCounters m_counters;
};

} // namespace convene::media
