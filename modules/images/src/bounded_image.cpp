#include "convene/images/bounded_image.h"

#include <QBuffer>
#include <QImageReader>

#include <mutex>

namespace convene::images {

namespace {

constexpr qint64 kAllocationLimitBytes = qint64(kAllocationLimitMb) * 1024 * 1024;

// Qt's limit is one for the whole process; every reader of others' images wants the same one.
void limitAllocations()
{
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(kAllocationLimitMb); });
}

QImage fitInto(QImage image, int maxSide)
{
    if (image.width() <= maxSide && image.height() <= maxSide)
        return image;
    return image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace

bool isAllowedFormat(const QByteArray& format)
{
    static const QByteArrayList allowed{"png", "jpeg", "jpg", "gif", "webp", "bmp"};
    const QByteArray name = format.toLower();
    return allowed.contains(name) && QImageReader::supportedImageFormats().contains(name);
}

QByteArray allowedFormatOf(QIODevice& device)
{
    QImageReader reader(&device);
    reader.setDecideFormatFromContent(true); // a file's name never decides
    const QByteArray format = reader.format();
    return isAllowedFormat(format) ? format : QByteArray();
}

DecodedImage decodeBounded(QIODevice& device, int maxSide)
{
    limitAllocations();
    DecodedImage result;
    QImageReader reader(&device);
    reader.setDecideFormatFromContent(true);
    result.format = reader.format();
    if (!isAllowedFormat(result.format)) {
        result.status = DecodedImage::Status::NotAllowed;
        return result;
    }
    result.sourceSize = reader.size();
    const QSize size = result.sourceSize;
    if (size.isValid() && qint64(size.width()) * size.height() > kMaxSourcePixels) {
        result.status = DecodedImage::Status::TooLarge;
        return result;
    }
    maxSide = std::max(1, maxSide);
    // Readers that can (PNG, JPEG, WebP) decode straight to the small size; the others decode
    // whole within the allocation limit and are scaled afterwards.
    if (size.isValid() && (size.width() > maxSide || size.height() > maxSide))
        reader.setScaledSize(size.scaled(maxSide, maxSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    const QImage image = reader.read();
    if (image.isNull()) {
        const bool wholeTooBig = size.isValid() && qint64(size.width()) * size.height() * 4 > kAllocationLimitBytes;
        result.status = wholeTooBig ? DecodedImage::Status::TooLarge : DecodedImage::Status::Unreadable;
        return result;
    }
    result.image = fitInto(image, maxSide);
    if (!result.sourceSize.isValid())
        result.sourceSize = image.size();
    result.status = DecodedImage::Status::Ok;
    return result;
}

DecodedImage decodeBounded(const QByteArray& bytes, int maxSide)
{
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    return decodeBounded(buffer, maxSide);
}

} // namespace convene::images
