#include "convene/call/call_controller.h"

#include "convene/call/call_record.h"

#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>

#include <QDateTime>
#include <QUuid>
#include <QVideoSink>

#include <utility>

namespace convene::call {

CallController::CallController(sync::SyncService& sync, QString userId, Settings& settings, CallEngineLibrary& engine,
                               Hooks hooks, Options options, QObject* parent)
    : CallViewModel(parent),
      m_sync(sync),
      m_settings(settings),
      m_engine(engine),
      m_hooks(std::move(hooks)),
      m_options(options),
      m_startLookup(sync.cachePath())
{
    CallSession::Hooks sessionHooks;
    sessionHooks.send = [this](const QString& stream, const QByteArray& payload) {
        m_sync.sendEphemeral({stream, QString::fromLatin1(kCallSignalKind), {}, payload});
    };
    sessionHooks.sendTo = [this](const QString& stream, const QString& recipient, const QByteArray& payload) {
        m_sync.sendEphemeral({stream, QString::fromLatin1(kCallSignalKind), {}, payload, recipient});
    };
    sessionHooks.isMember = m_hooks.isMember;
    sessionHooks.hasMember = m_hooks.hasMember;
    sessionHooks.otherMembers = m_hooks.otherMembers;
    sessionHooks.nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_session = std::make_unique<CallSession>(std::move(userId), QUuid::createUuid().toString(QUuid::WithoutBraces),
                                              std::move(sessionHooks));

    connect(&m_sync, &sync::SyncService::ephemeralReceived, this, &CallController::onEphemeral);
    connect(&m_participants, &ParticipantModel::countChanged, this, &CallViewModel::participantsChanged);
    connect(m_session.get(), &CallSession::stateChanged, this, &CallController::onSessionStateChanged);
    connect(m_session.get(), &CallSession::joiningChanged, this, &CallController::joiningChanged);
    connect(m_session.get(), &CallSession::participantJoined, this, &CallController::onParticipantJoined);
    connect(m_session.get(), &CallSession::participantChanged, this, &CallController::onParticipantChanged);
    connect(m_session.get(), &CallSession::participantLeft, this, &CallController::onParticipantLeft);
    connect(m_session.get(), &CallSession::ongoingCallsChanged, this, &CallController::ongoingCallsChanged);
    connect(m_session.get(), &CallSession::notice, this, &CallController::onNotice);
    connect(m_session.get(), &CallSession::callStarted, this,
            [this](const QString& stream, const QString& callId, bool video) {
                record(kCallStartedKind, stream, callId, video);
            });
    connect(m_session.get(), &CallSession::callJoined, this,
            [this](const QString& stream, const QString& callId, bool video) {
                record(kCallJoinedKind, stream, callId, video);
            });
    connect(m_session.get(), &CallSession::callLeft, this,
            [this](const QString& stream, const QString& callId, bool video) {
                record(kCallLeftKind, stream, callId, video);
            });
    connect(&m_sync.changes(), &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& changes) {
        if (!m_confirmedStartMs && changes.streams.contains(m_session->stream()))
            confirmStart();
    });
    connect(m_session.get(), &CallSession::transportReceived, this,
            [this](const QString& endpoint, const QJsonObject& description) {
                if (m_media)
                    m_media->setRemoteDescription(endpoint, description);
            });
    connect(m_session.get(), &CallSession::signalRejected, this,
            [](const QString& reason) { qWarning("Ignored a call signal: %s", qPrintable(reason)); });

    m_devices = new CallDevices(m_settings.state(), m_options.systemDevices, this);
    connect(m_devices, &CallDevices::deviceChosen, this, &CallController::useDevice);
    connect(m_devices, &CallDevices::replaced, this, &CallController::noticeRaised);
    m_preJoin = new CallPreJoin(
        *m_devices,
        [this](const QString& stream, const CallPreJoin::Choices& choices) { return joinWithChoices(stream, choices); },
        this);
    connect(m_devices, &CallDevices::deviceChosen, this, [this](DeviceListModel::Kind kind) {
        if (kind == DeviceListModel::Kind::Camera)
            m_preJoin->preview().setCamera(m_devices->camera());
    });
    connect(m_session.get(), &CallSession::ongoingCallsChanged, this, &CallController::refreshPreJoin);

    m_durationTimer.setInterval(1000);
    connect(&m_durationTimer, &QTimer::timeout, this, &CallController::durationChanged);
}

CallController::~CallController()
{
    shutdown();
}

void CallController::shutdown()
{
    m_preJoin->cancel();
    if (m_session->state() == CallSession::State::InCall)
        m_session->leave();
    stopMedia();
}

QString CallController::stateName() const
{
    switch (m_session->state()) {
    case CallSession::State::Idle: return QStringLiteral("idle");
    case CallSession::State::Ringing: return QStringLiteral("ringing");
    case CallSession::State::InCall: break;
    }
    return QStringLiteral("inCall");
}

QString CallController::personName(const QString& userId) const
{
    const QString name = m_hooks.personName ? m_hooks.personName(userId) : QString();
    return name.isEmpty() ? userId : name;
}

QString CallController::streamName() const
{
    return conversationName(m_session->stream());
}

QString CallController::conversationName(const QString& stream) const
{
    if (stream.isEmpty())
        return {};
    QString name = m_hooks.streamName ? m_hooks.streamName(stream) : QString();
    if (!name.isEmpty() && name != stream)
        return name;
    // Rooms of calendar events have no conversation to take a name from.
    return stream.startsWith(QLatin1String("meeting:")) ? tr("Meeting") : stream;
}

QString CallController::callerName() const
{
    return m_session->callerId().isEmpty() ? QString() : personName(m_session->callerId());
}

bool CallController::waiting() const
{
    return m_session->state() == CallSession::State::InCall && m_session->participants().isEmpty();
}

QString CallController::waitingText() const
{
    if (!waiting())
        return {};
    return m_session->callerId() == m_session->userId() ? tr("Calling %1…").arg(streamName())
                                                        : tr("Waiting for others to join…");
}

qint64 CallController::startedAtMs() const
{
    if (m_session->state() != CallSession::State::InCall)
        return 0;
    return m_confirmedStartMs.value_or(m_session->startedAtMs());
}

int CallController::durationSeconds() const
{
    if (m_session->state() != CallSession::State::InCall)
        return 0;
    return int(std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - startedAtMs()) / 1000);
}

void CallController::record(const char* kind, const QString& stream, const QString& callId, bool video)
{
    // Meeting rooms have no timeline; a conversation the user is not in takes no entries of theirs.
    if (CallSession::isOpenRoom(stream) || (m_hooks.isMember && !m_hooks.isMember(stream)))
        return;
    sync::Mutation mutation;
    mutation.stream = stream;
    mutation.kind = QString::fromLatin1(kind);
    mutation.payload = CallRecord{callId, video}.encode();
    m_sync.submit(std::move(mutation));
}

void CallController::confirmStart()
{
    if (m_session->state() != CallSession::State::InCall || m_confirmedStartMs)
        return;
    m_confirmedStartMs = m_startLookup.startOf(m_session->stream(), m_session->callId());
    if (m_confirmedStartMs) {
        emit startedAtChanged();
        emit durationChanged();
    }
}

void CallController::setStatsVisible(bool visible)
{
    if (m_statsVisible == visible)
        return;
    m_statsVisible = visible;
    emit statsVisibleChanged();
}

QVariantList CallController::ongoingCalls() const
{
    QVariantList list;
    for (const CallSession::OngoingCall& call : m_session->ongoingCalls()) {
        if (m_session->state() == CallSession::State::InCall && call.callId == m_session->callId())
            continue;
        if (m_hooks.isMember && !m_hooks.isMember(call.stream))
            continue;
        QStringList names;
        for (const QString& userId : call.endpoints)
            if (!names.contains(personName(userId)))
                names << personName(userId);
        names.sort(Qt::CaseInsensitive);
        const QString name = m_hooks.streamName ? m_hooks.streamName(call.stream) : call.stream;
        list << QVariantMap{{QStringLiteral("stream"), call.stream},
                            {QStringLiteral("name"), name.isEmpty() ? call.stream : name},
                            {QStringLiteral("people"), names.join(QStringLiteral(", "))},
                            {QStringLiteral("count"), int(call.endpoints.size())},
                            {QStringLiteral("video"), call.video},
                            {QStringLiteral("startedAt"), call.startedAtMs}};
    }
    return list;
}

QString CallController::startCall(const QString& stream, bool video)
{
    if (const QString problem = mediaProblem(); !problem.isEmpty())
        return problem;
    m_cameraOn = video;
    emit mediaStateChanged();
    auto started = m_session->start(stream, video);
    return started ? QString() : started.error().message;
}

QString CallController::joinCall(const QString& stream)
{
    if (const QString problem = mediaProblem(); !problem.isEmpty())
        return problem;
    const auto ongoing = m_session->ongoingCall(stream);
    m_cameraOn = ongoing ? ongoing->video : false;
    emit mediaStateChanged();
    auto joined = m_session->joinOrStart(stream, m_cameraOn);
    return joined ? QString() : joined.error().message;
}

QString CallController::prepareJoin(const QString& stream)
{
    if (m_session->state() == CallSession::State::InCall)
        return m_session->stream() == stream ? QString() : tr("You are already in a call. Leave it first.");
    if (const QString problem = mediaProblem(); !problem.isEmpty())
        return problem;
    const auto ongoing = m_session->ongoingCall(stream);
    CallPreJoin::Choices choices;
    choices.microphoneOn = !m_microphoneMuted;
    choices.cameraOn = ongoing && ongoing->video;
    m_preJoin->preview().setCamera(m_devices->camera());
    m_preJoin->open(stream, preJoinDetails(stream), choices);
    return {};
}

void CallController::conversationsChanged()
{
    refreshPreJoin();
}

void CallController::renamed()
{
    emit namesChanged();
    emit ongoingCallsChanged();
    refreshPreJoin();
}

QString CallController::joinProblem(const QString& stream) const
{
    constexpr qsizetype kMaxStreamLength = 200;
    const QString meetingPrefix = QStringLiteral("meeting:");
    if (stream.isEmpty() || stream.size() > kMaxStreamLength || stream == meetingPrefix)
        return tr("This call link does not lead to a conversation in this workspace.");
    // Rooms of calendar events have no members: whoever has the link may join, from this screen.
    if (stream.startsWith(meetingPrefix))
        return {};
    if (m_hooks.isMember && m_hooks.isMember(stream))
        return {};
    if (stream.startsWith(QLatin1String("dm:")))
        return tr("This call is in a direct conversation you are not part of. Only its members can join it.");
    return tr("This call is in a conversation you are not a member of. Only its members can join it.");
}

CallPreJoin::Details CallController::preJoinDetails(const QString& stream) const
{
    CallPreJoin::Details details;
    details.problem = joinProblem(stream);
    if (!details.problem.isEmpty())
        return details; // nothing about a conversation the user is not in
    details.conversationName = conversationName(stream);
    if (const auto ongoing = m_session->ongoingCall(stream)) {
        details.callGoingOn = true;
        for (const QString& userId : ongoing->endpoints)
            if (!details.peopleInCall.contains(personName(userId)))
                details.peopleInCall << personName(userId);
        details.peopleInCall.sort(Qt::CaseInsensitive);
    }
    return details;
}

void CallController::refreshPreJoin()
{
    if (m_preJoin->active())
        m_preJoin->setDetails(preJoinDetails(m_preJoin->stream()));
}

QString CallController::joinWithChoices(const QString& stream, const CallPreJoin::Choices& choices)
{
    if (const QString problem = joinProblem(stream); !problem.isEmpty())
        return problem;
    if (const QString problem = mediaProblem(); !problem.isEmpty())
        return problem;
    const bool wasMuted = std::exchange(m_microphoneMuted, !choices.microphoneOn);
    const bool hadCamera = std::exchange(m_cameraOn, choices.cameraOn);
    emit mediaStateChanged();
    auto joined = m_session->joinOrStart(stream, m_cameraOn);
    if (joined)
        return {};
    m_microphoneMuted = wasMuted;
    m_cameraOn = hadCamera;
    emit mediaStateChanged();
    return joined.error().message;
}

QString CallController::accept()
{
    if (const QString problem = mediaProblem(); !problem.isEmpty())
        return problem;
    m_cameraOn = m_session->video();
    emit mediaStateChanged();
    auto accepted = m_session->accept();
    return accepted ? QString() : accepted.error().message;
}

void CallController::decline()
{
    m_session->decline();
}

void CallController::leave()
{
    m_session->leave();
}

void CallController::toggleMicrophone()
{
    m_microphoneMuted = !m_microphoneMuted;
    if (m_media)
        m_media->setMicrophoneMuted(m_microphoneMuted);
    m_session->setMediaState(m_microphoneMuted, !m_cameraOn);
    m_participants.update(endpoint(), [this](ParticipantModel::Row& row) {
        row.audioMuted = m_microphoneMuted;
        return QList<int>{ParticipantModel::AudioMutedRole};
    });
    emit mediaStateChanged();
}

void CallController::toggleCamera()
{
    m_cameraOn = !m_cameraOn;
    if (m_media)
        m_media->setCameraEnabled(m_cameraOn);
    m_session->setMediaState(m_microphoneMuted, !m_cameraOn);
    m_participants.update(endpoint(), [this](ParticipantModel::Row& row) {
        row.videoOn = m_cameraOn;
        return QList<int>{ParticipantModel::VideoOnRole};
    });
    emit mediaStateChanged();
}

// The call in progress switches to the device just chosen.
void CallController::useDevice(DeviceListModel::Kind kind)
{
    if (!m_media)
        return;
    switch (kind) {
    case DeviceListModel::Kind::Camera: m_media->setCamera(m_devices->camera()); break;
    case DeviceListModel::Kind::Microphone: m_media->setMicrophone(m_devices->microphone()); break;
    case DeviceListModel::Kind::Speaker: m_media->setSpeaker(m_devices->speaker()); break;
    }
}

void CallController::attachVideo(const QString& endpoint, QObject* videoSink)
{
    auto* sink = qobject_cast<QVideoSink*>(videoSink);
    if (!m_media || !sink)
        return;
    m_media->setVideoSink(endpoint == this->endpoint() ? QString() : endpoint, sink);
}

void CallController::onEphemeral(const sync::EphemeralMessage& message)
{
    if (message.kind == QLatin1String(kCallSignalKind))
        m_session->onSignal(message.stream, message.sender, message.payload, message.recipient);
}

void CallController::onSessionStateChanged()
{
    const bool inCall = m_session->state() == CallSession::State::InCall;
    if (inCall && !m_media)
        startMedia();
    else if (!inCall && m_media)
        stopMedia();
    m_confirmedStartMs.reset();
    confirmStart();
    if (m_session->state() == CallSession::State::Ringing)
        emit incomingCall(callerName(), streamName());
    emit stateChanged();
    emit participantsChanged();
    emit startedAtChanged();
    emit durationChanged();
    emit ongoingCallsChanged();
}

void CallController::onParticipantJoined(const QString& endpoint, const QString& userId)
{
    const auto participant = m_session->participant(endpoint);
    ParticipantModel::Row row;
    row.endpoint = endpoint;
    row.userId = userId;
    row.name = personName(userId);
    row.audioMuted = participant && participant->audioMuted;
    row.videoOn = !(participant && participant->videoOff);
    m_participants.append(row);
    if (m_media)
        m_media->addPeer(endpoint);
    emit participantsChanged();
}

void CallController::onParticipantChanged(const QString& endpoint)
{
    const auto participant = m_session->participant(endpoint);
    if (!participant)
        return;
    m_participants.update(endpoint, [&](ParticipantModel::Row& row) {
        row.audioMuted = participant->audioMuted;
        row.videoOn = !participant->videoOff;
        return QList<int>{ParticipantModel::AudioMutedRole, ParticipantModel::VideoOnRole};
    });
}

void CallController::onParticipantLeft(const QString& endpoint)
{
    m_participants.remove(endpoint);
    m_speakerDetector.forget(endpoint);
    if (m_media)
        m_media->removePeer(endpoint);
    emit participantsChanged();
}

void CallController::onNotice(CallSession::Notice notice, const QString& userId)
{
    switch (notice) {
    case CallSession::Notice::Declined: emit noticeRaised(tr("%1 declined the call.").arg(personName(userId))); break;
    case CallSession::Notice::NoAnswer: emit noticeRaised(tr("No answer.")); break;
    case CallSession::Notice::Missed: emit noticeRaised(tr("Missed call from %1.").arg(personName(userId))); break;
    case CallSession::Notice::AnsweredElsewhere: emit noticeRaised(tr("Answered on another device.")); break;
    case CallSession::Notice::Ended: emit noticeRaised(tr("The call ended.")); break;
    }
}

} // namespace convene::call
