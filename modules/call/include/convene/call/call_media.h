#pragma once

#include <convene/media/media_session.h>

#include <QAudioDevice>
#include <QCameraDevice>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVideoFrame>

#include <memory>

class QVideoSink;

namespace convene::call {

// What a call captures with and plays to. Null devices mean the synthetic sources and a silent
// speaker, as on machines without hardware.
struct MediaDevices {
    QCameraDevice camera;
    QAudioDevice microphone;
    QAudioDevice speaker;
    bool cameraOn = true; // a voice call never opens the camera
    bool microphoneMuted = false;
};

// Runs one call's media session on its own thread and owns the capture devices feeding it.
// Every method is called on the UI thread and returns at once.
class CallMedia : public QObject {
    Q_OBJECT

public:
    CallMedia(media::MediaSessionConfig config, const MediaDevices& devices, QObject* parent = nullptr);
    ~CallMedia() override;

    void addPeer(const QString& endpoint);
    void setRemoteDescription(const QString& endpoint, const QJsonObject& description);
    void restartPaths();
    void removePeer(const QString& endpoint);
    void setMicrophoneMuted(bool muted);
    void setCameraEnabled(bool enabled);
    // An empty endpoint is the self view.
    void setVideoSink(const QString& endpoint, QVideoSink* sink);
    void setCamera(const QCameraDevice& camera);
    void setMicrophone(const QAudioDevice& microphone);
    void setSpeaker(const QAudioDevice& speaker);

    const media::MediaSessionConfig& config() const { return m_config; }

signals:
    void localDescriptionReady(const QString& endpoint, const QJsonObject& description);
    void peerStateChanged(const QString& endpoint, convene::media::MediaTransport::State state);
    void statsUpdated(const QList<convene::media::PeerStats>& peers, const convene::media::LocalStats& local);
    void audioLevels(const QHash<QString, double>& levels);
    void videoLatencyMeasured(const QString& endpoint, qint64 microseconds);
    void audioLatencyMeasured(qint64 microseconds);
    void failed(const QString& reason);
    void deviceFailed(const QString& reason);

private:
    template<typename F>
    void onSession(F&& call);
    void replaceVideoCapture(std::unique_ptr<media::VideoCapture> capture, bool onMediaThread);
    void replaceAudioCapture(std::unique_ptr<media::AudioCapture> capture);
    std::unique_ptr<media::VideoCapture> makeVideoCapture(const QCameraDevice& camera) const;
    std::unique_ptr<media::AudioCapture> makeAudioCapture(const QAudioDevice& microphone) const;
    void disposeOnMediaThread(QObject* object);
    void showFrame(const QString& endpoint, const QVideoFrame& frame);

    media::MediaSessionConfig m_config;
    QThread m_thread;
    media::MediaSession* m_session = nullptr; // lives on m_thread
    QHash<QString, QPointer<QVideoSink>> m_sinks;
    QHash<QString, QVideoFrame> m_lastFrames; // so a tile drawn anew shows a picture at once
    media::VideoCapture* m_videoCapture = nullptr; // on m_thread, or on this thread for cameras
    media::AudioCapture* m_audioCapture = nullptr; // on m_thread
    bool m_cameraEnabled = true;
};

} // namespace convene::call
