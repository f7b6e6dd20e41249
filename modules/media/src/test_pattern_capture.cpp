#include "convene/media/test_pattern_capture.h"

#include "convene/media/media_clock.h"

namespace convene::media {

TestPatternCapture::TestPatternCapture(int width, int height, int fps, QObject* parent)
    : VideoCapture(parent), m_generator(width, height), m_frameUs(1'000'000 / std::max(1, fps))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &TestPatternCapture::produceDueFrame);
}

void TestPatternCapture::start()
{
    m_nextCaptureUs = steadyNowUs();
    m_timer.start();
}

void TestPatternCapture::stop()
{
    m_timer.stop();
}

void TestPatternCapture::produceDueFrame()
{
    const int64_t now = steadyNowUs();
    if (now < m_nextCaptureUs)
        return;
    // Like a camera, a late frame is captured now and missed ones are skipped.
    auto frame = std::make_shared<I420Frame>(m_generator.next(now));
    frame->captureTimeUs = now;
    m_nextCaptureUs += m_frameUs;
    if (m_nextCaptureUs <= now)
        m_nextCaptureUs = now + m_frameUs;
    emit frameCaptured(frame);
}

} // namespace convene::media
