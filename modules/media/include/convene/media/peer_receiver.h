#pragma once

#include "audio_format.h"
#include "audio_jitter_buffer.h"
#include "nack_tracker.h"
#include "opus_decoder.h"
#include "reception_statistics.h"
#include "rtcp.h"
#include "rtp_packet.h"
#include "sequence_unwrapper.h"
#include "video_frame.h"
#include "vp8_decoder.h"
#include "vp8_frame_assembler.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace convene::media {

struct DecodedVideoFrame {
    I420Frame picture;
    std::optional<int64_t> senderCaptureUs; // on the sender's clock, once its reports map it
};

// What one remote participant's streams look like from here, for the stats overlay.
struct ReceiveCounters {
    uint64_t audioBytes = 0;
    uint64_t videoBytes = 0;
    uint64_t framesDecoded = 0;
    uint64_t decodeErrors = 0;
    uint64_t malformed = 0;
    int width = 0;
    int height = 0;
};

// The receiving half of a call with one peer: Opus through the adaptive jitter buffer with FEC
// and concealment, VP8 through frame assembly and decoding, plus what RTCP needs to report and
// request (loss statistics, NACKs, key frames) and the sender-clock mapping for lip sync.
class PeerReceiver {
public:
    PeerReceiver();

    void onRtp(const RtpPacket& packet, int64_t nowUs);
    void onSenderReport(const RtcpSenderReport& report, int64_t nowUs);

    // One 20 ms frame of this peer's voice for playout at `nowUs`.
    AudioSamples pullAudio(int64_t nowUs);
    // The sender-clock capture time of the audio pulled last, when known.
    std::optional<int64_t> audioSenderTimeUs() const { return m_audioSenderTimeUs; }

    std::vector<DecodedVideoFrame> takeVideoFrames();
    std::vector<uint16_t> takeNacks(int64_t nowUs, int64_t roundTripUs) { return m_nacks.takeDue(nowUs, roundTripUs); }
    bool takeKeyFrameRequest();

    std::optional<uint32_t> audioSsrc() const { return m_audioSsrc; }
    std::optional<uint32_t> videoSsrc() const { return m_videoSsrc; }
    // Report blocks for the peer's streams; starts a new loss interval.
    std::vector<RtcpReportBlock> makeReportBlocks(int64_t nowUs);

    const ReceiveCounters& counters() const { return m_counters; }
    const AudioJitterBufferStats& jitterBufferStats() const { return m_jitterBuffer.stats(); }
    double audioJitterMs() const;

private:
    struct SenderReportInfo {
        uint32_t rtpTimestamp = 0;
        uint64_t ntpTimestamp = 0;
        int64_t arrivalUs = 0;
    };
    struct ReceivedStream {
        ReceivedStream(uint32_t ssrc, uint32_t clockRate) : statistics(ssrc, clockRate) { }
        ReceptionStatistics statistics;
        std::optional<SenderReportInfo> lastReport;
    };

    void onAudio(const RtpPacket& packet, int64_t nowUs);
    void onVideo(const RtpPacket& packet, int64_t nowUs);
    void decodeAssembledFrames();
    static std::optional<int64_t> senderTimeOf(const ReceivedStream* stream, uint32_t rtpTimestamp, uint32_t clockRate);
    static void appendBlock(std::vector<RtcpReportBlock>& blocks, ReceivedStream* stream, int64_t nowUs);

    std::optional<uint32_t> m_audioSsrc;
    std::optional<uint32_t> m_videoSsrc;
    std::unique_ptr<ReceivedStream> m_audio;
    std::unique_ptr<ReceivedStream> m_video;

    AudioJitterBuffer m_jitterBuffer;
    std::unique_ptr<OpusDecoder> m_opus;
    SequenceNumberUnwrapper m_audioSequences;
    std::map<int64_t, uint32_t> m_audioTimestamps; // sequence -> RTP timestamp, for lip sync
    std::optional<int64_t> m_audioSenderTimeUs;

    Vp8FrameAssembler m_assembler;
    std::unique_ptr<Vp8Decoder> m_vp8;
    NackTracker m_nacks;
    bool m_keyFrameWanted = false;
    bool m_decodedKeyFrame = false;
    std::vector<DecodedVideoFrame> m_decoded;

    ReceiveCounters m_counters;
};

} // namespace convene::media
