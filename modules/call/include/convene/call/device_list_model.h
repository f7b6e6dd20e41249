#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QAudioDevice>
#include <QCameraDevice>

class QMediaDevices;

namespace convene::call {

// The cameras, microphones or speakers to choose from, kept current as devices come and go.
// The last row is always the synthetic stand-in (test pattern, synthetic voice, no sound), which
// is also what an empty system offers.
class DeviceListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum class Kind { Camera, Microphone, Speaker };
    enum Role { IdRole = Qt::UserRole + 1, NameRole, IsDefaultRole, IsSyntheticRole };

    static constexpr auto kSyntheticId = "synthetic";

    // `systemDevices` false offers only the synthetic entry (headless tests).
    DeviceListModel(Kind kind, QMediaDevices* devices, bool systemDevices, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOfId(const QString& id) const;
    // The id to use for a wish: itself if present, else the system default, else synthetic.
    QString resolve(const QString& wantedId) const;
    QString nameOf(const QString& id) const;
    QCameraDevice camera(const QString& id) const;
    QAudioDevice audioDevice(const QString& id) const;

signals:
    void countChanged();
    void devicesChanged();

private:
    struct Entry {
        QString id;
        QString name;
        bool isDefault = false;
        QCameraDevice camera;
        QAudioDevice audio;
    };
    void refresh();
    QList<Entry> systemEntries() const;
    Entry syntheticEntry() const;

    Kind m_kind;
    QMediaDevices* m_devices;
    bool m_systemDevices;
    QList<Entry> m_entries;
};

} // namespace convene::call
