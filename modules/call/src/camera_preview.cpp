#include "convene/call/camera_preview.h"

#include <convene/media/test_pattern_capture.h>
#include <convene/media/video_frame_conversion.h>

#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoSink>

namespace convene::call {

namespace {
// A preview needs no more: it is drawn small and nothing is encoded.
constexpr int kPatternWidth = 640;
constexpr int kPatternHeight = 360;
constexpr int kPatternFps = 15;
} // namespace

CameraPreview::CameraPreview(QObject* parent) : QObject(parent) { }

CameraPreview::~CameraPreview()
{
    stop();
}

bool CameraPreview::running() const
{
    return m_pattern || m_device;
}

void CameraPreview::setSink(QVideoSink* sink)
{
    if (sink == m_sink)
        return;
    stop();
    m_sink = sink;
    update();
}

void CameraPreview::setCamera(const QCameraDevice& camera)
{
    if (camera == m_camera && running())
        return;
    stop();
    m_camera = camera;
    update();
}

void CameraPreview::setWanted(bool wanted)
{
    m_wanted = wanted;
    update();
}

void CameraPreview::update()
{
    const bool run = m_wanted && m_sink;
    if (run && !running())
        start();
    else if (!run && running())
        stop();
}

void CameraPreview::start()
{
    if (m_camera.isNull()) {
        m_pattern = std::make_unique<media::TestPatternCapture>(kPatternWidth, kPatternHeight, kPatternFps);
        connect(m_pattern.get(), &media::VideoCapture::frameCaptured, this,
                [this](const media::SharedI420Frame& frame) {
                    if (m_sink && frame)
                        m_sink->setVideoFrame(media::toVideoFrame(*frame));
                });
        m_pattern->start();
    } else {
        m_session = std::make_unique<QMediaCaptureSession>();
        m_device = std::make_unique<QCamera>(m_camera);
        connect(m_device.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& reason) {
            qWarning("Camera preview: %s", qPrintable(reason));
            emit failed(reason);
        });
        m_session->setCamera(m_device.get());
        m_session->setVideoSink(m_sink);
        m_device->start();
    }
    emit runningChanged();
}

void CameraPreview::stop()
{
    if (!running())
        return;
    if (m_pattern)
        m_pattern->stop();
    if (m_device)
        m_device->stop();
    m_pattern.reset();
    m_session.reset();
    m_device.reset();
    // The last picture stays in the sink; an empty frame clears it, so a camera turned off shows so.
    if (m_sink)
        m_sink->setVideoFrame({});
    emit runningChanged();
}

} // namespace convene::call
