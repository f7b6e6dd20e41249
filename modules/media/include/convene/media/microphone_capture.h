#pragma once

#include "audio_capture.h"

#include <QAudioDevice>

#include <memory>

class QAudioSource;
class QIODevice;

namespace convene::media {

// A real microphone through QAudioSource, cut into 20 ms frames.
class MicrophoneCapture final : public AudioCapture {
    Q_OBJECT

public:
    explicit MicrophoneCapture(const QAudioDevice& device, QObject* parent = nullptr);
    ~MicrophoneCapture() override;
    void start() override;
    void stop() override;

private:
    void readAvailable();

    QAudioDevice m_device;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice* m_input = nullptr;
    AudioSamples m_pending;
};

} // namespace convene::media
