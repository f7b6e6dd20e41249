#include "udp_transport.h"

#include "catch_qt_strings.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

// Every transport here is loopback-only and every raw socket is bound to 127.0.0.1: nothing in
// these tests sends to any other address.

using convene::media::MediaTransport;
using convene::media::UdpTransport;
using State = MediaTransport::State;

namespace {

constexpr int kWaitMs = 5000;
constexpr char kRequest = 1;
constexpr char kResponse = 2;

UdpTransport::Options loopbackOptions()
{
    UdpTransport::Options options;
    options.loopbackOnly = true;
    options.checkIntervalMs = 20;
    return options;
}

quint16 portOf(const QJsonObject& description)
{
    const QJsonObject first = description.value(QLatin1String("candidates")).toArray().first().toObject();
    return quint16(first.value(QLatin1String("port")).toInt());
}

QByteArray tokenOf(const QJsonObject& description)
{
    return QByteArray::fromBase64(description.value(QLatin1String("token")).toString().toLatin1());
}

QByteArray randomBytes(QRandomGenerator& random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QByteArray randomToken()
{
    return randomBytes(*QRandomGenerator::global(), UdpTransport::kTokenSize);
}

QByteArray checkPacket(char type, const QByteArray& recipientToken, const QByteArray& senderToken)
{
    return QByteArray("CVNP") + type + recipientToken + senderToken;
}

// Version 2, payload type 96, the sequence number, then a payload derived from it.
QByteArray rtpPacket(quint16 sequence, qsizetype size)
{
    QByteArray packet(size, '\0');
    packet[0] = char(0x80);
    packet[1] = char(96);
    packet[2] = char(sequence >> 8);
    packet[3] = char(sequence & 0xff);
    for (qsizetype i = 12; i < size; ++i)
        packet[i] = char(sequence + i);
    return packet;
}

QJsonObject candidate(const QString& ip, int port)
{
    return QJsonObject{{QStringLiteral("ip"), ip}, {QStringLiteral("port"), port}};
}

QJsonObject description(const QByteArray& token, const QJsonArray& candidates)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("udp")},
        {QStringLiteral("token"), QString::fromLatin1(token.toBase64())},
        {QStringLiteral("candidates"), candidates},
    };
}

bool connectPair(UdpTransport& a, UdpTransport& b)
{
    a.start();
    b.start();
    a.setRemoteDescription(b.localDescription());
    b.setRemoteDescription(a.localDescription());
    return QTest::qWaitFor([&] { return a.state() == State::Connected && b.state() == State::Connected; }, kWaitMs);
}

quint64 droppedTotal(const UdpTransport::Counters& counters)
{
    return counters.droppedBeforeConnected + counters.droppedUnknownSource + counters.droppedMalformed;
}

// A bound 127.0.0.1 socket: a silent candidate, a stranger, or a remote side speaking the check
// protocol by hand.
class RawPeer {
public:
    RawPeer() { REQUIRE(m_socket.bind(QHostAddress::LocalHost, 0)); }

    quint16 port() const { return m_socket.localPort(); }
    const QByteArray& token() const { return m_token; }
    QJsonObject description() const
    {
        return ::description(m_token, QJsonArray{candidate(QStringLiteral("127.0.0.1"), port())});
    }

    bool sendTo(quint16 port, const QByteArray& data)
    {
        return m_socket.writeDatagram(data, QHostAddress::LocalHost, port) == data.size();
    }

    std::optional<QNetworkDatagram> next(int timeoutMs = kWaitMs)
    {
        if (!QTest::qWaitFor([&] { return m_socket.hasPendingDatagrams(); }, timeoutMs))
            return std::nullopt;
        return m_socket.receiveDatagram();
    }

    // Answers the transport's first check, which connects it to this peer.
    bool acceptCheckFrom(const UdpTransport& transport)
    {
        const QByteArray transportToken = tokenOf(transport.localDescription());
        const auto request = next();
        return request && request->data() == checkPacket(kRequest, m_token, transportToken) &&
               sendTo(quint16(request->senderPort()), checkPacket(kResponse, transportToken, m_token)) &&
               QTest::qWaitFor([&] { return transport.state() == State::Connected; }, kWaitMs);
    }

private:
    QUdpSocket m_socket;
    QByteArray m_token = randomToken();
};

} // namespace

TEST_CASE("UdpTransport describes one loopback candidate and a random token")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    CHECK(a.localDescription().isEmpty());
    a.start();
    b.start();
    CHECK(a.state() == State::New);

    const QJsonObject local = a.localDescription();
    CHECK(local.value(QLatin1String("type")).toString() == QStringLiteral("udp"));
    CHECK(tokenOf(local).size() == 16);
    CHECK(tokenOf(local) != tokenOf(b.localDescription()));
    const QJsonArray candidates = local.value(QLatin1String("candidates")).toArray();
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].toObject().value(QLatin1String("ip")).toString() == QStringLiteral("127.0.0.1"));
    CHECK(portOf(local) != 0);
    CHECK(candidates[0].toObject().value(QLatin1String("priority")).toDouble() > 0);
    CHECK(a.remoteAddress().isEmpty());
}

TEST_CASE("Two UdpTransports exchange descriptions and connect")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    QSignalSpy aStates(&a, &MediaTransport::stateChanged);
    QSignalSpy failures(&a, &MediaTransport::failed);
    REQUIRE(connectPair(a, b));

    REQUIRE(aStates.size() == 2);
    CHECK(aStates[0][0].value<State>() == State::Checking);
    CHECK(aStates[1][0].value<State>() == State::Connected);
    CHECK(failures.isEmpty());
    CHECK(a.remoteAddress() == QStringLiteral("127.0.0.1:%1").arg(portOf(b.localDescription())));
    CHECK(b.remoteAddress() == QStringLiteral("127.0.0.1:%1").arg(portOf(a.localDescription())));
}

TEST_CASE("RTP packets flow both ways in order and intact")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    REQUIRE(connectPair(a, b));

    QList<QByteArray> receivedByA;
    QList<QByteArray> receivedByB;
    QObject::connect(&a, &MediaTransport::packetReceived, [&](const QByteArray& p) { receivedByA.append(p); });
    QObject::connect(&b, &MediaTransport::packetReceived, [&](const QByteArray& p) { receivedByB.append(p); });

    QList<QByteArray> sentByA;
    QList<QByteArray> sentByB;
    constexpr int kPackets = 200;
    constexpr int kBatch = 20; // stays well inside the socket buffers
    for (int i = 0; i < kPackets; ++i) {
        const qsizetype size = i == 0 ? 1500 : i == 1 ? 12 : 12 + (i * 97) % 1489;
        sentByA.append(rtpPacket(quint16(i), size));
        sentByB.append(rtpPacket(quint16(60000 + i), 1512 - size));
        a.send(sentByA.last());
        b.send(sentByB.last());
        if ((i + 1) % kBatch == 0)
            REQUIRE(
                QTest::qWaitFor([&] { return receivedByA.size() == i + 1 && receivedByB.size() == i + 1; }, kWaitMs));
    }

    CHECK(receivedByB == sentByA);
    CHECK(receivedByA == sentByB);
    CHECK(a.counters().sent == kPackets);
    CHECK(a.counters().received == kPackets);
    CHECK(droppedTotal(a.counters()) == 0);
    CHECK(droppedTotal(b.counters()) == 0);
}

TEST_CASE("Packets around connecting are dropped and counted until connected")
{
    UdpTransport a(loopbackOptions());
    QSignalSpy received(&a, &MediaTransport::packetReceived);

    a.send(rtpPacket(1, 100)); // not started
    a.start();
    a.send(rtpPacket(2, 100)); // no remote yet
    CHECK(a.counters().droppedBeforeConnected == 2);

    // A peer that passes a check but never answers ours: its media is known but too early.
    RawPeer peer;
    a.setRemoteDescription(peer.description());
    REQUIRE(a.state() == State::Checking);
    a.send(rtpPacket(3, 100));
    CHECK(a.counters().droppedBeforeConnected == 3);
    const quint16 aPort = portOf(a.localDescription());
    const QByteArray aToken = tokenOf(a.localDescription());
    REQUIRE(peer.sendTo(aPort, checkPacket(kRequest, aToken, peer.token())));
    REQUIRE(peer.sendTo(aPort, rtpPacket(4, 100)));
    REQUIRE(QTest::qWaitFor([&] { return a.counters().droppedBeforeConnected == 4; }, kWaitMs));
    CHECK(a.state() == State::Checking);
    CHECK(received.isEmpty());
    CHECK(a.counters().sent == 0);

    // Once connected, only what is sent from then on arrives.
    UdpTransport b(loopbackOptions());
    UdpTransport c(loopbackOptions());
    b.start();
    b.send(rtpPacket(5, 100));
    QSignalSpy receivedByC(&c, &MediaTransport::packetReceived);
    REQUIRE(connectPair(b, c));
    b.send(rtpPacket(6, 100));
    REQUIRE(QTest::qWaitFor([&] { return receivedByC.size() == 1; }, kWaitMs));
    CHECK(receivedByC[0][0].toByteArray() == rtpPacket(6, 100));
    CHECK(b.counters().droppedBeforeConnected == 1);
    CHECK(b.counters().sent == 1);
}

TEST_CASE("Check packets follow the documented format")
{
    UdpTransport a(loopbackOptions());
    RawPeer peer;
    a.start();
    const QByteArray aToken = tokenOf(a.localDescription());
    const quint16 aPort = portOf(a.localDescription());

    // Requests are answered before the remote description is known, tokens swapped.
    REQUIRE(peer.sendTo(aPort, checkPacket(kRequest, aToken, peer.token())));
    auto response = peer.next();
    REQUIRE(response);
    CHECK(response->data() == checkPacket(kResponse, peer.token(), aToken));
    CHECK(response->data().size() == 37);
    CHECK(a.state() == State::New);

    a.setRemoteDescription(peer.description());
    auto request = peer.next();
    REQUIRE(request);
    CHECK(request->data() == checkPacket(kRequest, peer.token(), aToken));
    CHECK(request->senderPort() == aPort);

    REQUIRE(peer.sendTo(aPort, checkPacket(kResponse, aToken, peer.token())));
    REQUIRE(QTest::qWaitFor([&] { return a.state() == State::Connected; }, kWaitMs));
    CHECK(a.remoteAddress() == QStringLiteral("127.0.0.1:%1").arg(peer.port()));
}

TEST_CASE("RTP from an unknown source is dropped")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    REQUIRE(connectPair(a, b));
    QSignalSpy received(&a, &MediaTransport::packetReceived);

    RawPeer stranger;
    REQUIRE(stranger.sendTo(portOf(a.localDescription()), rtpPacket(1, 200)));
    REQUIRE(QTest::qWaitFor([&] { return a.counters().droppedUnknownSource == 1; }, kWaitMs));

    b.send(rtpPacket(2, 200));
    REQUIRE(QTest::qWaitFor([&] { return received.size() == 1; }, kWaitMs));
    CHECK(received[0][0].toByteArray() == rtpPacket(2, 200));
    CHECK(a.state() == State::Connected);
}

TEST_CASE("Malformed packets and bogus checks from the remote address are dropped")
{
    UdpTransport a(loopbackOptions());
    RawPeer peer;
    a.start();
    a.setRemoteDescription(peer.description());
    REQUIRE(peer.acceptCheckFrom(a));
    QSignalSpy received(&a, &MediaTransport::packetReceived);
    const quint16 aPort = portOf(a.localDescription());
    const QByteArray aToken = tokenOf(a.localDescription());

    auto withVersion = [](int version) {
        QByteArray packet = rtpPacket(1, 100);
        packet[0] = char(version << 6);
        return packet;
    };
    const QList<QByteArray> malformed{
        QByteArray(),
        rtpPacket(1, 11),
        rtpPacket(1, 1501),
        rtpPacket(1, 4000),
        withVersion(0),
        withVersion(1),
        withVersion(3),
        QByteArray("CVN"),
        QByteArray("CVNP"),
        checkPacket(kRequest, aToken, peer.token()).chopped(1),
        checkPacket(kRequest, aToken, peer.token()) + 'x',
        checkPacket(3, aToken, peer.token()),
        checkPacket(0, aToken, peer.token()),
    };
    const QList<QByteArray> foreign{
        checkPacket(kRequest, randomToken(), peer.token()),
        checkPacket(kResponse, aToken, randomToken()),
        checkPacket(kRequest, peer.token(), aToken),
    };
    const auto before = a.counters();
    for (const QByteArray& packet : malformed)
        REQUIRE(peer.sendTo(aPort, packet));
    for (const QByteArray& packet : foreign)
        REQUIRE(peer.sendTo(aPort, packet));
    REQUIRE(QTest::qWaitFor(
        [&] {
            return a.counters().droppedMalformed == before.droppedMalformed + quint64(malformed.size()) &&
                   a.counters().droppedUnknownSource == before.droppedUnknownSource + quint64(foreign.size());
        },
        kWaitMs));
    CHECK(received.isEmpty());
    CHECK(a.state() == State::Connected);

    // The smallest and largest RTP packets still get through.
    REQUIRE(peer.sendTo(aPort, rtpPacket(2, 12)));
    REQUIRE(peer.sendTo(aPort, rtpPacket(3, 1500)));
    REQUIRE(QTest::qWaitFor([&] { return received.size() == 2; }, kWaitMs));
    CHECK(received[0][0].toByteArray() == rtpPacket(2, 12));
    CHECK(received[1][0].toByteArray() == rtpPacket(3, 1500));
    // So does a DTLS record (RFC 7983: first byte 20..63), for the layer that encrypts.
    QByteArray handshake = rtpPacket(4, 40);
    handshake[0] = char(22);
    REQUIRE(peer.sendTo(aPort, handshake));
    REQUIRE(QTest::qWaitFor([&] { return received.size() == 3; }, kWaitMs));
    CHECK(received[2][0].toByteArray() == handshake);

    // Sending refuses what the peer would drop.
    a.send(rtpPacket(4, 1501));
    a.send(withVersion(1));
    CHECK(a.counters().droppedMalformed == before.droppedMalformed + quint64(malformed.size()) + 2);
    CHECK(a.counters().sent == 0);
}

TEST_CASE("Thousands of random datagrams from a stranger change nothing")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    REQUIRE(connectPair(a, b));
    QSignalSpy received(&a, &MediaTransport::packetReceived);
    QSignalSpy failures(&a, &MediaTransport::failed);
    const quint16 aPort = portOf(a.localDescription());
    const QByteArray aToken = tokenOf(a.localDescription());
    const QByteArray bToken = tokenOf(b.localDescription());

    QRandomGenerator random(20240611);
    RawPeer stranger;
    const quint64 droppedBefore = droppedTotal(a.counters());
    quint64 delivered = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray datagram;
        switch (i % 5) {
        case 0: datagram = randomBytes(random, random.bounded(2000)); break;
        case 1: datagram = rtpPacket(quint16(i), 12 + random.bounded(1489)); break;
        case 2: datagram = "CVNP" + randomBytes(random, random.bounded(60)); break;
        case 3: datagram = checkPacket(char(1 + random.bounded(2)), aToken, randomToken()); break;
        case 4: datagram = checkPacket(char(1 + random.bounded(2)), randomToken(), bToken); break;
        }
        if (stranger.sendTo(aPort, datagram))
            ++delivered;
        if (i % 50 == 49)
            REQUIRE(QTest::qWaitFor([&] { return droppedTotal(a.counters()) == droppedBefore + delivered; }, kWaitMs));
    }
    CHECK(delivered > 2900);
    CHECK(received.isEmpty());
    CHECK(failures.isEmpty());
    CHECK(a.state() == State::Connected);
    CHECK_FALSE(stranger.next(100).has_value()); // nothing was answered

    b.send(rtpPacket(1, 300));
    REQUIRE(QTest::qWaitFor([&] { return received.size() == 1; }, kWaitMs));
}

TEST_CASE("Invalid remote descriptions fail with a reason")
{
    UdpTransport other(loopbackOptions());
    other.start();
    const QJsonObject valid = other.localDescription();
    const QJsonObject loopback = candidate(QStringLiteral("127.0.0.1"), 5000);

    auto with = [&](const QString& key, const QJsonValue& value) {
        QJsonObject changed = valid;
        changed.insert(key, value);
        return changed;
    };
    auto without = [&](const QString& key) {
        QJsonObject changed = valid;
        changed.remove(key);
        return changed;
    };
    auto withCandidate = [&](const QString& key, const QJsonValue& value) {
        QJsonObject changed = loopback;
        changed.insert(key, value);
        return with(QStringLiteral("candidates"), QJsonArray{changed});
    };
    auto withoutCandidateKey = [&](const QString& key) {
        QJsonObject changed = loopback;
        changed.remove(key);
        return with(QStringLiteral("candidates"), QJsonArray{changed});
    };
    QJsonArray hundred;
    for (int i = 0; i < 100; ++i)
        hundred.append(candidate(QStringLiteral("127.0.0.1"), 5000 + i));

    struct Case {
        QJsonObject description;
        QString reason;
    };
    const std::vector<Case> cases{
        {QJsonDocument::fromJson("[1, 2, 3]").object(), QStringLiteral("remote description is empty")},
        {QJsonObject{}, QStringLiteral("remote description is empty")},
        {with(QStringLiteral("type"), QStringLiteral("ice")), QStringLiteral("not of type \"udp\"")},
        {without(QStringLiteral("type")), QStringLiteral("not of type \"udp\"")},
        {without(QStringLiteral("token")), QStringLiteral("remote description has no token")},
        {with(QStringLiteral("token"), 42), QStringLiteral("remote description has no token")},
        {with(QStringLiteral("token"), QStringLiteral("c2hvcnQ=")), QStringLiteral("token is not 16 bytes")},
        {with(QStringLiteral("token"), QStringLiteral("!!not base64!!")), QStringLiteral("token is not 16 bytes")},
        {without(QStringLiteral("candidates")), QStringLiteral("has no candidate list")},
        {with(QStringLiteral("candidates"), QStringLiteral("127.0.0.1:5000")), QStringLiteral("has no candidate list")},
        {with(QStringLiteral("candidates"), QJsonArray{}), QStringLiteral("has no candidates")},
        {with(QStringLiteral("candidates"), hundred), QStringLiteral("has 100 candidates (at most 16)")},
        {with(QStringLiteral("candidates"), QJsonArray{42}), QStringLiteral("candidate 0 is not an object")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("999.1.1.1")),
         QStringLiteral("candidate 0 has no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("localhost")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("::1")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("127.1")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("127.000.0.1")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("0.0.0.0")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("255.255.255.255")),
         QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), QStringLiteral("224.0.0.1")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("ip"), 2130706433), QStringLiteral("no valid IPv4 address")},
        {withoutCandidateKey(QStringLiteral("ip")), QStringLiteral("no valid IPv4 address")},
        {withCandidate(QStringLiteral("port"), 0), QStringLiteral("candidate 0 has no valid port")},
        {withCandidate(QStringLiteral("port"), 65536), QStringLiteral("no valid port")},
        {withCandidate(QStringLiteral("port"), -1), QStringLiteral("no valid port")},
        {withCandidate(QStringLiteral("port"), 5000.5), QStringLiteral("no valid port")},
        {withCandidate(QStringLiteral("port"), QStringLiteral("5000")), QStringLiteral("no valid port")},
        {withoutCandidateKey(QStringLiteral("port")), QStringLiteral("no valid port")},
        {withCandidate(QStringLiteral("priority"), QStringLiteral("high")), QStringLiteral("invalid priority")},
        {withCandidate(QStringLiteral("priority"), -1), QStringLiteral("invalid priority")},
        {with(QStringLiteral("candidates"), QJsonArray{candidate(QStringLiteral("192.0.2.1"), 5000)}),
         QStringLiteral("has no loopback candidates")},
    };

    for (const Case& c : cases) {
        INFO(QJsonDocument(c.description).toJson(QJsonDocument::Compact).toStdString());
        UdpTransport a(loopbackOptions());
        QSignalSpy failures(&a, &MediaTransport::failed);
        a.start();
        a.setRemoteDescription(c.description);
        REQUIRE(failures.size() == 1);
        CHECK(failures[0][0].toString().contains(c.reason));
        CHECK(a.state() == State::Failed);
    }

    SECTION("our own description")
    {
        UdpTransport a(loopbackOptions());
        QSignalSpy failures(&a, &MediaTransport::failed);
        a.start();
        a.setRemoteDescription(a.localDescription());
        REQUIRE(failures.size() == 1);
        CHECK(failures[0][0].toString() == QStringLiteral("remote description carries our own token"));
    }
    SECTION("before start()")
    {
        UdpTransport a(loopbackOptions());
        QSignalSpy failures(&a, &MediaTransport::failed);
        a.setRemoteDescription(valid);
        REQUIRE(failures.size() == 1);
        CHECK(failures[0][0].toString() == QStringLiteral("remote description set before start()"));
        CHECK(a.state() == State::Failed);
    }
}

TEST_CASE("A later remote description adds candidates but cannot change the token")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    RawPeer silent;
    a.start();
    b.start(); // b answers checks, but does not check a, so a connects only through its own candidates

    const QByteArray bToken = tokenOf(b.localDescription());
    a.setRemoteDescription(description(bToken, QJsonArray{candidate(QStringLiteral("127.0.0.1"), silent.port())}));
    QTest::qWait(150);
    CHECK(a.state() == State::Checking);

    SECTION("more candidates connect")
    {
        a.setRemoteDescription(b.localDescription());
        REQUIRE(QTest::qWaitFor([&] { return a.state() == State::Connected; }, kWaitMs));
        CHECK(a.remoteAddress() == QStringLiteral("127.0.0.1:%1").arg(portOf(b.localDescription())));
    }
    SECTION("a different token fails")
    {
        QSignalSpy failures(&a, &MediaTransport::failed);
        const QJsonArray candidates{candidate(QStringLiteral("127.0.0.1"), silent.port())};
        a.setRemoteDescription(description(randomToken(), candidates));
        REQUIRE(failures.size() == 1);
        CHECK(failures[0][0].toString() == QStringLiteral("remote description token changed"));
    }
}

TEST_CASE("Connecting fails after the connect timeout when nobody answers")
{
    UdpTransport::Options options = loopbackOptions();
    options.connectTimeoutMs = 300;
    UdpTransport a(options);
    QSignalSpy failures(&a, &MediaTransport::failed);
    RawPeer silent;
    a.start();

    QElapsedTimer elapsed;
    elapsed.start();
    a.setRemoteDescription(silent.description());
    REQUIRE(QTest::qWaitFor([&] { return !failures.isEmpty(); }, kWaitMs));
    CHECK(elapsed.elapsed() >= 250);
    CHECK(failures[0][0].toString() == QStringLiteral("no answer from the remote candidates within 0.3 s"));
    CHECK(a.state() == State::Failed);
    CHECK(silent.next(0).has_value()); // it was asked
}

TEST_CASE("A silent peer is detected after the disconnect timeout")
{
    UdpTransport::Options options = loopbackOptions();
    options.keepAliveIntervalMs = 50;
    options.disconnectTimeoutMs = 400;
    auto a = std::make_unique<UdpTransport>(options);
    auto b = std::make_unique<UdpTransport>(options);
    QSignalSpy failures(a.get(), &MediaTransport::failed);
    REQUIRE(connectPair(*a, *b));
    const quint16 bPort = portOf(b->localDescription());

    // Keep-alives hold an idle connection open well past the timeout.
    QTest::qWait(1000);
    CHECK(a->state() == State::Connected);
    CHECK(b->state() == State::Connected);
    CHECK(failures.isEmpty());

    b->close();
    REQUIRE(QTest::qWaitFor([&] { return !failures.isEmpty(); }, kWaitMs));
    CHECK(failures[0][0].toString() == QStringLiteral("no packets from 127.0.0.1:%1 for 0.4 s").arg(bPort));
    CHECK(a->state() == State::Failed);
    b.reset();
}

TEST_CASE("One working candidate among several is enough")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    RawPeer silentHigh;
    RawPeer silentLow;
    a.start();
    b.start(); // b answers checks, but does not check a, so a connects only through its own candidates

    const quint16 bPort = portOf(b.localDescription());
    auto withPriority = [](QJsonObject c, int priority) {
        c.insert(QStringLiteral("priority"), priority);
        return c;
    };
    const QJsonArray candidates{
        withPriority(candidate(QStringLiteral("127.0.0.1"), silentHigh.port()), 3000),
        withPriority(candidate(QStringLiteral("192.0.2.1"), bPort), 2000), // never contacted: not loopback
        withPriority(candidate(QStringLiteral("127.0.0.1"), bPort), 100),
        withPriority(candidate(QStringLiteral("127.0.0.1"), silentLow.port()), 1000),
    };
    a.setRemoteDescription(description(tokenOf(b.localDescription()), candidates));
    REQUIRE(QTest::qWaitFor([&] { return a.state() == State::Connected; }, kWaitMs));
    CHECK(a.remoteAddress() == QStringLiteral("127.0.0.1:%1").arg(bPort));
    CHECK(silentHigh.next(0).has_value());
    CHECK(silentLow.next(0).has_value());

    b.setRemoteDescription(a.localDescription());
    REQUIRE(QTest::qWaitFor([&] { return b.state() == State::Connected; }, kWaitMs));
}

TEST_CASE("Binding a port that is in use fails")
{
    QUdpSocket blocker;
    REQUIRE(blocker.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
    UdpTransport::Options options = loopbackOptions();
    options.port = blocker.localPort();
    UdpTransport a(options);
    QSignalSpy failures(&a, &MediaTransport::failed);
    a.start();
    REQUIRE(failures.size() == 1);
    const QString expected = QStringLiteral("could not bind UDP port %1 on 127.0.0.1: ").arg(blocker.localPort());
    CHECK(failures[0][0].toString().startsWith(expected));
    CHECK(a.state() == State::Failed);
    CHECK(a.localDescription().isEmpty());
}

TEST_CASE("close() is idempotent and final")
{
    UdpTransport a(loopbackOptions());
    UdpTransport b(loopbackOptions());
    REQUIRE(connectPair(a, b));
    QSignalSpy states(&a, &MediaTransport::stateChanged);
    QSignalSpy failures(&a, &MediaTransport::failed);

    a.close();
    a.close();
    REQUIRE(states.size() == 1);
    CHECK(states[0][0].value<State>() == State::Closed);
    CHECK(a.state() == State::Closed);

    a.send(rtpPacket(1, 100));
    CHECK(a.counters().droppedBeforeConnected == 1);
    a.setRemoteDescription(b.localDescription());
    a.start();
    CHECK(a.state() == State::Closed);
    CHECK(failures.isEmpty());
    CHECK(states.size() == 1);

    UdpTransport never(loopbackOptions());
    never.close();
    never.close();
    CHECK(never.state() == State::Closed);
}
