#pragma once
// A PNG of one colour at any size, written row by row (needs zlib): a file of a few hundred
// kilobytes whose header asks for a picture of gigabytes, without ever holding that picture.
#include <QByteArray>
#include <QtEndian>

#include <zlib.h>

namespace convene::test {

enum class PngColor {
    Rgb, // 8-bit RGB: decoders scale it row by row
    Palette, // 8-bit indexed: decoders make the whole picture first
};

inline void appendPngChunk(QByteArray& png, const char* type, const QByteArray& data)
{
    const quint32 length = qToBigEndian<quint32>(quint32(data.size()));
    png.append(reinterpret_cast<const char*>(&length), 4);
    const QByteArray typed = QByteArray(type, 4) + data;
    png.append(typed);
    const quint32 crc =
        qToBigEndian<quint32>(quint32(crc32(0, reinterpret_cast<const Bytef*>(typed.constData()), uInt(typed.size()))));
    png.append(reinterpret_cast<const char*>(&crc), 4);
}

// The signature and the chunks before the pixels.
inline QByteArray pngHead(quint32 width, quint32 height, PngColor color)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    const quint32 w = qToBigEndian(width);
    const quint32 h = qToBigEndian(height);
    header.append(reinterpret_cast<const char*>(&w), 4).append(reinterpret_cast<const char*>(&h), 4);
    header.append(char(8)).append(char(color == PngColor::Rgb ? 2 : 3)).append(3, '\0');
    appendPngChunk(png, "IHDR", header);
    if (color == PngColor::Palette)
        appendPngChunk(png, "PLTE", QByteArray("\x4f\x5b\xd5", 3));
    return png;
}

// A PNG whose header names a size its (empty) pixel data does not have.
inline QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray png = pngHead(width, height, PngColor::Rgb);
    appendPngChunk(png, "IDAT", QByteArray::fromHex("789c030000000001")); // zlib, nothing in it
    appendPngChunk(png, "IEND", {});
    return png;
}

inline QByteArray uniformPng(quint32 width, quint32 height, PngColor color)
{
    QByteArray png = pngHead(width, height, color);
    // Every row the same: no filter, colour 0 (black, or the palette's one colour).
    const qsizetype rowBytes = qsizetype(width) * (color == PngColor::Rgb ? 3 : 1);
    const QByteArray row(1 + rowBytes, '\0');
    z_stream z{};
    deflateInit(&z, Z_DEFAULT_COMPRESSION);
    QByteArray data;
    QByteArray out(1 << 16, '\0');
    for (quint32 y = 0; y < height; ++y) {
        const bool last = y + 1 == height;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(row.constData()));
        z.avail_in = uInt(row.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = uInt(out.size());
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            data.append(out.constData(), out.size() - z.avail_out);
        } while (z.avail_in > 0 || (last && z.avail_out == 0));
    }
    deflateEnd(&z);
    appendPngChunk(png, "IDAT", data);
    appendPngChunk(png, "IEND", {});
    return png;
}

} // namespace convene::test
