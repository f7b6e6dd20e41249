#pragma once
// A call the views' tests script from QML: every property settable, every action recorded.
#include <convene/call/call_view_model.h>

#include <QPointer>
#include <QStringList>

class ScriptedDevices : public convene::call::DeviceChoices {
    Q_OBJECT
    Q_PROPERTY(QAbstractItemModel* cameras READ cameraList WRITE setCameras NOTIFY listsChanged)
    Q_PROPERTY(QAbstractItemModel* microphones READ microphoneList WRITE setMicrophones NOTIFY listsChanged)
    Q_PROPERTY(QAbstractItemModel* speakers READ speakerList WRITE setSpeakers NOTIFY listsChanged)
    Q_PROPERTY(QString cameraId READ cameraId WRITE setCameraId NOTIFY selectionChanged)
    Q_PROPERTY(QString microphoneId READ microphoneId WRITE setMicrophoneId NOTIFY selectionChanged)
    Q_PROPERTY(QString speakerId READ speakerId WRITE setSpeakerId NOTIFY selectionChanged)

public:
    using DeviceChoices::DeviceChoices;

    QAbstractItemModel* cameraList() override { return m_cameras; }
    QAbstractItemModel* microphoneList() override { return m_microphones; }
    QAbstractItemModel* speakerList() override { return m_speakers; }
    QString cameraId() const override { return m_cameraId; }
    QString microphoneId() const override { return m_microphoneId; }
    QString speakerId() const override { return m_speakerId; }
    void setCameras(QAbstractItemModel* model);
    void setMicrophones(QAbstractItemModel* model);
    void setSpeakers(QAbstractItemModel* model);
    void setCameraId(const QString& id);
    void setMicrophoneId(const QString& id);
    void setSpeakerId(const QString& id);

    void selectCamera(const QString& id) override;
    void selectMicrophone(const QString& id) override;
    void selectSpeaker(const QString& id) override;

signals:
    void listsChanged();
    void invoked(const QString& entry);

private:
    QPointer<QAbstractItemModel> m_cameras, m_microphones, m_speakers;
    QString m_cameraId, m_microphoneId, m_speakerId;
};

class ScriptedCall : public convene::call::CallViewModel {
    Q_OBJECT
    Q_PROPERTY(convene::call::CallSession::State state READ state WRITE setState NOTIFY stateChanged)
    Q_PROPERTY(QString streamName READ streamName WRITE setStreamName NOTIFY stateChanged)
    Q_PROPERTY(QString callerName READ callerName WRITE setCallerName NOTIFY stateChanged)
    Q_PROPERTY(bool video READ video WRITE setVideo NOTIFY stateChanged)
    Q_PROPERTY(bool waiting READ waiting WRITE setWaiting NOTIFY participantsChanged)
    Q_PROPERTY(QString waitingText READ waitingText WRITE setWaitingText NOTIFY participantsChanged)
    Q_PROPERTY(QAbstractItemModel* participants READ participantList WRITE setParticipants NOTIFY participantsChanged)
    Q_PROPERTY(bool microphoneMuted READ microphoneMuted WRITE setMicrophoneMuted NOTIFY mediaStateChanged)
    Q_PROPERTY(bool cameraOn READ cameraOn WRITE setCameraOn NOTIFY mediaStateChanged)
    Q_PROPERTY(int durationSeconds READ durationSeconds WRITE setDurationSeconds NOTIFY durationChanged)
    Q_PROPERTY(QVariantList ongoingCalls READ ongoingCalls WRITE setOngoingCalls NOTIFY ongoingCallsChanged)
    Q_PROPERTY(ScriptedDevices* devices READ scriptedDevices CONSTANT)
    // What was invoked, in order: "leave", "joinCall:s-1", "selectCamera:cam-1", …
    Q_PROPERTY(QStringList invoked READ invoked NOTIFY invokedChanged)
    // The endpoints video was attached for, in order.
    Q_PROPERTY(QStringList attached READ attached NOTIFY invokedChanged)
    // What joinCall() and accept() answer.
    Q_PROPERTY(QString nextError MEMBER m_nextError)

public:
    explicit ScriptedCall(QObject* parent = nullptr);

    convene::call::CallSession::State state() const override { return m_state; }
    QString streamName() const override { return m_streamName; }
    QString callerName() const override { return m_callerName; }
    bool video() const override { return m_video; }
    bool waiting() const override { return m_waiting; }
    QString waitingText() const override { return m_waitingText; }
    QAbstractItemModel* participantList() override { return m_participants; }
    int participantCount() const override { return m_participants ? m_participants->rowCount() : 0; }
    bool microphoneMuted() const override { return m_microphoneMuted; }
    bool cameraOn() const override { return m_cameraOn; }
    bool statsVisible() const override { return m_statsVisible; }
    void setStatsVisible(bool visible) override;
    int durationSeconds() const override { return m_durationSeconds; }
    QVariantList ongoingCalls() const override { return m_ongoingCalls; }
    convene::call::DeviceChoices* deviceChoices() override { return &m_devices; }
    ScriptedDevices* scriptedDevices() { return &m_devices; }
    QStringList invoked() const { return m_invoked; }
    QStringList attached() const { return m_attached; }

    void setState(convene::call::CallSession::State state);
    void setStreamName(const QString& name);
    void setCallerName(const QString& name);
    void setVideo(bool video);
    void setWaiting(bool waiting);
    void setWaitingText(const QString& text);
    void setParticipants(QAbstractItemModel* model);
    void setMicrophoneMuted(bool muted);
    void setCameraOn(bool on);
    void setDurationSeconds(int seconds);
    void setOngoingCalls(const QVariantList& calls);

    QString joinCall(const QString& stream) override;
    QString accept() override;
    void decline() override;
    void leave() override;
    void toggleMicrophone() override;
    void toggleCamera() override;
    void attachVideo(const QString& endpoint, QObject* videoSink) override;

signals:
    void invokedChanged();

private:
    void record(const QString& entry);

    convene::call::CallSession::State m_state = convene::call::CallSession::State::InCall;
    QString m_streamName, m_callerName, m_waitingText, m_nextError;
    bool m_video = true, m_waiting = false, m_microphoneMuted = false, m_cameraOn = true, m_statsVisible = false;
    int m_durationSeconds = 0;
    QVariantList m_ongoingCalls;
    QPointer<QAbstractItemModel> m_participants;
    ScriptedDevices m_devices;
    QStringList m_invoked, m_attached;
};
