#include "scripted_call.h"

using convene::call::CallSession;

namespace {

// Sets `field` and says so, only when it changes.
template<typename T, typename Notify>
void assign(T& field, const T& value, Notify notify)
{
    if (field == value)
        return;
    field = value;
    notify();
}

} // namespace

void ScriptedDevices::setCameras(QAbstractItemModel* model)
{
    m_cameras = model;
    emit listsChanged();
}

void ScriptedDevices::setMicrophones(QAbstractItemModel* model)
{
    m_microphones = model;
    emit listsChanged();
}

void ScriptedDevices::setSpeakers(QAbstractItemModel* model)
{
    m_speakers = model;
    emit listsChanged();
}

void ScriptedDevices::setCameraId(const QString& id)
{
    assign(m_cameraId, id, [this] { emit selectionChanged(); });
}

void ScriptedDevices::setMicrophoneId(const QString& id)
{
    assign(m_microphoneId, id, [this] { emit selectionChanged(); });
}

void ScriptedDevices::setSpeakerId(const QString& id)
{
    assign(m_speakerId, id, [this] { emit selectionChanged(); });
}

void ScriptedDevices::selectCamera(const QString& id)
{
    emit invoked(QStringLiteral("selectCamera:") + id);
    setCameraId(id);
}

void ScriptedDevices::selectMicrophone(const QString& id)
{
    emit invoked(QStringLiteral("selectMicrophone:") + id);
    setMicrophoneId(id);
}

void ScriptedDevices::selectSpeaker(const QString& id)
{
    emit invoked(QStringLiteral("selectSpeaker:") + id);
    setSpeakerId(id);
}

ScriptedCall::ScriptedCall(QObject* parent) : CallViewModel(parent)
{
    connect(&m_devices, &ScriptedDevices::invoked, this, &ScriptedCall::record);
}

void ScriptedCall::record(const QString& entry)
{
    m_invoked << entry;
    emit invokedChanged();
}

void ScriptedCall::setStatsVisible(bool visible)
{
    assign(m_statsVisible, visible, [this] { emit statsVisibleChanged(); });
}

void ScriptedCall::setState(CallSession::State state)
{
    assign(m_state, state, [this] { emit stateChanged(); });
}

void ScriptedCall::setStreamName(const QString& name)
{
    assign(m_streamName, name, [this] { emit stateChanged(); });
}

void ScriptedCall::setCallerName(const QString& name)
{
    assign(m_callerName, name, [this] { emit stateChanged(); });
}

void ScriptedCall::setVideo(bool video)
{
    assign(m_video, video, [this] { emit stateChanged(); });
}

void ScriptedCall::setWaiting(bool waiting)
{
    assign(m_waiting, waiting, [this] { emit participantsChanged(); });
}

void ScriptedCall::setWaitingText(const QString& text)
{
    assign(m_waitingText, text, [this] { emit participantsChanged(); });
}

void ScriptedCall::setParticipants(QAbstractItemModel* model)
{
    if (m_participants)
        disconnect(m_participants, nullptr, this, nullptr);
    m_participants = model;
    if (model)
        for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &CallViewModel::participantsChanged);
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, &CallViewModel::participantsChanged);
    emit participantsChanged();
}

void ScriptedCall::setMicrophoneMuted(bool muted)
{
    assign(m_microphoneMuted, muted, [this] { emit mediaStateChanged(); });
}

void ScriptedCall::setCameraOn(bool on)
{
    assign(m_cameraOn, on, [this] { emit mediaStateChanged(); });
}

void ScriptedCall::setDurationSeconds(int seconds)
{
    assign(m_durationSeconds, seconds, [this] { emit durationChanged(); });
}

void ScriptedCall::setOngoingCalls(const QVariantList& calls)
{
    assign(m_ongoingCalls, calls, [this] { emit ongoingCallsChanged(); });
}

QString ScriptedCall::joinCall(const QString& stream)
{
    record(QStringLiteral("joinCall:") + stream);
    return m_nextError;
}

QString ScriptedCall::accept()
{
    record(QStringLiteral("accept"));
    return m_nextError;
}

void ScriptedCall::decline()
{
    record(QStringLiteral("decline"));
}

void ScriptedCall::leave()
{
    record(QStringLiteral("leave"));
}

void ScriptedCall::toggleMicrophone()
{
    record(QStringLiteral("toggleMicrophone"));
    setMicrophoneMuted(!m_microphoneMuted);
}

void ScriptedCall::toggleCamera()
{
    record(QStringLiteral("toggleCamera"));
    setCameraOn(!m_cameraOn);
}

void ScriptedCall::attachVideo(const QString& endpoint, QObject*)
{
    m_attached << endpoint;
    emit invokedChanged();
}
