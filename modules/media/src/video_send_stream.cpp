#include "convene/media/video_send_stream.h"

#include "convene/media/colour_convert.h"

#include <random>

namespace convene::media {

Result<std::unique_ptr<VideoSendStream>> VideoSendStream::create(uint32_t ssrc, const Vp8EncoderSettings& settings)
{
    auto encoder = Vp8Encoder::create(settings);
    if (!encoder)
        return encoder.error();
    return std::unique_ptr<VideoSendStream>(new VideoSendStream(ssrc, std::move(encoder).value()));
}

VideoSendStream::VideoSendStream(uint32_t ssrc, std::unique_ptr<Vp8Encoder> encoder)
    : m_ssrc(ssrc),
      m_encoder(std::move(encoder)),
      m_packetizer({ssrc, kVp8PayloadType, uint16_t(std::random_device{}())}),
      m_clock(kVideoRtpClockRate, std::random_device{}()),
      m_pictureId(uint16_t(std::random_device{}() & 0x7FFF))
{ }

std::vector<RtpPacket> VideoSendStream::encode(const I420Frame& frame)
{
    if (frame.empty())
        return {};
    const int width = m_encoder->settings().width;
    const int height = m_encoder->settings().height;
    const bool keyFrame = m_keyFrameRequested;
    auto encoded = frame.width == width && frame.height == height
                       ? m_encoder->encode(frame, keyFrame)
                       : m_encoder->encode(scaleI420(frame, width, height), keyFrame);
    if (!encoded || encoded->data.empty())
        return {}; // dropped by rate control, or the encoder failed: the next frame tries again

    Vp8Frame out = std::move(encoded).value();
    out.rtpTimestamp = m_clock.timestampAt(frame.captureTimeUs);
    out.pictureId = m_pictureId;
    m_pictureId = uint16_t((m_pictureId + 1) & 0x7FFF);
    if (out.keyFrame) {
        m_keyFrameRequested = false;
        ++m_counters.keyFrames;
    }
    ++m_counters.frames;
    m_encodedRate.add(frame.captureTimeUs, out.data.size());

    std::vector<RtpPacket> packets = m_packetizer.packetize(out);
    for (const RtpPacket& packet : packets) {
        ++m_counters.packets;
        m_counters.octets += uint32_t(packet.payload.size());
        remember(packet);
    }
    return packets;
}

void VideoSendStream::requestKeyFrame(int64_t nowUs)
{
    if (nowUs - m_lastKeyFrameUs < kMinKeyFrameIntervalUs)
        return;
    m_lastKeyFrameUs = nowUs;
    m_keyFrameRequested = true;
}

void VideoSendStream::remember(const RtpPacket& packet)
{
    m_history.emplace_back(packet.sequenceNumber, packet.serialize());
    if (m_history.size() > kHistoryPackets)
        m_history.pop_front();
}

std::vector<std::vector<uint8_t>> VideoSendStream::retransmit(std::span<const uint16_t> sequenceNumbers,
                                                              const std::function<bool(std::size_t bytes)>& mayResend)
{
    std::vector<std::vector<uint8_t>> packets;
    for (uint16_t wanted : sequenceNumbers) {
        // The history is in sending order: the distance from its newest entry finds the slot.
        if (m_history.empty())
            break;
        const uint16_t newest = m_history.back().first;
        const std::size_t age = uint16_t(newest - wanted);
        if (age >= m_history.size())
            continue;
        const auto& [sequence, bytes] = m_history[m_history.size() - 1 - age];
        if (sequence != wanted || !mayResend(bytes.size()))
            continue;
        packets.push_back(bytes);
        ++m_counters.retransmitted;
    }
    return packets;
}

} // namespace convene::media
