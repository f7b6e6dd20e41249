#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractItemModel>
#include <QObject>
#include <QString>

namespace convene::call {

// What the device menu shows and changes: a list of cameras, microphones and speakers (rows
// with the roles deviceId, name, isDefault, isSynthetic) and the choice in each. CallDevices
// implements it; the call views' tests use a scripted one.
class DeviceChoices : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Implemented by the call feature")
    Q_PROPERTY(QAbstractItemModel* cameras READ cameraList CONSTANT)
    Q_PROPERTY(QAbstractItemModel* microphones READ microphoneList CONSTANT)
    Q_PROPERTY(QAbstractItemModel* speakers READ speakerList CONSTANT)
    Q_PROPERTY(QString cameraId READ cameraId NOTIFY selectionChanged)
    Q_PROPERTY(QString microphoneId READ microphoneId NOTIFY selectionChanged)
    Q_PROPERTY(QString speakerId READ speakerId NOTIFY selectionChanged)

public:
    using QObject::QObject;

    virtual QAbstractItemModel* cameraList() = 0;
    virtual QAbstractItemModel* microphoneList() = 0;
    virtual QAbstractItemModel* speakerList() = 0;
    virtual QString cameraId() const = 0;
    virtual QString microphoneId() const = 0;
    virtual QString speakerId() const = 0;

    Q_INVOKABLE virtual void selectCamera(const QString& id) = 0;
    Q_INVOKABLE virtual void selectMicrophone(const QString& id) = 0;
    Q_INVOKABLE virtual void selectSpeaker(const QString& id) = 0;

signals:
    void selectionChanged();
};

} // namespace convene::call
