#pragma once

#include "convene/call/call_media_port.h"

#include <convene/media/media_session.h>

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QVideoFrame>

#include <memory>

class QVideoSink;

namespace convene::call {

// Runs one call's media session on its own thread and owns the capture devices feeding it.
// Lives on the UI thread, where it reports to `events`.
class CallMedia : public QObject, public CallMediaPort {
public:
    CallMedia(media::MediaSessionConfig config, const MediaDevices& devices, CallMediaEvents& events,
              QObject* parent = nullptr);
    ~CallMedia() override;

    void addPeer(const QString& endpoint) override;
    void setRemoteDescription(const QString& endpoint, const QJsonObject& description) override;
    void restartPaths() override;
    void removePeer(const QString& endpoint) override;
    void setMicrophoneMuted(bool muted) override;
    void setCameraEnabled(bool enabled) override;
    void setVideoSink(const QString& endpoint, QVideoSink* sink) override;
    void setCamera(const QCameraDevice& camera) override;
    void setMicrophone(const QAudioDevice& microphone) override;
    void setSpeaker(const QAudioDevice& speaker) override;

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
    CallMediaEvents& m_events;
    QThread m_thread;
    media::MediaSession* m_session = nullptr; // lives on m_thread
    QHash<QString, QPointer<QVideoSink>> m_sinks;
    QHash<QString, QVideoFrame> m_lastFrames; // so a tile drawn anew shows a picture at once
    media::VideoCapture* m_videoCapture = nullptr; // on m_thread, or on this thread for cameras
    media::AudioCapture* m_audioCapture = nullptr; // on m_thread
    bool m_cameraEnabled = true;
};

} // namespace convene::call
