#include "convene/media/microphone_capture.h"

#include "convene/media/media_clock.h"
#include "convene/media/qt_audio_format.h"

#include <QAudioSource>

namespace convene::media {

MicrophoneCapture::MicrophoneCapture(const QAudioDevice& device, QObject* parent)
    : AudioCapture(parent), m_device(device)
{ }

MicrophoneCapture::~MicrophoneCapture()
{
    stop();
}

void MicrophoneCapture::start()
{
    if (m_device.isNull() || !m_device.isFormatSupported(callAudioFormat())) {
        emit failed(QStringLiteral("the microphone \"%1\" cannot record 48 kHz mono").arg(m_device.description()));
        return;
    }
    m_source = std::make_unique<QAudioSource>(m_device, callAudioFormat());
    m_source->setBufferSize(kAudioFrameSamples * 2 * 4);
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this] {
        if (m_source && m_source->error() != QAudio::NoError && m_source->error() != QAudio::UnderrunError)
            emit failed(QStringLiteral("the microphone \"%1\" stopped").arg(m_device.description()));
    });
    m_input = m_source->start();
    if (!m_input) {
        emit failed(QStringLiteral("the microphone \"%1\" did not open").arg(m_device.description()));
        return;
    }
    connect(m_input, &QIODevice::readyRead, this, &MicrophoneCapture::readAvailable);
}

void MicrophoneCapture::stop()
{
    if (m_source)
        m_source->stop();
    m_source.reset();
    m_input = nullptr;
    m_pending.clear();
}

void MicrophoneCapture::readAvailable()
{
    const QByteArray bytes = m_input->readAll();
    const auto* samples = reinterpret_cast<const int16_t*>(bytes.constData());
    m_pending.insert(m_pending.end(), samples, samples + bytes.size() / 2);
    const int64_t now = steadyNowUs();
    std::size_t offset = 0;
    while (m_pending.size() - offset >= std::size_t(kAudioFrameSamples)) {
        // The newest sample was recorded about now; earlier ones by their distance from it.
        const auto behind = int64_t(m_pending.size() - offset) * 1'000'000 / kAudioSampleRate;
        AudioFrame frame{AudioSamples(m_pending.begin() + offset, m_pending.begin() + offset + kAudioFrameSamples),
                         now - behind};
        offset += kAudioFrameSamples;
        emit frameCaptured(frame);
    }
    m_pending.erase(m_pending.begin(), m_pending.begin() + offset);
}

} // namespace convene::media
