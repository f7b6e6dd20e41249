#pragma once

#include <QCameraDevice>
#include <QObject>
#include <QPointer>

#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoSink;

namespace convene::media {
class TestPatternCapture;
}

namespace convene::call {

// What the camera sees before a call is joined, for the pre-join screen: the chosen camera (a
// null device: the test pattern) shown in a video sink and sent nowhere. It captures only while
// it is wanted and has a sink to show in.
class CameraPreview : public QObject {
    Q_OBJECT

public:
    explicit CameraPreview(QObject* parent = nullptr);
    ~CameraPreview() override;

    void setSink(QVideoSink* sink);
    void setCamera(const QCameraDevice& camera);
    void setWanted(bool wanted);
    bool running() const;

signals:
    void runningChanged();
    void failed(const QString& reason);

private:
    void update();
    void start();
    void stop();

    QPointer<QVideoSink> m_sink;
    QCameraDevice m_camera;
    bool m_wanted = false;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_device;
    std::unique_ptr<media::TestPatternCapture> m_pattern;
};

} // namespace convene::call
