// IceTransport end to end with libnice on this machine: two transports find each other on
// loopback, DTLS-SRTP runs over them with nothing of the media in the clear, TURN (a real coturn
// on 127.0.0.1) relays over UDP and over TCP, and a path that goes away for 10 s comes back by
// ICE restart under the same DTLS session. The restart case runs in a network namespace of its
// own (see CMakeLists.txt), where taking the loopback interface down harms nothing else.
#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/ice_transport.h>
#include <convene/media/media_session.h>
#include <convene/media/sdp.h>
#include <convene/media/test_pattern_capture.h>

#include "catch_qt_strings.h"
#include "rtp_test_packet.h"
#include "tapped_path.h"
#include "turn_server.h"

#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>
#include <QVideoFrame>

#include <memory>

using namespace convene::media;
using State = MediaTransport::State;

using convene::test::rtpPacket;
using convene::test::TappedPath;

namespace {

constexpr int kWaitMs = 15000;

// Hands each side's description to the other whenever it changes, as call signaling does.
void exchange(MediaTransport& a, MediaTransport& b)
{
    QObject::connect(&a, &MediaTransport::localDescriptionChanged, &b,
                     [&a, &b] { b.setRemoteDescription(a.localDescription()); });
    QObject::connect(&b, &MediaTransport::localDescriptionChanged, &a,
                     [&a, &b] { a.setRemoteDescription(b.localDescription()); });
    a.setRemoteDescription(b.localDescription());
    b.setRemoteDescription(a.localDescription());
}

bool connected(const MediaTransport& a, const MediaTransport& b)
{
    return a.state() == State::Connected && b.state() == State::Connected;
}

IceTransport::Options loopback()
{
    IceTransport::Options options;
    options.loopbackOnly = true;
    return options;
}

} // namespace

TEST_CASE("Two ICE transports connect on loopback and carry datagrams both ways", "[loopback]")
{
    IceTransport a(loopback());
    IceTransport b(loopback());
    QSignalSpy atA(&a, &MediaTransport::packetReceived);
    QSignalSpy atB(&b, &MediaTransport::packetReceived);
    a.start();
    b.start();
    CHECK(a.localIce().ufrag.size() >= 4);
    exchange(a, b);
    REQUIRE(QTest::qWaitFor([&] { return connected(a, b); }, kWaitMs));
    CHECK(a.localIce().complete);
    CHECK(a.localIce().peerUfrag == b.localIce().ufrag);
    CHECK(b.remoteAddress().startsWith(QLatin1String("127.0.0.1:")));
    CHECK(a.candidatePair().startsWith(QLatin1String("host ")));
    CHECK(a.candidatePair().contains(QStringLiteral(" ↔ host ")));

    for (quint16 i = 0; i < 50; ++i) {
        a.send(rtpPacket(i, QByteArrayLiteral("from a")));
        b.send(rtpPacket(i, QByteArrayLiteral("from b")));
    }
    REQUIRE(QTest::qWaitFor([&] { return atA.size() == 50 && atB.size() == 50; }, kWaitMs));
    CHECK(atB[7][0].toByteArray() == rtpPacket(7, QByteArrayLiteral("from a")));
    CHECK(a.counters().sent == 50);
    CHECK(b.counters().received == 50);
    CHECK(a.counters().restarts == 0);

    // Datagrams from anyone but the checked peer never reach the layer above.
    QUdpSocket stranger;
    const QStringList parts = b.remoteAddress().split(u':'); // a's address, as b sees it
    stranger.writeDatagram(rtpPacket(1, QByteArrayLiteral("injected")), QHostAddress(parts[0]), parts[1].toUShort());
    QTest::qWait(300);
    CHECK(atA.size() == 50);

    a.close();
    CHECK(a.state() == State::Closed);
}

TEST_CASE("A description that is not one fails the transport with a reason", "[loopback]")
{
    IceTransport a(loopback());
    QSignalSpy failed(&a, &MediaTransport::failed);
    a.start();
    a.setRemoteDescription(QJsonObject{{QStringLiteral("type"), QStringLiteral("ice")},
                                       {QStringLiteral("ufrag"), QStringLiteral("ab")}});
    CHECK(a.state() == State::Failed);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0][0].toString().contains(QLatin1String("ufrag")));
}

TEST_CASE("DTLS-SRTP over ICE puts nothing of the media on the wire and drops tampered packets", "[loopback]")
{
    QList<QByteArray> wire;
    auto pathA = std::make_unique<TappedPath>(std::make_unique<IceTransport>(loopback()), wire);
    TappedPath* tapA = pathA.get();
    DtlsSrtpTransport a(std::move(pathA));
    DtlsSrtpTransport b(std::make_unique<TappedPath>(std::make_unique<IceTransport>(loopback()), wire));
    QSignalSpy atA(&a, &MediaTransport::packetReceived);
    QSignalSpy atB(&b, &MediaTransport::packetReceived);
    a.start();
    b.start();
    exchange(a, b);
    REQUIRE(QTest::qWaitFor([&] { return connected(a, b); }, kWaitMs));
    CHECK(a.protection() == QLatin1String("DTLS 1.2, SRTP AEAD_AES_128_GCM"));
    CHECK(a.candidatePair().startsWith(QLatin1String("host UDP")));

    const QByteArray words = QByteArrayLiteral("the quarterly figures, before they are public");
    for (quint16 i = 0; i < 20; ++i) {
        a.send(rtpPacket(i, words));
        b.send(rtpPacket(i, words));
    }
    REQUIRE(QTest::qWaitFor([&] { return atA.size() == 20 && atB.size() == 20; }, kWaitMs));
    CHECK(atA[3][0].toByteArray() == rtpPacket(3, words));
    REQUIRE(wire.size() > 40);
    for (const QByteArray& datagram : std::as_const(wire))
        CHECK_FALSE(datagram.contains(words));

    tapA->tamper = true;
    for (quint16 i = 20; i < 30; ++i)
        b.send(rtpPacket(i, words));
    REQUIRE(QTest::qWaitFor([&] { return a.rejectedPackets() == 10; }, kWaitMs));
    CHECK(atA.size() == 20);
}

namespace {

// Both sides relayed by the same coturn, as two people behind NATs that allow nothing else.
void relayedCall(IceServer::Transport transport, const QString& expectedPair)
{
    if (!convene::test::TurnServer::available())
        FAIL("turnserver is not installed; tools/install-deps.sh installs coturn");
    const QString password = QStringLiteral("never-in-a-log-7f3a");
    convene::test::TurnServer turn;
    INFO(turn.errorString().toStdString());
    REQUIRE(turn.start(QStringLiteral("convene"), password));

    QStringList messages;
    static QStringList* sink = nullptr;
    sink = &messages;
    QLoggingCategory::setFilterRules(QStringLiteral("convene.media.*=true"));
    const auto previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext&, const QString& message) { sink->append(message); });

    IceTransport::Options options = loopback();
    options.relayOnly = true;
    options.servers = {IceServer{.kind = IceServer::Kind::Turn,
                                 .host = QStringLiteral("127.0.0.1"),
                                 .port = turn.port(),
                                 .transport = transport,
                                 .username = QStringLiteral("convene"),
                                 .password = password}};
    {
        DtlsSrtpTransport a(std::make_unique<IceTransport>(options));
        DtlsSrtpTransport b(std::make_unique<IceTransport>(options));
        QSignalSpy atB(&b, &MediaTransport::packetReceived);
        a.start();
        b.start();
        exchange(a, b);
        const bool ok = QTest::qWaitFor([&] { return connected(a, b); }, kWaitMs);
        qInstallMessageHandler(previous);
        INFO(turn.log().right(3000).toStdString());
        REQUIRE(ok);
        CHECK(a.candidatePair() == expectedPair);
        CHECK(b.candidatePair() == expectedPair);
        for (quint16 i = 0; i < 10; ++i)
            a.send(rtpPacket(i, QByteArrayLiteral("relayed")));
        REQUIRE(QTest::qWaitFor([&] { return atB.size() == 10; }, kWaitMs));
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules({});
    CHECK(turn.log().contains(QLatin1String("convene")));
    for (const QString& message : std::as_const(messages))
        CHECK_FALSE(message.contains(password));
}

} // namespace

TEST_CASE("With only relayed candidates a call connects through TURN over UDP", "[turn]")
{
    relayedCall(IceServer::Transport::Udp, QStringLiteral("relay UDP ↔ relay UDP"));
}

TEST_CASE("With only relayed candidates a call connects through TURN over TCP", "[turn]")
{
    relayedCall(IceServer::Transport::Tcp, QStringLiteral("relay TCP ↔ relay UDP"));
}

namespace {

bool setLoopback(bool up)
{
    return QProcess::execute(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"),
                                                    QStringLiteral("lo"), up ? QStringLiteral("up")
                                                                             : QStringLiteral("down")}) == 0;
}

bool inOwnNetworkNamespace()
{
    return QFile::symLinkTarget(QStringLiteral("/proc/self/ns/net")) !=
           QFile::symLinkTarget(QStringLiteral("/proc/1/ns/net"));
}

// Two encrypted transports over ICE on loopback, a call's two sides, started and introduced.
struct EncryptedCall {
    EncryptedCall()
    {
        auto pathA = std::make_unique<IceTransport>(loopback());
        auto pathB = std::make_unique<IceTransport>(loopback());
        iceA = pathA.get();
        iceB = pathB.get();
        a = std::make_unique<DtlsSrtpTransport>(std::move(pathA));
        b = std::make_unique<DtlsSrtpTransport>(std::move(pathB));
        a->start();
        b->start();
        exchange(*a, *b);
    }
    bool connected() const { return ::connected(*a, *b); }

    IceTransport* iceA = nullptr;
    IceTransport* iceB = nullptr;
    std::unique_ptr<DtlsSrtpTransport> a, b;
};

} // namespace

// Run by ctest inside `unshare --net`: a network namespace whose loopback is the test's alone.
TEST_CASE("A path lost for 10 s comes back by ICE restart under the same DTLS session", "[restart]")
{
    INFO("run only in a network namespace of its own (ctest does)");
    REQUIRE(inOwnNetworkNamespace());
    EncryptedCall call;
    DtlsSrtpTransport& a = *call.a;
    DtlsSrtpTransport& b = *call.b;
    QSignalSpy failedA(&a, &MediaTransport::failed);
    QSignalSpy failedB(&b, &MediaTransport::failed);
    QSignalSpy atA(&a, &MediaTransport::packetReceived);
    QSignalSpy atB(&b, &MediaTransport::packetReceived);
    REQUIRE(QTest::qWaitFor([&] { return call.connected(); }, kWaitMs));

    // Media flows all the time, as in a call.
    quint16 sequence = 0;
    QTimer media;
    QObject::connect(&media, &QTimer::timeout, [&] {
        a.send(rtpPacket(sequence, QByteArrayLiteral("a")));
        b.send(rtpPacket(sequence, QByteArrayLiteral("b")));
        ++sequence;
    });
    media.start(20);
    REQUIRE(QTest::qWaitFor([&] { return atA.size() > 10 && atB.size() > 10; }, kWaitMs));

    REQUIRE(setLoopback(false));
    CHECK(QTest::qWaitFor([&] { return a.state() == State::Checking && b.state() == State::Checking; }, 5000));
    QTest::qWait(10000 - 3000);
    const qsizetype heardBefore = atA.size();
    REQUIRE(setLoopback(true));
    QElapsedTimer back;
    back.start();
    REQUIRE(QTest::qWaitFor([&] { return connected(a, b); }, 15000));
    REQUIRE(QTest::qWaitFor([&] { return atA.size() > heardBefore + 10; }, 5000));
    WARN("reconnected " << back.elapsed() << " ms after the path came back; restarts "
                        << call.iceA->counters().restarts << " and " << call.iceB->counters().restarts);
    CHECK(failedA.isEmpty());
    CHECK(failedB.isEmpty());
    CHECK(call.iceA->counters().restarts >= 1);
    CHECK(a.protection() == QLatin1String("DTLS 1.2, SRTP AEAD_AES_128_GCM"));
}

TEST_CASE("When one side's network changes it restarts ICE, the other answers, and media flows again", "[loopback]")
{
    EncryptedCall call;
    DtlsSrtpTransport& a = *call.a;
    IceTransport* iceA = call.iceA;
    IceTransport* iceB = call.iceB;
    QSignalSpy atB(call.b.get(), &MediaTransport::packetReceived);
    QSignalSpy failed(&a, &MediaTransport::failed);
    REQUIRE(QTest::qWaitFor([&] { return call.connected(); }, kWaitMs));
    const QString ufragA = iceA->localIce().ufrag;
    const QString ufragB = iceB->localIce().ufrag;

    a.restartPath();
    CHECK(a.state() == State::Checking);
    REQUIRE(QTest::qWaitFor([&] { return call.connected(); }, kWaitMs));
    // Both sides have new credentials, each paired with the other's.
    CHECK(iceA->localIce().ufrag != ufragA);
    CHECK(iceB->localIce().ufrag != ufragB);
    CHECK(iceA->localIce().peerUfrag == iceB->localIce().ufrag);
    CHECK(iceB->localIce().peerUfrag == iceA->localIce().ufrag);
    CHECK(iceA->counters().restarts == 1);
    CHECK(iceB->counters().restarts == 1);
    for (quint16 i = 0; i < 10; ++i)
        a.send(rtpPacket(i, QByteArrayLiteral("after the restart")));
    REQUIRE(QTest::qWaitFor([&] { return atB.size() == 10; }, kWaitMs));
    CHECK(failed.isEmpty());
}

TEST_CASE("A peer that restarts again and again gets one restart a second from this side", "[loopback]")
{
    IceTransport a(loopback());
    IceTransport b(loopback());
    a.start();
    b.start();
    exchange(a, b);
    REQUIRE(QTest::qWaitFor([&] { return connected(a, b); }, kWaitMs));
    QObject::disconnect(&b, nullptr, &a, nullptr); // what reaches a from now on is forged
    for (int i = 0; i < 5; ++i) {
        IceDescription forged;
        forged.ufrag = QStringLiteral("frg%1").arg(i);
        forged.pwd = QStringLiteral("0123456789abcdefghijkl");
        a.setRemoteDescription(toJson(forged));
    }
    CHECK(a.counters().restarts == 1);
    CHECK(a.localIce().peerUfrag == QLatin1String("frg0"));
    CHECK(a.state() == State::Checking);
    // The latest waits for the rest of the second; those in between are never acted on.
    REQUIRE(QTest::qWaitFor([&] { return a.counters().restarts == 2; }, 3000));
    CHECK(a.localIce().peerUfrag == QLatin1String("frg4"));
}

namespace {

// One side of a call as CallController sets it up: a media session whose descriptions travel
// as WebRTC session descriptions, over ICE and DTLS-SRTP, fed by the synthetic camera.
struct SignalingSide {
    explicit SignalingSide(const QString& id) : id(id), camera(320, 180, 15)
    {
        MediaSessionConfig config;
        config.video.width = 320;
        config.video.height = 180;
        config.video.bitrateKbps = 200;
        config.measureLatency = false;
        config.webRtcSignalingId = id;
        config.transportFactory = [] { return std::make_unique<DtlsSrtpTransport>(std::make_unique<IceTransport>(loopback())); };
        session = std::make_unique<MediaSession>(config);
        QObject::connect(&camera, &VideoCapture::frameCaptured, session.get(), &MediaSession::sendVideo);
        QObject::connect(session.get(), &MediaSession::videoFrameReady,
                         [this](const QString& peer, const QVideoFrame&) { framesFromPeer += !peer.isEmpty(); });
    }
    QString id;
    TestPatternCapture camera;
    std::unique_ptr<MediaSession> session;
    int framesFromPeer = 0;
    QStringList typesSent;
};

} // namespace

TEST_CASE("Media sessions signal SDP offers and answers, connect, and come back after a restart", "[loopback]")
{
    SignalingSide alice(QStringLiteral("alice/1"));
    SignalingSide bob(QStringLiteral("bob/1"));
    for (auto [from, to] : {std::pair{&alice, &bob}, std::pair{&bob, &alice}}) {
        QObject::connect(from->session.get(), &MediaSession::localDescriptionReady, to->session.get(),
                         [from, to](const QString&, const QJsonObject& description) {
                             from->typesSent << description.value(QLatin1String("type")).toString();
                             CHECK(parseSdp(description.value(QLatin1String("sdp")).toString()).has_value());
                             to->session->setRemoteDescription(from->id, description);
                         });
    }
    for (SignalingSide* side : {&alice, &bob}) {
        side->session->start(QAudioDevice());
        side->camera.start();
    }
    alice.session->addPeer(bob.id);
    bob.session->addPeer(alice.id);
    REQUIRE(QTest::qWaitFor([&] { return alice.framesFromPeer > 10 && bob.framesFromPeer > 10; }, kWaitMs));
    CHECK(alice.typesSent.count(QStringLiteral("offer")) == alice.typesSent.size()); // "alice/1" < "bob/1"
    CHECK(bob.typesSent.count(QStringLiteral("answer")) == bob.typesSent.size());

    alice.session->restartPaths();
    const int before = bob.framesFromPeer;
    REQUIRE(QTest::qWaitFor([&] { return bob.framesFromPeer > before + 10; }, kWaitMs));
    for (SignalingSide* side : {&alice, &bob})
        side->session->stop();
}
