#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/device_choices.h"
#include "convene/call/device_list_model.h"

#include <QObject>
#include <QSettings>

#include <memory>

class QMediaDevices;

namespace convene::call {

// The camera, microphone and speaker calls use: the three lists, the choice in each (kept in
// the profile's state for the next call), and a replacement when a device in use goes away.
// The base is named in full: Qt 6.4's QML type registrar does not resolve it otherwise.
class CallDevices : public convene::call::DeviceChoices {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")

public:
    // Without system devices only the synthetic ones are listed, and nothing touches the
    // platform's audio and camera services. With them, the lists are made when first asked for
    // (by the device menu or a call starting): Qt Multimedia's backend is not loaded before.
    CallDevices(QSettings& state, bool systemDevices, QObject* parent = nullptr);
    ~CallDevices() override;

    DeviceListModel* cameras() { return lists().cameras.get(); }
    DeviceListModel* microphones() { return lists().microphones.get(); }
    DeviceListModel* speakers() { return lists().speakers.get(); }
    QAbstractItemModel* cameraList() override { return cameras(); }
    QAbstractItemModel* microphoneList() override { return microphones(); }
    QAbstractItemModel* speakerList() override { return speakers(); }
    QString cameraId() const override { return lists().cameraId; }
    QString microphoneId() const override { return lists().microphoneId; }
    QString speakerId() const override { return lists().speakerId; }
    QCameraDevice camera() const { return lists().cameras->camera(m_lists->cameraId); }
    QAudioDevice microphone() const { return lists().microphones->audioDevice(m_lists->microphoneId); }
    QAudioDevice speaker() const { return lists().speakers->audioDevice(m_lists->speakerId); }

    void selectCamera(const QString& id) override { select(DeviceListModel::Kind::Camera, id, true); }
    void selectMicrophone(const QString& id) override { select(DeviceListModel::Kind::Microphone, id, true); }
    void selectSpeaker(const QString& id) override { select(DeviceListModel::Kind::Speaker, id, true); }

signals:
    // A device of `kind` was chosen, by the user or as a replacement; the call switches to it.
    void deviceChosen(convene::call::DeviceListModel::Kind kind);
    void replaced(const QString& notice);

private:
    struct Lists {
        std::unique_ptr<QMediaDevices> mediaDevices;
        std::unique_ptr<DeviceListModel> cameras;
        std::unique_ptr<DeviceListModel> microphones;
        std::unique_ptr<DeviceListModel> speakers;
        QString cameraId;
        QString microphoneId;
        QString speakerId;
    };
    // The lists and the choices, made on first use.
    Lists& lists() const;
    void select(DeviceListModel::Kind kind, const QString& id, bool remember);
    void onListChanged();

    QSettings& m_state;
    bool m_systemDevices;
    mutable std::unique_ptr<Lists> m_lists;
};

} // namespace convene::call
