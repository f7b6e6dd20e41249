#include "convene/media/test_pattern.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace convene::media {

namespace {

// The stamp is a band of square cells across the top of the picture, kCodeRows rows of
// kCodeColumns cells. Every row starts with white, black and ends with black, white guard cells;
// the cells between carry, MSB first and row by row, the 64-bit payload (24-bit frame number,
// 40-bit capture time), a CRC-16 of it and a fixed pad. Cell size follows the picture width, so a
// scaled picture still carries the code at the same relative place.
constexpr int kCodeColumns = 32;
constexpr int kCodeRows = 3;
constexpr int kGuardColumns = 2; // at each end of a row
constexpr int kDataColumns = kCodeColumns - 2 * kGuardColumns;
constexpr int kFrameNumberBits = 24;
constexpr int kTimeBits = 40;
constexpr int kPayloadBits = kFrameNumberBits + kTimeBits;
constexpr int kCheckBits = 16;
constexpr int kPadBits = kCodeRows * kDataColumns - kPayloadBits - kCheckBits;
static_assert(kPadBits >= 0);
constexpr uint64_t kPadPattern = 0b1010;
constexpr uint32_t kFrameNumberMask = (1u << kFrameNumberBits) - 1;
constexpr int64_t kTimeModulus = int64_t(1) << kTimeBits;

constexpr int kMinWidth = 64;
constexpr int kMinHeight = 48;
constexpr int kMinCellPixels = 2;

constexpr uint8_t kBlack = 16;
constexpr uint8_t kWhite = 235;
constexpr uint8_t kMidGrey = 128;
constexpr uint8_t kNeutralChroma = 128;

struct CodeGeometry {
    double cellWidth = 0;
    double cellHeight = 0;

    // Height is capped so very wide, flat pictures keep most of their area for the scene.
    static CodeGeometry of(int width, int height)
    {
        const double cell = double(width) / kCodeColumns;
        return {cell, std::min(cell, double(height) / 8)};
    }

    int bandBottom() const { return int(std::lround((kCodeRows + 0.5) * cellHeight)); }
};

uint16_t crc16(uint64_t payload)
{
    uint16_t crc = 0xffff; // CRC-16/CCITT-FALSE: a non-zero start, so an all-black band fails
    for (int byte = 7; byte >= 0; --byte) {
        crc ^= uint16_t((payload >> (8 * byte)) & 0xff) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? uint16_t((crc << 1) ^ 0x1021) : uint16_t(crc << 1);
    }
    return crc;
}

uint64_t payloadOf(const FrameStamp& stamp)
{
    return (uint64_t(stamp.frameNumber & kFrameNumberMask) << kTimeBits) |
           (uint64_t(stamp.captureTimeUs) & uint64_t(kTimeModulus - 1));
}

// The data cells in reading order: payload, check, pad.
std::array<bool, kCodeRows * kDataColumns> codeBits(uint64_t payload)
{
    std::array<bool, kCodeRows * kDataColumns> bits{};
    int at = 0;
    for (int i = kPayloadBits - 1; i >= 0; --i)
        bits[at++] = (payload >> i) & 1;
    const uint16_t check = crc16(payload);
    for (int i = kCheckBits - 1; i >= 0; --i)
        bits[at++] = (check >> i) & 1;
    for (int i = kPadBits - 1; i >= 0; --i)
        bits[at++] = (kPadPattern >> i) & 1;
    return bits;
}

bool guardIsWhite(int column)
{
    return column == 0 || column == kCodeColumns - 1;
}
bool isGuard(int column)
{
    return column < kGuardColumns || column >= kCodeColumns - kGuardColumns;
}

struct Yuv {
    uint8_t y;
    uint8_t u;
    uint8_t v;
};

// Pixel writes into the three planes, clipped to the picture.
class Canvas {
public:
    explicit Canvas(I420Frame& frame) : m_frame(frame) { }

    void fillRect(int x0, int y0, int x1, int y1, Yuv colour)
    {
        x0 = std::max(x0, 0);
        y0 = std::max(y0, 0);
        x1 = std::min(x1, m_frame.width);
        y1 = std::min(y1, m_frame.height);
        if (x0 >= x1 || y0 >= y1)
            return;
        for (int y = y0; y < y1; ++y)
            std::fill_n(m_frame.y() + std::size_t(y) * m_frame.strideY() + x0, x1 - x0, colour.y);
        const int cx0 = x0 / 2, cx1 = (x1 + 1) / 2, cy0 = y0 / 2, cy1 = (y1 + 1) / 2;
        for (int y = cy0; y < cy1; ++y) {
            std::fill_n(m_frame.u() + std::size_t(y) * m_frame.strideU() + cx0, cx1 - cx0, colour.u);
            std::fill_n(m_frame.v() + std::size_t(y) * m_frame.strideV() + cx0, cx1 - cx0, colour.v);
        }
    }

    void fillLuma(int x0, int y0, int x1, int y1, uint8_t luma)
    {
        x0 = std::max(x0, 0);
        y0 = std::max(y0, 0);
        x1 = std::min(x1, m_frame.width);
        y1 = std::min(y1, m_frame.height);
        for (int y = y0; y < y1; ++y)
            std::fill_n(m_frame.y() + std::size_t(y) * m_frame.strideY() + x0, std::max(x1 - x0, 0), luma);
    }

    void fillCircle(double centreX, double centreY, double radius, Yuv colour)
    {
        const auto inside = [&](double x, double y) {
            return (x - centreX) * (x - centreX) + (y - centreY) * (y - centreY) <= radius * radius;
        };
        const int x0 = std::max(0, int(centreX - radius)), x1 = std::min(m_frame.width, int(centreX + radius) + 1);
        const int y0 = std::max(0, int(centreY - radius)), y1 = std::min(m_frame.height, int(centreY + radius) + 1);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                if (inside(x + 0.5, y + 0.5))
                    m_frame.y()[std::size_t(y) * m_frame.strideY() + x] = colour.y;
        for (int y = y0 / 2; y < (y1 + 1) / 2; ++y)
            for (int x = x0 / 2; x < (x1 + 1) / 2; ++x)
                if (inside(2 * x + 1.0, 2 * y + 1.0)) {
                    m_frame.u()[std::size_t(y) * m_frame.strideU() + x] = colour.u;
                    m_frame.v()[std::size_t(y) * m_frame.strideV() + x] = colour.v;
                }
    }

private:
    I420Frame& m_frame;
};

// 0 at p = 0, 1 at p = 0.5, back to 0 at p = 1; periodic.
double triangle(double p)
{
    const double f = p - std::floor(p);
    return f < 0.5 ? 2 * f : 2 - 2 * f;
}

uint8_t clampToByte(double value)
{
    return uint8_t(std::clamp(std::lround(value), 0L, 255L));
}

// A diagonal luma ramp with colour gradients, all drifting slowly. The ramp's phase is kept in
// fixed point and looked up in a table: this runs for every pixel of every frame.
void drawBackground(I420Frame& frame, uint32_t frameNumber)
{
    constexpr int kPhaseBits = 12;
    constexpr uint32_t kPhaseSteps = 1u << kPhaseBits;
    static const std::array<uint8_t, kPhaseSteps> lumaAtPhase = [] {
        std::array<uint8_t, kPhaseSteps> table{};
        for (uint32_t i = 0; i < kPhaseSteps; ++i)
            table[i] = clampToByte(50 + 110 * triangle(double(i) / kPhaseSteps));
        return table;
    }();
    const auto toPhase = [](double turns) { return uint32_t(int64_t(std::floor(turns * kPhaseSteps))); };

    const double drift = frameNumber / 300.0;
    std::vector<uint32_t> columnPhase(std::size_t(frame.width));
    for (int x = 0; x < frame.width; ++x)
        columnPhase[std::size_t(x)] = toPhase(0.3 * x / frame.width);
    for (int y = 0; y < frame.height; ++y) {
        const uint32_t rowPhase = toPhase(0.2 * y / frame.height + drift);
        uint8_t* row = frame.y() + std::size_t(y) * frame.strideY();
        for (int x = 0; x < frame.width; ++x)
            row[x] = lumaAtPhase[(rowPhase + columnPhase[std::size_t(x)]) & (kPhaseSteps - 1)];
    }

    const int chromaWidth = I420Frame::chromaWidth(frame.width);
    const int chromaHeight = I420Frame::chromaHeight(frame.height);
    std::vector<uint8_t> uRow(static_cast<std::size_t>(chromaWidth));
    for (int x = 0; x < chromaWidth; ++x)
        uRow[std::size_t(x)] = clampToByte(88 + 80 * triangle(double(x) / chromaWidth * 0.5 + drift * 0.7));
    for (int y = 0; y < chromaHeight; ++y) {
        std::copy(uRow.begin(), uRow.end(), frame.u() + std::size_t(y) * frame.strideU());
        const uint8_t v = clampToByte(88 + 80 * triangle(double(y) / chromaHeight * 0.5 + 0.25 - drift * 0.5));
        std::fill_n(frame.v() + std::size_t(y) * frame.strideV(), chromaWidth, v);
    }
}

// A bouncing ball, a sweeping bar and a square circling the middle, all below the code band.
void drawShapes(I420Frame& frame, uint32_t frameNumber, int sceneTop)
{
    Canvas canvas(frame);
    const double width = frame.width;
    const double sceneHeight = frame.height - sceneTop;
    const double t = frameNumber;

    const double barWidth = std::max(2.0, width / 20);
    const double barX = triangle(t / 240) * (width - barWidth);
    canvas.fillRect(int(barX), sceneTop, int(barX + barWidth), frame.height, {180, 170, 60});

    const double radius = std::max(3.0, sceneHeight / 7);
    const double ballX = radius + triangle(t / 170) * std::max(0.0, width - 2 * radius);
    const double ballY = sceneTop + radius + triangle(t / 110) * std::max(0.0, sceneHeight - 2 * radius);
    canvas.fillCircle(ballX, ballY, radius, {190, 60, 180});

    const double side = std::max(4.0, sceneHeight / 5);
    const double angle = t * 2 * std::numbers::pi / 150;
    const double orbit = sceneHeight / 3;
    const double squareX = width / 2 + orbit * 1.4 * std::cos(angle) - side / 2;
    const double squareY = sceneTop + sceneHeight / 2 + orbit * std::sin(angle) - side / 2;
    canvas.fillRect(int(squareX), int(squareY), int(squareX + side), int(squareY + side), {105, 200, 190});
}

// 5x7 glyphs, one byte per row, bit 4 is the leftmost column.
using Glyph = std::array<uint8_t, 7>;

const Glyph* glyphFor(char c)
{
    static constexpr std::array<Glyph, 10> digits = {{
        {0x0e, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0e},
        {0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e},
        {0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f},
        {0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e},
        {0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02},
        {0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e},
        {0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e},
        {0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},
        {0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e},
        {0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c},
    }};
    static constexpr Glyph hash = {0x0a, 0x0a, 0x1f, 0x0a, 0x1f, 0x0a, 0x0a};
    static constexpr Glyph minus = {0x00, 0x00, 0x00, 0x1f, 0x00, 0x00, 0x00};
    static constexpr Glyph m = {0x00, 0x00, 0x1a, 0x15, 0x15, 0x15, 0x15};
    static constexpr Glyph s = {0x00, 0x00, 0x0f, 0x10, 0x0e, 0x01, 0x1e};
    if (c >= '0' && c <= '9')
        return &digits[std::size_t(c - '0')];
    switch (c) {
    case '#': return &hash;
    case '-': return &minus;
    case 'm': return &m;
    case 's': return &s;
    default: return nullptr;
    }
}

constexpr int kGlyphWidth = 5;
constexpr int kGlyphHeight = 7;
constexpr int kGlyphAdvance = kGlyphWidth + 1;

// Light text on a dark plate, each font pixel a scale x scale square.
void drawText(I420Frame& frame, const std::string& text, int left, int top, int scale)
{
    Canvas canvas(frame);
    const int pad = scale;
    canvas.fillRect(left - pad, top - pad, left + int(text.size()) * kGlyphAdvance * scale - scale + pad,
                    top + kGlyphHeight * scale + pad, {28, kNeutralChroma, kNeutralChroma});
    for (std::size_t i = 0; i < text.size(); ++i) {
        const Glyph* glyph = glyphFor(text[i]);
        if (!glyph)
            continue;
        const int glyphLeft = left + int(i) * kGlyphAdvance * scale;
        for (int row = 0; row < kGlyphHeight; ++row)
            for (int column = 0; column < kGlyphWidth; ++column)
                if ((*glyph)[std::size_t(row)] & (0x10 >> column))
                    canvas.fillLuma(glyphLeft + column * scale, top + row * scale, glyphLeft + (column + 1) * scale,
                                    top + (row + 1) * scale, kWhite);
    }
}

void drawCaptions(I420Frame& frame, uint32_t frameNumber, int64_t captureTimeUs, int top)
{
    constexpr int kCaptionChars = 16; // the longest caption, for a scale that fits the width
    const int scale = std::max(1, std::min(frame.height / 72, frame.width / (kGlyphAdvance * kCaptionChars)));
    const int left = std::max(scale, frame.width / kCodeColumns);
    const int64_t captureTimeMs = captureTimeUs >= 0 ? captureTimeUs / 1000 : -((-captureTimeUs + 999) / 1000);
    drawText(frame, "#" + std::to_string(frameNumber), left, top + 2 * scale, scale);
    drawText(frame, std::to_string(captureTimeMs) + " ms", left, top + (2 + kGlyphHeight + 4) * scale, scale);
}

bool hasPlanes(const I420Frame& frame)
{
    const std::size_t chromaPlane =
        std::size_t(I420Frame::chromaWidth(frame.width)) * I420Frame::chromaHeight(frame.height);
    return frame.data.size() >= std::size_t(frame.width) * frame.height + 2 * chromaPlane;
}

double averageLuma(const I420Frame& frame, double centreX, double centreY, int halfWidth, int halfHeight)
{
    const int cx = int(centreX), cy = int(centreY);
    const int x0 = std::max(0, cx - halfWidth), x1 = std::min(frame.width - 1, cx + halfWidth);
    const int y0 = std::max(0, cy - halfHeight), y1 = std::min(frame.height - 1, cy + halfHeight);
    int sum = 0, count = 0;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            sum += frame.y()[std::size_t(y) * frame.strideY() + x];
            ++count;
        }
    return count ? double(sum) / count : 0;
}

} // namespace

TestPatternGenerator::TestPatternGenerator(int width, int height) : m_width(width), m_height(height) { }

I420Frame TestPatternGenerator::next(int64_t captureTimeUs)
{
    I420Frame frame(m_width, m_height);
    frame.captureTimeUs = captureTimeUs;
    const uint32_t frameNumber = m_frameNumber++;
    const int sceneTop = CodeGeometry::of(m_width, m_height).bandBottom();
    drawBackground(frame, frameNumber);
    drawShapes(frame, frameNumber, sceneTop);
    drawCaptions(frame, frameNumber, captureTimeUs, sceneTop);
    drawStamp(frame, {frameNumber, captureTimeUs});
    return frame;
}

void TestPatternGenerator::drawStamp(I420Frame& frame, const FrameStamp& stamp)
{
    if (frame.width < kMinWidth || frame.height < kMinHeight || !hasPlanes(frame))
        return;
    const CodeGeometry geometry = CodeGeometry::of(frame.width, frame.height);
    Canvas canvas(frame);
    // A quiet neutral band, then the cells on it.
    canvas.fillRect(0, 0, frame.width, geometry.bandBottom(), {kMidGrey / 2, kNeutralChroma, kNeutralChroma});
    const auto bits = codeBits(payloadOf(stamp));
    std::size_t nextBit = 0;
    for (int row = 0; row < kCodeRows; ++row) {
        const int y0 = int(std::lround(row * geometry.cellHeight));
        const int y1 = int(std::lround((row + 1) * geometry.cellHeight));
        for (int column = 0; column < kCodeColumns; ++column) {
            const bool white = isGuard(column) ? guardIsWhite(column) : bits[nextBit++];
            canvas.fillLuma(int(std::lround(column * geometry.cellWidth)), y0,
                            int(std::lround((column + 1) * geometry.cellWidth)), y1, white ? kWhite : kBlack);
        }
    }
}

std::optional<FrameStamp> TestPatternGenerator::readStamp(const I420Frame& frame)
{
    if (frame.empty() || !hasPlanes(frame))
        return std::nullopt;
    const CodeGeometry geometry = CodeGeometry::of(frame.width, frame.height);
    if (geometry.cellWidth < kMinCellPixels || geometry.cellHeight < kMinCellPixels)
        return std::nullopt;
    // Average the middle half of each cell: edges blur under compression and scaling.
    const int halfWidth = int(geometry.cellWidth / 4);
    const int halfHeight = int(geometry.cellHeight / 4);

    std::array<bool, kCodeRows * kDataColumns> bits{};
    std::size_t nextBit = 0;
    for (int row = 0; row < kCodeRows; ++row) {
        for (int column = 0; column < kCodeColumns; ++column) {
            const double luma = averageLuma(frame, (column + 0.5) * geometry.cellWidth,
                                            (row + 0.5) * geometry.cellHeight, halfWidth, halfHeight);
            const bool white = luma > kMidGrey;
            if (isGuard(column)) {
                if (white != guardIsWhite(column))
                    return std::nullopt;
            } else {
                bits[nextBit++] = white;
            }
        }
    }

    uint64_t payload = 0;
    uint16_t check = 0;
    uint64_t pad = 0;
    std::size_t at = 0;
    for (int i = 0; i < kPayloadBits; ++i)
        payload = (payload << 1) | uint64_t(bits[at++]);
    for (int i = 0; i < kCheckBits; ++i)
        check = uint16_t((check << 1) | uint16_t(bits[at++]));
    for (int i = 0; i < kPadBits; ++i)
        pad = (pad << 1) | uint64_t(bits[at++]);
    if (check != crc16(payload) || pad != (kPadPattern & ((uint64_t(1) << kPadBits) - 1)))
        return std::nullopt;
    return FrameStamp{uint32_t(payload >> kTimeBits), int64_t(payload & uint64_t(kTimeModulus - 1))};
}

int64_t elapsedSinceStampUs(const FrameStamp& stamp, int64_t nowUs)
{
    // The newest time with the stamp's low bits not after now; the tolerance keeps a capture clock
    // slightly ahead of ours from being read as 2^40 us old.
    constexpr int64_t kToleranceUs = 1'000'000;
    const int64_t latestUs = nowUs + kToleranceUs;
    const int64_t low = stamp.captureTimeUs & (kTimeModulus - 1);
    const int64_t behind = ((latestUs - low) % kTimeModulus + kTimeModulus) % kTimeModulus;
    return nowUs - (latestUs - behind);
}

} // namespace convene::media
