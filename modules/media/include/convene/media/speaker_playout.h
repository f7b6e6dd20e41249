#pragma once

#include "audio_playout.h"

#include <QAudioDevice>
#include <QTimer>

#include <memory>

class QAudioSink;
class QIODevice;

namespace convene::media {

// A real speaker through QAudioSink, kept a few frames ahead of what it plays.
class SpeakerPlayout final : public AudioPlayout {
    Q_OBJECT

public:
    SpeakerPlayout(const QAudioDevice& device, Source source, QObject* parent = nullptr);
    ~SpeakerPlayout() override;
    void start() override;
    void stop() override;

private:
    void topUp();

    QAudioDevice m_device;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice* m_output = nullptr;
    QTimer m_timer{this}; // a child, so moveToThread() takes it along
};

} // namespace convene::media
