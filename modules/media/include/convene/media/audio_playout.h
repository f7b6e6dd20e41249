#pragma once

#include "audio_format.h"

#include <QObject>

#include <functional>

namespace convene::media {

// A speaker that pulls 20 ms frames as it needs them. `Source` fills one frame and learns when
// its first sample will be heard (steady clock), which lip sync and latency measurement use.
class AudioPlayout : public QObject {
    Q_OBJECT

public:
    using Source = std::function<void(AudioSamples& frame, int64_t playoutTimeUs)>;

    explicit AudioPlayout(Source source, QObject* parent = nullptr) : QObject(parent), m_source(std::move(source)) { }
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void failed(const QString& reason);

protected:
    void pull(AudioSamples& frame, int64_t playoutTimeUs) { m_source(frame, playoutTimeUs); }

private:
    Source m_source;
};

} // namespace convene::media
