#include "convene/call/call_devices.h"

#include <QMediaDevices>

namespace convene::call {

namespace {

const QString kCameraKey = QStringLiteral("call/camera");
const QString kMicrophoneKey = QStringLiteral("call/microphone");
const QString kSpeakerKey = QStringLiteral("call/speaker");

} // namespace

CallDevices::CallDevices(QSettings& state, bool systemDevices, QObject* parent) : QObject(parent), m_state(state)
{
    if (systemDevices)
        m_mediaDevices = std::make_unique<QMediaDevices>();
    m_cameras = std::make_unique<DeviceListModel>(DeviceListModel::Kind::Camera, m_mediaDevices.get(), systemDevices);
    m_microphones =
        std::make_unique<DeviceListModel>(DeviceListModel::Kind::Microphone, m_mediaDevices.get(), systemDevices);
    m_speakers = std::make_unique<DeviceListModel>(DeviceListModel::Kind::Speaker, m_mediaDevices.get(), systemDevices);
    for (DeviceListModel* model : {m_cameras.get(), m_microphones.get(), m_speakers.get()})
        connect(model, &DeviceListModel::devicesChanged, this, &CallDevices::onListChanged);
    m_cameraId = m_cameras->resolve(m_state.value(kCameraKey).toString());
    m_microphoneId = m_microphones->resolve(m_state.value(kMicrophoneKey).toString());
    m_speakerId = m_speakers->resolve(m_state.value(kSpeakerKey).toString());
}

CallDevices::~CallDevices() = default;

void CallDevices::select(DeviceListModel::Kind kind, const QString& id, bool remember)
{
    const struct {
        DeviceListModel* model;
        QString* current;
        const QString& key;
    } choice = kind == DeviceListModel::Kind::Camera ? decltype(choice){m_cameras.get(), &m_cameraId, kCameraKey}
               : kind == DeviceListModel::Kind::Microphone
                   ? decltype(choice){m_microphones.get(), &m_microphoneId, kMicrophoneKey}
                   : decltype(choice){m_speakers.get(), &m_speakerId, kSpeakerKey};
    *choice.current = choice.model->resolve(id);
    if (remember)
        m_state.setValue(choice.key, *choice.current);
    emit deviceChosen(kind);
    emit selectionChanged();
}

// A device in use that went away is replaced by the default, and the user is told.
void CallDevices::onListChanged()
{
    const struct {
        DeviceListModel::Kind kind;
        DeviceListModel* model;
        const QString* current;
        QString notice;
    } lists[] = {
        {DeviceListModel::Kind::Camera, m_cameras.get(), &m_cameraId, tr("The camera was disconnected. Now using %1.")},
        {DeviceListModel::Kind::Microphone, m_microphones.get(), &m_microphoneId,
         tr("The microphone was disconnected. Now using %1.")},
        {DeviceListModel::Kind::Speaker, m_speakers.get(), &m_speakerId,
         tr("The speaker was disconnected. Now using %1.")},
    };
    for (const auto& list : lists) {
        if (list.model->indexOfId(*list.current) >= 0)
            continue;
        select(list.kind, QString(), false);
        emit replaced(list.notice.arg(list.model->nameOf(*list.current)));
    }
    emit selectionChanged();
}

} // namespace convene::call
