#pragma once

#include "audio_format.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace convene::media {

// Every this often on the steady clock the synthetic source starts a marker burst exactly at the
// sample captured at that instant; a receiver on the same machine measures mouth-to-ear latency
// as the offset of the burst's onset in what it plays.
inline constexpr int64_t kAudioMarkerPeriodUs = 1'000'000;

// The synthetic microphone: a speech-like signal (voiced syllables with pauses, so DTX and the
// jitter buffer see realistic talk spurts) plus the periodic marker.
class SyntheticAudioGenerator {
public:
    enum class Signal { SpeechLike, Tone };
    explicit SyntheticAudioGenerator(Signal signal = Signal::SpeechLike);

    // kAudioFrameSamples samples; the first one is captured at `captureTimeUs`.
    AudioSamples next(int64_t captureTimeUs);

private:
    double nextSpeechSample();
    void startSpeechSegment();

    Signal m_signal;
    double m_phase = 0; // of the tone or the voice's fundamental, radians

    // The speech-like pattern: a deterministic sequence of syllables, short gaps and pauses.
    uint64_t m_random = 0x2545f4914f6cdd1d;
    int m_segmentLength = 0; // samples
    int m_segmentPosition = 0;
    bool m_voiced = false;
    int m_syllablesLeftInPhrase = 0;
    double m_phraseLoudness = 1;
    double m_phrasePitchHz = 160;
    double m_pitchStartHz = 0;
    double m_pitchEndHz = 0;
    double m_syllableLoudness = 0;
    std::vector<double> m_harmonicGains;
};

// Finds marker onsets in played-out audio: to a fraction of a millisecond on clean audio, mostly
// within one through a voice codec (which now and then delays a burst itself). Chunks may have any size; each onset is
// reported once, about 25 ms of audio after it. A chunk whose time does not continue the previous one (a gap or jump of
// more than 2 ms) starts the detector afresh.
class AudioMarkerDetector {
public:
    // `playoutTimeUs` is when the first of `samples` reaches the speaker. Returns the steady-clock
    // times of the onsets detected in this chunk.
    std::vector<int64_t> feed(const int16_t* samples, std::size_t count, int64_t playoutTimeUs);

private:
    void reset(int64_t playoutTimeUs);
    int64_t timeAt(double index) const;
    bool markerDominates(std::size_t windowEnd) const;
    std::optional<int64_t> onsetNear(std::size_t windowEnd) const;

    std::vector<int16_t> m_history;
    int64_t m_historyStartUs = 0;
    std::size_t m_nextWindowEnd = 0; // index into m_history
    std::optional<int64_t> m_quietUntilUs; // no new onset before this, one burst triggers once
};

// The latency a detected onset stands for: its distance past the marker instant it belongs to.
// Valid while latency stays under kAudioMarkerPeriodUs.
inline int64_t markerLatencyUs(int64_t onsetUs)
{
    return onsetUs % kAudioMarkerPeriodUs;
}

} // namespace convene::media
