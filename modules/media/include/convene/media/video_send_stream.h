#pragma once

#include "rtp_clock.h"
#include "rtp_packet.h"
#include "send_counters.h"
#include "send_rate_meter.h"
#include "video_frame.h"
#include "vp8_encoder.h"
#include "vp8_packetizer.h"

#include <convene/core/result.h>

#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace convene::media {

inline constexpr uint8_t kVp8PayloadType = 96;
inline constexpr uint32_t kVideoRtpClockRate = 90000;

// Camera frames to VP8 RTP packets, scaled to the configured size. Keeps recent packets so
// NACKed ones can be sent again, and turns picture loss reports into key frames.
class VideoSendStream {
public:
    static Result<std::unique_ptr<VideoSendStream>> create(uint32_t ssrc, const Vp8EncoderSettings& settings);

    std::vector<RtpPacket> encode(const I420Frame& frame);

    // The next frame becomes a key frame, at most one every `kMinKeyFrameIntervalUs`.
    void requestKeyFrame(int64_t nowUs);
    // The packets still in the history, serialized, for a NACK: each one `mayResend(its size)`
    // allows (and only those count as retransmitted).
    std::vector<std::vector<uint8_t>> retransmit(std::span<const uint16_t> sequenceNumbers,
                                                 const std::function<bool(std::size_t bytes)>& mayResend);
    void setBitrateKbps(int kbps) { m_encoder->setBitrateKbps(kbps); }
    int bitrateKbps() const { return m_encoder->settings().bitrateKbps; }

    uint32_t ssrc() const { return m_ssrc; }
    uint32_t rtpTimestampAt(int64_t steadyUs) { return m_clock.timestampAt(steadyUs); }
    const SendCounters& counters() const { return m_counters; }
    // What the encoder sends against its target, in kbit/s over the meter's window ending at
    // `nowUs` (the steady clock of capture times): encoded pictures only, as the target counts
    // them, without the packets' headers and descriptors or the packets sent again on request.
    double encodedKbps(int64_t nowUs) const { return m_encodedRate.kbps(nowUs); }
    int width() const { return m_encoder->settings().width; }
    int height() const { return m_encoder->settings().height; }

    static constexpr int64_t kMinKeyFrameIntervalUs = 300'000;
    static constexpr std::size_t kHistoryPackets = 600;

private:
    VideoSendStream(uint32_t ssrc, std::unique_ptr<Vp8Encoder> encoder);
    void remember(const RtpPacket& packet);

    uint32_t m_ssrc;
    std::unique_ptr<Vp8Encoder> m_encoder;
    Vp8Packetizer m_packetizer;
    RtpClock m_clock;
    uint16_t m_pictureId;
    bool m_keyFrameRequested = true;
    int64_t m_lastKeyFrameUs = -kMinKeyFrameIntervalUs;
    std::deque<std::pair<uint16_t, std::vector<uint8_t>>> m_history;
    SendCounters m_counters;
    SendRateMeter m_encodedRate;
};

} // namespace convene::media
