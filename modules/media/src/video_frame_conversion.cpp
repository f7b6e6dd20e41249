#include "convene/media/video_frame_conversion.h"

#include <cstring>

namespace convene::media {

namespace {

void copyPlane(const uint8_t* source, int sourceStride, uint8_t* target, int targetStride, int width, int rows)
{
    for (int row = 0; row < rows; ++row)
        std::memcpy(target + std::size_t(row) * targetStride, source + std::size_t(row) * sourceStride,
                    std::size_t(width));
}

} // namespace

QVideoFrame toVideoFrame(const I420Frame& picture)
{
    if (picture.empty())
        return {};
    QVideoFrame frame(QVideoFrameFormat(QSize(picture.width, picture.height), QVideoFrameFormat::Format_YUV420P));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int chromaWidth = I420Frame::chromaWidth(picture.width);
    const int chromaHeight = I420Frame::chromaHeight(picture.height);
    copyPlane(picture.y(), picture.strideY(), frame.bits(0), frame.bytesPerLine(0), picture.width, picture.height);
    copyPlane(picture.u(), picture.strideU(), frame.bits(1), frame.bytesPerLine(1), chromaWidth, chromaHeight);
    copyPlane(picture.v(), picture.strideV(), frame.bits(2), frame.bytesPerLine(2), chromaWidth, chromaHeight);
    frame.unmap();
    return frame;
}

} // namespace convene::media
