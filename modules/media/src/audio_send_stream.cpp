#include "convene/media/audio_send_stream.h"

#include <random>

namespace convene::media {

namespace {

uint32_t randomValue()
{
    return std::random_device{}();
}

} // namespace

Result<std::unique_ptr<AudioSendStream>> AudioSendStream::create(uint32_t ssrc, const OpusEncoderSettings& settings)
{
    auto encoder = OpusEncoder::create(settings);
    if (!encoder)
        return encoder.error();
    return std::unique_ptr<AudioSendStream>(new AudioSendStream(ssrc, std::move(encoder).value()));
}

AudioSendStream::AudioSendStream(uint32_t ssrc, std::unique_ptr<OpusEncoder> encoder)
    : m_ssrc(ssrc),
      m_encoder(std::move(encoder)),
      m_packetizer({ssrc, kOpusPayloadType, uint16_t(randomValue())}),
      m_clock(kOpusRtpClockRate, randomValue())
{ }

std::optional<RtpPacket> AudioSendStream::encode(const AudioSamples& samples, int64_t captureTimeUs)
{
    if (samples.size() != std::size_t(kAudioFrameSamples))
        return std::nullopt;
    const uint32_t timestamp = m_clock.timestampAt(captureTimeUs);
    auto encoded = m_encoder->encode(samples.data());
    if (!encoded || OpusEncoder::isDtxPacket(*encoded))
        return std::nullopt;
    RtpPacket packet = m_packetizer.packetize({std::move(encoded).value(), timestamp});
    ++m_counters.packets;
    ++m_counters.frames;
    m_counters.octets += uint32_t(packet.payload.size());
    return packet;
}

} // namespace convene::media
