#pragma once

#include "audio_format.h"

#include <QAudioFormat>

namespace convene::media {

// The call audio format as Qt Multimedia devices are opened with it.
inline QAudioFormat callAudioFormat()
{
    QAudioFormat format;
    format.setSampleRate(kAudioSampleRate);
    format.setChannelCount(kAudioChannels);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

} // namespace convene::media
