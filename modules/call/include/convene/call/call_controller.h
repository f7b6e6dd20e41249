#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/call_devices.h"
#include "convene/call/call_media.h"
#include "convene/call/call_session.h"
#include "convene/call/device_list_model.h"
#include "convene/call/participant_model.h"
#include "convene/call/speaker_detector.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>

#include <functional>
#include <memory>

namespace convene {
class Settings;
}
namespace convene::sync {
class SyncService;
struct EphemeralMessage;
} // namespace convene::sync

namespace convene::call {

// The call feature's face towards QML: rings and answers through the session, runs the media
// while in a call, and keeps the participant grid, devices and stats current.
class CallController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    Q_PROPERTY(convene::call::CallSession::State state READ state NOTIFY stateChanged)
    // Looking for a call to join before starting one (after a link was opened).
    Q_PROPERTY(bool joining READ joining NOTIFY joiningChanged)
    Q_PROPERTY(QString stream READ stream NOTIFY stateChanged)
    Q_PROPERTY(QString streamName READ streamName NOTIFY stateChanged)
    Q_PROPERTY(QString callerName READ callerName NOTIFY stateChanged)
    Q_PROPERTY(bool video READ video NOTIFY stateChanged)
    Q_PROPERTY(bool waiting READ waiting NOTIFY participantsChanged)
    Q_PROPERTY(QString waitingText READ waitingText NOTIFY participantsChanged)
    Q_PROPERTY(convene::call::ParticipantModel* participants READ participants CONSTANT)
    Q_PROPERTY(bool microphoneMuted READ microphoneMuted NOTIFY mediaStateChanged)
    Q_PROPERTY(bool cameraOn READ cameraOn NOTIFY mediaStateChanged)
    Q_PROPERTY(bool statsVisible READ statsVisible WRITE setStatsVisible NOTIFY statsVisibleChanged)
    Q_PROPERTY(int durationSeconds READ durationSeconds NOTIFY durationChanged)
    Q_PROPERTY(QVariantList ongoingCalls READ ongoingCalls NOTIFY ongoingCallsChanged)
    Q_PROPERTY(convene::call::CallDevices* devices READ devices CONSTANT)

public:
    struct Hooks {
        std::function<QString(const QString& userId)> personName;
        std::function<QString(const QString& stream)> streamName;
        std::function<bool(const QString& stream)> isMember;
        std::function<int(const QString& stream)> otherMembers;
    };
    struct Options {
        bool systemDevices = true; // false: only the synthetic camera, voice and silent speaker
        bool loopbackOnly = false; // media only over 127.0.0.1
        int videoHeight = 720; // 360, 540 or 720
    };

    // `settings` gives the encoder settings and, in its state, keeps the chosen devices.
    CallController(sync::SyncService& sync, QString userId, Settings& settings, Hooks hooks, Options options,
                   QObject* parent = nullptr);
    ~CallController() override;
    // Leaves a call in progress and stops its media; before the window's sinks go away.
    void shutdown();

    CallSession::State state() const { return m_session->state(); }
    QString stateName() const; // for logs and tests
    bool joining() const { return m_session->joining(); }
    QString stream() const { return m_session->stream(); }
    QString streamName() const;
    QString callerName() const;
    bool video() const { return m_session->video(); }
    bool waiting() const;
    QString waitingText() const;
    ParticipantModel* participants() { return &m_participants; }
    bool microphoneMuted() const { return m_microphoneMuted; }
    bool cameraOn() const { return m_cameraOn; }
    bool statsVisible() const { return m_statsVisible; }
    void setStatsVisible(bool visible);
    int durationSeconds() const;
    QVariantList ongoingCalls() const;
    CallDevices* devices() { return m_devices; }

    // Each returns an empty string on success, else what to tell the user.
    Q_INVOKABLE QString startCall(const QString& stream, bool video);
    Q_INVOKABLE QString joinCall(const QString& stream);
    Q_INVOKABLE QString accept();
    Q_INVOKABLE void decline();
    Q_INVOKABLE void leave();
    Q_INVOKABLE void toggleMicrophone();
    Q_INVOKABLE void toggleCamera();
    // `videoSink` is a VideoOutput's videoSink; an empty endpoint or our own is the self view.
    Q_INVOKABLE void attachVideo(const QString& endpoint, QObject* videoSink);

    CallSession& session() { return *m_session; }
    QString endpoint() const { return m_session->endpoint(); }

signals:
    void stateChanged();
    void joiningChanged();
    void participantsChanged();
    void mediaStateChanged();
    void statsVisibleChanged();
    void durationChanged();
    void ongoingCallsChanged();
    void noticeRaised(const QString& text);
    void incomingCall(const QString& callerName, const QString& streamName);
    void videoLatencyMeasured(const QString& endpoint, qint64 microseconds);
    void audioLatencyMeasured(qint64 microseconds);

private:
    void onEphemeral(const sync::EphemeralMessage& message);
    void onSessionStateChanged();
    void startMedia();
    void stopMedia();
    void onParticipantJoined(const QString& endpoint, const QString& userId);
    void onParticipantChanged(const QString& endpoint);
    void onParticipantLeft(const QString& endpoint);
    void onStats(const QList<media::PeerStats>& peers, const media::LocalStats& local);
    void onLevels(const QHash<QString, double>& levels);
    void onNotice(CallSession::Notice notice, const QString& userId);
    void useDevice(DeviceListModel::Kind kind);
    QString personName(const QString& userId) const;
    media::MediaSessionConfig mediaConfig() const;

    sync::SyncService& m_sync;
    Settings& m_settings;
    Hooks m_hooks;
    Options m_options;
    std::unique_ptr<CallSession> m_session;
    std::unique_ptr<CallMedia> m_media;
    CallDevices* m_devices;
    ParticipantModel m_participants;
    SpeakerDetector m_speakerDetector;
    bool m_microphoneMuted = false;
    bool m_cameraOn = true;
    bool m_statsVisible = false;
    QTimer m_durationTimer;
};

} // namespace convene::call
