#pragma once

#include "video_capture.h"

#include <QCameraDevice>

#include <memory>

class QCamera;
class QMediaCaptureSession;
class QVideoFrame;
class QVideoSink;

namespace convene::media {

// A real camera through QCamera; each picture is converted to I420 on the thread that delivers it.
class CameraCapture final : public VideoCapture {
    Q_OBJECT

public:
    explicit CameraCapture(const QCameraDevice& device, QObject* parent = nullptr);
    ~CameraCapture() override;
    void start() override;
    void stop() override;

private:
    void convertAndEmit(const QVideoFrame& frame);

    QCameraDevice m_device;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QVideoSink> m_sink;
};

// Converts one mapped camera picture; null when its pixel format is not understood.
SharedI420Frame toI420(const QVideoFrame& frame);

} // namespace convene::media
