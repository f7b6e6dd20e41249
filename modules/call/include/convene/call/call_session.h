#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/call_signal.h"

#include <convene/core/result.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace convene::call {

// The signaling side of calls for one app instance: rings, joins and leaves, keeps the roster of
// the call it is in and a list of calls going on in the user's conversations. It knows nothing
// of media; the controller connects its roster to a media session.
//
// Signals from others are hostile until checked: only members of the conversation take part in
// its calls, a signal counts only for the stream it came in, endpoints belong to the user whose
// id they carry, and connection details travel only to the user they are for.
class CallSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")

public:
    enum class State { Idle, Ringing, InCall };
    Q_ENUM(State)

    enum class Notice { Declined, NoAnswer, Missed, AnsweredElsewhere, Ended };
    Q_ENUM(Notice)

    struct Hooks {
        // To everyone in the stream.
        std::function<void(const QString& stream, const QByteArray& payload)> send;
        // To the devices of one user only: connection details go this way, never to everyone.
        std::function<void(const QString& stream, const QString& recipient, const QByteArray& payload)> sendTo;
        // Whether this user is in the conversation (calls there ring here).
        std::function<bool(const QString& stream)> isMember;
        // Whether `userId` belongs to the conversation: signals from anyone else are ignored. Not
        // asked for open rooms (isOpenRoom()); unset, nobody does.
        std::function<bool(const QString& stream, const QString& userId)> hasMember;
        // How many other people a call in this stream rings (for "everyone declined").
        std::function<int(const QString& stream)> otherMembers;
        std::function<qint64()> nowMs; // wall clock
    };

    struct Participant {
        QString endpoint;
        QString userId;
        bool audioMuted = false;
        bool videoOff = false;
        qint64 lastSeenMs = 0;
    };

    struct OngoingCall {
        QString callId;
        QString stream;
        bool video = false;
        qint64 startedAtMs = 0;
        QHash<QString, QString> endpoints; // endpoint -> user id
        QHash<QString, qint64> lastSeenMs; // endpoint -> when
    };

    // Signals dropped because of who sent them or whom they were for; each reason is logged once
    // per sender.
    struct IgnoredSignals {
        int notMember = 0; // the sender is not in the conversation
        int foreignEndpoint = 0; // the signal names an endpoint of another user as its own
        int misdirected = 0; // addressed to another user, or connection details sent to everyone
    };

    struct Timing {
        int heartbeatMs = 4000;
        int participantTimeoutMs = 12000;
        int ringTimeoutMs = 45000;
        int queryWaitMs = 1500;
    };

    // `instance` tells this app instance from the user's others (no '/'); the session's endpoint
    // id is endpointId(userId, instance).
    CallSession(QString userId, const QString& instance, Hooks hooks, Timing timing, QObject* parent = nullptr);
    CallSession(QString userId, const QString& instance, Hooks hooks, QObject* parent = nullptr)
        : CallSession(std::move(userId), instance, std::move(hooks), Timing{}, parent)
    { }

    // Rooms of calendar meetings ("meeting:<id>") have no member list: whoever has the link may
    // take part. Every other stream's calls are its members' alone.
    static bool isOpenRoom(const QString& stream);

    Result<void> start(const QString& stream, bool video);
    // Joins the call going on in `stream`, or starts one when there is none. When no call there
    // is known yet, asks the stream first and decides after `Timing::queryWaitMs`.
    Result<void> joinOrStart(const QString& stream, bool video);
    bool joining() const { return !m_pendingJoinStream.isEmpty(); }
    Result<void> accept();
    void decline();
    void leave();
    void setMediaState(bool audioMuted, bool videoOff);
    void sendTransport(const QString& endpoint, const QJsonObject& description);

    // `sender` as the backend vouches for it; `recipient` the user a directed message was
    // addressed to, empty for a message to everyone in the stream.
    void onSignal(const QString& stream, const QString& sender, const QByteArray& payload,
                  const QString& recipient = {});
    // Rings that timed out, participants gone silent; runs every second on its own.
    void checkTimeouts();

    State state() const { return m_state; }
    QString userId() const { return m_userId; }
    QString endpoint() const { return m_endpoint; }
    QString callId() const { return m_callId; }
    QString stream() const { return m_stream; }
    bool video() const { return m_video; }
    qint64 startedAtMs() const { return m_startedAtMs; }
    qint64 joinedAtMs() const { return m_joinedAtMs; }
    // While ringing: who calls.
    QString callerId() const { return m_callerId; }
    QList<Participant> participants() const { return m_participants.values(); }
    std::optional<Participant> participant(const QString& endpoint) const;
    QList<OngoingCall> ongoingCalls() const { return m_ongoing.values(); }
    std::optional<OngoingCall> ongoingCall(const QString& stream) const;
    const IgnoredSignals& ignoredSignals() const { return m_ignored; }

signals:
    void stateChanged();
    void joiningChanged();
    void participantJoined(const QString& endpoint, const QString& userId);
    void participantChanged(const QString& endpoint);
    void participantLeft(const QString& endpoint);
    void transportReceived(const QString& endpoint, const QJsonObject& description);
    void ongoingCallsChanged();
    void notice(convene::call::CallSession::Notice notice, const QString& userId);
    // This endpoint started a call, joined one someone else started, and left the call it was in.
    // Each is stored in the conversation: its timeline derives the call's end from the leaves.
    void callStarted(const QString& stream, const QString& callId, bool video);
    void callJoined(const QString& stream, const QString& callId, bool video);
    void callLeft(const QString& stream, const QString& callId, bool video);
    void signalRejected(const QString& reason);

private:
    // To everyone in the stream, or with a recipient to that user's devices only.
    void send(CallSignal signal, const QString& recipient = {});
    bool mayTakePart(const QString& stream, const QString& userId) const;
    void ignore(int& counter, const char* why, const QString& stream, const QString& sender);
    void sendType(CallSignal::Type type);
    void sendPresent();
    void announceJoin();
    void enterCall(const QString& callId, const QString& stream, bool video, qint64 startedAtMs);
    // Tells the others we left (and stops their ring first when `cancelRing`), then ends locally.
    void hangUp(bool cancelRing, std::optional<Notice> notice);
    void endCall(std::optional<Notice> notice, const QString& userId = {});
    void setState(State state);
    // Returns true when the endpoint is new to the roster.
    bool addParticipant(const CallSignal& signal);
    void removeParticipant(const QString& endpoint);
    void trackOngoing(const QString& stream, const CallSignal& signal);
    void forgetOngoing(const QString& stream, const QString& endpoint);
    void handleInvite(const QString& stream, const CallSignal& signal);
    Result<void> joinOngoing(const OngoingCall& call);
    void finishPendingJoin();

    QString m_userId;
    QString m_endpoint;
    Hooks m_hooks;
    Timing m_timing;
    State m_state = State::Idle;
    QString m_callId;
    QString m_stream;
    bool m_video = false;
    qint64 m_startedAtMs = 0;
    qint64 m_joinedAtMs = 0;
    qint64 m_ringingSinceMs = 0;
    QString m_callerId;
    bool m_audioMuted = false;
    bool m_videoOff = false;
    bool m_everJoinedByOthers = false;
    QSet<QString> m_declinedBy;
    QHash<QString, Participant> m_participants;
    QHash<QString, OngoingCall> m_ongoing; // by stream
    IgnoredSignals m_ignored;
    QSet<QString> m_loggedIgnores; // reason and sender
    QString m_pendingJoinStream;
    bool m_pendingJoinVideo = false;
    QTimer m_pendingJoinTimer;
    QTimer m_heartbeat;
    QTimer m_housekeeping;
};

} // namespace convene::call
