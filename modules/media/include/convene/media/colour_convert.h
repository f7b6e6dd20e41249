#pragma once

#include "convene/core/result.h"
#include "convene/media/video_frame.h"

#include <cstdint>

namespace convene::media {

// Pixel layouts cameras and screen grabbers deliver. The RGB names follow libyuv, which names a
// 32-bit pixel as the little-endian word reads (most significant first), so the bytes in memory
// run the other way round. Each line gives the bytes of one pixel in memory order and the
// matching Qt formats (QVideoFrameFormat in Qt 6 names bytes in memory order).
enum class PixelLayout {
    ARGB, // B,G,R,A. QVideoFrameFormat::Format_BGRA8888 / BGRX8888; QImage::Format_ARGB32 / RGB32 on little endian
    ABGR, // R,G,B,A. QVideoFrameFormat::Format_RGBA8888 / RGBX8888; QImage::Format_RGBA8888 / RGBX8888
    BGRA, // A,R,G,B. QVideoFrameFormat::Format_ARGB8888 / XRGB8888
    RGBA, // A,B,G,R. QVideoFrameFormat::Format_ABGR8888 / XBGR8888
    NV12, // plane 0: Y; plane 1: interleaved U,V at half resolution. QVideoFrameFormat::Format_NV12
    NV21, // plane 0: Y; plane 1: interleaved V,U at half resolution. QVideoFrameFormat::Format_NV21
    YUY2, // Y0,U,Y1,V for each pair of pixels. QVideoFrameFormat::Format_YUYV
    UYVY, // U,Y0,V,Y1 for each pair of pixels. QVideoFrameFormat::Format_UYVY
    I420, // planes Y, U, V; chroma at half resolution. QVideoFrameFormat::Format_YUV420P
    YV12, // planes Y, V, U (V before U, as QVideoFrame maps them). QVideoFrameFormat::Format_YV12
};

// One plane of a source picture: its first row and the distance in bytes between rows.
struct PlaneView {
    const uint8_t* data = nullptr;
    int stride = 0;
};

// Colour conversions use BT.601 limited range ("studio swing"), the matrix VP8 assumes; alpha
// is ignored on the way in and set to 255 on the way out. Odd sizes are fine: the last chroma
// sample of a row or column covers a single pixel.

// Converts a source picture into a tightly packed I420Frame. `planes` lists `planeCount` planes in
// the order of the layout's comment above (1 for packed layouts, 2 for NV12/NV21, 3 for
// I420/YV12). Strides must be positive and at least one row of the plane; bottom-up pictures
// (negative strides) are not accepted. Wrong plane counts, missing planes, short strides or
// non-positive sizes are InvalidArgument errors.
Result<I420Frame> convertToI420(PixelLayout layout, const PlaneView* planes, int planeCount, int width, int height);

// Scales with box filtering (averaging, best for downscaling). The same size gives a copy; an
// empty source or a non-positive target size gives an empty frame. captureTimeUs is kept.
I420Frame scaleI420(const I420Frame& frame, int width, int height);

// Writes the picture as libyuv ARGB (bytes B,G,R,A; QImage::Format_ARGB32 on little endian) into
// `dst`, which must hold frame.height rows of `dstStride` >= 4 * frame.width bytes; bytes past a
// row's pixels are left alone. Does nothing for an empty frame, a null `dst` or a short stride.
void i420ToArgb(const I420Frame& frame, uint8_t* dst, int dstStride);

} // namespace convene::media
