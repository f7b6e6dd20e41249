#include "convene/call/device_list_model.h"

#include <QMediaDevices>

namespace convene::call {

DeviceListModel::DeviceListModel(Kind kind, QMediaDevices* devices, bool systemDevices, QObject* parent)
    : QAbstractListModel(parent), m_kind(kind), m_devices(devices), m_systemDevices(systemDevices)
{
    if (m_systemDevices && m_devices) {
        switch (m_kind) {
        case Kind::Camera:
            connect(m_devices, &QMediaDevices::videoInputsChanged, this, &DeviceListModel::refresh);
            break;
        case Kind::Microphone:
            connect(m_devices, &QMediaDevices::audioInputsChanged, this, &DeviceListModel::refresh);
            break;
        case Kind::Speaker:
            connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &DeviceListModel::refresh);
            break;
        }
    }
    m_entries = systemEntries();
    m_entries.append(syntheticEntry());
}

QList<DeviceListModel::Entry> DeviceListModel::systemEntries() const
{
    QList<Entry> entries;
    if (!m_systemDevices)
        return entries;
    if (m_kind == Kind::Camera) {
        for (const QCameraDevice& camera : QMediaDevices::videoInputs())
            entries.append({QString::fromUtf8(camera.id()), camera.description(), camera.isDefault(), camera, {}});
        return entries;
    }
    const QList<QAudioDevice> audio =
        m_kind == Kind::Microphone ? QMediaDevices::audioInputs() : QMediaDevices::audioOutputs();
    for (const QAudioDevice& device : audio)
        entries.append({QString::fromUtf8(device.id()), device.description(), device.isDefault(), {}, device});
    return entries;
}

DeviceListModel::Entry DeviceListModel::syntheticEntry() const
{
    switch (m_kind) {
    case Kind::Camera: return {QString::fromLatin1(kSyntheticId), tr("Test pattern"), false, {}, {}};
    case Kind::Microphone: return {QString::fromLatin1(kSyntheticId), tr("Synthetic voice"), false, {}, {}};
    case Kind::Speaker: break;
    }
    return {QString::fromLatin1(kSyntheticId), tr("No sound output"), false, {}, {}};
}

void DeviceListModel::refresh()
{
    beginResetModel();
    m_entries = systemEntries();
    m_entries.append(syntheticEntry());
    endResetModel();
    emit countChanged();
    emit devicesChanged();
}

int DeviceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return entry.name;
    case IdRole: return entry.id;
    case IsDefaultRole: return entry.isDefault;
    case IsSyntheticRole: return entry.id == QLatin1String(kSyntheticId);
    default: return {};
    }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {{IdRole, "deviceId"}, {NameRole, "name"}, {IsDefaultRole, "isDefault"}, {IsSyntheticRole, "isSynthetic"}};
}

int DeviceListModel::indexOfId(const QString& id) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).id == id)
            return i;
    return -1;
}

QString DeviceListModel::resolve(const QString& wantedId) const
{
    if (!wantedId.isEmpty() && indexOfId(wantedId) >= 0)
        return wantedId;
    for (const Entry& entry : m_entries)
        if (entry.isDefault)
            return entry.id;
    return m_entries.constFirst().id; // a system device if any, else the synthetic one
}

QString DeviceListModel::nameOf(const QString& id) const
{
    const int at = indexOfId(id);
    return at < 0 ? QString() : m_entries.at(at).name;
}

QCameraDevice DeviceListModel::camera(const QString& id) const
{
    const int at = indexOfId(id);
    return at < 0 ? QCameraDevice() : m_entries.at(at).camera;
}

QAudioDevice DeviceListModel::audioDevice(const QString& id) const
{
    const int at = indexOfId(id);
    return at < 0 ? QAudioDevice() : m_entries.at(at).audio;
}

} // namespace convene::call
