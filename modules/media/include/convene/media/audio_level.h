#pragma once

#include "audio_format.h"

namespace convene::media {

// Loudness of one frame on a 0..1 scale for meters and speaker detection: RMS in dBFS mapped
// linearly from -60 dBFS (0) to -10 dBFS (1).
double frameLevel(const AudioSamples& samples);

// Meter ballistics: rises at once, falls over a few hundred milliseconds.
inline double smoothLevel(double previous, double current)
{
    return current > previous ? current : previous * 0.85 + current * 0.15;
}

} // namespace convene::media
