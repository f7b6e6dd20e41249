#include "convene/call/call_devices.h"

#include <QMediaDevices>

namespace convene::call {

namespace {

const QString kCameraKey = QStringLiteral("call/camera");
const QString kMicrophoneKey = QStringLiteral("call/microphone");
const QString kSpeakerKey = QStringLiteral("call/speaker");

} // namespace

CallDevices::CallDevices(QSettings& state, bool systemDevices, QObject* parent)
    : DeviceChoices(parent), m_state(state), m_systemDevices(systemDevices)
{
}

CallDevices::~CallDevices() = default;

CallDevices::Lists& CallDevices::lists() const
{
    if (m_lists)
        return *m_lists;
    auto made = std::make_unique<Lists>();
    if (m_systemDevices)
        made->mediaDevices = std::make_unique<QMediaDevices>();
    QMediaDevices* devices = made->mediaDevices.get();
    made->cameras = std::make_unique<DeviceListModel>(DeviceListModel::Kind::Camera, devices, m_systemDevices);
    made->microphones = std::make_unique<DeviceListModel>(DeviceListModel::Kind::Microphone, devices, m_systemDevices);
    made->speakers = std::make_unique<DeviceListModel>(DeviceListModel::Kind::Speaker, devices, m_systemDevices);
    auto* self = const_cast<CallDevices*>(this);
    for (DeviceListModel* model : {made->cameras.get(), made->microphones.get(), made->speakers.get()})
        connect(model, &DeviceListModel::devicesChanged, self, &CallDevices::onListChanged);
    made->cameraId = made->cameras->resolve(m_state.value(kCameraKey).toString());
    made->microphoneId = made->microphones->resolve(m_state.value(kMicrophoneKey).toString());
    made->speakerId = made->speakers->resolve(m_state.value(kSpeakerKey).toString());
    m_lists = std::move(made);
    return *m_lists;
}

void CallDevices::select(DeviceListModel::Kind kind, const QString& id, bool remember)
{
    Lists& l = lists();
    const struct {
        DeviceListModel* model;
        QString* current;
        const QString& key;
    } choice = kind == DeviceListModel::Kind::Camera ? decltype(choice){l.cameras.get(), &l.cameraId, kCameraKey}
               : kind == DeviceListModel::Kind::Microphone
                   ? decltype(choice){l.microphones.get(), &l.microphoneId, kMicrophoneKey}
                   : decltype(choice){l.speakers.get(), &l.speakerId, kSpeakerKey};
    *choice.current = choice.model->resolve(id);
    if (remember)
        m_state.setValue(choice.key, *choice.current);
    emit deviceChosen(kind);
    emit selectionChanged();
}

// A device in use that went away is replaced by the default, and the user is told.
void CallDevices::onListChanged()
{
    Lists& l = lists();
    const struct {
        DeviceListModel::Kind kind;
        DeviceListModel* model;
        const QString* current;
        QString notice;
    } kinds[] = {
        {DeviceListModel::Kind::Camera, l.cameras.get(), &l.cameraId, tr("The camera was disconnected. Now using %1.")},
        {DeviceListModel::Kind::Microphone, l.microphones.get(), &l.microphoneId,
         tr("The microphone was disconnected. Now using %1.")},
        {DeviceListModel::Kind::Speaker, l.speakers.get(), &l.speakerId,
         tr("The speaker was disconnected. Now using %1.")},
    };
    for (const auto& list : kinds) {
        if (list.model->indexOfId(*list.current) >= 0)
            continue;
        select(list.kind, QString(), false);
        emit replaced(list.notice.arg(list.model->nameOf(*list.current)));
    }
    emit selectionChanged();
}

} // namespace convene::call
