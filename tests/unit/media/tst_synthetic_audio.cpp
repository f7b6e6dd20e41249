#include "convene/media/opus_decoder.h"
#include "convene/media/opus_encoder.h"
#include "convene/media/synthetic_audio.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace convene::media;
using Signal = SyntheticAudioGenerator::Signal;

namespace {

constexpr double kSampleUs = 1e6 / kAudioSampleRate;
constexpr int64_t kFrameUs = kAudioFrameMs * 1000;
constexpr int64_t kMarkerLengthUs = 40'000;

struct Recording {
    int64_t startUs = 0; // capture time of samples[0]
    AudioSamples samples;

    int64_t timeOf(std::size_t index) const { return startUs + std::llround(double(index) * kSampleUs); }
    int64_t endUs() const { return timeOf(samples.size()); }
};

Recording record(Signal signal, int64_t startUs, double seconds)
{
    SyntheticAudioGenerator generator(signal);
    Recording recording{startUs, {}};
    const int frames = int(seconds * 1000 / kAudioFrameMs);
    for (int i = 0; i < frames; ++i) {
        const AudioSamples frame = generator.next(startUs + i * kFrameUs);
        recording.samples.insert(recording.samples.end(), frame.begin(), frame.end());
    }
    return recording;
}

// Silence ahead of the recording, so a marker at its very first sample has a heard onset.
Recording withLeadIn(Recording recording, int64_t leadInUs = 50'000)
{
    const auto leadSamples = std::size_t(leadInUs * kAudioSampleRate / 1'000'000);
    recording.samples.insert(recording.samples.begin(), leadSamples, int16_t(0));
    recording.startUs -= leadInUs;
    return recording;
}

std::vector<int64_t> detect(AudioMarkerDetector& detector, const Recording& recording, std::size_t chunk)
{
    std::vector<int64_t> onsets;
    for (std::size_t at = 0; at < recording.samples.size(); at += chunk) {
        const std::size_t count = std::min(chunk, recording.samples.size() - at);
        const auto found = detector.feed(recording.samples.data() + at, count, recording.timeOf(at));
        onsets.insert(onsets.end(), found.begin(), found.end());
    }
    return onsets;
}

std::vector<int64_t> detect(const Recording& recording, std::size_t chunk = kAudioFrameSamples)
{
    AudioMarkerDetector detector;
    return detect(detector, recording, chunk);
}

// Marker instants whose whole burst lies within [fromUs, toUs).
std::vector<int64_t> markersBetween(int64_t fromUs, int64_t toUs)
{
    std::vector<int64_t> instants;
    int64_t instant = (fromUs + kAudioMarkerPeriodUs - 1) / kAudioMarkerPeriodUs * kAudioMarkerPeriodUs;
    for (; instant + kMarkerLengthUs + 5'000 <= toUs; instant += kAudioMarkerPeriodUs)
        instants.push_back(instant);
    return instants;
}

void requireOnsetsAt(const std::vector<int64_t>& onsets, const std::vector<int64_t>& expected, int64_t toleranceUs)
{
    REQUIRE(onsets.size() == expected.size());
    for (std::size_t i = 0; i < onsets.size(); ++i) {
        INFO("marker at " << expected[i] << " detected at " << onsets[i]);
        CHECK(std::abs(onsets[i] - expected[i]) <= toleranceUs);
    }
}

// Within a marker burst, with a margin.
bool insideMarker(const Recording& recording, std::size_t index)
{
    const int64_t sinceMarkerUs = recording.timeOf(index) % kAudioMarkerPeriodUs;
    return sinceMarkerUs < kMarkerLengthUs + 1'000 || sinceMarkerUs > kAudioMarkerPeriodUs - 1'000;
}

// Zeroes every marker burst, leaving only the underlying signal.
void removeMarkers(Recording& recording)
{
    for (std::size_t i = 0; i < recording.samples.size(); ++i)
        if (insideMarker(recording, i))
            recording.samples[i] = 0;
}

double dbfs(double amplitude)
{
    return 20 * std::log10(amplitude / 32768);
}

// 4 kHz amplitude over `count` samples from `begin` (a whole number of 12-sample cycles).
double markerAmplitude(const AudioSamples& samples, std::size_t begin, std::size_t count)
{
    double real = 0, imaginary = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double phase = 2 * std::numbers::pi * double(i) / 12;
        real += samples[begin + i] * std::cos(phase);
        imaginary += samples[begin + i] * std::sin(phase);
    }
    return 2 * std::hypot(real, imaginary) / double(count);
}

} // namespace

TEST_CASE("marker onsets are found within 1.5 ms of their instant for any start and chunking", "[media][audio]")
{
    for (const Signal signal : {Signal::SpeechLike, Signal::Tone}) {
        for (const int64_t startUs : {int64_t(0), int64_t(123'456'789), int64_t(5'000'000'000), int64_t(77'999'990'001),
                                      int64_t(1'000'000 - 7'300)}) {
            const Recording recording = withLeadIn(record(signal, startUs, 3.2));
            const auto expected = markersBetween(startUs, recording.endUs());
            REQUIRE(expected.size() >= 3);
            for (const std::size_t chunk : {std::size_t(1), std::size_t(37), std::size_t(960), std::size_t(4800)}) {
                INFO("signal " << int(signal) << " start " << startUs << " chunk " << chunk);
                requireOnsetsAt(detect(recording, chunk), expected, 1'500);
            }
        }
    }
}

TEST_CASE("the detector places a clean onset to a fraction of a millisecond", "[media][audio]")
{
    const Recording recording = record(Signal::Tone, 31'000'004'321, 4);
    const auto onsets = detect(recording, 480);
    requireOnsetsAt(onsets, markersBetween(recording.startUs, recording.endUs()), 200);
}

TEST_CASE("a marker inside a frame starts at the sample captured at its instant", "[media][audio]")
{
    for (const Signal signal : {Signal::SpeechLike, Signal::Tone}) {
        // The marker falls 7.3 ms into the second frame: sample 350.4 of it.
        SyntheticAudioGenerator generator(signal);
        const int64_t markerUs = 42 * kAudioMarkerPeriodUs;
        const AudioSamples before = generator.next(markerUs - kFrameUs - 7'300);
        const AudioSamples frame = generator.next(markerUs - 7'300);
        REQUIRE(before.size() == std::size_t(kAudioFrameSamples));
        REQUIRE(frame.size() == std::size_t(kAudioFrameSamples));
        constexpr std::size_t onset = 351; // first sample at or after the instant
        INFO("signal " << int(signal));
        CHECK(markerAmplitude(frame, onset - 48, 48) < 300);
        CHECK(markerAmplitude(frame, onset + 36, 48) > 10'000);
        CHECK(std::abs(frame[onset]) < 8'300); // the burst ramps up from zero: only the voice so far
        CHECK(markerAmplitude(before, 0, 960) < 300);
    }
}

TEST_CASE("a stalled capture clock keeps the marker on the steady clock", "[media][audio]")
{
    SyntheticAudioGenerator generator(Signal::SpeechLike);
    AudioMarkerDetector detector;
    std::vector<int64_t> onsets;
    int64_t captureUs = 10'000'123'000;
    for (int i = 0; i < 200; ++i) {
        const AudioSamples frame = generator.next(captureUs);
        const auto found = detector.feed(frame.data(), frame.size(), captureUs);
        onsets.insert(onsets.end(), found.begin(), found.end());
        // Stalls of 137 ms and 61 ms, well away from the marker instants.
        captureUs += (i == 20) ? 137'000 : (i == 90) ? 61'000 : kFrameUs;
    }
    requireOnsetsAt(onsets, {10'001'000'000, 10'002'000'000, 10'003'000'000, 10'004'000'000}, 1'500);
}

TEST_CASE("no onsets in speech, tone, silence or noise without markers", "[media][audio]")
{
    SECTION("20 s of speech")
    {
        Recording recording = record(Signal::SpeechLike, 3'000'000'000, 20);
        removeMarkers(recording);
        for (const std::size_t chunk : {std::size_t(37), std::size_t(960)})
            CHECK(detect(recording, chunk).empty());
    }
    SECTION("a tone")
    {
        Recording recording = record(Signal::Tone, 3'000'000'000, 5);
        removeMarkers(recording);
        CHECK(detect(recording).empty());
    }
    SECTION("silence and white noise")
    {
        Recording recording{1'000'000, AudioSamples(5 * kAudioSampleRate, 0)};
        CHECK(detect(recording).empty());
        std::mt19937 random(5);
        for (const int peak : {3, 300, 10'000, 32'000}) {
            std::uniform_int_distribution<int> noise(-peak, peak);
            for (auto& sample : recording.samples)
                sample = int16_t(noise(random));
            INFO("noise peak " << peak);
            CHECK(detect(recording).empty());
        }
    }
}

TEST_CASE("markers are still found under noise and after attenuation", "[media][audio]")
{
    const Recording clean = record(Signal::SpeechLike, 7'654'321'000, 6);
    const auto expected = markersBetween(clean.startUs, clean.endUs());
    std::mt19937 random(9);
    // Uniform noise of peak p has an RMS of p / sqrt(3): -40 dBFS RMS.
    std::uniform_int_distribution<int> noise(-568, 568);

    Recording noisy = clean;
    for (auto& sample : noisy.samples)
        sample = int16_t(std::clamp(sample + noise(random), -32768, 32767));
    Recording quiet = clean;
    for (auto& sample : quiet.samples)
        sample = int16_t(std::lround(sample / 3.981));
    Recording quietAndNoisy = quiet;
    for (auto& sample : quietAndNoisy.samples)
        sample = int16_t(std::clamp(sample + noise(random), -32768, 32767));

    for (const std::size_t chunk : {std::size_t(37), std::size_t(960)}) {
        INFO("chunk " << chunk);
        requireOnsetsAt(detect(noisy, chunk), expected, 1'500);
        requireOnsetsAt(detect(quiet, chunk), expected, 1'500);
        requireOnsetsAt(detect(quietAndNoisy, chunk), expected, 1'500);
    }
}

TEST_CASE("a discontinuity in playout time makes the detector start afresh", "[media][audio]")
{
    AudioMarkerDetector detector;
    const Recording first = record(Signal::SpeechLike, 50'000'200'000, 2);
    requireOnsetsAt(detect(detector, first, 960), markersBetween(first.startUs, first.endUs()), 1'500);

    SECTION("jumping back in time")
    {
        const Recording second = withLeadIn(record(Signal::Tone, 20'000'000'000, 2.5));
        requireOnsetsAt(detect(detector, second, 37), markersBetween(20'000'000'000, second.endUs()), 1'500);
    }
    SECTION("jumping into the middle of a burst reports only the following marker")
    {
        const Recording second = record(Signal::SpeechLike, 60'000'010'000, 1.5);
        requireOnsetsAt(detect(detector, second, 960), {60'001'000'000}, 1'500);
    }
    SECTION("cut off right after an onset, then resumed elsewhere")
    {
        AudioMarkerDetector fresh;
        const Recording cut = record(Signal::Tone, 70'000'905'000, 0.1); // ends 5 ms into a burst
        CHECK(detect(fresh, cut, 960).empty());
        const Recording resumed = withLeadIn(record(Signal::Tone, 80'000'000'000, 1.1));
        requireOnsetsAt(detect(fresh, resumed, 960), {80'000'000'000, 80'001'000'000}, 1'500);
    }
}

TEST_CASE("the speech-like signal talks in syllables and pauses at a comfortable level", "[media][audio]")
{
    Recording speech = record(Signal::SpeechLike, 1'000'000'000, 20);
    removeMarkers(speech);
    int peak = 0;
    for (const int16_t sample : speech.samples)
        peak = std::max(peak, std::abs(int(sample)));
    CHECK(dbfs(peak) > -14);
    CHECK(dbfs(peak) < -11);

    // Talk spurts and silences: count silent stretches and the longest one, skipping marker slots.
    int silentFrames = 0;
    int frames = 0;
    std::size_t longestSilence = 0, silence = 0;
    for (std::size_t frame = 0; frame + kAudioFrameSamples <= speech.samples.size(); frame += kAudioFrameSamples) {
        bool silent = true;
        bool marker = false;
        for (std::size_t i = frame; i < frame + kAudioFrameSamples; ++i) {
            silent &= speech.samples[i] == 0;
            marker |= insideMarker(speech, i);
        }
        if (marker)
            continue;
        ++frames;
        silentFrames += silent;
        silence = silent ? silence + kAudioFrameSamples : 0;
        longestSilence = std::max(longestSilence, silence);
    }
    CHECK(double(silentFrames) / frames > 0.1);
    CHECK(double(silentFrames) / frames < 0.5);
    CHECK(longestSilence >= std::size_t(kAudioSampleRate / 2) - kAudioFrameSamples);

    // Deterministic: another generator says the same.
    Recording again = record(Signal::SpeechLike, 1'000'000'000, 20);
    removeMarkers(again);
    CHECK(again.samples == speech.samples);
}

TEST_CASE("the tone is a continuous 440 Hz at -18 dBFS", "[media][audio]")
{
    Recording tone = record(Signal::Tone, 2'000'000'000, 2);
    int peak = 0;
    int crossings = 0;
    int largestStep = 0;
    for (std::size_t i = 1; i < tone.samples.size(); ++i) {
        if (insideMarker(tone, i) || insideMarker(tone, i - 1))
            continue;
        peak = std::max(peak, std::abs(int(tone.samples[i])));
        crossings += (tone.samples[i - 1] < 0) != (tone.samples[i] < 0);
        largestStep = std::max(largestStep, std::abs(tone.samples[i] - tone.samples[i - 1]));
    }
    CHECK(dbfs(peak) == Approx(-18).margin(0.2));
    // Frame boundaries included: no step beyond the sine's own slope.
    CHECK(largestStep <= int(2 * std::numbers::pi * 440 / kAudioSampleRate * peak) + 2);
    const double seconds = 2 * (1 - (kMarkerLengthUs + 2'000) / 1e6);
    CHECK(crossings / seconds == Approx(880).margin(10));
}

TEST_CASE("markers survive Opus voice coding at 24 kbps", "[media][audio][opus]")
{
    // libopus delays VOIP-mode audio by its 2.5 ms look-ahead plus 4 ms of SILK delay compensation.
    constexpr int64_t kCodecDelayUs = 6'500;
    OpusEncoderSettings settings;
    settings.bitrate = 24'000;
    auto encoder = OpusEncoder::create(settings);
    REQUIRE(encoder.ok());
    auto decoder = OpusDecoder::create();
    REQUIRE(decoder.ok());

    SyntheticAudioGenerator generator(Signal::SpeechLike);
    AudioMarkerDetector detector;
    const int64_t startUs = 86'400'204'321;
    std::vector<int64_t> onsets;
    for (int i = 0; i < 500; ++i) {
        const int64_t captureUs = startUs + i * kFrameUs;
        const AudioSamples frame = generator.next(captureUs);
        const auto packet = encoder.value()->encode(frame.data());
        REQUIRE(packet.ok());
        AudioSamples played;
        if (OpusEncoder::isDtxPacket(*packet)) {
            played = decoder.value()->conceal(); // as a receiver does when DTX sends nothing
        } else {
            const auto decoded = decoder.value()->decode(packet->data(), packet->size());
            REQUIRE(decoded.ok());
            played = *decoded;
        }
        REQUIRE(played.size() == std::size_t(kAudioFrameSamples));
        const auto found = detector.feed(played.data(), played.size(), captureUs);
        onsets.insert(onsets.end(), found.begin(), found.end());
    }
    auto expected = markersBetween(startUs, startUs + 500 * kFrameUs - kCodecDelayUs);
    for (auto& instant : expected)
        instant += kCodecDelayUs;
    REQUIRE(expected.size() == 10);
    requireOnsetsAt(onsets, expected, 3'000);
}
