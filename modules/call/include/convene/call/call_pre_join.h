#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/call/camera_preview.h"
#include "convene/call/device_choices.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace convene::call {

// The screen between a call link (or a calendar event's Join) and the call: which conversation,
// who is in its call, a preview of the camera, the devices and whether the microphone and camera
// start on. Nothing is sent and nothing is captured for the call until the user joins; the
// preview shows the camera here only. A link to a conversation the user may not call in shows
// why instead (`problem`), with no way to join.
class CallPreJoin : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the call feature")
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString stream READ stream NOTIFY activeChanged)
    Q_PROPERTY(QString conversationName READ conversationName NOTIFY detailsChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY detailsChanged)
    Q_PROPERTY(QStringList peopleInCall READ peopleInCall NOTIFY detailsChanged)
    Q_PROPERTY(bool callGoingOn READ callGoingOn NOTIFY detailsChanged)
    Q_PROPERTY(bool microphoneOn READ microphoneOn WRITE setMicrophoneOn NOTIFY choicesChanged)
    Q_PROPERTY(bool cameraOn READ cameraOn WRITE setCameraOn NOTIFY choicesChanged)
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewingChanged)
    Q_PROPERTY(convene::call::DeviceChoices* devices READ devices CONSTANT)

public:
    // What the controller knows of the stream the screen is for.
    struct Details {
        QString conversationName;
        QString problem; // empty: the user may join
        QStringList peopleInCall;
        bool callGoingOn = false;
    };
    struct Choices {
        bool microphoneOn = true;
        bool cameraOn = false;
    };
    // Joins with the choices made; returns what to tell the user when it could not.
    using Join = std::function<QString(const QString& stream, const Choices& choices)>;

    CallPreJoin(DeviceChoices& devices, Join join, QObject* parent = nullptr);

    bool active() const { return !m_stream.isEmpty(); }
    QString stream() const { return m_stream; }
    QString conversationName() const { return m_details.conversationName; }
    QString problem() const { return m_details.problem; }
    QStringList peopleInCall() const { return m_details.peopleInCall; }
    bool callGoingOn() const { return m_details.callGoingOn; }
    bool microphoneOn() const { return m_choices.microphoneOn; }
    void setMicrophoneOn(bool on);
    bool cameraOn() const { return m_choices.cameraOn; }
    void setCameraOn(bool on);
    bool previewing() const { return m_preview.running(); }
    DeviceChoices* devices() { return &m_devices; }
    CameraPreview& preview() { return m_preview; }

    // Shows the screen for `stream` with these first choices; replaces one shown for another.
    void open(const QString& stream, const Details& details, const Choices& choices);
    void setDetails(const Details& details);
    // Closes the screen and stops the preview; nothing is joined.
    Q_INVOKABLE void cancel();
    // Stops the preview and joins; returns what to tell the user when it could not (the screen
    // stays then).
    Q_INVOKABLE QString join();
    // `videoSink` is a VideoOutput's videoSink, where the camera preview is shown.
    Q_INVOKABLE void attachPreview(QObject* videoSink);

signals:
    void activeChanged();
    void detailsChanged();
    void choicesChanged();
    void previewingChanged();

private:
    void updatePreview();

    DeviceChoices& m_devices;
    Join m_join;
    CameraPreview m_preview;
    QString m_stream;
    Details m_details;
    Choices m_choices;
};

} // namespace convene::call
