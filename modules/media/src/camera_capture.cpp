#include "convene/media/camera_capture.h"

#include "convene/media/colour_convert.h"
#include "convene/media/media_clock.h"

#include <QCamera>
#include <QImage>
#include <QMediaCaptureSession>
#include <QVideoFrame>
#include <QVideoSink>

#include <optional>

namespace convene::media {

namespace {

// Calls send at most 720p; a larger camera mode only costs conversion time.
constexpr int kMaxWidth = 1280;
constexpr int kMaxHeight = 720;

std::optional<PixelLayout> layoutOf(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied:
    case QVideoFrameFormat::Format_XRGB8888: return PixelLayout::BGRA; // bytes A,R,G,B: libyuv's BGRA
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888: return PixelLayout::ARGB; // bytes B,G,R,A: libyuv's ARGB
    case QVideoFrameFormat::Format_ABGR8888:
    case QVideoFrameFormat::Format_XBGR8888: return PixelLayout::RGBA; // bytes A,B,G,R: libyuv's RGBA
    case QVideoFrameFormat::Format_RGBA8888:
    case QVideoFrameFormat::Format_RGBX8888: return PixelLayout::ABGR; // bytes R,G,B,A: libyuv's ABGR
    case QVideoFrameFormat::Format_NV12: return PixelLayout::NV12;
    case QVideoFrameFormat::Format_NV21: return PixelLayout::NV21;
    case QVideoFrameFormat::Format_YUYV: return PixelLayout::YUY2;
    case QVideoFrameFormat::Format_UYVY: return PixelLayout::UYVY;
    case QVideoFrameFormat::Format_YUV420P: return PixelLayout::I420;
    case QVideoFrameFormat::Format_YV12: return PixelLayout::YV12;
    default: return std::nullopt;
    }
}

QCameraFormat preferredFormat(const QCameraDevice& device)
{
    QCameraFormat best;
    for (const QCameraFormat& format : device.videoFormats()) {
        const QSize size = format.resolution();
        if (size.width() > kMaxWidth || size.height() > kMaxHeight || format.maxFrameRate() < 15)
            continue;
        if (best.isNull() || size.width() * size.height() > best.resolution().width() * best.resolution().height())
            best = format;
    }
    return best;
}

} // namespace

SharedI420Frame toI420(const QVideoFrame& source)
{
    QVideoFrame frame = source;
    if (!frame.isValid() || !frame.map(QVideoFrame::ReadOnly))
        return nullptr;
    const int width = frame.width() & ~1;
    const int height = frame.height() & ~1;
    std::optional<Result<I420Frame>> converted;
    if (const auto layout = layoutOf(frame.pixelFormat())) {
        PlaneView planes[3];
        for (int i = 0; i < frame.planeCount() && i < 3; ++i)
            planes[i] = {frame.bits(i), frame.bytesPerLine(i)};
        converted = convertToI420(*layout, planes, frame.planeCount(), width, height);
    }
    frame.unmap();
    if (!converted || !*converted) {
        // Anything else (e.g. MJPEG-decoded formats) goes through Qt's own converter.
        const QImage image = source.toImage().convertToFormat(QImage::Format_ARGB32);
        if (image.isNull())
            return nullptr;
        const PlaneView plane{image.constBits(), int(image.bytesPerLine())};
        converted = convertToI420(PixelLayout::ARGB, &plane, 1, image.width() & ~1, image.height() & ~1);
        if (!*converted)
            return nullptr;
    }
    auto result = std::make_shared<I420Frame>(std::move(*converted).value());
    result->captureTimeUs = steadyNowUs();
    return result;
}

CameraCapture::CameraCapture(const QCameraDevice& device, QObject* parent) : VideoCapture(parent), m_device(device) { }

CameraCapture::~CameraCapture()
{
    stop();
}

void CameraCapture::start()
{
    m_camera = std::make_unique<QCamera>(m_device);
    if (const QCameraFormat format = preferredFormat(m_device); !format.isNull())
        m_camera->setCameraFormat(format);
    m_session = std::make_unique<QMediaCaptureSession>();
    m_sink = std::make_unique<QVideoSink>();
    m_session->setCamera(m_camera.get());
    m_session->setVideoSink(m_sink.get());
    // Direct: the conversion runs on the thread the picture arrives on, not the UI thread.
    connect(m_sink.get(), &QVideoSink::videoFrameChanged, this, &CameraCapture::convertAndEmit, Qt::DirectConnection);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString& text) {
        emit failed(QStringLiteral("the camera \"%1\" failed: %2").arg(m_device.description(), text));
    });
    m_camera->start();
}

void CameraCapture::stop()
{
    if (m_camera)
        m_camera->stop();
    if (m_sink)
        m_sink->disconnect(this);
    m_session.reset();
    m_camera.reset();
    m_sink.reset();
}

void CameraCapture::convertAndEmit(const QVideoFrame& frame)
{
    if (SharedI420Frame converted = toI420(frame))
        emit frameCaptured(converted);
}

} // namespace convene::media
