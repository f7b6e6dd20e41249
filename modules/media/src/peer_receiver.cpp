#include "convene/media/peer_receiver.h"

#include "convene/media/audio_send_stream.h"
#include "convene/media/opus_payload.h"
#include "convene/media/rtp_clock.h"
#include "convene/media/video_send_stream.h"

#include <algorithm>
#include <chrono>

namespace convene::media {

PeerReceiver::PeerReceiver()
{
    if (auto opus = OpusDecoder::create())
        m_opus = std::move(opus).value();
    if (auto vp8 = Vp8Decoder::create())
        m_vp8 = std::move(vp8).value();
}

void PeerReceiver::onRtp(const RtpPacket& packet, int64_t nowUs)
{
    if (packet.payloadType == kOpusPayloadType)
        onAudio(packet, nowUs);
    else if (packet.payloadType == kVp8PayloadType)
        onVideo(packet, nowUs);
    else
        ++m_counters.malformed;
}

void PeerReceiver::onAudio(const RtpPacket& packet, int64_t nowUs)
{
    if (!depacketizeOpus(packet)) {
        ++m_counters.malformed;
        return;
    }
    if (m_audioSsrc != packet.ssrc) {
        // A new source (the peer restarted its microphone stream): start its statistics afresh.
        m_audioSsrc = packet.ssrc;
        m_audio = std::make_unique<ReceivedStream>(packet.ssrc, kOpusRtpClockRate);
    }
    m_audio->statistics.onPacket(packet.sequenceNumber, packet.timestamp, std::chrono::microseconds(nowUs));
    m_counters.audioBytes += packet.payload.size();

    const int64_t sequence = m_audioSequences.unwrap(packet.sequenceNumber);
    m_audioTimestamps[sequence] = packet.timestamp;
    while (m_audioTimestamps.size() > 200)
        m_audioTimestamps.erase(m_audioTimestamps.begin());
    const auto parsedDuration = opusPacketDuration(packet.payload);
    const uint32_t duration = parsedDuration ? *parsedDuration : uint32_t(kAudioFrameSamples);
    m_jitterBuffer.insert({sequence, int64_t(packet.timestamp), nowUs / 1000, duration, packet.payload});
}

void PeerReceiver::onVideo(const RtpPacket& packet, int64_t nowUs)
{
    if (m_videoSsrc != packet.ssrc) {
        m_videoSsrc = packet.ssrc;
        m_video = std::make_unique<ReceivedStream>(packet.ssrc, kVideoRtpClockRate);
        m_assembler = Vp8FrameAssembler();
        m_nacks = NackTracker();
        m_decodedKeyFrame = false;
    }
    m_video->statistics.onPacket(packet.sequenceNumber, packet.timestamp, std::chrono::microseconds(nowUs));
    m_counters.videoBytes += packet.payload.size();
    m_nacks.onPacket(packet.sequenceNumber, nowUs);
    m_assembler.insert(packet);
    decodeAssembledFrames();
}

void PeerReceiver::decodeAssembledFrames()
{
    if (m_assembler.takeKeyFrameRequest())
        m_keyFrameWanted = true;
    for (Vp8Frame& frame : m_assembler.takeFrames()) {
        // Until a key frame arrives there is nothing a delta frame could be applied to.
        if (!m_decodedKeyFrame && !frame.keyFrame) {
            m_keyFrameWanted = true;
            continue;
        }
        auto picture = m_vp8 ? m_vp8->decode(frame.data.data(), frame.data.size())
                             : Result<I420Frame>(makeError(ErrorCode::Unavailable, QStringLiteral("no VP8 decoder")));
        if (!picture) {
            ++m_counters.decodeErrors;
            m_decodedKeyFrame = false;
            m_keyFrameWanted = true;
            continue;
        }
        m_decodedKeyFrame = m_decodedKeyFrame || frame.keyFrame;
        ++m_counters.framesDecoded;
        m_counters.width = picture->width;
        m_counters.height = picture->height;
        m_decoded.push_back(
            {std::move(picture).value(), senderTimeOf(m_video.get(), frame.rtpTimestamp, kVideoRtpClockRate)});
    }
}

bool PeerReceiver::takeKeyFrameRequest()
{
    return std::exchange(m_keyFrameWanted, false);
}

std::vector<DecodedVideoFrame> PeerReceiver::takeVideoFrames()
{
    return std::exchange(m_decoded, {});
}

void PeerReceiver::onSenderReport(const RtcpSenderReport& report, int64_t nowUs)
{
    ReceivedStream* stream = report.ssrc == m_audioSsrc   ? m_audio.get()
                             : report.ssrc == m_videoSsrc ? m_video.get()
                                                          : nullptr;
    if (stream)
        stream->lastReport = SenderReportInfo{report.rtpTimestamp, report.ntpTimestamp, nowUs};
}

std::optional<int64_t> PeerReceiver::senderTimeOf(const ReceivedStream* stream, uint32_t rtpTimestamp,
                                                  uint32_t clockRate)
{
    if (!stream || !stream->lastReport)
        return std::nullopt;
    const auto delta = int32_t(rtpTimestamp - stream->lastReport->rtpTimestamp);
    return ntpToSteadyUs(stream->lastReport->ntpTimestamp) + int64_t(delta) * 1'000'000 / clockRate;
}

AudioSamples PeerReceiver::pullAudio(int64_t nowUs)
{
    const PlayoutDecision decision = m_jitterBuffer.pull(nowUs / 1000);
    m_audioSenderTimeUs.reset();
    if (!m_opus)
        return AudioSamples(kAudioFrameSamples, 0);

    auto decoded = [&]() -> Result<AudioSamples> {
        switch (decision.action) {
        case PlayoutAction::Play: return m_opus->decode(decision.payload.data(), decision.payload.size());
        case PlayoutAction::Fec: return m_opus->decodeFec(decision.payload.data(), decision.payload.size());
        case PlayoutAction::Drop:
            // The skipped frame still goes through the decoder so its state stays continuous.
            (void)m_opus->decode(decision.droppedPayload.data(), decision.droppedPayload.size());
            return m_opus->decode(decision.payload.data(), decision.payload.size());
        case PlayoutAction::Conceal:
        case PlayoutAction::Stretch: return m_opus->conceal();
        case PlayoutAction::Silence: break;
        }
        return AudioSamples(kAudioFrameSamples, 0);
    }();
    AudioSamples samples = decoded ? std::move(decoded).value() : m_opus->conceal();
    samples.resize(kAudioFrameSamples, 0);

    if (decision.sequence >= 0)
        if (auto it = m_audioTimestamps.find(decision.sequence); it != m_audioTimestamps.end())
            m_audioSenderTimeUs = senderTimeOf(m_audio.get(), it->second, kOpusRtpClockRate);
    return samples;
}

void PeerReceiver::appendBlock(std::vector<RtcpReportBlock>& blocks, ReceivedStream* stream, int64_t nowUs)
{
    if (!stream)
        return;
    uint32_t lastReport = 0;
    uint32_t delay = 0;
    if (stream->lastReport) {
        lastReport = ntpToCompact(stream->lastReport->ntpTimestamp);
        delay = uint32_t((nowUs - stream->lastReport->arrivalUs) * 65536 / 1'000'000);
    }
    blocks.push_back(stream->statistics.makeReportBlock(lastReport, delay));
}

std::vector<RtcpReportBlock> PeerReceiver::makeReportBlocks(int64_t nowUs)
{
    std::vector<RtcpReportBlock> blocks;
    appendBlock(blocks, m_audio.get(), nowUs);
    appendBlock(blocks, m_video.get(), nowUs);
    return blocks;
}

double PeerReceiver::audioJitterMs() const
{
    return m_audio ? m_audio->statistics.jitter() * 1000.0 / kOpusRtpClockRate : 0.0;
}

} // namespace convene::media
