#include "convene/media/vp8_decoder.h"
#include "convene/media/vp8_encoder.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace convene::media;

namespace {

constexpr int64_t kFrameIntervalUs = 33333;

uint8_t clampByte(int value)
{
    return uint8_t(value < 0 ? 0 : value > 255 ? 255 : value);
}

// Fine texture scrolled sideways, a slow wave and a bright block crossing the picture: enough
// motion and detail that every frame costs bits, the way camera content does.
I420Frame movingScene(int width, int height, int index)
{
    I420Frame frame(width, height);
    frame.captureTimeUs = index * kFrameIntervalUs;
    const int blockSize = height / 4;
    const int blockX = (index * 7) % (width - blockSize);
    const int blockY = height / 3 + int(std::lround(height / 6.0 * std::sin(index * 0.1)));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int u = x + 3 * index;
            const uint32_t hash = (uint32_t(u) * 73856093u) ^ (uint32_t(y) * 19349663u);
            int luma = 110 + int(50 * std::sin(u * 0.045) * std::cos((y + index) * 0.06)) + int(hash % 13) - 6;
            if (x >= blockX && x < blockX + blockSize && y >= blockY && y < blockY + blockSize)
                luma = 220;
            frame.y()[y * frame.strideY() + x] = clampByte(luma);
        }
    }
    const int chromaWidth = I420Frame::chromaWidth(width);
    for (int y = 0; y < I420Frame::chromaHeight(height); ++y) {
        for (int x = 0; x < chromaWidth; ++x) {
            frame.u()[y * chromaWidth + x] = clampByte(128 + int(30 * std::sin((x + index) * 0.05)));
            frame.v()[y * chromaWidth + x] = clampByte(128 + int(30 * std::cos((y - index) * 0.04)));
        }
    }
    return frame;
}

double psnrY(const I420Frame& a, const I420Frame& b)
{
    double squaredError = 0;
    const std::size_t pixels = std::size_t(a.width) * a.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        const double d = double(a.data[i]) - double(b.data[i]);
        squaredError += d * d;
    }
    const double mse = squaredError / double(pixels);
    return mse == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

std::unique_ptr<Vp8Encoder> makeEncoder(Vp8EncoderSettings settings)
{
    auto encoder = Vp8Encoder::create(settings);
    REQUIRE(encoder.ok());
    return std::move(encoder).value();
}

std::unique_ptr<Vp8Decoder> makeDecoder()
{
    auto decoder = Vp8Decoder::create();
    REQUIRE(decoder.ok());
    return std::move(decoder).value();
}

Vp8Frame encodeOk(Vp8Encoder& encoder, const I420Frame& picture, bool forceKeyFrame = false)
{
    auto encoded = encoder.encode(picture, forceKeyFrame);
    INFO((encoded.ok() ? std::string() : encoded.error().message.toStdString()));
    REQUIRE(encoded.ok());
    return std::move(encoded).value();
}

} // namespace

TEST_CASE("VP8 round trip of moving 640x360 content stays above 30 dB at 1 Mbps", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 640, .height = 360, .bitrateKbps = 1000});
    auto decoder = makeDecoder();

    double worstPsnr = 99;
    int decodedFrames = 0;
    for (int i = 0; i < 40; ++i) {
        const I420Frame picture = movingScene(640, 360, i);
        const Vp8Frame encoded = encodeOk(*encoder, picture);
        if (encoded.data.empty())
            continue; // dropped by rate control
        auto decoded = decoder->decode(encoded.data.data(), encoded.data.size());
        REQUIRE(decoded.ok());
        REQUIRE(decoded->width == 640);
        REQUIRE(decoded->height == 360);
        REQUIRE(decoded->data.size() == picture.data.size());
        ++decodedFrames;
        if (i >= 10)
            worstPsnr = std::min(worstPsnr, psnrY(picture, *decoded));
    }
    CHECK(decodedFrames >= 30);
    INFO("worst PSNR(Y) after warm-up " << worstPsnr << " dB");
    CHECK(worstPsnr > 30.0);
}

TEST_CASE("the first and forced VP8 frames are key frames, the others are not", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 320, .height = 180, .bitrateKbps = 600});
    auto decoder = makeDecoder();
    for (int i = 0; i < 20; ++i) {
        const bool force = i == 7 || i == 15;
        const Vp8Frame encoded = encodeOk(*encoder, movingScene(320, 180, i), force);
        REQUIRE_FALSE(encoded.data.empty());
        INFO("frame " << i);
        CHECK(encoded.keyFrame == (i == 0 || force));
        // The P bit of the VP8 frame tag is 0 for key frames (RFC 6386 section 9.1).
        CHECK(((encoded.data[0] & 0x01) == 0) == encoded.keyFrame);
        CHECK_FALSE(encoded.pictureId.has_value());
        CHECK(encoded.rtpTimestamp == 0);
        CHECK(decoder->decode(encoded.data.data(), encoded.data.size()).ok());
    }
}

TEST_CASE("a picture of another size restarts the VP8 encoder with a key frame", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 320, .height = 180, .bitrateKbps = 500});
    auto decoder = makeDecoder();
    for (int i = 0; i < 5; ++i)
        encodeOk(*encoder, movingScene(320, 180, i));

    const Vp8Frame resized = encodeOk(*encoder, movingScene(161, 91, 5));
    CHECK(resized.keyFrame);
    CHECK(encoder->settings().width == 161);
    CHECK(encoder->settings().height == 91);
    auto decoded = decoder->decode(resized.data.data(), resized.data.size());
    REQUIRE(decoded.ok());
    CHECK(decoded->width == 161);
    CHECK(decoded->height == 91);
    CHECK(psnrY(movingScene(161, 91, 5), *decoded) > 25.0);

    const Vp8Frame next = encodeOk(*encoder, movingScene(161, 91, 6));
    CHECK_FALSE(next.keyFrame);
}

TEST_CASE("the VP8 decoder rejects garbage and truncated frames with an error", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 320, .height = 180, .bitrateKbps = 600});
    const Vp8Frame key = encodeOk(*encoder, movingScene(320, 180, 0));
    const Vp8Frame delta = encodeOk(*encoder, movingScene(320, 180, 1));
    REQUIRE(key.keyFrame);
    REQUIRE_FALSE(delta.keyFrame);

    std::vector<uint8_t> garbage(500);
    uint32_t state = 12345;
    for (uint8_t& byte : garbage) {
        state = state * 1664525u + 1013904223u;
        byte = uint8_t(state >> 24);
    }

    SECTION("nothing to decode")
    {
        auto decoder = makeDecoder();
        CHECK_FALSE(decoder->decode(nullptr, 0).ok());
        CHECK_FALSE(decoder->decode(key.data.data(), 0).ok());
    }
    SECTION("a fresh decoder")
    {
        auto decoder = makeDecoder();
        CHECK_FALSE(decoder->decode(garbage.data(), garbage.size()).ok());
        CHECK_FALSE(decoder->decode(delta.data.data(), delta.data.size()).ok()); // no key frame yet
        CHECK_FALSE(decoder->decode(key.data.data(), key.data.size() / 2).ok());
        CHECK_FALSE(decoder->decode(key.data.data(), 5).ok());
    }
    SECTION("a decoder in the middle of a stream")
    {
        auto decoder = makeDecoder();
        REQUIRE(decoder->decode(key.data.data(), key.data.size()).ok());
        CHECK_FALSE(decoder->decode(garbage.data(), garbage.size()).ok());
        CHECK_FALSE(decoder->decode(delta.data.data(), 2).ok());
        CHECK_FALSE(decoder->decode(key.data.data(), key.data.size() / 3).ok());
    }
    SECTION("every truncation of a key frame, and the decoder recovers afterwards")
    {
        auto decoder = makeDecoder();
        for (std::size_t size = 1; size < key.data.size(); size += 97) {
            INFO("size " << size);
            CHECK_FALSE(decoder->decode(key.data.data(), size).ok());
        }
        auto recovered = decoder->decode(key.data.data(), key.data.size());
        REQUIRE(recovered.ok());
        CHECK(recovered->width == 320);
    }
    SECTION("flipped bits never crash")
    {
        auto decoder = makeDecoder();
        for (std::size_t i = 0; i < 200; ++i) {
            std::vector<uint8_t> damaged = i % 2 ? key.data : delta.data;
            damaged[(i * 7919) % damaged.size()] ^= uint8_t(1u << (i % 8));
            (void)decoder->decode(damaged.data(), damaged.size());
        }
        CHECK(decoder->decode(key.data.data(), key.data.size()).ok());
    }
}

TEST_CASE("VP8 decoding continues after a lost delta frame", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 320, .height = 180, .bitrateKbps = 500, .errorResilient = true});
    auto decoder = makeDecoder();
    int decoded = 0;
    double lastPsnr = 0;
    for (int i = 0; i < 40; ++i) {
        const I420Frame picture = movingScene(320, 180, i);
        const Vp8Frame encoded = encodeOk(*encoder, picture);
        if (i == 10 || i == 11 || encoded.data.empty())
            continue; // lost on the way
        auto result = decoder->decode(encoded.data.data(), encoded.data.size());
        INFO("frame " << i);
        REQUIRE(result.ok());
        CHECK(result->width == 320);
        lastPsnr = psnrY(picture, *result);
        ++decoded;
    }
    CHECK(decoded >= 35);
    // The picture is damaged from the loss on but still resembles the source.
    CHECK(lastPsnr > 12.0);
}

TEST_CASE("the VP8 encoder roughly honours the target bitrate", "[media][vp8][codec]")
{
    auto bitsPerSecond = [](int targetKbps) {
        auto encoder = makeEncoder({.width = 640, .height = 360, .fps = 30, .bitrateKbps = targetKbps});
        std::size_t bytes = 0;
        int dropped = 0;
        constexpr int kFrames = 300;
        for (int i = 0; i < kFrames; ++i) {
            const Vp8Frame encoded = encodeOk(*encoder, movingScene(640, 360, i));
            bytes += encoded.data.size();
            dropped += encoded.data.empty() ? 1 : 0;
        }
        const double seconds = kFrames / 30.0;
        UNSCOPED_INFO(targetKbps << " kbps target: " << bytes * 8 / seconds / 1000 << " kbps, " << dropped
                                 << " frames dropped");
        return bytes * 8 / seconds;
    };

    const double low = bitsPerSecond(300);
    const double high = bitsPerSecond(1200);
    CHECK(low > 300e3 * 0.65);
    CHECK(low < 300e3 * 1.35);
    CHECK(high > 1200e3 * 0.65);
    CHECK(high < 1200e3 * 1.35);
    CHECK(high > 2 * low);
}

TEST_CASE("a new VP8 bitrate applies to the frames that follow", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 640, .height = 360, .bitrateKbps = 1500});
    auto bytesOver = [&](int first, int count) {
        std::size_t bytes = 0;
        for (int i = first; i < first + count; ++i)
            bytes += encodeOk(*encoder, movingScene(640, 360, i)).data.size();
        return bytes;
    };
    const std::size_t before = bytesOver(0, 60);
    encoder->setBitrateKbps(200);
    CHECK(encoder->settings().bitrateKbps == 200);
    bytesOver(60, 30); // let the rate buffer settle
    const std::size_t after = bytesOver(90, 60);
    CHECK(after * 3 < before);
}

TEST_CASE("the VP8 codec rejects unusable settings and pictures", "[media][vp8][codec]")
{
    CHECK_FALSE(Vp8Encoder::create({.width = 0}).ok());
    CHECK_FALSE(Vp8Encoder::create({.height = 20000}).ok());
    CHECK_FALSE(Vp8Encoder::create({.fps = 0}).ok());
    CHECK_FALSE(Vp8Encoder::create({.bitrateKbps = -5}).ok());
    CHECK_FALSE(Vp8Encoder::create({.threads = 0}).ok());
    CHECK_FALSE(Vp8Decoder::create(0).ok());

    auto encoder = makeEncoder({.width = 320, .height = 180});
    CHECK_FALSE(encoder->encode(I420Frame(), false).ok());
    I420Frame shortPicture(320, 180);
    shortPicture.data.resize(1000);
    CHECK_FALSE(encoder->encode(shortPicture, false).ok());
    CHECK(encoder->encode(movingScene(320, 180, 0), false).ok());
}

TEST_CASE("the VP8 codec works with two threads", "[media][vp8][codec]")
{
    auto encoder = makeEncoder({.width = 640, .height = 360, .bitrateKbps = 1000, .threads = 2});
    auto decoded = Vp8Decoder::create(2);
    REQUIRE(decoded.ok());
    for (int i = 0; i < 10; ++i) {
        const I420Frame picture = movingScene(640, 360, i);
        const Vp8Frame encoded = encodeOk(*encoder, picture);
        if (encoded.data.empty())
            continue;
        auto result = decoded.value()->decode(encoded.data.data(), encoded.data.size());
        REQUIRE(result.ok());
        CHECK(psnrY(picture, *result) > 25.0);
    }
}
