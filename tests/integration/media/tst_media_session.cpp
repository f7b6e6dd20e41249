#include "lossy_transport.h"

#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/media_session.h>
#include <convene/media/synthetic_audio_capture.h>
#include <convene/media/test_pattern_capture.h>

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace convene::media;

namespace {

// One side of a call: a session fed by the synthetic camera and voice, showing the other side
// in a sink and keeping what it measured.
struct Side {
    Side(const QString& name, double lossRate, unsigned seed) : name(name), camera(640, 360, 30)
    {
        MediaSessionConfig config;
        config.video.width = 640;
        config.video.height = 360;
        config.video.bitrateKbps = 600;
        // Encrypted as calls are: DTLS-SRTP over the lossy path (handshake datagrams get lost too).
        config.transportFactory = [this, lossRate, seed]() -> std::unique_ptr<MediaTransport> {
            auto transport = std::make_unique<LossyTransport>(lossRate, seed);
            lossy = transport.get();
            return std::make_unique<DtlsSrtpTransport>(std::move(transport));
        };
        session = std::make_unique<MediaSession>(config);
        QObject::connect(&camera, &VideoCapture::frameCaptured, session.get(), &MediaSession::sendVideo);
        QObject::connect(&microphone, &AudioCapture::frameCaptured, session.get(), &MediaSession::sendAudio);
        QObject::connect(session.get(), &MediaSession::videoLatencyMeasured, session.get(),
                         [this](const QString&, qint64 us) { videoLatencyUs.push_back(us); });
        QObject::connect(session.get(), &MediaSession::audioLatencyMeasured, session.get(),
                         [this](qint64 us) { audioLatencyUs.push_back(us); });
        QObject::connect(session.get(), &MediaSession::statsUpdated, session.get(),
                         [this](const QList<PeerStats>& peers, const LocalStats& sent) {
                             if (!peers.isEmpty())
                                 lastPeer = peers.constFirst();
                             local = sent;
                         });
        QObject::connect(session.get(), &MediaSession::videoFrameReady, session.get(),
                         [this](const QString& participant, const QVideoFrame& frame) {
                             if (participant.isEmpty())
                                 return; // the self view
                             CHECK(frame.width() == 640);
                             ++framesInSink;
                         });
    }

    void start()
    {
        session->start(QAudioDevice());
        camera.start();
        microphone.start();
    }

    QString name;
    TestPatternCapture camera;
    SyntheticAudioCapture microphone;
    std::unique_ptr<MediaSession> session;
    LossyTransport* lossy = nullptr;
    int framesInSink = 0;
    std::vector<qint64> videoLatencyUs;
    std::vector<qint64> audioLatencyUs;
    PeerStats lastPeer;
    LocalStats local;
};

void connectSides(Side& a, Side& b)
{
    QObject::connect(a.session.get(), &MediaSession::localDescriptionReady, b.session.get(),
                     [&a, &b](const QString&, const QJsonObject& description) {
                         b.session->setRemoteDescription(a.name, description);
                     });
    QObject::connect(b.session.get(), &MediaSession::localDescriptionReady, a.session.get(),
                     [&a, &b](const QString&, const QJsonObject& description) {
                         a.session->setRemoteDescription(b.name, description);
                     });
    a.start();
    b.start();
    a.session->addPeer(b.name);
    b.session->addPeer(a.name);
}

double percentile(std::vector<qint64> values, double p)
{
    REQUIRE_FALSE(values.empty());
    std::sort(values.begin(), values.end());
    return double(values[std::size_t(p * double(values.size() - 1))]) / 1000.0;
}

} // namespace

TEST_CASE("Two media sessions on loopback see and hear each other, and measure the latency")
{
    Side alice(QStringLiteral("alice"), 0.0, 1);
    Side bob(QStringLiteral("bob"), 0.0, 2);
    connectSides(alice, bob);
    QTest::qWait(4000);

    for (Side* side : {&alice, &bob}) {
        INFO(side->name.toStdString());
        CHECK(side->framesInSink > 60);
        CHECK(side->lastPeer.width == 640);
        CHECK(side->lastPeer.height == 360);
        CHECK(side->lastPeer.fps > 15);
        CHECK(side->lastPeer.videoKbps > 100);
        CHECK(side->lastPeer.audioKbps > 5);
        CHECK(side->lastPeer.rttMs >= 0);
        CHECK(side->lastPeer.rttMs < 100);
        CHECK(side->lastPeer.latencyMeasured);
        CHECK(side->lastPeer.protection == QLatin1String("DTLS 1.2, SRTP AEAD_AES_128_GCM"));
        CHECK(side->lastPeer.rejectedPackets == 0);
        REQUIRE(side->videoLatencyUs.size() > 60);
        const double p50 = percentile(side->videoLatencyUs, 0.5);
        const double p95 = percentile(side->videoLatencyUs, 0.95);
        std::printf("%s sees the other side: %zu pictures, glass to glass p50 %.1f ms, p95 %.1f ms\n",
                    qPrintable(side->name), side->videoLatencyUs.size(), p50, p95);
        CHECK(p50 > 0);
        // Generous bound for a shared, noisy test machine; the benchmark measures the real figure.
        CHECK(p95 < 500);
        REQUIRE(side->audioLatencyUs.size() >= 2);
        const double audio = percentile(side->audioLatencyUs, 0.5);
        std::printf("%s hears the other side: %zu markers, mouth to ear p50 %.1f ms\n", qPrintable(side->name),
                    side->audioLatencyUs.size(), audio);
        CHECK(audio > 20);
        CHECK(audio < 500);
    }

    SECTION("muting stops the audio and turning the camera off stops the pictures")
    {
        alice.session->setMicrophoneMuted(true);
        alice.session->setCameraEnabled(false);
        QTest::qWait(2200);
        const int framesBefore = bob.framesInSink;
        QTest::qWait(1100);
        CHECK(bob.framesInSink - framesBefore <= 1);
        CHECK(bob.lastPeer.audioKbps < 1);
        CHECK(bob.lastPeer.videoKbps < 5);
        CHECK(alice.framesInSink > 0);
    }
}

TEST_CASE("Under 10% packet loss the pictures keep coming through NACKs and key frames")
{
    Side alice(QStringLiteral("alice"), 0.10, 7);
    Side bob(QStringLiteral("bob"), 0.10, 8);
    connectSides(alice, bob);
    QTest::qWait(5000);
    REQUIRE(alice.lossy);
    CHECK(alice.lossy->dropped > 20);
    CHECK(alice.local.retransmittedPackets > 0);
    CHECK(bob.framesInSink > 60);
    CHECK(bob.lastPeer.fps > 10);
    std::printf("10%% loss: %d dropped by the network, %llu resent on NACK, %llu key frames, %d pictures shown, "
                "audio concealed %.1f%%\n",
                alice.lossy->dropped, static_cast<unsigned long long>(alice.local.retransmittedPackets),
                static_cast<unsigned long long>(alice.local.keyFrames), bob.framesInSink,
                bob.lastPeer.concealedPercent);
}
