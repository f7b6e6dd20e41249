#include "convene/call/call_session.h"

#include <QLoggingCategory>
#include <QUuid>

namespace convene::call {

namespace {

Q_LOGGING_CATEGORY(lcCall, "convene.call", QtInfoMsg)

// Senders logged for ignored signals, so a flood of them cannot grow the log set without end.
constexpr qsizetype kMaxLoggedIgnores = 256;
// Endpoints kept per call going on in a stream; a call itself holds at most nine people.
constexpr qsizetype kMaxTrackedEndpoints = 4 * CallSignal::kMaxParticipants;

} // namespace

CallSession::CallSession(QString userId, const QString& instance, Hooks hooks, Timing timing, QObject* parent)
    : QObject(parent),
      m_userId(std::move(userId)),
      m_endpoint(endpointId(m_userId, instance)),
      m_hooks(std::move(hooks)),
      m_timing(timing)
{
    m_heartbeat.setInterval(m_timing.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &CallSession::sendPresent);
    m_housekeeping.setInterval(std::min(1000, m_timing.participantTimeoutMs / 4));
    connect(&m_housekeeping, &QTimer::timeout, this, &CallSession::checkTimeouts);
    m_housekeeping.start();
    m_pendingJoinTimer.setSingleShot(true);
    m_pendingJoinTimer.setInterval(m_timing.queryWaitMs);
    connect(&m_pendingJoinTimer, &QTimer::timeout, this, &CallSession::finishPendingJoin);
}

std::optional<CallSession::Participant> CallSession::participant(const QString& endpoint) const
{
    if (auto it = m_participants.constFind(endpoint); it != m_participants.constEnd())
        return *it;
    return std::nullopt;
}

std::optional<CallSession::OngoingCall> CallSession::ongoingCall(const QString& stream) const
{
    if (auto it = m_ongoing.constFind(stream); it != m_ongoing.constEnd())
        return *it;
    return std::nullopt;
}

bool CallSession::isOpenRoom(const QString& stream)
{
    return stream.startsWith(QLatin1String("meeting:"));
}

bool CallSession::mayTakePart(const QString& stream, const QString& userId) const
{
    return isOpenRoom(stream) || (m_hooks.hasMember && m_hooks.hasMember(stream, userId));
}

void CallSession::ignore(int& counter, const char* why, const QString& stream, const QString& sender)
{
    ++counter;
    const QString key = QLatin1String(why) + u'\n' + sender;
    if (m_loggedIgnores.size() >= kMaxLoggedIgnores || m_loggedIgnores.contains(key))
        return;
    m_loggedIgnores.insert(key);
    qCWarning(lcCall, "Ignoring call signals from %s in %s: %s (logged once)", qPrintable(sender), qPrintable(stream),
              why);
}

void CallSession::send(CallSignal signal, const QString& recipient)
{
    signal.callId = signal.callId.isEmpty() ? m_callId : signal.callId;
    signal.endpoint = m_endpoint;
    if (recipient.isEmpty())
        m_hooks.send(m_stream, signal.encode());
    else if (m_hooks.sendTo)
        m_hooks.sendTo(m_stream, recipient, signal.encode());
}

void CallSession::sendType(CallSignal::Type type)
{
    CallSignal signal;
    signal.type = type;
    send(std::move(signal));
}

void CallSession::announceJoin()
{
    CallSignal join;
    join.type = CallSignal::Type::Join;
    join.audioMuted = m_audioMuted;
    join.videoOff = m_videoOff;
    send(join);
    sendPresent();
}

void CallSession::sendPresent()
{
    if (m_state != State::InCall)
        return;
    CallSignal present;
    present.type = CallSignal::Type::Present;
    present.video = m_video;
    present.startedAtMs = m_startedAtMs;
    present.audioMuted = m_audioMuted;
    present.videoOff = m_videoOff;
    present.participants = m_participants.keys();
    send(present);
}

Result<void> CallSession::start(const QString& stream, bool video)
{
    if (m_state == State::InCall)
        return makeError(ErrorCode::Rejected, tr("You are already in a call. Leave it first."));
    if (stream.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Choose a conversation to call."));
    if (m_state == State::Ringing)
        decline();
    enterCall(QUuid::createUuid().toString(QUuid::WithoutBraces), stream, video, m_hooks.nowMs());
    m_callerId = m_userId;
    CallSignal invite;
    invite.type = CallSignal::Type::Invite;
    invite.video = video;
    invite.startedAtMs = m_startedAtMs;
    send(invite);
    sendPresent();
    emit callStarted(m_stream, m_callId, m_video);
    return {};
}

Result<void> CallSession::joinOrStart(const QString& stream, bool video)
{
    if (const auto ongoing = ongoingCall(stream))
        return joinOngoing(*ongoing);
    if (m_state == State::InCall)
        return m_stream == stream ? Result<void>()
                                  : makeError(ErrorCode::Rejected, tr("You are already in a call. Leave it first."));
    if (stream.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("Choose a conversation to call."));
    // A call may be going on that we have not heard of yet (just started, link from a calendar).
    m_pendingJoinStream = stream;
    m_pendingJoinVideo = video;
    CallSignal query;
    query.type = CallSignal::Type::Query;
    query.callId = QStringLiteral("query");
    query.endpoint = m_endpoint;
    m_hooks.send(stream, query.encode());
    m_pendingJoinTimer.start();
    emit joiningChanged();
    return {};
}

Result<void> CallSession::joinOngoing(const OngoingCall& ongoing)
{
    if (m_state == State::InCall)
        return m_callId == ongoing.callId
                   ? Result<void>()
                   : makeError(ErrorCode::Rejected, tr("You are already in a call. Leave it first."));
    if (m_state == State::Ringing)
        decline();
    enterCall(ongoing.callId, ongoing.stream, ongoing.video, ongoing.startedAtMs);
    announceJoin();
    emit callJoined(m_stream, m_callId, m_video);
    return {};
}

void CallSession::finishPendingJoin()
{
    const QString stream = std::exchange(m_pendingJoinStream, QString());
    m_pendingJoinTimer.stop();
    emit joiningChanged();
    if (stream.isEmpty() || m_state == State::InCall)
        return;
    if (const auto ongoing = ongoingCall(stream))
        (void)joinOngoing(*ongoing);
    else
        (void)start(stream, m_pendingJoinVideo);
}

Result<void> CallSession::accept()
{
    if (m_state != State::Ringing)
        return makeError(ErrorCode::Rejected, tr("This call has ended or was answered elsewhere."));
    const QString callId = m_callId;
    const QString stream = m_stream;
    enterCall(callId, stream, m_video, m_startedAtMs);
    announceJoin();
    emit callJoined(m_stream, m_callId, m_video);
    return {};
}

void CallSession::decline()
{
    if (m_state != State::Ringing)
        return;
    CallSignal decline;
    decline.type = CallSignal::Type::Decline;
    send(decline);
    m_callId.clear();
    m_callerId.clear();
    setState(State::Idle);
}

void CallSession::leave()
{
    if (m_state != State::InCall)
        return;
    hangUp(!m_everJoinedByOthers && m_callerId == m_userId, std::nullopt);
}

void CallSession::setMediaState(bool audioMuted, bool videoOff)
{
    if (m_audioMuted == audioMuted && m_videoOff == videoOff)
        return;
    m_audioMuted = audioMuted;
    m_videoOff = videoOff;
    sendPresent();
}

void CallSession::sendTransport(const QString& endpoint, const QJsonObject& description)
{
    const auto participant = m_participants.constFind(endpoint);
    if (m_state != State::InCall || participant == m_participants.cend())
        return;
    CallSignal transport;
    transport.type = CallSignal::Type::Transport;
    transport.to = endpoint;
    transport.transportDescription = description;
    // Connection details (tokens, addresses) are for that participant's user alone.
    send(transport, participant->userId);
}

void CallSession::enterCall(const QString& callId, const QString& stream, bool video, qint64 startedAtMs)
{
    m_callId = callId;
    m_stream = stream;
    m_video = video;
    m_startedAtMs = startedAtMs;
    m_joinedAtMs = m_hooks.nowMs();
    m_everJoinedByOthers = false;
    m_declinedBy.clear();
    m_heartbeat.start();
    setState(State::InCall);
}

void CallSession::hangUp(bool cancelRing, std::optional<Notice> notice)
{
    if (cancelRing)
        sendType(CallSignal::Type::Cancel);
    sendType(CallSignal::Type::Leave);
    forgetOngoing(m_stream, m_endpoint);
    const QString stream = m_stream;
    const QString callId = m_callId;
    const bool video = m_video;
    endCall(notice);
    // Every leave is told, not only the seemingly last: two who leave at once both think
    // someone is still there.
    emit callLeft(stream, callId, video);
}

void CallSession::endCall(std::optional<Notice> notice, const QString& userId)
{
    const QStringList endpoints = m_participants.keys();
    m_participants.clear();
    for (const QString& endpoint : endpoints)
        emit participantLeft(endpoint);
    m_heartbeat.stop();
    m_callId.clear();
    m_callerId.clear();
    setState(State::Idle);
    if (notice)
        emit this->notice(*notice, userId);
}

void CallSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void CallSession::onSignal(const QString& stream, const QString& sender, const QByteArray& payload,
                           const QString& recipient)
{
    auto decoded = CallSignal::decode(payload, sender);
    if (!decoded) {
        emit signalRejected(decoded.error().message);
        return;
    }
    const CallSignal& signal = *decoded;
    if (!recipient.isEmpty() && recipient != m_userId)
        return ignore(m_ignored.misdirected, "addressed to someone else", stream, sender);
    if (!endpointBelongsTo(signal.endpoint, sender))
        return ignore(m_ignored.foreignEndpoint, "an endpoint of another user", stream, sender);
    if (signal.endpoint == m_endpoint)
        return;
    if (!mayTakePart(stream, sender))
        return ignore(m_ignored.notMember, "not a member of the conversation", stream, sender);
    if (signal.type == CallSignal::Type::Transport && recipient.isEmpty())
        return ignore(m_ignored.misdirected, "connection details sent to everyone", stream, sender);
    const bool ours = m_state == State::InCall && signal.callId == m_callId && stream == m_stream;
    const bool ringingHere = m_state == State::Ringing && signal.callId == m_callId && stream == m_stream;

    switch (signal.type) {
    case CallSignal::Type::Invite:
        trackOngoing(stream, signal);
        handleInvite(stream, signal);
        break;
    case CallSignal::Type::Cancel:
        if (ringingHere)
            endCall(Notice::Missed, signal.sender);
        break;
    case CallSignal::Type::Decline:
        if (ours && signal.sender != m_userId) {
            m_declinedBy.insert(signal.sender);
            emit notice(Notice::Declined, signal.sender);
            const int others = m_hooks.otherMembers ? m_hooks.otherMembers(m_stream) : 0;
            if (m_participants.isEmpty() && !m_everJoinedByOthers && others > 0 && m_declinedBy.size() >= others) {
                hangUp(false, std::nullopt);
            }
        }
        break;
    case CallSignal::Type::Join:
    case CallSignal::Type::Present:
        trackOngoing(stream, signal);
        if (ringingHere && signal.sender == m_userId) {
            endCall(Notice::AnsweredElsewhere, m_userId);
        } else if (ours) {
            // A newcomer learns about us at once instead of at our next heartbeat.
            if (addParticipant(signal))
                sendPresent();
        } else if (m_state == State::InCall && stream == m_stream && signal.callId < m_callId &&
                   m_participants.isEmpty()) {
            // Two people called each other at once: both end up in the call with the lower id.
            handleInvite(stream, signal);
        }
        break;
    case CallSignal::Type::Query:
        if (m_state == State::InCall && stream == m_stream)
            sendPresent();
        break;
    case CallSignal::Type::Leave:
        forgetOngoing(stream, signal.endpoint);
        if (ours)
            removeParticipant(signal.endpoint);
        break;
    case CallSignal::Type::Transport:
        if (ours && signal.to == m_endpoint) {
            addParticipant(signal);
            // Only for someone in the roster: media is set up for nobody else (the roster is full).
            if (m_participants.contains(signal.endpoint))
                emit transportReceived(signal.endpoint, signal.transportDescription);
        }
        break;
    }
}

void CallSession::handleInvite(const QString& stream, const CallSignal& signal)
{
    if (signal.sender == m_userId)
        return; // our own call from another device does not ring here
    if (m_state == State::InCall && stream == m_stream && signal.callId < m_callId && m_participants.isEmpty()) {
        hangUp(m_callerId == m_userId, std::nullopt);
        enterCall(signal.callId, stream, signal.video, signal.startedAtMs);
        announceJoin();
        emit callJoined(m_stream, m_callId, m_video);
        return;
    }
    if (m_state != State::Idle || signal.type != CallSignal::Type::Invite)
        return;
    if (m_hooks.isMember && !m_hooks.isMember(stream))
        return;
    m_callId = signal.callId;
    m_stream = stream;
    m_video = signal.video;
    m_startedAtMs = signal.startedAtMs;
    m_callerId = signal.sender;
    m_ringingSinceMs = m_hooks.nowMs();
    setState(State::Ringing);
}

bool CallSession::addParticipant(const CallSignal& signal)
{
    const qint64 now = m_hooks.nowMs();
    auto it = m_participants.find(signal.endpoint);
    if (it == m_participants.end()) {
        if (m_participants.size() + 1 >= CallSignal::kMaxParticipants)
            return false; // the grid and the mesh stop at nine people
        m_participants.insert(signal.endpoint,
                              {signal.endpoint, signal.sender, signal.audioMuted, signal.videoOff, now});
        m_everJoinedByOthers = true;
        emit participantJoined(signal.endpoint, signal.sender);
        return true;
    }
    it->lastSeenMs = now;
    if (signal.type == CallSignal::Type::Transport)
        return false;
    if (it->audioMuted != signal.audioMuted || it->videoOff != signal.videoOff) {
        it->audioMuted = signal.audioMuted;
        it->videoOff = signal.videoOff;
        emit participantChanged(signal.endpoint);
    }
    return false;
}

void CallSession::removeParticipant(const QString& endpoint)
{
    if (!m_participants.remove(endpoint))
        return;
    emit participantLeft(endpoint);
    // A one-to-one call is over when the other person is gone.
    const int others = m_hooks.otherMembers ? m_hooks.otherMembers(m_stream) : 0;
    if (m_participants.isEmpty() && others == 1) {
        hangUp(false, Notice::Ended);
    }
}

void CallSession::trackOngoing(const QString& stream, const CallSignal& signal)
{
    OngoingCall& call = m_ongoing[stream];
    if (call.callId != signal.callId) {
        // A different call in the same stream: the one with the lower id wins, as in glare.
        if (!call.callId.isEmpty() && !call.endpoints.isEmpty() && call.callId < signal.callId)
            return;
        call = OngoingCall{signal.callId, stream, signal.video, signal.startedAtMs, {}, {}};
    }
    if (!call.endpoints.contains(signal.endpoint) && call.endpoints.size() >= kMaxTrackedEndpoints)
        return;
    call.endpoints.insert(signal.endpoint, signal.sender);
    call.lastSeenMs.insert(signal.endpoint, m_hooks.nowMs());
    if (signal.startedAtMs > 0)
        call.startedAtMs = signal.startedAtMs;
    emit ongoingCallsChanged();
    if (m_pendingJoinStream == stream)
        finishPendingJoin();
}

void CallSession::forgetOngoing(const QString& stream, const QString& endpoint)
{
    auto it = m_ongoing.find(stream);
    if (it == m_ongoing.end())
        return;
    it->endpoints.remove(endpoint);
    it->lastSeenMs.remove(endpoint);
    if (it->endpoints.isEmpty())
        m_ongoing.erase(it);
    emit ongoingCallsChanged();
}

void CallSession::checkTimeouts()
{
    const qint64 now = m_hooks.nowMs();
    if (m_state == State::Ringing && now - m_ringingSinceMs > m_timing.ringTimeoutMs) {
        endCall(Notice::Missed, m_callerId);
        return;
    }
    if (m_state == State::InCall) {
        QStringList silent;
        for (const Participant& participant : std::as_const(m_participants))
            if (now - participant.lastSeenMs > m_timing.participantTimeoutMs)
                silent << participant.endpoint;
        for (const QString& endpoint : silent)
            removeParticipant(endpoint);
        if (m_state == State::InCall && m_callerId == m_userId && !m_everJoinedByOthers &&
            now - m_joinedAtMs > m_timing.ringTimeoutMs) {
            hangUp(true, Notice::NoAnswer);
            return;
        }
    }
    bool changed = false;
    for (auto call = m_ongoing.begin(); call != m_ongoing.end();) {
        for (auto seen = call->lastSeenMs.begin(); seen != call->lastSeenMs.end();) {
            if (now - seen.value() > m_timing.participantTimeoutMs) {
                call->endpoints.remove(seen.key());
                seen = call->lastSeenMs.erase(seen);
                changed = true;
            } else {
                ++seen;
            }
        }
        if (call->endpoints.isEmpty()) {
            call = m_ongoing.erase(call);
            changed = true;
        } else {
            ++call;
        }
    }
    if (changed)
        emit ongoingCallsChanged();
}

} // namespace convene::call
