#pragma once

#include "audio_capture.h"
#include "synthetic_audio.h"

#include <QTimer>

namespace convene::media {

// The synthetic microphone on a timer: frames carry the capture times they would have had from
// a real device, one every 20 ms however late the timer fires.
class SyntheticAudioCapture final : public AudioCapture {
    Q_OBJECT

public:
    explicit SyntheticAudioCapture(SyntheticAudioGenerator::Signal signal = SyntheticAudioGenerator::Signal::SpeechLike,
                                   QObject* parent = nullptr);
    void start() override;
    void stop() override;

private:
    void produceDueFrames();

    SyntheticAudioGenerator m_generator;
    QTimer m_timer{this}; // a child, so moveToThread() takes it along
    int64_t m_nextCaptureUs = 0;
};

} // namespace convene::media
