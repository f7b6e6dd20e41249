#include "convene/media/synthetic_audio.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <numbers>

namespace convene::media {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kSampleUs = 1e6 / kAudioSampleRate;

// The marker: a 4 kHz burst, above the synthetic voice's harmonics, with raised-cosine edges so
// it has no clicks that would spread energy over the band. 4 kHz is exactly 12 samples a cycle.
constexpr double kMarkerFrequencyHz = 4000;
constexpr int kMarkerCycleSamples = kAudioSampleRate / int(kMarkerFrequencyHz);
static_assert(kAudioSampleRate % int(kMarkerFrequencyHz) == 0);
constexpr double kMarkerDurationUs = 40'000;
constexpr double kMarkerRampUs = 500;
constexpr double kMarkerAmplitude = 0.4; // -8 dBFS

constexpr double kTonePeak = 0.125893; // -18 dBFS
constexpr double kToneFrequencyHz = 440;
constexpr double kSpeechPeak = 0.251189; // -12 dBFS
constexpr double kSpeechHighestHarmonicHz = 2400;

double raisedCosine(double x)
{
    return 0.5 - 0.5 * std::cos(std::numbers::pi * std::clamp(x, 0.0, 1.0));
}

// The marker's value `sinceMarkerUs` after a marker instant, continuous in time so it starts at
// the marker instant itself rather than at whichever sample comes first.
double markerValue(double sinceMarkerUs)
{
    if (sinceMarkerUs < 0 || sinceMarkerUs >= kMarkerDurationUs)
        return 0;
    const double edge =
        raisedCosine(sinceMarkerUs / kMarkerRampUs) * raisedCosine((kMarkerDurationUs - sinceMarkerUs) / kMarkerRampUs);
    return kMarkerAmplitude * edge * std::sin(kTwoPi * kMarkerFrequencyHz * sinceMarkerUs / 1e6);
}

int16_t toPcm(double value)
{
    return int16_t(std::lround(std::clamp(value, -1.0, 32767.0 / 32768) * 32768));
}

// Vowel formants (F1, F2, F3) in Hz.
constexpr std::array<std::array<double, 3>, 5> kVowels = {{
    {730, 1090, 2440}, // a
    {530, 1840, 2480}, // e
    {270, 2290, 3010}, // i
    {570, 840, 2410}, // o
    {300, 870, 2240}, // u
}};

// Harmonic gains for one vowel: a falling glottal spectrum shaped by formant resonances, scaled
// so the waveform's peak is 1.
std::vector<double> harmonicGains(const std::array<double, 3>& formants, double pitchHz, double highestPitchHz)
{
    const int count = std::max(1, int(kSpeechHighestHarmonicHz / highestPitchHz));
    std::vector<double> gains(std::size_t(count), 0.0);
    for (int h = 1; h <= count; ++h) {
        const double frequency = h * pitchHz;
        double resonance = 0.15;
        for (std::size_t k = 0; k < formants.size(); ++k) {
            const double bandwidth = 80.0 + 40.0 * double(k);
            const double detune = (frequency - formants[k]) / bandwidth;
            resonance += (k == 0 ? 1.0 : 0.6 / double(k)) / std::sqrt(1 + detune * detune);
        }
        gains[std::size_t(h - 1)] = resonance / h;
    }
    double peak = 0;
    constexpr int kSteps = 512;
    for (int step = 0; step < kSteps; ++step) {
        const double phase = kTwoPi * step / kSteps;
        double value = 0;
        for (std::size_t h = 0; h < gains.size(); ++h)
            value += gains[h] * std::sin(double(h + 1) * phase);
        peak = std::max(peak, std::abs(value));
    }
    for (double& gain : gains)
        gain /= peak;
    return gains;
}

double floorModulo(double value, double modulus)
{
    return value - modulus * std::floor(value / modulus);
}

} // namespace

SyntheticAudioGenerator::SyntheticAudioGenerator(Signal signal) : m_signal(signal) { }

AudioSamples SyntheticAudioGenerator::next(int64_t captureTimeUs)
{
    AudioSamples samples(kAudioFrameSamples);
    // Relative to the last marker instant; taken from the capture time, never from the sample
    // count, so the marker stays on the steady clock across stalls.
    const double frameSinceMarkerUs = double(captureTimeUs % kAudioMarkerPeriodUs);
    for (int i = 0; i < kAudioFrameSamples; ++i) {
        double value = 0;
        if (m_signal == Signal::Tone) {
            value = kTonePeak * std::sin(m_phase);
            m_phase = std::fmod(m_phase + kTwoPi * kToneFrequencyHz / kAudioSampleRate, kTwoPi);
        } else {
            value = nextSpeechSample();
        }
        value += markerValue(floorModulo(frameSinceMarkerUs + i * kSampleUs, double(kAudioMarkerPeriodUs)));
        samples[std::size_t(i)] = toPcm(value);
    }
    return samples;
}

double SyntheticAudioGenerator::nextSpeechSample()
{
    if (m_segmentPosition >= m_segmentLength)
        startSpeechSegment();
    const int position = m_segmentPosition++;
    if (!m_voiced)
        return 0;

    const double progress = double(position) / m_segmentLength;
    const double pitchHz = m_pitchStartHz + (m_pitchEndHz - m_pitchStartHz) * progress;
    m_phase = std::fmod(m_phase + kTwoPi * pitchHz / kAudioSampleRate, kTwoPi);

    // sin(h*phase) by the Chebyshev recurrence: one sin and cos per sample for all harmonics.
    const double twoCos = 2 * std::cos(m_phase);
    double previous = 0;
    double current = std::sin(m_phase);
    double value = 0;
    for (double gain : m_harmonicGains) {
        value += gain * current;
        const double following = twoCos * current - previous;
        previous = current;
        current = following;
    }

    constexpr double kAttackSamples = 0.025 * kAudioSampleRate;
    constexpr double kReleaseSamples = 0.045 * kAudioSampleRate;
    const double envelope = raisedCosine(position / kAttackSamples) *
                            raisedCosine((m_segmentLength - position) / kReleaseSamples) * (1 - 0.3 * progress);
    return kSpeechPeak * m_syllableLoudness * envelope * value;
}

void SyntheticAudioGenerator::startSpeechSegment()
{
    const auto uniform = [this](double low, double high) {
        // xorshift64*: a fixed seed gives the same talk pattern on every run.
        m_random ^= m_random >> 12;
        m_random ^= m_random << 25;
        m_random ^= m_random >> 27;
        const double unit = double((m_random * 0x2545f4914f6cdd1dULL) >> 11) / double(1ULL << 53);
        return low + (high - low) * unit;
    };
    const auto samplesFor = [](double seconds) { return int(seconds * kAudioSampleRate); };

    m_segmentPosition = 0;
    if (m_voiced) {
        m_voiced = false;
        if (--m_syllablesLeftInPhrase > 0) {
            m_segmentLength = samplesFor(uniform(0.04, 0.12));
        } else {
            m_segmentLength = samplesFor(uniform(0.5, 1.0));
        }
        return;
    }

    if (m_syllablesLeftInPhrase <= 0) {
        m_syllablesLeftInPhrase = int(uniform(5, 11));
        m_phrasePitchHz = uniform(135, 185);
        m_phraseLoudness = uniform(0.85, 1.0);
    }
    m_voiced = true;
    m_segmentLength = samplesFor(uniform(0.15, 0.3));
    m_pitchStartHz = std::clamp(m_phrasePitchHz * uniform(0.9, 1.2), 120.0, 220.0);
    m_pitchEndHz = std::clamp(m_pitchStartHz * uniform(0.8, 1.05), 120.0, 220.0);
    m_syllableLoudness = m_phraseLoudness * uniform(0.75, 1.0);
    const auto& vowel = kVowels[std::size_t(uniform(0, double(kVowels.size()))) % kVowels.size()];
    m_harmonicGains = harmonicGains(vowel, (m_pitchStartHz + m_pitchEndHz) / 2, std::max(m_pitchStartHz, m_pitchEndHz));
}

namespace {

// Detection: every hop, the marker's share of a Hann-windowed span is measured with a single DFT
// bin. Once the marker dominates, the marker's demodulated envelope, averaged over one
// millisecond, is followed from a little before to well after. The burst is where it rises
// through a quarter of its peak and then stays above an eighth for a while; its onset is the
// first rise through that quarter shortly before. Codecs smear a little energy ahead of a burst
// (pre-echo, well under a quarter), so the first hop that triggers can be a few milliseconds
// early; and a voice codec coming out of silence may play a short blip at the onset, dip, and
// take another ten milliseconds or more to reach full level.
constexpr std::size_t kHop = 48;
constexpr std::size_t kWindow = 240;
constexpr std::size_t kEnvelopeLength = 48; // a whole number of marker cycles
static_assert(kEnvelopeLength % kMarkerCycleSamples == 0);
constexpr std::size_t kLookahead = 960;
constexpr std::size_t kSustain = 240;
constexpr std::size_t kLookBack = 720; // from the sustained rise to an onset blip
constexpr double kTriggerShare = 0.5;
constexpr double kOnsetLevel = 0.25; // of the envelope's peak
constexpr double kSustainLevel = 0.125;
constexpr double kMinMarkerAmplitude = 0.002 * 32768; // -54 dBFS
constexpr int64_t kMaxTimingJitterUs = 2000;
constexpr std::size_t kTrimStep = 4800; // 100 ms, a whole number of microseconds
constexpr std::size_t kKeepBehind = kWindow + kHop + kLookBack + kEnvelopeLength;

// An envelope averaging kEnvelopeLength samples reaches kOnsetLevel once the ramp (whose mean is
// one half) and a further stretch at full level fill that share of its span.
constexpr double kMarkerRampSamples = kMarkerRampUs / kSampleUs;
static_assert(kOnsetLevel * kEnvelopeLength >= kMarkerRampSamples / 2);
constexpr double kOnsetLagSamples = kOnsetLevel * kEnvelopeLength + kMarkerRampSamples / 2;

struct Tables {
    std::array<double, kMarkerCycleSamples> cosine{};
    std::array<double, kMarkerCycleSamples> sine{};
    std::array<double, kWindow> hann{};
    double hannSum = 0;

    Tables()
    {
        for (int i = 0; i < kMarkerCycleSamples; ++i) {
            cosine[std::size_t(i)] = std::cos(kTwoPi * i / kMarkerCycleSamples);
            sine[std::size_t(i)] = std::sin(kTwoPi * i / kMarkerCycleSamples);
        }
        for (std::size_t i = 0; i < kWindow; ++i) {
            hann[i] = 0.5 - 0.5 * std::cos(kTwoPi * (double(i) + 0.5) / kWindow);
            hannSum += hann[i];
        }
    }
};

const Tables& tables()
{
    static const Tables instance;
    return instance;
}

} // namespace

std::vector<int64_t> AudioMarkerDetector::feed(const int16_t* samples, std::size_t count, int64_t playoutTimeUs)
{
    std::vector<int64_t> onsets;
    if (!samples || count == 0)
        return onsets;

    const int64_t expectedUs = timeAt(double(m_history.size()));
    if (m_history.empty() || std::abs(playoutTimeUs - expectedUs) > kMaxTimingJitterUs)
        reset(playoutTimeUs);
    else // follow the caller's clock, which may drift against the sample count
        m_historyStartUs += playoutTimeUs - expectedUs;
    m_history.insert(m_history.end(), samples, samples + count);

    while (m_nextWindowEnd <= m_history.size()) {
        const int64_t windowEndUs = timeAt(double(m_nextWindowEnd));
        const bool quiet = m_quietUntilUs && windowEndUs < *m_quietUntilUs;
        if (!quiet && markerDominates(m_nextWindowEnd)) {
            if (m_history.size() < m_nextWindowEnd + kLookahead)
                break; // the burst's level and its onset are only known some milliseconds on
            if (const auto onset = onsetNear(m_nextWindowEnd)) {
                onsets.push_back(*onset);
                m_quietUntilUs = *onset + kAudioMarkerPeriodUs / 2;
            } else {
                // Mostly the rest of a burst whose onset was not heard.
                m_quietUntilUs = windowEndUs + int64_t(kMarkerDurationUs);
            }
        }
        m_nextWindowEnd += kHop;
    }

    if (m_nextWindowEnd > kKeepBehind + kTrimStep) {
        const std::size_t trim = (m_nextWindowEnd - kKeepBehind) / kTrimStep * kTrimStep;
        m_history.erase(m_history.begin(), m_history.begin() + std::ptrdiff_t(trim));
        m_nextWindowEnd -= trim;
        m_historyStartUs += int64_t(std::llround(double(trim) * kSampleUs));
    }
    return onsets;
}

void AudioMarkerDetector::reset(int64_t playoutTimeUs)
{
    m_history.clear();
    m_historyStartUs = playoutTimeUs;
    m_nextWindowEnd = kWindow;
    m_quietUntilUs.reset();
}

int64_t AudioMarkerDetector::timeAt(double index) const
{
    return m_historyStartUs + int64_t(std::llround(index * kSampleUs));
}

bool AudioMarkerDetector::markerDominates(std::size_t windowEnd) const
{
    const Tables& t = tables();
    const std::size_t begin = windowEnd - kWindow;
    double real = 0, imaginary = 0, energy = 0;
    for (std::size_t i = 0; i < kWindow; ++i) {
        const double x = m_history[begin + i];
        const std::size_t cycle = (begin + i) % kMarkerCycleSamples;
        real += t.hann[i] * x * t.cosine[cycle];
        imaginary += t.hann[i] * x * t.sine[cycle];
        energy += t.hann[i] * x * x;
    }
    const double amplitude = 2 * std::hypot(real, imaginary) / t.hannSum;
    const double markerPower = amplitude * amplitude / 2;
    const double power = energy / t.hannSum;
    return amplitude >= kMinMarkerAmplitude && markerPower >= kTriggerShare * power;
}

std::optional<int64_t> AudioMarkerDetector::onsetNear(std::size_t windowEnd) const
{
    const Tables& t = tables();
    const std::size_t first =
        std::max(kEnvelopeLength - 1, windowEnd - std::min(windowEnd, kWindow + kHop + kLookBack));
    const std::size_t last = windowEnd + kLookahead - 1;

    // envelope[i]: marker amplitude over the kEnvelopeLength samples ending at first + i.
    std::vector<double> envelope;
    envelope.reserve(last - first + 1);
    double real = 0, imaginary = 0;
    const auto accumulate = [&](std::size_t index, double sign) {
        const double x = sign * m_history[index];
        real += x * t.cosine[index % kMarkerCycleSamples];
        imaginary += x * t.sine[index % kMarkerCycleSamples];
    };
    for (std::size_t i = first + 1 - kEnvelopeLength; i <= first; ++i)
        accumulate(i, 1);
    for (std::size_t n = first;; ++n) {
        envelope.push_back(2 * std::hypot(real, imaginary) / kEnvelopeLength);
        if (n == last)
            break;
        accumulate(n + 1, 1);
        accumulate(n + 1 - kEnvelopeLength, -1);
    }

    const double peak = *std::max_element(envelope.begin(), envelope.end());
    if (peak < kMinMarkerAmplitude)
        return std::nullopt;
    const double level = kOnsetLevel * peak;
    const auto risesAt = [&](std::size_t i) { return envelope[i] >= level && envelope[i - 1] < level; };
    std::optional<std::size_t> sustainedRise;
    for (std::size_t i = 1, rise = 0; i < envelope.size() && !sustainedRise; ++i) {
        if (envelope[i] < kSustainLevel * peak)
            rise = 0;
        else if (rise == 0 && risesAt(i))
            rise = i;
        if (rise != 0 && i + 1 - rise >= kSustain)
            sustainedRise = rise;
    }
    if (!sustainedRise)
        return std::nullopt;

    std::size_t onset = *sustainedRise;
    for (std::size_t i = std::max<std::size_t>(1, onset - std::min(onset, kLookBack)); i < onset; ++i) {
        if (risesAt(i)) {
            onset = i;
            break;
        }
    }
    const double below = envelope[onset - 1];
    const double crossing = double(first + onset - 1) + (level - below) / (envelope[onset] - below);
    return timeAt(crossing - kOnsetLagSamples);
}

} // namespace convene::media
