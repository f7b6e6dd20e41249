// Convene's media engine as one side of a WebRTC call, with a browser (webrtc-interop.mjs) or
// Janus (janus-interop.mjs) on the other: a MediaSession with the synthetic camera and voice,
// connected as calls are (ICE with libnice, DTLS-SRTP), offering what webRtcOffer() writes.
//
//   webrtc-peer [--address IP]     host candidates on IP; without it, on 127.0.0.1 only
//
// Lines on stdout, JSON: {"offer": sdp} once gathering is done, then {"result": {...}} when
// the other side's pictures have been decoded here (or after 30 s). Reads {"answer": sdp} from
// stdin; exits when stdin closes.
#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/ice_transport.h>
#include <convene/media/media_session.h>
#include <convene/media/sdp.h>
#include <convene/media/synthetic_audio_capture.h>
#include <convene/media/test_pattern_capture.h>
#include <convene/media/webrtc_description.h>

#include <QGuiApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>
#include <QVideoFrame>

#include <cstdio>
#include <unistd.h>

using namespace convene::media;

namespace {

const QString kPeer = QStringLiteral("webrtc");
constexpr int kFramesWanted = 60;

void writeLine(const QJsonObject& object)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    MediaSessionConfig config;
    config.video.width = 640;
    config.video.height = 360;
    config.video.bitrateKbps = 600;
    config.measureLatency = false;
    const QStringList arguments = app.arguments();
    const qsizetype addressAt = arguments.indexOf(QStringLiteral("--address"));
    const QHostAddress address(addressAt > 0 && addressAt + 1 < arguments.size() ? arguments[addressAt + 1] : QString());
    config.transportFactory = [address] {
        IceTransport::Options ice;
        ice.loopbackOnly = address.isNull();
        if (!address.isNull())
            ice.localAddresses = {address};
        ice.controlling = true; // the offerer controls (RFC 8445, section 6.1.1)
        return std::make_unique<DtlsSrtpTransport>(std::make_unique<IceTransport>(ice));
    };
    MediaSession session(config);
    TestPatternCapture camera(640, 360, 30);
    SyntheticAudioCapture microphone;
    QObject::connect(&camera, &VideoCapture::frameCaptured, &session, &MediaSession::sendVideo);
    QObject::connect(&microphone, &AudioCapture::frameCaptured, &session, &MediaSession::sendAudio);

    int frames = 0;
    int width = 0, height = 0;
    PeerStats stats;
    bool offered = false, reported = false;
    const auto report = [&] {
        if (reported)
            return;
        reported = true;
        writeLine({{QStringLiteral("result"),
                    QJsonObject{{QStringLiteral("framesDecoded"), frames},
                                {QStringLiteral("width"), width},
                                {QStringLiteral("height"), height},
                                {QStringLiteral("audioKbps"), stats.audioKbps},
                                {QStringLiteral("videoKbps"), stats.videoKbps},
                                {QStringLiteral("protection"), stats.protection},
                                {QStringLiteral("candidatePair"), stats.candidatePair},
                                {QStringLiteral("rejectedPackets"), qint64(stats.rejectedPackets)}}}});
    };
    QObject::connect(&session, &MediaSession::videoFrameReady, [&](const QString& id, const QVideoFrame& frame) {
        if (id != kPeer)
            return; // the self view
        ++frames;
        width = frame.width();
        height = frame.height();
        if (frames >= kFramesWanted && stats.audioKbps > 0)
            report();
    });
    QObject::connect(&session, &MediaSession::statsUpdated, [&](const QList<PeerStats>& peers, const LocalStats&) {
        if (!peers.isEmpty())
            stats = peers.constFirst();
    });
    QObject::connect(&session, &MediaSession::failed,
                     [](const QString& reason) { std::fprintf(stderr, "media failed: %s\n", qPrintable(reason)); });
    QObject::connect(&session, &MediaSession::localDescriptionReady, [&](const QString&, const QJsonObject& transport) {
        if (offered || !transport.value(QLatin1String("complete")).toBool())
            return; // a browser takes the offer with every candidate in it
        offered = true;
        const WebRtcStreams streams{session.audioSsrc(), session.videoSsrc(), QStringLiteral("convene"),
                                    QStringLiteral("convene-peer")};
        writeLine({{QStringLiteral("offer"), writeSdp(webRtcOffer(transport, streams, 4242))}});
    });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, [&] {
        char buffer[65536];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0)
            return app.quit();
        pending.append(buffer, got);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QJsonObject line = QJsonDocument::fromJson(pending.left(end)).object();
            pending.remove(0, end + 1);
            QString error;
            const auto answer = parseSdp(line.value(QLatin1String("answer")).toString(), &error);
            if (!answer) {
                std::fprintf(stderr, "the answer does not parse: %s\n", qPrintable(error));
                return app.exit(2);
            }
            const auto transport = transportFromWebRtcAnswer(*answer);
            if (!transport) {
                std::fprintf(stderr, "%s\n", qPrintable(transport.error().message));
                return app.exit(2);
            }
            session.setRemoteDescription(kPeer, *transport);
        }
    });
    QTimer::singleShot(30000, report);

    session.start(QAudioDevice());
    camera.start();
    microphone.start();
    session.addPeer(kPeer);
    const int code = app.exec();
    session.stop();
    return code;
}
