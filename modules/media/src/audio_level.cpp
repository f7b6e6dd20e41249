#include "convene/media/audio_level.h"

#include <algorithm>
#include <cmath>

namespace convene::media {

double frameLevel(const AudioSamples& samples)
{
    if (samples.empty())
        return 0;
    double sum = 0;
    for (int16_t sample : samples)
        sum += double(sample) * sample;
    const double rms = std::sqrt(sum / double(samples.size())) / 32768.0;
    if (rms <= 0)
        return 0;
    const double dbfs = 20.0 * std::log10(rms);
    return std::clamp((dbfs + 60.0) / 50.0, 0.0, 1.0);
}

} // namespace convene::media
