#include "convene/media/speaker_playout.h"

#include "convene/media/media_clock.h"
#include "convene/media/qt_audio_format.h"

#include <QAudioSink>

namespace convene::media {

namespace {

constexpr int kFrameBytes = kAudioFrameSamples * 2;
// Enough queued audio to ride out a late timer, little enough to keep the call responsive.
constexpr int kQueuedFrames = 3;

} // namespace

SpeakerPlayout::SpeakerPlayout(const QAudioDevice& device, Source source, QObject* parent)
    : AudioPlayout(std::move(source), parent), m_device(device)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &SpeakerPlayout::topUp);
}

SpeakerPlayout::~SpeakerPlayout()
{
    stop();
}

void SpeakerPlayout::start()
{
    if (m_device.isNull() || !m_device.isFormatSupported(callAudioFormat())) {
        emit failed(QStringLiteral("the speaker \"%1\" cannot play 48 kHz mono").arg(m_device.description()));
        return;
    }
    m_sink = std::make_unique<QAudioSink>(m_device, callAudioFormat());
    m_sink->setBufferSize(kFrameBytes * (kQueuedFrames + 2));
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this] {
        if (m_sink && m_sink->error() == QAudio::OpenError)
            emit failed(QStringLiteral("the speaker \"%1\" did not open").arg(m_device.description()));
    });
    m_output = m_sink->start();
    if (!m_output) {
        emit failed(QStringLiteral("the speaker \"%1\" did not open").arg(m_device.description()));
        return;
    }
    m_timer.start();
}

void SpeakerPlayout::stop()
{
    m_timer.stop();
    if (m_sink)
        m_sink->stop();
    m_sink.reset();
    m_output = nullptr;
}

void SpeakerPlayout::topUp()
{
    if (!m_sink || !m_output)
        return;
    AudioSamples frame;
    while (m_sink->bytesFree() >= kFrameBytes) {
        const int queued = int(m_sink->bufferSize() - m_sink->bytesFree());
        if (queued >= kFrameBytes * kQueuedFrames)
            break;
        frame.assign(kAudioFrameSamples, 0);
        // What is queued ahead of this frame plays first.
        pull(frame, steadyNowUs() + int64_t(queued / 2) * 1'000'000 / kAudioSampleRate);
        m_output->write(reinterpret_cast<const char*>(frame.data()), kFrameBytes);
    }
}

} // namespace convene::media
