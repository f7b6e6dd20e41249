#pragma once

// The boundary between the call feature and the call engine (modules/call/engine), a library
// the app loads when the first call starts: codecs, transports and encryption stay out of an app
// that makes no call. Only this header's types cross it, so it holds no QObject and no code.
#include <convene/media/ice_server.h>
#include <convene/media/media_stats.h>

#include <QAudioDevice>
#include <QCameraDevice>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

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

struct CallMediaSetup {
    int videoWidth = 1280;
    int videoHeight = 720;
    int videoBitrateKbps = 1200;
    int encoderSpeed = 0; // libvpx's cpu-used; 0: the engine's default
    int encoderThreads = 0; // 0: the engine's default
    QString signalingId; // ours: of two sides, the one whose id sorts lower offers
    bool loopbackOnly = false; // media only over 127.0.0.1
    QList<media::IceServer> iceServers;
    MediaDevices devices;
};

enum class PeerPath { Connecting, Connected, Failed };

// What the engine reports, always on the UI thread.
class CallMediaEvents {
public:
    virtual void localDescriptionReady(const QString& endpoint, const QJsonObject& description) = 0;
    virtual void peerPathChanged(const QString& endpoint, PeerPath path) = 0;
    virtual void statsUpdated(const QList<media::PeerStats>& peers, const media::LocalStats& local) = 0;
    virtual void audioLevels(const QHash<QString, double>& levels) = 0;
    virtual void videoLatency(const QString& endpoint, qint64 microseconds) = 0;
    virtual void audioLatency(qint64 microseconds) = 0;
    virtual void failed(const QString& reason) = 0;
    virtual void deviceFailed(const QString& reason) = 0;

protected:
    ~CallMediaEvents() = default;
};

// One call's media: called on the UI thread, every method returns at once. Destroying it stops
// the call's media and releases its devices.
class CallMediaPort {
public:
    virtual ~CallMediaPort() = default;
    virtual void addPeer(const QString& endpoint) = 0;
    virtual void setRemoteDescription(const QString& endpoint, const QJsonObject& description) = 0;
    virtual void removePeer(const QString& endpoint) = 0;
    virtual void restartPaths() = 0; // the network changed: every peer looks for a new path
    virtual void setMicrophoneMuted(bool muted) = 0;
    virtual void setCameraEnabled(bool enabled) = 0;
    // An empty endpoint is the self view.
    virtual void setVideoSink(const QString& endpoint, QVideoSink* sink) = 0;
    virtual void setCamera(const QCameraDevice& camera) = 0;
    virtual void setMicrophone(const QAudioDevice& microphone) = 0;
    virtual void setSpeaker(const QAudioDevice& speaker) = 0;
};

// The engine's entry points, by the names it exports them under (extern "C").
using StartCallMedia = CallMediaPort* (*)(const CallMediaSetup& setup, CallMediaEvents& events);
inline constexpr char kStartCallMediaSymbol[] = "convene_call_engine_start";
// "libvpx 1.12.0\nlibopus 1.3.1": the engine's libraries, for the About dialog.
using CallEngineComponents = const char* (*)();
inline constexpr char kCallEngineComponentsSymbol[] = "convene_call_engine_components";

} // namespace convene::call
