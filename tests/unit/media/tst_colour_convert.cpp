#include "convene/media/colour_convert.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace convene::media;

namespace {

struct Rgb {
    uint8_t r, g, b;
};

// Bytes of one pixel in memory for each 32-bit layout, as colour_convert.h documents them.
std::array<uint8_t, 4> pixelBytes(PixelLayout layout, Rgb c)
{
    switch (layout) {
    case PixelLayout::ARGB: return {c.b, c.g, c.r, 255};
    case PixelLayout::ABGR: return {c.r, c.g, c.b, 255};
    case PixelLayout::BGRA: return {255, c.r, c.g, c.b};
    case PixelLayout::RGBA: return {255, c.b, c.g, c.r};
    default: FAIL("not a 32-bit layout");
    }
    return {};
}

// A picture of one colour with `padding` unused bytes (filled with junk) after every row.
std::vector<uint8_t> uniformPicture(PixelLayout layout, Rgb colour, int width, int height, int padding)
{
    const int stride = 4 * width + padding;
    std::vector<uint8_t> bytes(std::size_t(stride) * height, 0xEE);
    const auto pixel = pixelBytes(layout, colour);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            std::copy(pixel.begin(), pixel.end(), bytes.begin() + y * stride + 4 * x);
    return bytes;
}

void checkUniform(const I420Frame& frame, int y, int u, int v, int tolerance = 0)
{
    const std::size_t lumaSize = std::size_t(frame.width) * frame.height;
    const std::size_t chromaSize =
        std::size_t(I420Frame::chromaWidth(frame.width)) * I420Frame::chromaHeight(frame.height);
    REQUIRE(frame.data.size() == lumaSize + 2 * chromaSize);
    for (std::size_t i = 0; i < lumaSize; ++i)
        REQUIRE(std::abs(frame.y()[i] - y) <= tolerance);
    for (std::size_t i = 0; i < chromaSize; ++i) {
        REQUIRE(std::abs(frame.u()[i] - u) <= tolerance);
        REQUIRE(std::abs(frame.v()[i] - v) <= tolerance);
    }
}

I420Frame convertOk(PixelLayout layout, std::vector<PlaneView> planes, int width, int height)
{
    auto frame = convertToI420(layout, planes.data(), int(planes.size()), width, height);
    INFO((frame.ok() ? std::string() : frame.error().message.toStdString()));
    REQUIRE(frame.ok());
    REQUIRE(frame->width == width);
    REQUIRE(frame->height == height);
    return std::move(frame).value();
}

// BT.601 limited range values of pure red.
constexpr int kRedY = 82;
constexpr int kRedU = 90;
constexpr int kRedV = 240;

} // namespace

TEST_CASE("ARGB to I420 and back stays close to a colour gradient", "[media][colour]")
{
    constexpr int kWidth = 64;
    constexpr int kHeight = 48;
    constexpr int kStride = 4 * kWidth + 12;
    std::vector<uint8_t> source(std::size_t(kStride) * kHeight);
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const Rgb c{uint8_t(x * 4), uint8_t(y * 5), uint8_t(128 + (x - y))};
            const auto bytes = pixelBytes(PixelLayout::ARGB, c);
            std::copy(bytes.begin(), bytes.end(), source.begin() + y * kStride + 4 * x);
        }
    }
    const I420Frame frame = convertOk(PixelLayout::ARGB, {{source.data(), kStride}}, kWidth, kHeight);

    constexpr int kOutStride = 4 * kWidth + 8;
    std::vector<uint8_t> back(std::size_t(kOutStride) * kHeight, 0x5A);
    i420ToArgb(frame, back.data(), kOutStride);

    int worst = 0;
    double total = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            for (int channel = 0; channel < 3; ++channel) {
                const int error = std::abs(back[std::size_t(y * kOutStride + 4 * x + channel)] -
                                           source[std::size_t(y * kStride + 4 * x + channel)]);
                worst = std::max(worst, error);
                total += error;
            }
            CHECK(back[std::size_t(y * kOutStride + 4 * x + 3)] == 255);
        }
        // Row padding of the destination is left alone.
        for (int i = 4 * kWidth; i < kOutStride; ++i)
            CHECK(back[std::size_t(y * kOutStride + i)] == 0x5A);
    }
    const double mean = total / (kWidth * kHeight * 3);
    INFO("worst channel error " << worst << ", mean " << mean);
    CHECK(worst <= 8);
    CHECK(mean < 2.5);
}

TEST_CASE("every 32-bit byte order converts a colour the same way", "[media][colour]")
{
    for (const PixelLayout layout : {PixelLayout::ARGB, PixelLayout::ABGR, PixelLayout::BGRA, PixelLayout::RGBA}) {
        INFO("layout " << int(layout));
        const auto red = uniformPicture(layout, {255, 0, 0}, 16, 8, 0);
        checkUniform(convertOk(layout, {{red.data(), 64}}, 16, 8), kRedY, kRedU, kRedV, 2);
        // (200, 100, 50): Y 123, U 91, V 175 in BT.601 limited range.
        const auto orange = uniformPicture(layout, {200, 100, 50}, 16, 8, 4);
        checkUniform(convertOk(layout, {{orange.data(), 68}}, 16, 8), 123, 91, 175, 2);
    }
}

TEST_CASE("NV12 and NV21 of a known colour convert exactly", "[media][colour]")
{
    constexpr int kWidth = 8;
    constexpr int kHeight = 4;
    const std::vector<uint8_t> luma(std::size_t(10) * kHeight, kRedY); // stride 10
    std::vector<uint8_t> nv12(std::size_t(12) * kHeight / 2); // stride 12
    std::vector<uint8_t> nv21(nv12.size());
    for (std::size_t i = 0; i + 1 < nv12.size(); i += 2) {
        nv12[i] = kRedU;
        nv12[i + 1] = kRedV;
        nv21[i] = kRedV;
        nv21[i + 1] = kRedU;
    }
    checkUniform(convertOk(PixelLayout::NV12, {{luma.data(), 10}, {nv12.data(), 12}}, kWidth, kHeight), kRedY, kRedU,
                 kRedV);
    checkUniform(convertOk(PixelLayout::NV21, {{luma.data(), 10}, {nv21.data(), 12}}, kWidth, kHeight), kRedY, kRedU,
                 kRedV);
}

TEST_CASE("YUY2 and UYVY of a known colour convert exactly", "[media][colour]")
{
    constexpr int kWidth = 8;
    constexpr int kHeight = 4;
    constexpr int kStride = 2 * kWidth + 4;
    std::vector<uint8_t> yuy2(std::size_t(kStride) * kHeight);
    std::vector<uint8_t> uyvy(yuy2.size());
    for (int y = 0; y < kHeight; ++y) {
        for (int pair = 0; pair < kWidth / 2; ++pair) {
            const std::size_t at = std::size_t(y * kStride + 4 * pair);
            const uint8_t yuy2Pair[] = {kRedY, kRedU, kRedY, kRedV};
            const uint8_t uyvyPair[] = {kRedU, kRedY, kRedV, kRedY};
            std::copy(std::begin(yuy2Pair), std::end(yuy2Pair), yuy2.begin() + std::ptrdiff_t(at));
            std::copy(std::begin(uyvyPair), std::end(uyvyPair), uyvy.begin() + std::ptrdiff_t(at));
        }
    }
    checkUniform(convertOk(PixelLayout::YUY2, {{yuy2.data(), kStride}}, kWidth, kHeight), kRedY, kRedU, kRedV);
    checkUniform(convertOk(PixelLayout::UYVY, {{uyvy.data(), kStride}}, kWidth, kHeight), kRedY, kRedU, kRedV);
}

TEST_CASE("I420 and YV12 planes with padded rows are packed tightly", "[media][colour]")
{
    constexpr int kWidth = 6;
    constexpr int kHeight = 4;
    std::vector<uint8_t> luma(std::size_t(8) * kHeight);
    for (std::size_t i = 0; i < luma.size(); ++i)
        luma[i] = uint8_t(i);
    const std::vector<uint8_t> u(std::size_t(5) * 2, 60);
    const std::vector<uint8_t> v(std::size_t(5) * 2, 200);

    const I420Frame i420 =
        convertOk(PixelLayout::I420, {{luma.data(), 8}, {u.data(), 5}, {v.data(), 5}}, kWidth, kHeight);
    const I420Frame yv12 =
        convertOk(PixelLayout::YV12, {{luma.data(), 8}, {v.data(), 5}, {u.data(), 5}}, kWidth, kHeight);
    CHECK(i420.data == yv12.data);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            CHECK(i420.y()[y * kWidth + x] == luma[std::size_t(y * 8 + x)]);
    CHECK(std::all_of(i420.u(), i420.u() + 6, [](uint8_t b) { return b == 60; }));
    CHECK(std::all_of(i420.v(), i420.v() + 6, [](uint8_t b) { return b == 200; }));
}

TEST_CASE("odd picture sizes convert in every layout", "[media][colour]")
{
    constexpr int kWidth = 33;
    constexpr int kHeight = 17;
    constexpr int kChromaWidth = 17;
    constexpr int kChromaHeight = 9;

    for (const PixelLayout layout : {PixelLayout::ARGB, PixelLayout::ABGR, PixelLayout::BGRA, PixelLayout::RGBA}) {
        INFO("layout " << int(layout));
        const auto red = uniformPicture(layout, {255, 0, 0}, kWidth, kHeight, 3);
        checkUniform(convertOk(layout, {{red.data(), 4 * kWidth + 3}}, kWidth, kHeight), kRedY, kRedU, kRedV, 2);
    }

    const std::vector<uint8_t> luma(std::size_t(kWidth) * kHeight, kRedY);
    std::vector<uint8_t> uv(std::size_t(2 * kChromaWidth) * kChromaHeight);
    for (std::size_t i = 0; i < uv.size(); i += 2) {
        uv[i] = kRedU;
        uv[i + 1] = kRedV;
    }
    checkUniform(convertOk(PixelLayout::NV12, {{luma.data(), kWidth}, {uv.data(), 2 * kChromaWidth}}, kWidth, kHeight),
                 kRedY, kRedU, kRedV);

    std::vector<uint8_t> yuy2(std::size_t(4 * kChromaWidth) * kHeight);
    for (std::size_t i = 0; i < yuy2.size(); i += 4) {
        yuy2[i] = kRedY;
        yuy2[i + 1] = kRedU;
        yuy2[i + 2] = kRedY;
        yuy2[i + 3] = kRedV;
    }
    checkUniform(convertOk(PixelLayout::YUY2, {{yuy2.data(), 4 * kChromaWidth}}, kWidth, kHeight), kRedY, kRedU, kRedV);

    const std::vector<uint8_t> u(std::size_t(kChromaWidth) * kChromaHeight, kRedU);
    const std::vector<uint8_t> v(u.size(), kRedV);
    checkUniform(convertOk(PixelLayout::I420,
                           {{luma.data(), kWidth}, {u.data(), kChromaWidth}, {v.data(), kChromaWidth}}, kWidth,
                           kHeight),
                 kRedY, kRedU, kRedV);
}

TEST_CASE("bad plane counts, strides and sizes are rejected", "[media][colour]")
{
    const std::vector<uint8_t> bytes(100000, 128);
    const uint8_t* p = bytes.data();
    auto rejected = [](PixelLayout layout, std::vector<PlaneView> planes, int width, int height) {
        auto result = convertToI420(layout, planes.data(), int(planes.size()), width, height);
        return !result.ok() && result.error().code == convene::ErrorCode::InvalidArgument;
    };

    CHECK(rejected(PixelLayout::ARGB, {}, 33, 17));
    CHECK(rejected(PixelLayout::ARGB, {{p, 132}, {p, 132}}, 33, 17));
    CHECK(rejected(PixelLayout::NV12, {{p, 33}}, 33, 17));
    CHECK(rejected(PixelLayout::I420, {{p, 33}, {p, 17}}, 33, 17));
    CHECK(rejected(PixelLayout::YV12, {{p, 33}, {p, 17}, {p, 17}, {p, 17}}, 33, 17));
    CHECK_FALSE(convertToI420(PixelLayout::ARGB, nullptr, 1, 33, 17).ok());

    CHECK(rejected(PixelLayout::ARGB, {{nullptr, 132}}, 33, 17));
    CHECK(rejected(PixelLayout::ARGB, {{p, 131}}, 33, 17));
    CHECK(rejected(PixelLayout::ARGB, {{p, -132}}, 33, 17));
    CHECK(rejected(PixelLayout::YUY2, {{p, 66}}, 33, 17)); // needs 68: 17 pairs of 4 bytes
    CHECK(rejected(PixelLayout::NV12, {{p, 33}, {p, 33}}, 33, 17));
    CHECK(rejected(PixelLayout::NV21, {{p, 32}, {p, 34}}, 33, 17));
    CHECK(rejected(PixelLayout::I420, {{p, 33}, {p, 16}, {p, 17}}, 33, 17));
    CHECK(rejected(PixelLayout::I420, {{p, 33}, {p, 17}, {nullptr, 17}}, 33, 17));

    CHECK(rejected(PixelLayout::ARGB, {{p, 132}}, 0, 17));
    CHECK(rejected(PixelLayout::ARGB, {{p, 132}}, 33, -1));
    CHECK(rejected(PixelLayout::ARGB, {{p, 132}}, 100000, 1));

    CHECK(convertToI420(PixelLayout::ARGB, std::vector<PlaneView>{{p, 132}}.data(), 1, 33, 17).ok());
}

TEST_CASE("scaling gives the requested size and keeps the content", "[media][colour]")
{
    I420Frame source(64, 32);
    source.captureTimeUs = 4242;
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x)
            source.y()[y * 64 + x] = x < 32 ? 16 : 235;
    std::fill(source.u(), source.u() + 32 * 16, uint8_t(90));
    std::fill(source.v(), source.v() + 32 * 16, uint8_t(240));

    const I420Frame down = scaleI420(source, 32, 16);
    REQUIRE(down.width == 32);
    REQUIRE(down.height == 16);
    REQUIRE(down.data.size() == std::size_t(32 * 16 + 2 * 16 * 8));
    CHECK(down.captureTimeUs == 4242);
    CHECK(down.y()[8 * 32 + 4] == 16);
    CHECK(down.y()[8 * 32 + 28] == 235);
    CHECK(std::all_of(down.u(), down.u() + 16 * 8, [](uint8_t b) { return b == 90; }));
    CHECK(std::all_of(down.v(), down.v() + 16 * 8, [](uint8_t b) { return b == 240; }));

    const I420Frame odd = scaleI420(source, 33, 17);
    REQUIRE(odd.width == 33);
    REQUIRE(odd.height == 17);
    REQUIRE(odd.data.size() == std::size_t(33 * 17 + 2 * 17 * 9));
    CHECK(odd.y()[8 * 33 + 2] == 16);
    CHECK(odd.y()[8 * 33 + 31] == 235);

    const I420Frame up = scaleI420(source, 128, 64);
    REQUIRE(up.width == 128);
    CHECK(up.y()[10 * 128 + 10] == 16);
    CHECK(up.y()[10 * 128 + 120] == 235);

    const I420Frame same = scaleI420(source, 64, 32);
    CHECK(same.data == source.data);
    CHECK(same.captureTimeUs == 4242);

    CHECK(scaleI420(source, 0, 10).empty());
    CHECK(scaleI420(source, 10, -1).empty());
    CHECK(scaleI420(I420Frame(), 10, 10).empty());
}
