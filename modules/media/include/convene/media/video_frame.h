#pragma once

#include <cstdint>
#include <vector>

namespace convene::media {

// A planar I420 (YUV 4:2:0) picture with tightly packed planes: Y (width x height), then U and V
// ((width+1)/2 x (height+1)/2 each). The one picture format between capture, codecs and render.
struct I420Frame {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> data;
    int64_t captureTimeUs = 0; // steady clock of the capturing process (media_clock.h)

    I420Frame() = default;
    I420Frame(int w, int h)
        : width(w), height(h), data(std::size_t(w) * h + 2 * std::size_t(chromaWidth(w)) * chromaHeight(h))
    { }

    static int chromaWidth(int w) { return (w + 1) / 2; }
    static int chromaHeight(int h) { return (h + 1) / 2; }
    bool empty() const { return width <= 0 || height <= 0 || data.empty(); }

    int strideY() const { return width; }
    int strideU() const { return chromaWidth(width); }
    int strideV() const { return chromaWidth(width); }
    uint8_t* y() { return data.data(); }
    uint8_t* u() { return y() + std::size_t(width) * height; }
    uint8_t* v() { return u() + std::size_t(chromaWidth(width)) * chromaHeight(height); }
    const uint8_t* y() const { return data.data(); }
    const uint8_t* u() const { return y() + std::size_t(width) * height; }
    const uint8_t* v() const { return u() + std::size_t(chromaWidth(width)) * chromaHeight(height); }
};

} // namespace convene::media
