// Input: the datagrams one peer sends during a call, each a 16-bit big-endian length followed by
// that many bytes, sorted into RTP and RTCP the way the media session does. They reach one
// PeerReceiver (and through it the jitter buffer, libopus and libvpx) on a synthetic clock that
// advances 10 ms per datagram, or 100 ms for an empty one so the fuzzer can open gaps. Audio is
// pulled every 20 ms of that clock and reports are made every tenth datagram; what comes out
// must have the shapes the session relies on.
#include "convene/media/audio_format.h"
#include "convene/media/nack_tracker.h"
#include "convene/media/peer_receiver.h"
#include "convene/media/rtcp.h"
#include "convene/media/rtp_packet.h"
#include "fuzz_support.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>
#include <vector>

using namespace convene::media;

using fuzz::check;

namespace {

constexpr int64_t kStepUs = 10'000;
constexpr int64_t kGapUs = 100'000;
constexpr int64_t kPullIntervalUs = 20'000;
constexpr int64_t kRoundTripUs = 50'000;

void onRtcp(PeerReceiver& receiver, std::span<const uint8_t> datagram, int64_t nowUs)
{
    const auto compound = RtcpCompoundPacket::parse(datagram);
    if (!compound)
        return;
    for (const RtcpPacket& packet : compound->packets)
        if (const auto* report = std::get_if<RtcpSenderReport>(&packet))
            receiver.onSenderReport(*report, nowUs);
}

void checkVideo(PeerReceiver& receiver, uint64_t& framesTaken)
{
    for (const DecodedVideoFrame& frame : receiver.takeVideoFrames()) {
        const I420Frame& picture = frame.picture;
        check(!picture.empty());
        check(picture.data.size() == std::size_t(picture.width) * std::size_t(picture.height) +
                                         2 * std::size_t(I420Frame::chromaWidth(picture.width)) *
                                             std::size_t(I420Frame::chromaHeight(picture.height)));
        ++framesTaken;
    }
    check(receiver.counters().framesDecoded == framesTaken);
}

void checkReports(PeerReceiver& receiver, int64_t nowUs)
{
    const std::vector<RtcpReportBlock> blocks = receiver.makeReportBlocks(nowUs);
    check(blocks.size() ==
          std::size_t(receiver.audioSsrc().has_value()) + std::size_t(receiver.videoSsrc().has_value()));
    for (const RtcpReportBlock& block : blocks) {
        check(block.ssrc == receiver.audioSsrc() || block.ssrc == receiver.videoSsrc());
        check(block.cumulativeLost >= RtcpReportBlock::kMinCumulativeLost &&
              block.cumulativeLost <= RtcpReportBlock::kMaxCumulativeLost);
    }
    const double jitter = receiver.audioJitterMs();
    check(std::isfinite(jitter) && jitter >= 0.0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> input(data, size);
    PeerReceiver receiver;
    int64_t nowUs = 1'000'000;
    int64_t nextPullUs = nowUs;
    uint64_t framesTaken = 0;
    int datagrams = 0;

    std::size_t offset = 0;
    while (offset + 2 <= input.size()) {
        const std::size_t length = std::size_t(input[offset] << 8 | input[offset + 1]);
        offset += 2;
        const auto datagram = input.subspan(offset, std::min(length, input.size() - offset));
        offset += datagram.size();
        nowUs += datagram.empty() ? kGapUs : kStepUs;

        if (isRtcpPacket(datagram)) {
            onRtcp(receiver, datagram, nowUs);
        } else if (const auto packet = RtpPacket::parse(datagram)) {
            receiver.onRtp(*packet, nowUs);
            checkVideo(receiver, framesTaken);
        }

        for (; nextPullUs <= nowUs; nextPullUs += kPullIntervalUs)
            check(receiver.pullAudio(nextPullUs).size() == std::size_t(kAudioFrameSamples));
        check(receiver.takeNacks(nowUs, kRoundTripUs).size() <= NackTracker::kMaxMissing);
        (void)receiver.takeKeyFrameRequest();
        if (++datagrams % 10 == 0)
            checkReports(receiver, nowUs);
    }
    checkReports(receiver, nowUs);
    return 0;
}
