#include "convene/media/opus_decoder.h"
#include "convene/media/opus_encoder.h"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

using namespace convene::media;

namespace {

// One 20 ms frame of a tone, continuing the phase of the frames before it.
AudioSamples toneFrame(double frequencyHz, int frameIndex, double amplitude = 8000)
{
    AudioSamples frame(kAudioFrameSamples);
    for (int i = 0; i < kAudioFrameSamples; ++i) {
        const double t = double(frameIndex * kAudioFrameSamples + i) / kAudioSampleRate;
        frame[std::size_t(i)] = int16_t(std::lround(amplitude * std::sin(2 * std::numbers::pi * frequencyHz * t)));
    }
    return frame;
}

double energy(const int16_t* samples, std::size_t count)
{
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    return sum;
}

double correlation(const int16_t* a, const int16_t* b, std::size_t count)
{
    double ab = 0;
    for (std::size_t i = 0; i < count; ++i)
        ab += double(a[i]) * b[i];
    const double norm = std::sqrt(energy(a, count) * energy(b, count));
    return norm == 0 ? 0 : ab / norm;
}

std::unique_ptr<OpusEncoder> makeEncoder(const OpusEncoderSettings& settings = {})
{
    auto encoder = OpusEncoder::create(settings);
    REQUIRE(encoder.ok());
    return std::move(encoder).value();
}

std::unique_ptr<OpusDecoder> makeDecoder()
{
    auto decoder = OpusDecoder::create();
    REQUIRE(decoder.ok());
    return std::move(decoder).value();
}

std::vector<uint8_t> encodeOk(OpusEncoder& encoder, const AudioSamples& frame)
{
    auto packet = encoder.encode(frame.data());
    REQUIRE(packet.ok());
    return std::move(packet).value();
}

AudioSamples decodeOk(OpusDecoder& decoder, const std::vector<uint8_t>& packet)
{
    auto samples = decoder.decode(packet.data(), packet.size());
    REQUIRE(samples.ok());
    return std::move(samples).value();
}

} // namespace

TEST_CASE("an Opus round trip of a 440 Hz tone keeps its energy and shape", "[media][opus][codec]")
{
    auto encoder = makeEncoder();
    auto decoder = makeDecoder();
    AudioSamples input;
    AudioSamples output;
    for (int i = 0; i < 50; ++i) {
        const AudioSamples frame = toneFrame(440, i);
        input.insert(input.end(), frame.begin(), frame.end());
        const auto packet = encodeOk(*encoder, frame);
        CHECK_FALSE(OpusEncoder::isDtxPacket(packet));
        const AudioSamples decoded = decodeOk(*decoder, packet);
        REQUIRE(decoded.size() == std::size_t(kAudioFrameSamples));
        output.insert(output.end(), decoded.begin(), decoded.end());
    }

    // Skip the warm-up, then find the codec delay (a few milliseconds) by best alignment.
    const std::size_t start = 10 * kAudioFrameSamples;
    const std::size_t length = 30 * kAudioFrameSamples;
    std::size_t bestDelay = 0;
    double best = -1;
    for (std::size_t delay = 0; delay < 1000; ++delay) {
        const double c = correlation(input.data() + start, output.data() + start + delay, length);
        if (c > best) {
            best = c;
            bestDelay = delay;
        }
    }
    INFO("delay " << bestDelay << " samples, correlation " << best);
    CHECK(bestDelay < 600);
    CHECK(best > 0.95);
    const double ratio = energy(output.data() + start + bestDelay, length) / energy(input.data() + start, length);
    INFO("energy ratio " << ratio);
    CHECK(ratio > 0.8);
    CHECK(ratio < 1.25);
}

TEST_CASE("Opus in-band FEC recovers a lost frame", "[media][opus][codec]")
{
    auto encoder = makeEncoder({.bitrate = 32000, .fec = true, .dtx = false, .packetLossPercent = 20});
    // The tone changes every 100 ms, so concealment alone cannot guess the lost frame.
    auto frameAt = [](int i) { return toneFrame(std::array{300.0, 520.0, 770.0}[std::size_t(i / 5 % 3)], i); };
    std::vector<std::vector<uint8_t>> packets;
    for (int i = 0; i < 40; ++i)
        packets.push_back(encodeOk(*encoder, frameAt(i)));

    constexpr int kLost = 30; // the first frame of a new tone, after warm-up
    auto reference = makeDecoder();
    AudioSamples expected;
    for (int i = 0; i <= kLost; ++i)
        expected = decodeOk(*reference, packets[std::size_t(i)]);

    auto withFec = makeDecoder();
    auto withConcealment = makeDecoder();
    for (int i = 0; i < kLost; ++i) {
        decodeOk(*withFec, packets[std::size_t(i)]);
        decodeOk(*withConcealment, packets[std::size_t(i)]);
    }
    const auto& next = packets[kLost + 1];
    auto recovered = withFec->decodeFec(next.data(), next.size());
    REQUIRE(recovered.ok());
    REQUIRE(recovered->size() == std::size_t(kAudioFrameSamples));
    const AudioSamples concealed = withConcealment->conceal();

    const double fecCorrelation = correlation(recovered->data(), expected.data(), expected.size());
    const double concealCorrelation = correlation(concealed.data(), expected.data(), expected.size());
    const double ratio = energy(recovered->data(), recovered->size()) / energy(expected.data(), expected.size());
    INFO("FEC correlation " << fecCorrelation << ", concealment correlation " << concealCorrelation
                            << ", FEC energy ratio " << ratio);
    CHECK(fecCorrelation > 0.8);
    CHECK(fecCorrelation > concealCorrelation + 0.2);
    CHECK(ratio > 0.5);
    CHECK(ratio < 2.0);

    // The next packet still decodes normally afterwards.
    CHECK(decodeOk(*withFec, next).size() == std::size_t(kAudioFrameSamples));
}

TEST_CASE("Opus DTX turns digital silence into packets with nothing to send", "[media][opus][codec]")
{
    auto encoder = makeEncoder({.dtx = true});
    auto decoder = makeDecoder();
    const AudioSamples silence(kAudioFrameSamples, 0);
    int nothingToSend = 0;
    for (int i = 0; i < 100; ++i) {
        const auto packet = encodeOk(*encoder, silence);
        REQUIRE_FALSE(packet.empty());
        if (i >= 50) {
            nothingToSend += OpusEncoder::isDtxPacket(packet) ? 1 : 0;
            // A DTX packet still decodes (to comfort noise or silence).
            CHECK(decodeOk(*decoder, packet).size() == std::size_t(kAudioFrameSamples));
        }
    }
    INFO(nothingToSend << " of 50 silent frames need not be sent");
    CHECK(nothingToSend >= 40);

    CHECK(OpusEncoder::isDtxPacket({}));
    CHECK(OpusEncoder::isDtxPacket({0x08}));
    CHECK(OpusEncoder::isDtxPacket({0x08, 0x00}));
    CHECK_FALSE(OpusEncoder::isDtxPacket({0x08, 0x00, 0x00}));

    auto withoutDtx = makeEncoder({.dtx = false});
    for (int i = 0; i < 60; ++i) {
        const auto packet = encodeOk(*withoutDtx, silence);
        if (i >= 50)
            CHECK_FALSE(OpusEncoder::isDtxPacket(packet));
    }
}

TEST_CASE("Opus concealment returns one frame of audio", "[media][opus][codec]")
{
    auto decoder = makeDecoder();
    CHECK(decoder->conceal().size() == std::size_t(kAudioFrameSamples));

    auto encoder = makeEncoder();
    for (int i = 0; i < 10; ++i)
        decodeOk(*decoder, encodeOk(*encoder, toneFrame(440, i)));
    const AudioSamples concealed = decoder->conceal();
    REQUIRE(concealed.size() == std::size_t(kAudioFrameSamples));
    CHECK(energy(concealed.data(), concealed.size()) > 0); // extrapolated, not silence
    CHECK(decoder->conceal().size() == std::size_t(kAudioFrameSamples));
}

TEST_CASE("the Opus decoder rejects malformed packets and keeps working", "[media][opus][codec]")
{
    auto decoder = makeDecoder();
    const std::vector<std::vector<uint8_t>> malformed = {
        {0x03}, // code 3 without the frame count byte
        {0xFF, 0x00}, // code 3 with zero frames
        {0xFB, 0x30}, // code 3 with 48 frames of 20 ms: over 120 ms
        {0x01, 0x00, 0x00, 0x00}, // code 1 needs two equal halves
        {0x02, 0xFB, 0x01, 0x02}, // code 2 whose first frame runs past the end
    };
    for (const auto& packet : malformed) {
        auto result = decoder->decode(packet.data(), packet.size());
        CHECK_FALSE(result.ok());
        CHECK_FALSE(decoder->decodeFec(packet.data(), packet.size()).ok());
    }
    CHECK_FALSE(decoder->decode(nullptr, 0).ok());
    CHECK_FALSE(decoder->decode(malformed[0].data(), 0).ok());
    CHECK_FALSE(decoder->decodeFec(nullptr, 0).ok());

    // Random bytes may form valid packets (Opus has no checksum) but must never crash.
    uint32_t state = 99;
    for (int i = 0; i < 500; ++i) {
        std::vector<uint8_t> packet(std::size_t(1 + i % 200));
        for (uint8_t& byte : packet) {
            state = state * 1664525u + 1013904223u;
            byte = uint8_t(state >> 24);
        }
        (void)decoder->decode(packet.data(), packet.size());
    }

    auto encoder = makeEncoder();
    CHECK(decodeOk(*decoder, encodeOk(*encoder, toneFrame(440, 0))).size() == std::size_t(kAudioFrameSamples));
}

TEST_CASE("the Opus encoder validates its settings and clamps adjustments", "[media][opus][codec]")
{
    CHECK_FALSE(OpusEncoder::create({.bitrate = 100}).ok());
    CHECK_FALSE(OpusEncoder::create({.complexity = 11}).ok());
    CHECK_FALSE(OpusEncoder::create({.packetLossPercent = -1}).ok());

    auto encoder = makeEncoder();
    CHECK_FALSE(encoder->encode(nullptr).ok());
    encoder->setBitrate(1);
    CHECK(encoder->settings().bitrate == 6000);
    encoder->setBitrate(64000);
    CHECK(encoder->settings().bitrate == 64000);
    encoder->setPacketLossPercent(150);
    CHECK(encoder->settings().packetLossPercent == 100);
    encoder->setPacketLossPercent(5);
    CHECK(encoder->settings().packetLossPercent == 5);
    CHECK(encoder->encode(toneFrame(440, 0).data()).ok());
}
