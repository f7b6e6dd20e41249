#include "convene/media/synthetic_audio_capture.h"

#include "convene/media/media_clock.h"

namespace convene::media {

namespace {
constexpr int64_t kFrameUs = kAudioFrameMs * 1000;
constexpr int64_t kMaxCatchUpUs = 200'000;
} // namespace

SyntheticAudioCapture::SyntheticAudioCapture(SyntheticAudioGenerator::Signal signal, QObject* parent)
    : AudioCapture(parent), m_generator(signal)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &SyntheticAudioCapture::produceDueFrames);
}

void SyntheticAudioCapture::start()
{
    m_nextCaptureUs = steadyNowUs();
    m_timer.start();
}

void SyntheticAudioCapture::stop()
{
    m_timer.stop();
}

void SyntheticAudioCapture::produceDueFrames()
{
    const int64_t now = steadyNowUs();
    // A frame is complete once its last sample has been "recorded".
    if (now - m_nextCaptureUs > kMaxCatchUpUs)
        m_nextCaptureUs = now - kFrameUs; // a long stall: skip ahead as a real device would drop
    while (m_nextCaptureUs + kFrameUs <= now) {
        emit frameCaptured({m_generator.next(m_nextCaptureUs), m_nextCaptureUs});
        m_nextCaptureUs += kFrameUs;
    }
}

} // namespace convene::media
