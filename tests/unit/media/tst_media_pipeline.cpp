#include <convene/media/audio_send_stream.h>
#include <convene/media/lip_sync.h>
#include <convene/media/nack_tracker.h>
#include <convene/media/peer_receiver.h>
#include <convene/media/synthetic_audio.h>
#include <convene/media/test_pattern.h>
#include <convene/media/video_send_stream.h>
#include <convene/media/vp8_decoder.h>
#include <convene/media/vp8_encoder.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace convene::media;

namespace {

constexpr int64_t kStartUs = 5'000'000'000;

Vp8EncoderSettings smallVideo()
{
    Vp8EncoderSettings settings;
    settings.width = 320;
    settings.height = 180;
    settings.bitrateKbps = 300;
    return settings;
}

// Encodes `frames` pictures of the test pattern at 30 fps; packets in sending order.
std::vector<RtpPacket> videoPackets(VideoSendStream& stream, int frames, int64_t startUs = kStartUs)
{
    TestPatternGenerator pattern(320, 180);
    std::vector<RtpPacket> packets;
    for (int i = 0; i < frames; ++i) {
        const int64_t at = startUs + i * 33'333;
        I420Frame picture = pattern.next(at);
        picture.captureTimeUs = at;
        for (RtpPacket& packet : stream.encode(picture))
            packets.push_back(std::move(packet));
    }
    return packets;
}

} // namespace

TEST_CASE("The NACK tracker asks for gaps once per round trip, a few times, and forgets old ones")
{
    NackTracker tracker;
    tracker.onPacket(100, 0);
    tracker.onPacket(101, 0);
    tracker.onPacket(105, 1000); // 102..104 missing
    CHECK(tracker.takeDue(1000, 20'000) == std::vector<uint16_t>{102, 103, 104});
    CHECK(tracker.takeDue(2000, 20'000).empty()); // not yet a round trip later
    tracker.onPacket(103, 3000); // a retransmission arrived
    CHECK(tracker.takeDue(32'000, 20'000) == std::vector<uint16_t>{102, 104});
    CHECK(tracker.takeDue(63'000, 20'000) == std::vector<uint16_t>{102, 104});
    CHECK(tracker.takeDue(94'000, 20'000).empty()); // asked three times: given up
    CHECK(tracker.missing() == 0);

    SECTION("across the 16-bit wrap")
    {
        NackTracker wrap;
        wrap.onPacket(65534, 0);
        wrap.onPacket(1, 0);
        CHECK(wrap.takeDue(0, 0) == std::vector<uint16_t>{65535, 0});
    }
    SECTION("a jump too large to repair is a restart, not a loss")
    {
        NackTracker jump;
        jump.onPacket(10, 0);
        jump.onPacket(10 + 5000, 0);
        CHECK(jump.takeDue(0, 0).empty());
    }
    SECTION("gaps older than a second are dropped")
    {
        NackTracker old;
        old.onPacket(1, 0);
        old.onPacket(3, 0);
        CHECK(old.takeDue(1'500'000, 0).empty());
    }
}

TEST_CASE("Lip sync holds pictures until their audio is heard, but never for long")
{
    LipSync sync;
    const int64_t now = 10'000'000;
    CHECK(sync.due(std::nullopt, now, now)); // no sender time: show
    CHECK(sync.due(int64_t(500), now, now)); // no audio reference yet: show

    // Audio captured at sender time 1,000,000 is heard at `now`.
    sync.onAudioPlayed(int64_t(1'000'000), now);
    CHECK(sync.due(int64_t(1'000'000), now, now));
    CHECK(sync.due(int64_t(1'015'000), now, now)); // within the lead tolerance
    CHECK_FALSE(sync.due(int64_t(1'080'000), now, now)); // 80 ms ahead of the voice: wait
    CHECK(sync.due(int64_t(1'080'000), now, now + 70'000)); // the voice caught up
    CHECK(sync.due(int64_t(1'900'000), now, now + LipSync::kMaxHoldUs)); // never held too long
    // A stale reference (muted, silence) no longer holds pictures back.
    CHECK(sync.due(int64_t(9'000'000), now + 600'000, now + 600'000));
    sync.onAudioPlayed(std::nullopt, now + 700'000); // silence does not move the reference
    CHECK(sync.due(int64_t(9'000'000), now + 600'000, now + 600'000));
}

TEST_CASE("Video from the send stream decodes on the receiving side, and loss is repaired by NACK")
{
    auto sender = VideoSendStream::create(0x1234, smallVideo());
    REQUIRE(sender.ok());
    const std::vector<RtpPacket> packets = videoPackets(**sender, 30);
    REQUIRE(packets.size() >= 30);
    CHECK((*sender)->counters().keyFrames == 1);
    CHECK(packets.front().payloadType == kVp8PayloadType);

    SECTION("all packets arrive: every picture is decoded with its stamp")
    {
        PeerReceiver receiver;
        int64_t now = kStartUs;
        for (const RtpPacket& packet : packets)
            receiver.onRtp(packet, now += 1000);
        const auto frames = receiver.takeVideoFrames();
        REQUIRE(frames.size() == 30);
        CHECK(receiver.counters().width == 320);
        CHECK_FALSE(receiver.takeKeyFrameRequest());
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const auto stamp = TestPatternGenerator::readStamp(frames[i].picture);
            REQUIRE(stamp);
            CHECK(stamp->frameNumber == i);
        }
    }
    SECTION("a lost packet is asked for, resent from the history and the frame completes")
    {
        PeerReceiver receiver;
        const std::size_t lost = packets.size() / 2;
        int64_t now = kStartUs;
        for (std::size_t i = 0; i < packets.size(); ++i)
            if (i != lost)
                receiver.onRtp(packets[i], now += 1000);
        const std::vector<uint16_t> nacks = receiver.takeNacks(now, 10'000);
        REQUIRE(nacks == std::vector<uint16_t>{packets[lost].sequenceNumber});
        const auto resent = (*sender)->retransmit(nacks, [](std::size_t) { return true; });
        REQUIRE(resent.size() == 1);
        CHECK((*sender)->counters().retransmitted == 1);
        auto parsed = RtpPacket::parse(resent.front());
        REQUIRE(parsed.ok());
        CHECK(*parsed == packets[lost]);
        receiver.onRtp(*parsed, now += 1000);
        CHECK(receiver.takeVideoFrames().size() == 30);
        CHECK((*sender)
                  ->retransmit(std::vector<uint16_t>{uint16_t(packets.back().sequenceNumber + 10)},
                               [](std::size_t) { return true; })
                  .empty());
        // What the caller does not allow is neither sent nor counted.
        CHECK((*sender)->retransmit(nacks, [](std::size_t) { return false; }).empty());
        CHECK((*sender)->counters().retransmitted == 1);
    }
    SECTION("joining after the key frame asks for one, and the sender makes the next frame a key frame")
    {
        PeerReceiver receiver;
        int64_t now = kStartUs;
        for (const RtpPacket& packet : packets)
            if (packet.timestamp != packets.front().timestamp) // the key frame never arrives
                receiver.onRtp(packet, now += 1000);
        CHECK(receiver.takeVideoFrames().empty());
        CHECK(receiver.takeKeyFrameRequest());
        (*sender)->requestKeyFrame(kStartUs + 10'000'000);
        const auto more = videoPackets(**sender, 2, kStartUs + 2'000'000);
        CHECK((*sender)->counters().keyFrames == 2);
        for (const RtpPacket& packet : more)
            receiver.onRtp(packet, now += 1000);
        CHECK(receiver.takeVideoFrames().size() == 2);
    }
}

TEST_CASE("Audio from the send stream plays through the jitter buffer, with concealment for a loss")
{
    OpusEncoderSettings settings;
    settings.dtx = false;
    auto sender = AudioSendStream::create(0x5678, settings);
    REQUIRE(sender.ok());
    SyntheticAudioGenerator voice(SyntheticAudioGenerator::Signal::Tone);
    PeerReceiver receiver;
    int played = 0;
    int loud = 0;
    for (int i = 0; i < 100; ++i) {
        const int64_t at = kStartUs + int64_t(i) * 20'000;
        auto packet = (*sender)->encode(voice.next(at), at);
        REQUIRE(packet);
        CHECK(packet->payloadType == kOpusPayloadType);
        if (i != 50)
            receiver.onRtp(*packet, at + 5000);
        const AudioSamples out = receiver.pullAudio(at + 5000);
        REQUIRE(out.size() == std::size_t(kAudioFrameSamples));
        ++played;
        if (std::any_of(out.begin(), out.end(), [](int16_t s) { return std::abs(s) > 1000; }))
            ++loud;
    }
    CHECK(played == 100);
    CHECK(loud > 80); // the tone comes through, across the lost frame too
    CHECK(receiver.jitterBufferStats().played > 80);
    CHECK(receiver.counters().audioBytes > 0);
    CHECK(receiver.audioSsrc() == 0x5678u);
    const auto blocks = receiver.makeReportBlocks(kStartUs + 2'100'000);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks.front().ssrc == 0x5678u);
    CHECK(blocks.front().cumulativeLost == 1);
}

TEST_CASE("Garbage of the right payload type is counted, never decoded into a crash")
{
    PeerReceiver receiver;
    RtpPacket junk;
    junk.payloadType = kOpusPayloadType;
    junk.payload = {}; // empty Opus payload
    receiver.onRtp(junk, 1);
    junk.payloadType = 13; // neither audio nor video
    junk.payload = {1, 2, 3};
    receiver.onRtp(junk, 2);
    CHECK(receiver.counters().malformed == 2);
    junk.payloadType = kVp8PayloadType;
    junk.marker = true;
    junk.payload = {0x10, 0xFF, 0xFF, 0xFF, 0xFF};
    receiver.onRtp(junk, 3);
    CHECK(receiver.takeVideoFrames().empty());
    CHECK(receiver.pullAudio(4).size() == std::size_t(kAudioFrameSamples));
}

TEST_CASE("A key frame announcing a giant picture is refused before anything is allocated for it")
{
    auto encoder = Vp8Encoder::create(smallVideo());
    REQUIRE(encoder.ok());
    TestPatternGenerator pattern(320, 180);
    auto key = (*encoder)->encode(pattern.next(kStartUs), true);
    REQUIRE(key.ok());
    REQUIRE(key->keyFrame);
    std::vector<uint8_t> giant = key->data;
    REQUIRE(giant.size() > 10);
    REQUIRE(giant[3] == 0x9d); // the key frame start code, then 14-bit width and height
    giant[6] = 0xff;
    giant[7] = 0x3f;
    giant[8] = 0xff;
    giant[9] = 0x3f;
    auto decoder = Vp8Decoder::create();
    REQUIRE(decoder.ok());
    auto refused = (*decoder)->decode(giant.data(), giant.size());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == convene::ErrorCode::TooLarge);
    auto fine = (*decoder)->decode(key->data.data(), key->data.size());
    REQUIRE(fine.ok());
    CHECK(fine->width == 320);
}
