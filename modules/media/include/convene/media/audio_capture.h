#pragma once

#include "audio_format.h"

#include <QMetaType>
#include <QObject>

namespace convene::media {

struct AudioFrame {
    AudioSamples samples; // kAudioFrameSamples
    int64_t captureTimeUs = 0;
};

// A microphone: delivers 20 ms frames on the thread it lives on.
class AudioCapture : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void frameCaptured(const convene::media::AudioFrame& frame);
    // The device went away or refused to open; the caller picks another.
    void failed(const QString& reason);
};

} // namespace convene::media

Q_DECLARE_METATYPE(convene::media::AudioFrame)
