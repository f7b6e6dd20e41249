#pragma once

#include "audio_playout.h"

#include <QTimer>

namespace convene::media {

// A silent speaker for machines without audio output: consumes frames in real time so the
// jitter buffers and the mixer behave exactly as with a device.
class NullAudioPlayout final : public AudioPlayout {
    Q_OBJECT

public:
    explicit NullAudioPlayout(Source source, QObject* parent = nullptr);
    void start() override;
    void stop() override;

private:
    void pullDueFrames();

    QTimer m_timer{this}; // a child, so moveToThread() takes it along
    int64_t m_nextFrameUs = 0;
};

} // namespace convene::media
