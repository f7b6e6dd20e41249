// DTLS-SRTP between two sessions joined by an in-memory datagram path (queued, so that the
// handshake runs on the event loop as it would over a socket): the handshake, the profile both
// sides agree on, media in both directions, nothing of it in the clear, and what is dropped.
#include <convene/media/dtls_srtp_session.h>

#include "catch_qt_strings.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>
#include "rtp_test_packet.h"

using convene::media::DtlsCertificate;
using convene::media::DtlsSrtpSession;
using Role = DtlsSrtpSession::Role;
using State = DtlsSrtpSession::State;
using Profile = DtlsSrtpSession::Profile;

using convene::test::rtpPacket;

namespace {

constexpr int kWaitMs = 5000;

// A receiver report with a recognisable text appended as an (unknown) extra packet.
QByteArray rtcpPacket(const QByteArray& tail)
{
    QByteArray packet(8, '\0');
    packet[0] = char(0x80);
    packet[1] = char(201); // RR
    packet[3] = char(1); // length: 2 words
    packet[7] = char(0x42);
    return packet + tail;
}

struct Pair {
    std::shared_ptr<const DtlsCertificate> clientCertificate = DtlsCertificate::generate();
    std::shared_ptr<const DtlsCertificate> serverCertificate = DtlsCertificate::generate();
    std::unique_ptr<DtlsSrtpSession> client, server;
    std::vector<QByteArray> wire; // everything either side sent, as it went
    // Changes a datagram on its way (tampering); returns false to lose it.
    std::function<bool(QByteArray&)> onTheWay = [](QByteArray&) { return true; };

    Pair(DtlsSrtpSession::Options clientOptions = {}, DtlsSrtpSession::Options serverOptions = {},
         QString serverFingerprintForClient = {})
    {
        REQUIRE(clientCertificate);
        REQUIRE(serverCertificate);
        client = std::make_unique<DtlsSrtpSession>(
            Role::Client, clientCertificate,
            serverFingerprintForClient.isEmpty() ? serverCertificate->fingerprint() : serverFingerprintForClient,
            clientOptions);
        server = std::make_unique<DtlsSrtpSession>(Role::Server, serverCertificate, clientCertificate->fingerprint(),
                                                   serverOptions);
        link(*client, *server);
        link(*server, *client);
    }

    void link(DtlsSrtpSession& from, DtlsSrtpSession& to)
    {
        QObject::connect(&from, &DtlsSrtpSession::datagramOut, &to, [this, &to](const QByteArray& datagram) {
            wire.push_back(datagram);
            QByteArray sent = datagram;
            if (onTheWay(sent))
                QMetaObject::invokeMethod(&to, [&to, sent] { to.receiveDatagram(sent); }, Qt::QueuedConnection);
        });
    }

    bool connect(int waitMs = kWaitMs)
    {
        server->start();
        client->start();
        return QTest::qWaitFor(
            [&] { return client->state() == State::Connected && server->state() == State::Connected; }, waitMs);
    }
};

bool wireContains(const std::vector<QByteArray>& wire, const QByteArray& text)
{
    for (const QByteArray& datagram : wire) {
        if (datagram.contains(text))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("A call's certificate is a fresh P-256 one, known by its SHA-256 fingerprint")
{
    const auto a = DtlsCertificate::generate();
    const auto b = DtlsCertificate::generate();
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->fingerprint().size() == 32 * 3 - 1);
    CHECK(a->fingerprint() == a->fingerprint().toUpper());
    CHECK(a->fingerprint() != b->fingerprint());
    CHECK(convene::media::sameFingerprint(a->fingerprint(), a->fingerprint().toLower()));
    CHECK_FALSE(convene::media::sameFingerprint(QString(), QString()));
}

TEST_CASE("Two sessions agree on AEAD_AES_128_GCM and carry RTP and RTCP both ways, never in the clear")
{
    Pair pair;
    QSignalSpy atServer(pair.server.get(), &DtlsSrtpSession::packetReceived);
    QSignalSpy atClient(pair.client.get(), &DtlsSrtpSession::packetReceived);
    REQUIRE(pair.connect());
    CHECK(pair.client->profile() == Profile::AeadAes128Gcm);
    CHECK(pair.server->profile() == Profile::AeadAes128Gcm);

    const QByteArray secret = QByteArrayLiteral("the words of a private call");
    const QByteArray report = QByteArrayLiteral("a private receiver report");
    const QByteArray rtp = rtpPacket(1, secret);
    pair.client->sendPacket(rtp);
    pair.client->sendPacket(rtcpPacket(report));
    pair.server->sendPacket(rtpPacket(7, secret, 0x55667788));
    REQUIRE(QTest::qWaitFor([&] { return atServer.size() == 2 && atClient.size() == 1; }, kWaitMs));
    CHECK(atServer[0][0].toByteArray() == rtp);
    CHECK(atServer[1][0].toByteArray() == rtcpPacket(report));
    CHECK(atClient[0][0].toByteArray() == rtpPacket(7, secret, 0x55667788));
    CHECK_FALSE(wireContains(pair.wire, secret));
    CHECK_FALSE(wireContains(pair.wire, report));
    CHECK(pair.client->counters().sent == 2);
    CHECK(pair.server->counters().received == 2);
}

TEST_CASE("Without GCM on one side both fall back to AES_CM_128_HMAC_SHA1_80")
{
    DtlsSrtpSession::Options noGcm;
    noGcm.offerGcm = false;
    Pair pair(noGcm, {});
    QSignalSpy atServer(pair.server.get(), &DtlsSrtpSession::packetReceived);
    REQUIRE(pair.connect());
    CHECK(pair.client->profile() == Profile::AesCm128HmacSha1_80);
    CHECK(pair.server->profile() == Profile::AesCm128HmacSha1_80);
    const QByteArray rtp = rtpPacket(1, QByteArrayLiteral("fallback payload"));
    pair.client->sendPacket(rtp);
    REQUIRE(QTest::qWaitFor([&] { return atServer.size() == 1; }, kWaitMs));
    CHECK(atServer[0][0].toByteArray() == rtp);
}

TEST_CASE("Tampered, replayed and unknown packets are dropped and counted; media waits for the handshake")
{
    Pair pair;
    QSignalSpy atServer(pair.server.get(), &DtlsSrtpSession::packetReceived);
    pair.client->sendPacket(rtpPacket(1, QByteArrayLiteral("too early")));
    CHECK(pair.client->counters().droppedBeforeConnected == 1);
    REQUIRE(pair.connect());

    pair.onTheWay = [](QByteArray& datagram) {
        datagram[datagram.size() - 1] = char(datagram[datagram.size() - 1] ^ 0x01); // in the tag
        return true;
    };
    pair.client->sendPacket(rtpPacket(2, QByteArrayLiteral("changed on the way")));
    pair.onTheWay = [](QByteArray& datagram) {
        datagram[14] = char(datagram[14] ^ 0x80); // in the encrypted payload
        return true;
    };
    pair.client->sendPacket(rtpPacket(3, QByteArrayLiteral("changed on the way too")));
    pair.onTheWay = [](QByteArray&) { return true; };
    REQUIRE(QTest::qWaitFor([&] { return pair.server->counters().droppedAuthentication == 2; }, kWaitMs));

    pair.client->sendPacket(rtpPacket(4, QByteArrayLiteral("once")));
    REQUIRE(QTest::qWaitFor([&] { return atServer.size() == 1; }, kWaitMs));
    pair.server->receiveDatagram(pair.wire.back()); // the same packet again
    CHECK(pair.server->counters().droppedReplay == 1);

    pair.server->receiveDatagram(QByteArray(40, char(0x05))); // neither DTLS, STUN nor RTP
    CHECK(pair.server->counters().droppedMalformed == 1);
    pair.client->sendPacket(QByteArray(40, char(0x05))); // nor is it sent as media
    CHECK(pair.client->counters().droppedMalformed == 1);
    CHECK(pair.client->counters().sent == 3);
    pair.server->receiveDatagram(rtpPacket(9, QByteArrayLiteral("plain RTP from anyone")));
    CHECK(pair.server->counters().droppedAuthentication == 3);
    QTest::qWait(50);
    CHECK(atServer.size() == 1);
}

TEST_CASE("A certificate that is not the announced one fails the session")
{
    const auto stranger = DtlsCertificate::generate();
    REQUIRE(stranger);
    Pair pair({}, {}, stranger->fingerprint());
    QSignalSpy failed(pair.client.get(), &DtlsSrtpSession::failed);
    pair.server->start();
    pair.client->start();
    REQUIRE(QTest::qWaitFor([&] { return pair.client->state() == State::Failed; }, kWaitMs));
    CHECK(failed.size() == 1);
    pair.client->sendPacket(rtpPacket(1, QByteArrayLiteral("never sent")));
    CHECK(pair.client->counters().sent == 0);
}

TEST_CASE("A fingerprint that signaling brings after the handshake lets media flow once it is checked")
{
    Pair pair;
    auto late = std::make_unique<DtlsSrtpSession>(Role::Server, pair.serverCertificate, QString(),
                                                  DtlsSrtpSession::Options{});
    pair.server = std::move(late);
    pair.link(*pair.client, *pair.server);
    pair.link(*pair.server, *pair.client);
    pair.server->start();
    pair.client->start();
    REQUIRE(QTest::qWaitFor([&] { return pair.client->state() == State::Connected; }, kWaitMs));
    QTest::qWait(100);
    CHECK(pair.server->state() == State::Handshaking);
    pair.server->setRemoteFingerprint(pair.clientCertificate->fingerprint());
    CHECK(pair.server->state() == State::Connected);
}

TEST_CASE("Lost handshake datagrams are sent again; closing tells the other side")
{
    Pair pair;
    int lost = 0;
    pair.onTheWay = [&lost](QByteArray&) { return lost++ >= 2; }; // the first two never arrive
    REQUIRE(pair.connect(15000)); // DTLS waits 1 s, then 2 s, before sending again
    CHECK(lost > 4); // the client's first flight went three times
    pair.onTheWay = [](QByteArray&) { return true; };
    pair.client->close();
    CHECK(pair.client->state() == State::Closed);
    CHECK(QTest::qWaitFor([&] { return pair.server->state() == State::Closed; }, kWaitMs));
}
