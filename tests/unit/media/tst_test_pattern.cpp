#include "convene/media/test_pattern.h"
#include "convene/media/vp8_decoder.h"
#include "convene/media/vp8_encoder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>

using namespace convene::media;

namespace {

constexpr int64_t kTimeModulus = int64_t(1) << 40;

uint8_t& lumaAt(I420Frame& frame, int x, int y)
{
    return frame.y()[std::size_t(y) * frame.strideY() + x];
}

// Area average when shrinking, bilinear when growing: the two ways a renderer or an encoder's
// input scaler treats the picture.
void scalePlane(const uint8_t* source, int sourceWidth, int sourceHeight, uint8_t* target, int targetWidth,
                int targetHeight)
{
    const double stepX = double(sourceWidth) / targetWidth;
    const double stepY = double(sourceHeight) / targetHeight;
    for (int y = 0; y < targetHeight; ++y) {
        for (int x = 0; x < targetWidth; ++x) {
            double value = 0;
            if (stepX >= 1 && stepY >= 1) {
                const int x0 = int(x * stepX), x1 = std::max(x0 + 1, int((x + 1) * stepX));
                const int y0 = int(y * stepY), y1 = std::max(y0 + 1, int((y + 1) * stepY));
                int sum = 0;
                for (int sy = y0; sy < std::min(y1, sourceHeight); ++sy)
                    for (int sx = x0; sx < std::min(x1, sourceWidth); ++sx)
                        sum += source[std::size_t(sy) * sourceWidth + sx];
                value = double(sum) / ((std::min(y1, sourceHeight) - y0) * (std::min(x1, sourceWidth) - x0));
            } else {
                const double sx = std::clamp((x + 0.5) * stepX - 0.5, 0.0, sourceWidth - 1.0);
                const double sy = std::clamp((y + 0.5) * stepY - 0.5, 0.0, sourceHeight - 1.0);
                const int x0 = int(sx), y0 = int(sy);
                const int x1 = std::min(x0 + 1, sourceWidth - 1), y1 = std::min(y0 + 1, sourceHeight - 1);
                const double fx = sx - x0, fy = sy - y0;
                const auto at = [&](int px, int py) { return double(source[std::size_t(py) * sourceWidth + px]); };
                value = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x1, y0)) +
                        fy * ((1 - fx) * at(x0, y1) + fx * at(x1, y1));
            }
            target[std::size_t(y) * targetWidth + x] = uint8_t(std::lround(value));
        }
    }
}

I420Frame scaled(const I420Frame& source, int width, int height)
{
    I420Frame target(width, height);
    scalePlane(source.y(), source.width, source.height, target.y(), width, height);
    const int sourceChromaWidth = I420Frame::chromaWidth(source.width);
    const int sourceChromaHeight = I420Frame::chromaHeight(source.height);
    const int targetChromaWidth = I420Frame::chromaWidth(width);
    const int targetChromaHeight = I420Frame::chromaHeight(height);
    scalePlane(source.u(), sourceChromaWidth, sourceChromaHeight, target.u(), targetChromaWidth, targetChromaHeight);
    scalePlane(source.v(), sourceChromaWidth, sourceChromaHeight, target.v(), targetChromaWidth, targetChromaHeight);
    return target;
}

I420Frame nearestScaled(const I420Frame& source, int width, int height)
{
    I420Frame target(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            lumaAt(target, x, y) = source.y()[std::size_t(y * source.height / height) * source.strideY() +
                                              std::size_t(x * source.width / width)];
    return target;
}

I420Frame uniformFrame(int width, int height, uint8_t luma)
{
    I420Frame frame(width, height);
    std::fill(frame.y(), frame.y() + std::size_t(width) * height, luma);
    std::fill(frame.u(), frame.data.data() + frame.data.size(), uint8_t(128));
    return frame;
}

FrameStamp truncated(uint32_t frameNumber, int64_t captureTimeUs)
{
    return {frameNumber & 0xffffff, ((captureTimeUs % kTimeModulus) + kTimeModulus) % kTimeModulus};
}

void requireStamp(const I420Frame& frame, const FrameStamp& expected)
{
    const auto stamp = TestPatternGenerator::readStamp(frame);
    REQUIRE(stamp);
    CHECK(stamp->frameNumber == expected.frameNumber);
    CHECK(stamp->captureTimeUs == expected.captureTimeUs);
}

// The code band's cells, as the pattern lays them out: 32 columns, 3 rows, square cells sized by
// the width unless the picture is very flat.
struct Cell {
    int x0, y0, x1, y1;
};

Cell cellOf(const I420Frame& frame, int row, int column)
{
    const double width = frame.width / 32.0;
    const double height = std::min(width, frame.height / 8.0);
    return {int(std::lround(column * width)), int(std::lround(row * height)), int(std::lround((column + 1) * width)),
            int(std::lround((row + 1) * height))};
}

void invertCell(I420Frame& frame, int row, int column)
{
    const Cell cell = cellOf(frame, row, column);
    for (int y = cell.y0; y < cell.y1; ++y)
        for (int x = cell.x0; x < cell.x1; ++x)
            lumaAt(frame, x, y) = uint8_t(255 - lumaAt(frame, x, y));
}

} // namespace

TEST_CASE("each test pattern frame carries its frame number and capture time", "[media][testpattern]")
{
    TestPatternGenerator generator(640, 360);
    CHECK(generator.framesDrawn() == 0);
    const int64_t startUs = 987'654'321'000;
    for (uint32_t n = 0; n < 30; ++n) {
        const int64_t captureTimeUs = startUs + n * 33'333 + (n % 3);
        const I420Frame frame = generator.next(captureTimeUs);
        REQUIRE(frame.width == 640);
        REQUIRE(frame.height == 360);
        REQUIRE(frame.data.size() == 640u * 360 * 3 / 2);
        CHECK(frame.captureTimeUs == captureTimeUs);
        requireStamp(frame, truncated(n, captureTimeUs));
        CHECK(generator.framesDrawn() == n + 1);
    }
}

TEST_CASE("stamps round-trip across the 24-bit frame number and 40-bit time wrap", "[media][testpattern]")
{
    TestPatternGenerator generator(320, 180);
    const I420Frame scene = generator.next(0);

    const auto roundTrip = [&](uint32_t frameNumber, int64_t captureTimeUs) {
        INFO("frame " << frameNumber << " time " << captureTimeUs);
        I420Frame frame = scene;
        TestPatternGenerator::drawStamp(frame, {frameNumber, captureTimeUs});
        requireStamp(frame, truncated(frameNumber, captureTimeUs));
    };

    for (const uint32_t frameNumber : {0u, 1u, 0x7fffffu, 0xfffffeu, 0xffffffu, 0x1000000u, 0x1000001u, 0xdeadbeefu})
        for (const int64_t time : {int64_t(0), int64_t(1), kTimeModulus - 1, kTimeModulus, kTimeModulus + 1,
                                   3 * kTimeModulus - 2, int64_t(-1), int64_t(1'700'000'123'456'789)})
            roundTrip(frameNumber, time);

    std::mt19937_64 random(7);
    for (int i = 0; i < 300; ++i)
        roundTrip(uint32_t(random()), int64_t(random() >> 1));
}

TEST_CASE("pictures of any size from 64x48 up carry a readable stamp", "[media][testpattern]")
{
    const std::pair<int, int> sizes[] = {{64, 48},   {65, 49},   {97, 61},    {160, 120},   {176, 144}, {321, 241},
                                         {640, 360}, {641, 359}, {1280, 720}, {1920, 1080}, {1000, 64}, {64, 500}};
    for (const auto& [width, height] : sizes) {
        INFO(width << "x" << height);
        TestPatternGenerator generator(width, height);
        for (uint32_t n = 0; n < 3; ++n) {
            const int64_t captureTimeUs = 5'000'000 + n * 40'000;
            const I420Frame frame = generator.next(captureTimeUs);
            REQUIRE(frame.width == width);
            REQUIRE(frame.height == height);
            REQUIRE(frame.data.size() == std::size_t(width) * height + 2 * std::size_t(I420Frame::chromaWidth(width)) *
                                                                           I420Frame::chromaHeight(height));
            requireStamp(frame, truncated(n, captureTimeUs));
        }
    }
}

TEST_CASE("the scene moves smoothly from frame to frame", "[media][testpattern]")
{
    constexpr int width = 640, height = 360;
    TestPatternGenerator generator(width, height);
    std::vector<I420Frame> frames;
    for (int n = 0; n < 12; ++n)
        frames.push_back(generator.next(n * 33'333));

    // Below the captions only shapes and background live, so any change there is motion.
    const auto changedLumaBelowCaptions = [&](const I420Frame& a, const I420Frame& b) {
        int changed = 0;
        for (int y = height / 2; y < height; ++y)
            for (int x = 0; x < width; ++x)
                changed += a.y()[std::size_t(y) * width + x] != b.y()[std::size_t(y) * width + x];
        return changed;
    };
    for (std::size_t n = 1; n < frames.size(); ++n) {
        INFO("frame " << n);
        CHECK(changedLumaBelowCaptions(frames[n - 1], frames[n]) > width * height / 200);
        CHECK(frames[n - 1].data != frames[n].data);
    }
    CHECK(changedLumaBelowCaptions(frames.front(), frames.back()) > width * height / 20);
    const std::size_t chromaBytes = frames.front().data.size() - std::size_t(width) * height;
    CHECK(!std::equal(frames.front().u(), frames.front().u() + chromaBytes, frames.back().u()));

    // A picture, not noise: neighbouring pixels mostly agree.
    const I420Frame& frame = frames.back();
    long long differences = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 1; x < width; ++x)
            differences +=
                std::abs(int(frame.y()[std::size_t(y) * width + x]) - frame.y()[std::size_t(y) * width + x - 1]);
    CHECK(double(differences) / (height * (width - 1)) < 8.0);
}

TEST_CASE("pictures without a code or with damaged cells are rejected", "[media][testpattern]")
{
    CHECK_FALSE(TestPatternGenerator::readStamp(uniformFrame(640, 360, 128)));
    CHECK_FALSE(TestPatternGenerator::readStamp(uniformFrame(640, 360, 16)));
    CHECK_FALSE(TestPatternGenerator::readStamp(uniformFrame(640, 360, 235)));
    CHECK_FALSE(TestPatternGenerator::readStamp(I420Frame()));

    I420Frame noise(640, 360);
    std::mt19937 random(3);
    for (auto& byte : noise.data)
        byte = uint8_t(random());
    CHECK_FALSE(TestPatternGenerator::readStamp(noise));

    TestPatternGenerator generator(640, 360);
    const I420Frame original = generator.next(123'456'789);
    REQUIRE(TestPatternGenerator::readStamp(original));

    SECTION("any single data, pad or guard cell flipped")
    {
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < 32; ++column) {
                INFO("row " << row << " column " << column);
                I420Frame frame = original;
                invertCell(frame, row, column);
                CHECK_FALSE(TestPatternGenerator::readStamp(frame));
            }
    }
    SECTION("two cells flipped")
    {
        for (const auto& [first, second] : {std::pair{2, 3}, {5, 40}, {29, 61}, {62, 93}}) {
            I420Frame frame = original;
            invertCell(frame, first / 32, first % 32);
            invertCell(frame, second / 32, second % 32);
            CHECK_FALSE(TestPatternGenerator::readStamp(frame));
        }
    }
    SECTION("too small to hold the code")
    {
        TestPatternGenerator tiny(64, 48);
        const I420Frame frame = tiny.next(0);
        REQUIRE(TestPatternGenerator::readStamp(frame));
        CHECK_FALSE(TestPatternGenerator::readStamp(scaled(frame, 32, 24)));
    }
}

TEST_CASE("the stamp survives scaling to half and double size", "[media][testpattern]")
{
    const std::pair<int, int> sizes[] = {{640, 360}, {641, 361}, {320, 240}, {1280, 720}};
    for (const auto& [width, height] : sizes) {
        TestPatternGenerator generator(width, height);
        for (uint32_t n = 0; n < 3; ++n) {
            const int64_t captureTimeUs = kTimeModulus - 50'000 + n * 33'333;
            const I420Frame frame = generator.next(captureTimeUs);
            const FrameStamp expected = truncated(n, captureTimeUs);
            INFO(width << "x" << height << " frame " << n);
            requireStamp(scaled(frame, width / 2, height / 2), expected);
            requireStamp(nearestScaled(frame, width / 2, height / 2), expected);
            requireStamp(scaled(frame, width * 3 / 4, height * 3 / 4), expected);
            if (width > 640)
                continue; // large enough: growing it further shows nothing new
            requireStamp(scaled(frame, width * 2, height * 2), expected);
            requireStamp(nearestScaled(frame, width * 2, height * 2), expected);
            requireStamp(scaled(scaled(frame, width / 2, height / 2), width, height), expected);
        }
    }
}

TEST_CASE("the stamp survives luma noise of plus or minus 12", "[media][testpattern]")
{
    std::mt19937 random(11);
    std::uniform_int_distribution<int> noise(-12, 12);
    for (const auto& [width, height] : {std::pair{640, 360}, std::pair{64, 48}, std::pair{321, 181}}) {
        TestPatternGenerator generator(width, height);
        for (uint32_t n = 0; n < 20; ++n) {
            const int64_t captureTimeUs = 1'000'000 + n * 16'667;
            I420Frame frame = generator.next(captureTimeUs);
            for (int i = 0; i < width * height; ++i)
                frame.data[std::size_t(i)] = uint8_t(std::clamp(frame.data[std::size_t(i)] + noise(random), 0, 255));
            INFO(width << "x" << height << " frame " << n);
            requireStamp(frame, truncated(n, captureTimeUs));
        }
    }
}

TEST_CASE("elapsed time since a stamp undoes the 40-bit truncation", "[media][testpattern]")
{
    const auto elapsed = [](int64_t captureTimeUs, int64_t nowUs) {
        return elapsedSinceStampUs(truncated(0, captureTimeUs), nowUs);
    };
    CHECK(elapsed(1'000'000, 1'080'000) == 80'000);
    CHECK(elapsed(5'000'000'000'000, 5'000'000'123'456) == 123'456);
    CHECK(elapsed(kTimeModulus - 1'000, kTimeModulus + 500) == 1'500);
    CHECK(elapsed(kTimeModulus - 1, kTimeModulus) == 1);
    CHECK(elapsed(7 * kTimeModulus + 10, 7 * kTimeModulus + 250'010) == 250'000);
    CHECK(elapsed(3 * kTimeModulus - 40'000, 3 * kTimeModulus + 2'000'000) == 2'040'000);
    CHECK(elapsed(12'345, 12'345) == 0);
    // A capture clock a little ahead reads as a small negative latency, not as 2^40 us.
    CHECK(elapsed(kTimeModulus + 300, kTimeModulus - 200) == -500);
    CHECK(elapsed(2'000'500, 2'000'000) == -500);

    // Through an actual picture.
    TestPatternGenerator generator(640, 360);
    const int64_t captureTimeUs = 9 * kTimeModulus - 20'000;
    const auto stamp = TestPatternGenerator::readStamp(generator.next(captureTimeUs));
    REQUIRE(stamp);
    CHECK(elapsedSinceStampUs(*stamp, captureTimeUs + 95'000) == 95'000);
}

TEST_CASE("the stamp survives VP8 at video call bitrates, also scaled to half size", "[media][testpattern][vp8]")
{
    struct Case {
        int width, height, bitrateKbps, frames;
    };
    for (const Case& c : {Case{640, 360, 300, 60}, Case{1280, 720, 1000, 30}}) {
        INFO(c.width << "x" << c.height << " at " << c.bitrateKbps << " kbps");
        Vp8EncoderSettings settings;
        settings.width = c.width;
        settings.height = c.height;
        settings.bitrateKbps = c.bitrateKbps;
        auto encoder = Vp8Encoder::create(settings);
        REQUIRE(encoder.ok());
        auto decoder = Vp8Decoder::create();
        REQUIRE(decoder.ok());

        TestPatternGenerator generator(c.width, c.height);
        const int64_t startUs = kTimeModulus - 1'000'000; // the 40-bit time wraps during the run
        int decoded = 0;
        for (int n = 0; n < c.frames; ++n) {
            const int64_t captureTimeUs = startUs + n * 33'333;
            const I420Frame frame = generator.next(captureTimeUs);
            const auto encoded = encoder.value()->encode(frame, n == 0);
            REQUIRE(encoded.ok());
            if (encoded->data.empty())
                continue; // dropped by rate control
            const auto picture = decoder.value()->decode(encoded->data.data(), encoded->data.size());
            REQUIRE(picture.ok());
            ++decoded;
            INFO("frame " << n);
            requireStamp(*picture, truncated(uint32_t(n), captureTimeUs));
            requireStamp(scaled(*picture, c.width / 2, c.height / 2), truncated(uint32_t(n), captureTimeUs));
        }
        CHECK(decoded >= c.frames * 9 / 10);
    }
}
