// NACKs come from the other side of a call: what they make us send again is capped per NACK and
// held to a budget relative to what we send, however they are written.
#include "fake_transport.h"

#include <convene/media/media_clock.h>
#include <convene/media/media_session.h>
#include <convene/media/nack_tracker.h>
#include <convene/media/resend_budget.h>
#include <convene/media/rtcp.h>
#include <convene/media/rtcp_nack.h>
#include <convene/media/rtp_packet.h>
#include <convene/media/test_pattern.h>
#include <convene/media/video_send_stream.h>

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QSignalSpy>

#include <cmath>
#include <memory>
#include <set>

using namespace convene::media;

namespace {

std::span<const uint8_t> bytesOf(const QByteArray& packet)
{
    return {reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())};
}

// One 1.5 KB NACK: the 12-byte header and 372 items.
constexpr std::size_t kItemsInFullNack = 372;

// A media session sending video to one peer over a fake transport.
struct SendingSession {
    SendingSession()
    {
        MediaSessionConfig config;
        config.video.width = 320;
        config.video.height = 180;
        config.video.bitrateKbps = 1500;
        config.measureLatency = false;
        config.transportFactory = [this] {
            auto owned = std::make_unique<FakeTransport>();
            transport = owned.get();
            return owned;
        };
        session = std::make_unique<MediaSession>(config);
        session->start(QAudioDevice());
        session->addPeer(QStringLiteral("peer"));
        REQUIRE(transport);
        REQUIRE(transport->state() == MediaTransport::State::Connected);
    }

    // Sends pictures until at least `count` video packets went out; keeps their numbers. The
    // pictures are stamped 30 fps apart, ahead of the clock, so rate control keeps them all.
    void sendVideo(std::size_t count)
    {
        TestPatternGenerator pattern(320, 180);
        const int64_t start = steadyNowUs();
        for (int i = 0; i < 3000 && sequenceNumbers.size() < count; ++i) {
            const qsizetype before = transport->sent.size();
            const int64_t at = start + i * 33'333;
            auto frame = std::make_shared<I420Frame>(pattern.next(at));
            frame->captureTimeUs = at;
            session->sendVideo(frame);
            for (const RtpPacket& packet : videoPacketsSince(before)) {
                videoSsrc = packet.ssrc;
                sequenceNumbers.push_back(packet.sequenceNumber);
            }
        }
        REQUIRE(sequenceNumbers.size() >= count);
    }

    std::vector<RtpPacket> videoPacketsSince(qsizetype from) const
    {
        std::vector<RtpPacket> packets;
        for (qsizetype i = from; i < transport->sent.size(); ++i) {
            if (isRtcpPacket(bytesOf(transport->sent[i])))
                continue;
            auto packet = RtpPacket::parse(bytesOf(transport->sent[i]));
            if (packet && packet->payloadType == kVp8PayloadType)
                packets.push_back(*packet);
        }
        return packets;
    }

    // Delivers a NACK from the peer; the video packets it made the session send again.
    std::vector<RtpPacket> nack(const std::vector<NackItem>& items)
    {
        RtcpCompoundPacket compound;
        compound.packets.emplace_back(RtcpGenericNack{0x5eed, videoSsrc, items});
        const std::vector<uint8_t> bytes = compound.serialize();
        lastNackSize = bytes.size();
        const qsizetype before = transport->sent.size();
        transport->deliver(QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size())));
        return videoPacketsSince(before);
    }

    std::unique_ptr<MediaSession> session;
    FakeTransport* transport = nullptr;
    uint32_t videoSsrc = 0;
    std::vector<uint16_t> sequenceNumbers;
    std::size_t lastNackSize = 0;
};

} // namespace

TEST_CASE("A 1.5 KB NACK naming the same packets over and over sends each of them once")
{
    SendingSession s;
    s.sendVideo(17);
    // Every item names the first packet and the 16 after it: 6,324 requests for 17 packets.
    const std::vector<NackItem> items(kItemsInFullNack, NackItem{s.sequenceNumbers.front(), 0xFFFF});
    const std::vector<RtpPacket> resent = s.nack(items);
    CHECK(s.lastNackSize == 1500);
    CHECK(resent.size() == 17); // each one asked for is repaired, once
    std::set<uint16_t> distinct;
    for (const RtpPacket& packet : resent)
        distinct.insert(packet.sequenceNumber);
    CHECK(distinct.size() == resent.size());
}

TEST_CASE("A 1.5 KB NACK naming thousands of packets gets at most the cap sent again")
{
    SendingSession s;
    s.sendVideo(VideoSendStream::kHistoryPackets);
    std::vector<NackItem> items;
    for (std::size_t i = 0; i < kItemsInFullNack; ++i)
        items.push_back({uint16_t(s.sequenceNumbers.front() + 17 * i), 0xFFFF});
    const std::vector<RtpPacket> resent = s.nack(items);
    CHECK(s.lastNackSize == 1500);
    CHECK_FALSE(resent.empty());
    CHECK(resent.size() <= kMaxNackedPerPacket);
}

TEST_CASE("Repeated NACKs are held to the peer's resend budget, and the stats count them")
{
    SendingSession s;
    s.sendVideo(VideoSendStream::kHistoryPackets);
    std::vector<NackItem> items;
    for (std::size_t i = 0; i < kMaxNackedPerPacket / 16; ++i)
        items.push_back({uint16_t(s.sequenceNumbers.back() - 16 * (i + 1)), 0x7FFF}); // 16 each, 64 in all
    constexpr int kRepeats = 30;
    QElapsedTimer elapsed;
    elapsed.start();
    std::size_t resent = 0;
    for (int i = 0; i < kRepeats; ++i)
        resent += s.nack(items).size();
    const double seconds = double(elapsed.nsecsElapsed()) / 1e9;
    const ResendBudget::Limits limits;
    // Nothing new was sent meanwhile: the burst, and the floor rate for the time it took.
    const double allowed = limits.burstPackets + std::ceil(seconds * limits.floorPacketsPerSecond);
    INFO(resent << " resent in " << seconds << " s");
    CHECK(resent >= 1);
    CHECK(double(resent) <= allowed);

    QSignalSpy stats(s.session.get(), &MediaSession::statsUpdated);
    REQUIRE(stats.wait(3000));
    const auto peers = stats.takeFirst().at(0).value<QList<PeerStats>>();
    REQUIRE(peers.size() == 1);
    CHECK(peers[0].resendsRequested == kRepeats * kMaxNackedPerPacket);
    CHECK(peers[0].resent == resent);
    CHECK(peers[0].resendsRefused == peers[0].resendsRequested - resent);
}

TEST_CASE("The resend budget starts with a burst, then follows the send rate and a floor")
{
    const ResendBudget::Limits limits;
    ResendBudget budget(limits);
    const int64_t start = 1'000'000;
    int taken = 0;
    while (budget.take(100, start))
        ++taken;
    CHECK(taken == int(limits.burstPackets));

    // Sending refills a share of what went out.
    for (int i = 0; i < 10; ++i)
        budget.onSent(1000);
    taken = 0;
    while (budget.take(100, start))
        ++taken;
    CHECK(taken == int(10 * limits.shareOfSent));

    // A second with nothing sent: the floor rate.
    taken = 0;
    while (budget.take(100, start + 1'000'000))
        ++taken;
    CHECK(taken == int(limits.floorPacketsPerSecond));

    // Bytes count as well as packets; a packet larger than the whole burst never goes.
    CHECK_FALSE(budget.take(std::size_t(limits.burstBytes) + 1, start + 60'000'000));
    CHECK(budget.take(1000, start + 60'000'000));
    // A clock that goes backwards refills nothing.
    ResendBudget drained(limits);
    while (drained.take(1000, start))
        ;
    CHECK_FALSE(drained.take(1000, start - 5'000'000));
}

TEST_CASE("A NACK's sequence numbers count once each and stop at the limit")
{
    const std::vector<NackItem> overlapping(3, NackItem{65530, 0x0003}); // 65530..65532, three times
    const NackedSequenceNumbers few = nackedSequenceNumbers(overlapping, 10);
    CHECK(few.numbers == std::vector<uint16_t>{65530, 65531, 65532});
    CHECK(few.overLimit == 0);

    const std::vector<NackItem> wrapping{{65535, 0x0001}, {0, 0xFFFF}}; // 65535, 0, then 0 again .. 16
    const NackedSequenceNumbers capped = nackedSequenceNumbers(wrapping, 5);
    CHECK(capped.numbers == std::vector<uint16_t>{65535, 0, 1, 2, 3});
    CHECK(capped.overLimit == 13); // 4..16
}

TEST_CASE("The NACK tracker asks for at most one NACK's worth at a time, the rest next time")
{
    NackTracker tracker;
    tracker.onPacket(1000, 0);
    tracker.onPacket(uint16_t(1000 + kMaxNackedPerPacket + 11), 0); // kMax + 10 missing
    const std::vector<uint16_t> first = tracker.takeDue(0, 0);
    REQUIRE(first.size() == kMaxNackedPerPacket);
    CHECK(first.front() == 1001);
    const std::vector<uint16_t> rest = tracker.takeDue(0, 0);
    REQUIRE(rest.size() == 10);
    CHECK(rest.front() == uint16_t(1001 + kMaxNackedPerPacket));
}
