#include "convene/media/colour_convert.h"

#include <libyuv.h>

namespace convene::media {

namespace {

constexpr int kMaxDimension = 16384;
constexpr int kMaxStride = 1 << 20; // keeps libyuv's int offset arithmetic from overflowing

Error invalid(const QString& what)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("Colour conversion: %1").arg(what));
}

int expectedPlaneCount(PixelLayout layout)
{
    switch (layout) {
    case PixelLayout::NV12:
    case PixelLayout::NV21: return 2;
    case PixelLayout::I420:
    case PixelLayout::YV12: return 3;
    case PixelLayout::ARGB:
    case PixelLayout::ABGR:
    case PixelLayout::BGRA:
    case PixelLayout::RGBA:
    case PixelLayout::YUY2:
    case PixelLayout::UYVY: break;
    }
    return 1;
}

// Bytes one row of plane `plane` needs at least.
int minimumStride(PixelLayout layout, int plane, int width)
{
    const int chromaWidth = I420Frame::chromaWidth(width);
    switch (layout) {
    case PixelLayout::ARGB:
    case PixelLayout::ABGR:
    case PixelLayout::BGRA:
    case PixelLayout::RGBA: return 4 * width;
    case PixelLayout::YUY2:
    case PixelLayout::UYVY: return 4 * chromaWidth;
    case PixelLayout::NV12:
    case PixelLayout::NV21: return plane == 0 ? width : 2 * chromaWidth;
    case PixelLayout::I420:
    case PixelLayout::YV12: return plane == 0 ? width : chromaWidth;
    }
    return width;
}

using PackedToI420 = int (*)(const uint8_t*, int, uint8_t*, int, uint8_t*, int, uint8_t*, int, int, int);

PackedToI420 packedConverter(PixelLayout layout)
{
    switch (layout) {
    case PixelLayout::ARGB: return libyuv::ARGBToI420;
    case PixelLayout::ABGR: return libyuv::ABGRToI420;
    case PixelLayout::BGRA: return libyuv::BGRAToI420;
    case PixelLayout::RGBA: return libyuv::RGBAToI420;
    case PixelLayout::YUY2: return libyuv::YUY2ToI420;
    case PixelLayout::UYVY: return libyuv::UYVYToI420;
    case PixelLayout::NV12:
    case PixelLayout::NV21:
    case PixelLayout::I420:
    case PixelLayout::YV12: break;
    }
    return nullptr;
}

} // namespace

Result<I420Frame> convertToI420(PixelLayout layout, const PlaneView* planes, int planeCount, int width, int height)
{
    if (width <= 0 || height <= 0 || width > kMaxDimension || height > kMaxDimension)
        return invalid(QStringLiteral("unsupported picture size %1x%2").arg(width).arg(height));
    if (!planes || planeCount != expectedPlaneCount(layout))
        return invalid(QStringLiteral("expected %1 planes, got %2").arg(expectedPlaneCount(layout)).arg(planeCount));
    for (int i = 0; i < planeCount; ++i) {
        if (!planes[i].data)
            return invalid(QStringLiteral("plane %1 has no data").arg(i));
        if (planes[i].stride < minimumStride(layout, i, width) || planes[i].stride > kMaxStride)
            return invalid(QStringLiteral("plane %1 has an unusable stride %2").arg(i).arg(planes[i].stride));
    }

    I420Frame frame(width, height);
    int result = 0;
    if (const PackedToI420 convert = packedConverter(layout)) {
        result = convert(planes[0].data, planes[0].stride, frame.y(), frame.strideY(), frame.u(), frame.strideU(),
                         frame.v(), frame.strideV(), width, height);
    } else if (layout == PixelLayout::NV12) {
        result =
            libyuv::NV12ToI420(planes[0].data, planes[0].stride, planes[1].data, planes[1].stride, frame.y(),
                               frame.strideY(), frame.u(), frame.strideU(), frame.v(), frame.strideV(), width, height);
    } else if (layout == PixelLayout::NV21) {
        result =
            libyuv::NV21ToI420(planes[0].data, planes[0].stride, planes[1].data, planes[1].stride, frame.y(),
                               frame.strideY(), frame.u(), frame.strideU(), frame.v(), frame.strideV(), width, height);
    } else {
        const bool swapped = layout == PixelLayout::YV12;
        const PlaneView& u = planes[swapped ? 2 : 1];
        const PlaneView& v = planes[swapped ? 1 : 2];
        result =
            libyuv::I420Copy(planes[0].data, planes[0].stride, u.data, u.stride, v.data, v.stride, frame.y(),
                             frame.strideY(), frame.u(), frame.strideU(), frame.v(), frame.strideV(), width, height);
    }
    if (result != 0)
        return makeError(ErrorCode::Internal, QStringLiteral("Colour conversion: libyuv failed (%1)").arg(result));
    return frame;
}

I420Frame scaleI420(const I420Frame& frame, int width, int height)
{
    if (frame.empty() || width <= 0 || height <= 0)
        return {};
    if (width == frame.width && height == frame.height)
        return frame;

    I420Frame scaled(width, height);
    scaled.captureTimeUs = frame.captureTimeUs;
    libyuv::I420Scale(frame.y(), frame.strideY(), frame.u(), frame.strideU(), frame.v(), frame.strideV(), frame.width,
                      frame.height, scaled.y(), scaled.strideY(), scaled.u(), scaled.strideU(), scaled.v(),
                      scaled.strideV(), width, height, libyuv::kFilterBox);
    return scaled;
}

void i420ToArgb(const I420Frame& frame, uint8_t* dst, int dstStride)
{
    if (frame.empty() || !dst || dstStride < 4 * frame.width)
        return;
    libyuv::I420ToARGB(frame.y(), frame.strideY(), frame.u(), frame.strideU(), frame.v(), frame.strideV(), dst,
                       dstStride, frame.width, frame.height);
}

} // namespace convene::media
