#include "call_media.h"

#include <convene/media/camera_capture.h>
#include <convene/media/microphone_capture.h>
#include <convene/media/synthetic_audio_capture.h>
#include <convene/media/test_pattern_capture.h>

#include <QVideoSink>

namespace convene::call {

using media::AudioCapture;
using media::MediaSession;
using media::VideoCapture;

CallMedia::CallMedia(media::MediaSessionConfig config, const MediaDevices& devices, CallMediaEvents& events,
                     QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_events(events)
{
    qRegisterMetaType<media::AudioFrame>();
    qRegisterMetaType<media::SharedI420Frame>();
    qRegisterMetaType<media::PeerStats>();
    qRegisterMetaType<media::LocalStats>();
    qRegisterMetaType<QList<media::PeerStats>>();
    qRegisterMetaType<media::MediaTransport::State>();

    m_thread.setObjectName(QStringLiteral("call media"));
    m_session = new MediaSession(m_config);
    m_session->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_session, &QObject::deleteLater);
    // The session's signals are queued to this thread, where the call feature hears of them.
    connect(m_session, &MediaSession::localDescriptionReady, this,
            [this](const QString& endpoint, const QJsonObject& description) {
                m_events.localDescriptionReady(endpoint, description);
            });
    connect(m_session, &MediaSession::peerStateChanged, this,
            [this](const QString& endpoint, media::MediaTransport::State state) {
                using State = media::MediaTransport::State;
                m_events.peerPathChanged(endpoint, state == State::Connected ? PeerPath::Connected
                                                   : state == State::Failed  ? PeerPath::Failed
                                                                             : PeerPath::Connecting);
            });
    connect(m_session, &MediaSession::statsUpdated, this,
            [this](const QList<media::PeerStats>& peers, const media::LocalStats& local) {
                m_events.statsUpdated(peers, local);
            });
    connect(m_session, &MediaSession::audioLevels, this,
            [this](const QHash<QString, double>& levels) { m_events.audioLevels(levels); });
    connect(m_session, &MediaSession::videoLatencyMeasured, this,
            [this](const QString& endpoint, qint64 microseconds) { m_events.videoLatency(endpoint, microseconds); });
    connect(m_session, &MediaSession::audioLatencyMeasured, this,
            [this](qint64 microseconds) { m_events.audioLatency(microseconds); });
    connect(m_session, &MediaSession::failed, this, [this](const QString& reason) { m_events.failed(reason); });
    // Pictures cross to this thread by queued signal: the sinks belong to the UI.
    connect(m_session, &MediaSession::videoFrameReady, this, &CallMedia::showFrame);
    m_thread.start(QThread::HighPriority);

    m_cameraEnabled = devices.cameraOn;
    onSession([devices](MediaSession& session) {
        session.start(devices.speaker);
        session.setCameraEnabled(devices.cameraOn);
        session.setMicrophoneMuted(devices.microphoneMuted);
    });
    setCamera(devices.camera);
    setMicrophone(devices.microphone);
}

CallMedia::~CallMedia()
{
    // Captures stop before the session goes, on the threads they live on.
    replaceVideoCapture(nullptr, true);
    replaceAudioCapture(nullptr);
    QMetaObject::invokeMethod(
        m_session, [session = m_session] { session->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template<typename F>
void CallMedia::onSession(F&& call)
{
    QMetaObject::invokeMethod(
        m_session, [session = m_session, call = std::forward<F>(call)] { call(*session); }, Qt::QueuedConnection);
}

void CallMedia::disposeOnMediaThread(QObject* object)
{
    if (!object)
        return;
    QMetaObject::invokeMethod(
        object, [object] { delete object; }, Qt::BlockingQueuedConnection);
}

void CallMedia::addPeer(const QString& endpoint)
{
    onSession([endpoint](MediaSession& session) { session.addPeer(endpoint); });
}

void CallMedia::setRemoteDescription(const QString& endpoint, const QJsonObject& description)
{
    onSession([endpoint, description](MediaSession& session) { session.setRemoteDescription(endpoint, description); });
}

void CallMedia::removePeer(const QString& endpoint)
{
    onSession([endpoint](MediaSession& session) { session.removePeer(endpoint); });
}

void CallMedia::restartPaths()
{
    onSession([](MediaSession& session) { session.restartPaths(); });
}

void CallMedia::setMicrophoneMuted(bool muted)
{
    onSession([muted](MediaSession& session) { session.setMicrophoneMuted(muted); });
}

void CallMedia::setCameraEnabled(bool enabled)
{
    m_cameraEnabled = enabled;
    onSession([enabled](MediaSession& session) { session.setCameraEnabled(enabled); });
    // A camera that is off is released, so its light goes out.
    if (m_videoCapture) {
        QMetaObject::invokeMethod(m_videoCapture, [capture = m_videoCapture, enabled] {
            if (enabled)
                capture->start();
            else
                capture->stop();
        });
    }
}

void CallMedia::setVideoSink(const QString& endpoint, QVideoSink* sink)
{
    m_sinks.insert(endpoint, sink);
    if (sink && m_lastFrames.contains(endpoint))
        sink->setVideoFrame(m_lastFrames.value(endpoint));
}

void CallMedia::showFrame(const QString& endpoint, const QVideoFrame& frame)
{
    m_lastFrames.insert(endpoint, frame);
    if (QVideoSink* sink = m_sinks.value(endpoint))
        sink->setVideoFrame(frame);
}

std::unique_ptr<VideoCapture> CallMedia::makeVideoCapture(const QCameraDevice& camera) const
{
    if (camera.isNull())
        return std::make_unique<media::TestPatternCapture>(m_config.video.width, m_config.video.height,
                                                           m_config.video.fps);
    return std::make_unique<media::CameraCapture>(camera);
}

std::unique_ptr<AudioCapture> CallMedia::makeAudioCapture(const QAudioDevice& microphone) const
{
    if (microphone.isNull())
        return std::make_unique<media::SyntheticAudioCapture>();
    return std::make_unique<media::MicrophoneCapture>(microphone);
}

void CallMedia::setCamera(const QCameraDevice& camera)
{
    // QCamera stays on this thread, where Qt Multimedia expects it; its pictures are converted
    // on the capture thread and queued to the session. The synthetic camera runs with the session.
    replaceVideoCapture(makeVideoCapture(camera), camera.isNull());
}

void CallMedia::setMicrophone(const QAudioDevice& microphone)
{
    replaceAudioCapture(makeAudioCapture(microphone));
}

void CallMedia::setSpeaker(const QAudioDevice& speaker)
{
    onSession([speaker](MediaSession& session) { session.setSpeaker(speaker); });
}

void CallMedia::replaceVideoCapture(std::unique_ptr<VideoCapture> capture, bool onMediaThread)
{
    if (m_videoCapture) {
        VideoCapture* old = std::exchange(m_videoCapture, nullptr);
        if (old->thread() == thread()) {
            old->stop();
            delete old;
        } else {
            disposeOnMediaThread(old);
        }
    }
    if (!capture)
        return;
    m_videoCapture = capture.release();
    connect(m_videoCapture, &VideoCapture::frameCaptured, m_session, &MediaSession::sendVideo);
    connect(m_videoCapture, &VideoCapture::failed, this,
            [this](const QString& reason) { m_events.deviceFailed(reason); });
    if (onMediaThread)
        m_videoCapture->moveToThread(&m_thread);
    if (m_cameraEnabled)
        QMetaObject::invokeMethod(m_videoCapture, [capture = m_videoCapture] { capture->start(); });
}

void CallMedia::replaceAudioCapture(std::unique_ptr<AudioCapture> capture)
{
    if (m_audioCapture)
        disposeOnMediaThread(std::exchange(m_audioCapture, nullptr));
    if (!capture)
        return;
    m_audioCapture = capture.release();
    connect(m_audioCapture, &AudioCapture::frameCaptured, m_session, &MediaSession::sendAudio);
    connect(m_audioCapture, &AudioCapture::failed, this,
            [this](const QString& reason) { m_events.deviceFailed(reason); });
    m_audioCapture->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_audioCapture, [capture = m_audioCapture] { capture->start(); });
}

} // namespace convene::call
