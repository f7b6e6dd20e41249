// DtlsSrtpTransport over two loopback UdpTransports, as calls use it: it connects only once
// DTLS is done, carries media both ways, puts nothing of it on the wire in the clear, and
// refuses a peer that offers no encryption. Every socket is bound to 127.0.0.1.
#include <convene/media/dtls_srtp_transport.h>
#include "udp_transport.h"

#include "catch_qt_strings.h"
#include "rtp_test_packet.h"
#include "tapped_path.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using convene::media::DtlsSrtpTransport;
using convene::media::MediaTransport;
using convene::media::UdpTransport;
using State = MediaTransport::State;

using convene::test::rtpPacket;
using convene::test::TappedPath;

namespace {

constexpr int kWaitMs = 10000;

// A UDP path on loopback, tapped.
std::unique_ptr<TappedPath> tappedPath(QList<QByteArray>& wire)
{
    UdpTransport::Options options;
    options.loopbackOnly = true;
    options.checkIntervalMs = 20;
    return std::make_unique<TappedPath>(std::make_unique<UdpTransport>(options), wire);
}

} // namespace

TEST_CASE("Encrypted transports connect over UDP, carry media both ways and show nothing in the clear")
{
    QList<QByteArray> wire;
    DtlsSrtpTransport a(tappedPath(wire));
    DtlsSrtpTransport b(tappedPath(wire));
    QSignalSpy atA(&a, &MediaTransport::packetReceived);
    QSignalSpy atB(&b, &MediaTransport::packetReceived);
    a.start();
    b.start();
    const QJsonObject aDescription = a.localDescription();
    CHECK(aDescription.value(QLatin1String(DtlsSrtpTransport::kFingerprintKey)).toString().size() == 95);
    a.setRemoteDescription(b.localDescription());
    b.setRemoteDescription(aDescription);
    REQUIRE(QTest::qWaitFor([&] { return a.state() == State::Connected && b.state() == State::Connected; }, kWaitMs));
    CHECK(a.protection() == QLatin1String("DTLS 1.2, SRTP AEAD_AES_128_GCM"));
    CHECK(b.remoteAddress().startsWith(QLatin1String("127.0.0.1:")));

    const QByteArray words = QByteArrayLiteral("what was said in the meeting");
    for (quint16 i = 0; i < 20; ++i) {
        a.send(rtpPacket(i, words));
        b.send(rtpPacket(i, words));
    }
    REQUIRE(QTest::qWaitFor([&] { return atA.size() == 20 && atB.size() == 20; }, kWaitMs));
    CHECK(atB[5][0].toByteArray() == rtpPacket(5, words));
    for (const QByteArray& datagram : std::as_const(wire))
        CHECK_FALSE(datagram.contains(words));
    CHECK(a.rejectedPackets() == 0);

    // Leaving closes the other side's transport too, as an end rather than a failure.
    QSignalSpy failedAtB(&b, &MediaTransport::failed);
    a.close();
    CHECK(QTest::qWaitFor([&] { return b.state() == State::Closed; }, kWaitMs));
    CHECK(failedAtB.isEmpty());
}

TEST_CASE("A peer whose description offers no encryption is refused")
{
    QList<QByteArray> wire;
    DtlsSrtpTransport a(tappedPath(wire));
    UdpTransport::Options options;
    options.loopbackOnly = true;
    UdpTransport plain(options);
    QSignalSpy failed(&a, &MediaTransport::failed);
    a.start();
    plain.start();
    a.setRemoteDescription(plain.localDescription());
    CHECK(a.state() == State::Failed);
    CHECK(failed.size() == 1);
    a.send(rtpPacket(1, QByteArrayLiteral("never")));
    CHECK(wire.isEmpty());
}
