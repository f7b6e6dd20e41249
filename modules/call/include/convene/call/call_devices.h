#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/device_list_model.h"

#include <QObject>
#include <QSettings>

#include <memory>

class QMediaDevices;

namespace convene::call {

// The camera, microphone and speaker calls use: the three lists, the choice in each (kept in
// the profile's state for the next call), and a replacement when a device in use goes away.
class CallDevices : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    Q_PROPERTY(convene::call::DeviceListModel* cameras READ cameras CONSTANT)
    Q_PROPERTY(convene::call::DeviceListModel* microphones READ microphones CONSTANT)
    Q_PROPERTY(convene::call::DeviceListModel* speakers READ speakers CONSTANT)
    Q_PROPERTY(QString cameraId READ cameraId NOTIFY selectionChanged)
    Q_PROPERTY(QString microphoneId READ microphoneId NOTIFY selectionChanged)
    Q_PROPERTY(QString speakerId READ speakerId NOTIFY selectionChanged)

public:
    // Without system devices only the synthetic ones are listed, and nothing touches the
    // platform's audio and camera services.
    CallDevices(QSettings& state, bool systemDevices, QObject* parent = nullptr);
    ~CallDevices() override;

    DeviceListModel* cameras() { return m_cameras.get(); }
    DeviceListModel* microphones() { return m_microphones.get(); }
    DeviceListModel* speakers() { return m_speakers.get(); }
    QString cameraId() const { return m_cameraId; }
    QString microphoneId() const { return m_microphoneId; }
    QString speakerId() const { return m_speakerId; }
    QCameraDevice camera() const { return m_cameras->camera(m_cameraId); }
    QAudioDevice microphone() const { return m_microphones->audioDevice(m_microphoneId); }
    QAudioDevice speaker() const { return m_speakers->audioDevice(m_speakerId); }

    Q_INVOKABLE void selectCamera(const QString& id) { select(DeviceListModel::Kind::Camera, id, true); }
    Q_INVOKABLE void selectMicrophone(const QString& id) { select(DeviceListModel::Kind::Microphone, id, true); }
    Q_INVOKABLE void selectSpeaker(const QString& id) { select(DeviceListModel::Kind::Speaker, id, true); }

signals:
    void selectionChanged();
    // A device of `kind` was chosen, by the user or as a replacement; the call switches to it.
    void deviceChosen(convene::call::DeviceListModel::Kind kind);
    void replaced(const QString& notice);

private:
    void select(DeviceListModel::Kind kind, const QString& id, bool remember);
    void onListChanged();

    QSettings& m_state;
    std::unique_ptr<QMediaDevices> m_mediaDevices;
    std::unique_ptr<DeviceListModel> m_cameras;
    std::unique_ptr<DeviceListModel> m_microphones;
    std::unique_ptr<DeviceListModel> m_speakers;
    QString m_cameraId;
    QString m_microphoneId;
    QString m_speakerId;
};

} // namespace convene::call
