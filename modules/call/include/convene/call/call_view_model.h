#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/call_session.h"
#include "convene/call/device_choices.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QString>
#include <QVariantList>

namespace convene::call {

// What the call views show and do: the call ringing or in progress, its participants (rows with
// the roles of ParticipantModel), the user's microphone, camera and devices, and the calls going
// on elsewhere. CallController implements it; the call views' tests use a scripted one.
class CallViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Implemented by the call feature")
    Q_PROPERTY(convene::call::CallSession::State state READ state NOTIFY stateChanged)
    // The conversation's title (a person's name for a direct message, "#name" for a channel).
    Q_PROPERTY(QString streamName READ streamName NOTIFY namesChanged)
    Q_PROPERTY(QString callerName READ callerName NOTIFY namesChanged)
    Q_PROPERTY(bool video READ video NOTIFY stateChanged)
    Q_PROPERTY(bool waiting READ waiting NOTIFY participantsChanged)
    Q_PROPERTY(QString waitingText READ waitingText NOTIFY participantsChanged)
    Q_PROPERTY(QAbstractItemModel* participants READ participantList CONSTANT)
    Q_PROPERTY(int participantCount READ participantCount NOTIFY participantsChanged)
    Q_PROPERTY(bool microphoneMuted READ microphoneMuted NOTIFY mediaStateChanged)
    Q_PROPERTY(bool cameraOn READ cameraOn NOTIFY mediaStateChanged)
    Q_PROPERTY(bool statsVisible READ statsVisible WRITE setStatsVisible NOTIFY statsVisibleChanged)
    Q_PROPERTY(int durationSeconds READ durationSeconds NOTIFY durationChanged)
    Q_PROPERTY(QVariantList ongoingCalls READ ongoingCalls NOTIFY ongoingCallsChanged)
    Q_PROPERTY(convene::call::DeviceChoices* devices READ deviceChoices CONSTANT)

public:
    explicit CallViewModel(QObject* parent = nullptr) : QObject(parent)
    {
        // Another call, another conversation and caller.
        connect(this, &CallViewModel::stateChanged, this, &CallViewModel::namesChanged);
    }

    virtual CallSession::State state() const = 0;
    virtual QString streamName() const = 0;
    virtual QString callerName() const = 0;
    virtual bool video() const = 0;
    virtual bool waiting() const = 0;
    virtual QString waitingText() const = 0;
    virtual QAbstractItemModel* participantList() = 0;
    virtual int participantCount() const = 0;
    virtual bool microphoneMuted() const = 0;
    virtual bool cameraOn() const = 0;
    virtual bool statsVisible() const = 0;
    virtual void setStatsVisible(bool visible) = 0;
    virtual int durationSeconds() const = 0;
    virtual QVariantList ongoingCalls() const = 0;
    virtual DeviceChoices* deviceChoices() = 0;

    // Each returns an empty string on success, else what to tell the user.
    Q_INVOKABLE virtual QString joinCall(const QString& stream) = 0;
    Q_INVOKABLE virtual QString accept() = 0;
    Q_INVOKABLE virtual void decline() = 0;
    Q_INVOKABLE virtual void leave() = 0;
    Q_INVOKABLE virtual void toggleMicrophone() = 0;
    Q_INVOKABLE virtual void toggleCamera() = 0;
    // `videoSink` is a VideoOutput's videoSink; an empty endpoint or our own is the self view.
    Q_INVOKABLE virtual void attachVideo(const QString& endpoint, QObject* videoSink) = 0;

signals:
    void stateChanged();
    void namesChanged(); // of the conversation or the caller
    void participantsChanged();
    void mediaStateChanged();
    void statsVisibleChanged();
    void durationChanged();
    void ongoingCallsChanged();
};

} // namespace convene::call
