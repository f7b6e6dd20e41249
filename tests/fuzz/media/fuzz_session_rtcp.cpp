// Input: the datagrams one peer sends during a call, each a 16-bit big-endian length followed by
// that many bytes, delivered through the peer's transport to a MediaSession that has sent a few
// pictures and voice frames to that peer: RTCP reaches the session's own receive path (reports,
// NACKs answered from the send history, picture loss), RTP its receiver. The random SSRCs of the
// session's streams and its first video sequence number are not known in advance, so the bytes
// "VIDE" and "AUDI" anywhere in a datagram stand for the SSRCs and "SQ" for that number. However the NACKs are written,
// one datagram may make the session send at most kMaxNackedPerPacket packets again, and all of them together no more
// than the peer's resend budget allows.
#include "convene/media/media_clock.h"
#include "convene/media/media_session.h"
#include "convene/media/media_transport.h"
#include "convene/media/resend_budget.h"
#include "convene/media/rtcp.h"
#include "convene/media/rtcp_nack.h"
#include "convene/media/rtp_packet.h"
#include "convene/media/test_pattern.h"
#include "convene/media/video_send_stream.h"
#include "fuzz_support.h"

#include <QCoreApplication>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>

using namespace convene::media;

using fuzz::check;

namespace {

std::span<const uint8_t> bytesOf(const QByteArray& packet)
{
    return {reinterpret_cast<const uint8_t*>(packet.constData()), std::size_t(packet.size())};
}

// Connected once started; keeps what the session sends, hands it what the peer sends.
class PeerTransport final : public MediaTransport {
public:
    void start() override
    {
        m_state = State::Connected;
        emit stateChanged(m_state);
    }
    QJsonObject localDescription() const override { return {}; }
    void setRemoteDescription(const QJsonObject&) override { }
    void send(const QByteArray& packet) override { sent << packet; }
    void close() override { m_state = State::Closed; }
    State state() const override { return m_state; }
    QString remoteAddress() const override { return {}; }

    void deliver(const QByteArray& packet) { emit packetReceived(packet); }

    QList<QByteArray> sent;

private:
    State m_state = State::New;
};

struct Streams {
    uint32_t video = 0;
    uint32_t audio = 0;
    std::optional<uint16_t> firstVideoSequence;
    std::size_t videoPackets = 0;
};

// What the session sent from `from` on: the SSRCs of its streams, the video packets among them.
Streams sentSince(const PeerTransport& transport, qsizetype from)
{
    Streams streams;
    for (qsizetype i = from; i < transport.sent.size(); ++i) {
        if (isRtcpPacket(bytesOf(transport.sent[i])))
            continue;
        const auto packet = RtpPacket::parse(bytesOf(transport.sent[i]));
        check(packet.ok());
        if (packet->payloadType == kVp8PayloadType) {
            streams.video = packet->ssrc;
            if (!streams.firstVideoSequence)
                streams.firstVideoSequence = packet->sequenceNumber;
            ++streams.videoPackets;
        } else {
            streams.audio = packet->ssrc;
        }
    }
    return streams;
}

void replace(QByteArray& datagram, const char* placeholder, uint32_t value, int size)
{
    QByteArray bytes;
    for (int i = size - 1; i >= 0; --i)
        bytes.append(char(value >> (8 * i)));
    datagram.replace(QByteArray(placeholder, size), bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz::ensureApplication("fuzz_session_rtcp");
    MediaSessionConfig config;
    config.video.width = 160;
    config.video.height = 90;
    config.video.bitrateKbps = 300;
    config.measureLatency = false;
    PeerTransport* transport = nullptr;
    config.transportFactory = [&] {
        auto owned = std::make_unique<PeerTransport>();
        transport = owned.get();
        return owned;
    };
    MediaSession session(config);
    session.start(QAudioDevice());
    session.addPeer(QStringLiteral("peer"));
    check(transport != nullptr);

    // A few pictures and voice frames: a send history. Each picture is stamped when it is sent,
    // so a slow machine never has the session drop it as stale.
    TestPatternGenerator pattern(160, 90);
    const int64_t start = steadyNowUs();
    for (int i = 0; i < 4; ++i) {
        const int64_t now = steadyNowUs();
        auto picture = std::make_shared<I420Frame>(pattern.next(now));
        picture->captureTimeUs = now;
        session.sendVideo(picture);
        session.sendAudio({AudioSamples(kAudioFrameSamples, int16_t(i * 1000)), start + i * 20'000});
    }
    const Streams ours = sentSince(*transport, 0);
    check(ours.videoPackets > 0);

    const ResendBudget::Limits limits;
    const std::span<const uint8_t> input(data, size);
    std::size_t resent = 0;
    std::size_t offset = 0;
    while (offset + 2 <= input.size()) {
        const std::size_t length = std::size_t(input[offset] << 8 | input[offset + 1]);
        offset += 2;
        const std::size_t taken = std::min(length, input.size() - offset);
        QByteArray datagram(reinterpret_cast<const char*>(input.data() + offset), qsizetype(taken));
        offset += taken;
        replace(datagram, "VIDE", ours.video, 4);
        replace(datagram, "AUDI", ours.audio, 4);
        replace(datagram, "SQ", *ours.firstVideoSequence, 2);

        const qsizetype before = transport->sent.size();
        transport->deliver(datagram);
        const std::size_t again = sentSince(*transport, before).videoPackets;
        check(again <= kMaxNackedPerPacket);
        resent += again;
    }
    // Nothing new was sent while the datagrams came: the burst, and the floor rate for the time
    // that took.
    const double seconds = double(steadyNowUs() - start) / 1e6;
    check(double(resent) <= limits.burstPackets + std::ceil(seconds * limits.floorPacketsPerSecond) + 1);
    session.stop();
    return 0;
}
