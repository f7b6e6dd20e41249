#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/call_devices.h"
#include "convene/call/call_engine_library.h"
#include "convene/call/call_media_port.h"
#include "convene/call/call_pre_join.h"
#include "convene/call/call_session.h"
#include "convene/call/call_start_lookup.h"
#include "convene/call/call_view_model.h"
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
namespace convene::media {
struct IceServer;
}
namespace convene::sync {
class SyncService;
struct EphemeralMessage;
} // namespace convene::sync

namespace convene::call {

// The call feature's face towards QML: rings and answers through the session, runs the media
// while in a call, and keeps the participant grid, devices and stats current. The call views
// see it as a CallViewModel; the shell also starts and joins calls through it.
// The base is named in full: Qt 6.4's QML type registrar does not resolve it otherwise.
class CallController : public convene::call::CallViewModel, private CallMediaEvents {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    // Looking for a call to join before starting one (after a link was opened).
    Q_PROPERTY(bool joining READ joining NOTIFY joiningChanged)
    Q_PROPERTY(QString stream READ stream NOTIFY stateChanged)
    // The screen a call link or a calendar event's Join opens before anything is sent.
    Q_PROPERTY(convene::call::CallPreJoin* preJoin READ preJoin CONSTANT)
    // When the call in progress began (ms since the epoch), as every participant's clock counts it.
    Q_PROPERTY(double startedAt READ startedAtMs NOTIFY startedAtChanged)

public:
    struct Hooks {
        std::function<QString(const QString& userId)> personName;
        std::function<QString(const QString& stream)> streamName;
        std::function<bool(const QString& stream)> isMember;
        // Whether a user belongs to the conversation: only members take part in its calls.
        std::function<bool(const QString& stream, const QString& userId)> hasMember;
        std::function<int(const QString& stream)> otherMembers;
    };
    struct Options {
        bool systemDevices = true; // false: only the synthetic camera, voice and silent speaker
        bool loopbackOnly = false; // media only over 127.0.0.1
        int videoHeight = 720; // 360, 540 or 720
    };

    // `settings` gives the encoder settings and, in its state, keeps the chosen devices; `engine`
    // runs the media of each call.
    CallController(sync::SyncService& sync, QString userId, Settings& settings, CallEngineLibrary& engine, Hooks hooks,
                   Options options, QObject* parent = nullptr);
    ~CallController() override;
    // Leaves a call in progress and stops its media; before the window's sinks go away.
    void shutdown();

    CallSession::State state() const override { return m_session->state(); }
    QString stateName() const; // for logs and tests
    bool joining() const { return m_session->joining(); }
    QString stream() const { return m_session->stream(); }
    QString streamName() const override;
    QString callerName() const override;
    bool video() const override { return m_session->video(); }
    bool waiting() const override;
    QString waitingText() const override;
    ParticipantModel* participants() { return &m_participants; }
    QAbstractItemModel* participantList() override { return &m_participants; }
    int participantCount() const override { return m_participants.rowCount(); }
    bool microphoneMuted() const override { return m_microphoneMuted; }
    bool cameraOn() const override { return m_cameraOn; }
    bool statsVisible() const override { return m_statsVisible; }
    void setStatsVisible(bool visible) override;
    int durationSeconds() const override;
    // The server time of the call's start entry once it is in the cache; until then (and in
    // meeting rooms, which keep no entries) the start the call's signals carry. 0 outside a call.
    qint64 startedAtMs() const;
    QVariantList ongoingCalls() const override;
    CallDevices* devices() { return m_devices; }
    CallPreJoin* preJoin() { return m_preJoin; }
    DeviceChoices* deviceChoices() override { return m_devices; }

    // Each returns an empty string on success, else what to tell the user.
    Q_INVOKABLE QString startCall(const QString& stream, bool video);
    QString joinCall(const QString& stream) override;
    // Opens the pre-join screen for the call in `stream` (from a link or a calendar event): the
    // call is joined only from there. A conversation the user is not a member of gets the screen's
    // explanation instead. Returns what to tell the user when no screen opens (already in
    // another call); in the stream's call already, there is nothing to prepare.
    Q_INVOKABLE QString prepareJoin(const QString& stream);
    // The user's conversations or their members changed: the pre-join screen checks again.
    void conversationsChanged();
    // Names of conversations or people changed: the views show the new ones.
    void renamed();
    QString accept() override;
    void decline() override;
    void leave() override;
    void toggleMicrophone() override;
    void toggleCamera() override;
    void attachVideo(const QString& endpoint, QObject* videoSink) override;

    CallSession& session() { return *m_session; }
    QString endpoint() const { return m_session->endpoint(); }

signals:
    void joiningChanged();
    void startedAtChanged();
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
    // CallMediaEvents: what the call's media reports.
    void localDescriptionReady(const QString& endpoint, const QJsonObject& description) override;
    void peerPathChanged(const QString& endpoint, PeerPath path) override;
    void statsUpdated(const QList<media::PeerStats>& peers, const media::LocalStats& local) override;
    void audioLevels(const QHash<QString, double>& levels) override;
    void videoLatency(const QString& endpoint, qint64 microseconds) override;
    void audioLatency(qint64 microseconds) override;
    void failed(const QString& reason) override;
    void deviceFailed(const QString& reason) override;
    void onNotice(CallSession::Notice notice, const QString& userId);
    // The call's start and end as entries of its conversation (see call_record.h).
    void record(const char* kind, const QString& stream, const QString& callId, bool video);
    // Takes the call's start from its start entry when that has reached the cache.
    void confirmStart();
    void useDevice(DeviceListModel::Kind kind);
    QString conversationName(const QString& stream) const;
    // Why the user may not join the call in `stream`; empty when they may.
    QString joinProblem(const QString& stream) const;
    CallPreJoin::Details preJoinDetails(const QString& stream) const;
    void refreshPreJoin();
    QString joinWithChoices(const QString& stream, const CallPreJoin::Choices& choices);
    QString personName(const QString& userId) const;
    CallMediaSetup mediaSetup();
    // Why no call can start here (the call engine cannot be loaded); empty when one can.
    QString mediaProblem();
    QList<media::IceServer> iceServers(); // from settings; a notice says what is wrong with them

    sync::SyncService& m_sync;
    Settings& m_settings;
    CallEngineLibrary& m_engine;
    Hooks m_hooks;
    Options m_options;
    std::unique_ptr<CallSession> m_session;
    std::unique_ptr<CallMediaPort> m_media;
    std::unique_ptr<QObject> m_mediaContext; // the network watchers' connections, while the media runs
    CallDevices* m_devices;
    CallPreJoin* m_preJoin;
    ParticipantModel m_participants;
    SpeakerDetector m_speakerDetector;
    bool m_microphoneMuted = false;
    bool m_cameraOn = true;
    bool m_statsVisible = false;
    QTimer m_durationTimer;
    CallStartLookup m_startLookup;
    std::optional<qint64> m_confirmedStartMs; // of the call in progress
};

} // namespace convene::call
