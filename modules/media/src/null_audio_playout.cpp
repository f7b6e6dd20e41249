#include "convene/media/null_audio_playout.h"

#include "convene/media/media_clock.h"

namespace convene::media {

namespace {
constexpr int64_t kFrameUs = kAudioFrameMs * 1000;
} // namespace

NullAudioPlayout::NullAudioPlayout(Source source, QObject* parent) : AudioPlayout(std::move(source), parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &NullAudioPlayout::pullDueFrames);
}

void NullAudioPlayout::start()
{
    m_nextFrameUs = steadyNowUs();
    m_timer.start();
}

void NullAudioPlayout::stop()
{
    m_timer.stop();
}

void NullAudioPlayout::pullDueFrames()
{
    const int64_t now = steadyNowUs();
    if (now - m_nextFrameUs > 10 * kFrameUs)
        m_nextFrameUs = now; // the thread stalled: a device would have underrun, not replayed
    AudioSamples frame;
    while (m_nextFrameUs <= now) {
        frame.assign(kAudioFrameSamples, 0);
        pull(frame, m_nextFrameUs);
        m_nextFrameUs += kFrameUs;
    }
}

} // namespace convene::media
