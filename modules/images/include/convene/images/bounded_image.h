#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>

class QIODevice;

namespace convene::images {

// The largest picture decoded at all (20000 x 20000): bigger ones are "too large" from their header.
inline constexpr qint64 kMaxSourcePixels = 400'000'000;
// What one decoder may allocate, in megabytes (QImageReader's allocation limit, set before each read).
inline constexpr int kAllocationLimitMb = 64;

// The raster formats Convene draws for other people, by the name QImageReader gives them: PNG,
// JPEG, GIF, WebP and BMP (each only when this Qt can read it). SVG and everything else is a file.
bool isAllowedFormat(const QByteArray& format);

// The allowed format the bytes at `device` are in, decided by their content alone (never by a
// name or a declared type); empty when they are in no allowed format.
QByteArray allowedFormatOf(QIODevice& device);

struct DecodedImage {
    enum class Status {
        Ok,
        NotAllowed, // not an image, or in a format that is not drawn (SVG, TIFF, …): show it as a file
        TooLarge, // an image too big to decode within the limits
        Unreadable, // an allowed format, but damaged
    };
    Status status = Status::Unreadable;
    QImage image; // at most maxSide on each side; null unless Ok
    QSize sourceSize; // as the file says, when it says
    QByteArray format;
};

// Decodes the image at `device` scaled down to at most `maxSide` pixels on a side, with the memory
// a decoder may take bounded by kAllocationLimitMb. Formats that can scale while decoding (PNG,
// JPEG, WebP) handle any size up to kMaxSourcePixels; the others only what fits the limit whole.
DecodedImage decodeBounded(QIODevice& device, int maxSide);
DecodedImage decodeBounded(const QByteArray& bytes, int maxSide);

} // namespace convene::images
