#pragma once

#include <cstdint>
#include <vector>

namespace convene::media {

// Calls carry mono 48 kHz 16-bit audio in 20 ms frames end to end: capture, Opus, jitter buffer,
// mixer and playout all agree on this, so no stage resamples.
inline constexpr int kAudioSampleRate = 48000;
inline constexpr int kAudioChannels = 1;
inline constexpr int kAudioFrameMs = 20;
inline constexpr int kAudioFrameSamples = kAudioSampleRate * kAudioFrameMs / 1000; // 960

using AudioSamples = std::vector<int16_t>;

} // namespace convene::media
