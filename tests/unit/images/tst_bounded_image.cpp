// Images from other people are decoded within bounds: only raster formats, told by their bytes;
// at most the asked size on a side; a small file whose header asks for a huge picture decodes
// small, or is "too large", without the memory the whole picture would take.
#include <convene/images/bounded_image.h>

#include "uniform_png.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using convene::images::allowedFormatOf;
using convene::images::decodeBounded;
using convene::images::DecodedImage;
using convene::test::PngColor;
using convene::test::uniformPng;
using Status = DecodedImage::Status;

namespace {

QByteArray encoded(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(image.save(&buffer, format));
    return bytes;
}

QImage picture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x4F, 0x5B, 0xD5));
    return image;
}

QByteArray allowedFormatOfBytes(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return allowedFormatOf(buffer);
}

// The most memory this process has held at once, in MB; 0 where it cannot be told.
qint64 peakMegabytes()
{
#ifdef Q_OS_LINUX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
#else
    return 0;
#endif
}

const QByteArray kSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4000\" height=\"4000\">"
                        "<rect width=\"4000\" height=\"4000\" fill=\"red\"/></svg>";
// The smallest GIF: one transparent pixel.
const QByteArray kGif = QByteArray::fromHex("47494638396101000100800000000000ffffff21f90401000000002c000000000100"
                                            "01000002024401003b");

} // namespace

TEST_CASE("A 20000 x 20000 PNG of a few hundred kilobytes decodes small, in bounded memory")
{
    const QByteArray png = uniformPng(20000, 20000, PngColor::Rgb);
    CHECK(png.size() < 2 * 1024 * 1024);
    const qint64 before = peakMegabytes();
    const DecodedImage decoded = decodeBounded(png, 1024);
    const qint64 after = peakMegabytes();
    REQUIRE(decoded.status == Status::Ok);
    CHECK(decoded.format == "png");
    CHECK(decoded.sourceSize == QSize(20000, 20000));
    CHECK(decoded.image.size() == QSize(1024, 1024));
    // Whole, the picture would take 1.6 GB; scaled while it is read, a few MB.
    INFO("peak before " << before << " MB, after " << after << " MB");
    CHECK(after - before < 100);
}

TEST_CASE("A picture that can only be decoded whole, and would not fit, is too large")
{
    // 8-bit indexed PNGs are made whole before scaling: 400 MB here.
    const QByteArray png = uniformPng(20000, 20000, PngColor::Palette);
    const qint64 before = peakMegabytes();
    const DecodedImage decoded = decodeBounded(png, 1024);
    CHECK(decoded.status == Status::TooLarge);
    CHECK(decoded.image.isNull());
    CHECK(decoded.sourceSize == QSize(20000, 20000));
    CHECK(peakMegabytes() - before < 100);

    // A header asking for more pixels than anything is decoded for is too large as it is.
    const DecodedImage enormous = decodeBounded(convene::test::pngClaiming(100000, 100000), 1024);
    CHECK(enormous.status == Status::TooLarge);
    CHECK(enormous.sourceSize == QSize(100000, 100000));
}

TEST_CASE("Raster images decode within the asked size, keeping their shape")
{
    const DecodedImage wide = decodeBounded(encoded(picture(3000, 1000), "PNG"), 600);
    REQUIRE(wide.status == Status::Ok);
    CHECK(wide.image.size() == QSize(600, 200));
    const DecodedImage jpeg = decodeBounded(encoded(picture(800, 1600), "JPEG"), 400);
    REQUIRE(jpeg.status == Status::Ok);
    CHECK(jpeg.format == "jpeg");
    CHECK(jpeg.image.size() == QSize(200, 400));
    const DecodedImage bmp = decodeBounded(encoded(picture(64, 48), "BMP"), 1024);
    REQUIRE(bmp.status == Status::Ok);
    CHECK(bmp.image.size() == QSize(64, 48)); // small ones stay as they are
    const DecodedImage gif = decodeBounded(kGif, 1024);
    CHECK(gif.status == Status::Ok);
    CHECK(gif.image.size() == QSize(1, 1));
}

TEST_CASE("SVG and other formats are not drawn, whatever they are called")
{
    CHECK(QImageReader::supportedImageFormats().contains("svg")); // this Qt could draw it
    CHECK(decodeBounded(kSvg, 1024).status == Status::NotAllowed);
    CHECK(allowedFormatOfBytes(kSvg).isEmpty());
    CHECK(decodeBounded(QByteArray("P1\n2 2\n0 1\n1 0\n"), 1024).status == Status::NotAllowed); // PBM
    CHECK(decodeBounded(QByteArray("not an image at all"), 1024).status == Status::NotAllowed);
    CHECK(decodeBounded(QByteArray(), 1024).status == Status::NotAllowed);

    // A file's name says nothing: an SVG named .png is an SVG, a PNG named .svg a PNG.
    QTemporaryDir dir;
    QFile svgAsPng(dir.filePath(QStringLiteral("chart.png")));
    REQUIRE(svgAsPng.open(QIODevice::WriteOnly));
    svgAsPng.write(kSvg);
    svgAsPng.close();
    REQUIRE(svgAsPng.open(QIODevice::ReadOnly));
    CHECK(allowedFormatOf(svgAsPng).isEmpty());
    CHECK(decodeBounded(svgAsPng, 1024).status == Status::NotAllowed);
    QFile pngAsSvg(dir.filePath(QStringLiteral("chart.svg")));
    REQUIRE(pngAsSvg.open(QIODevice::WriteOnly));
    pngAsSvg.write(encoded(picture(10, 10), "PNG"));
    pngAsSvg.close();
    REQUIRE(pngAsSvg.open(QIODevice::ReadOnly));
    CHECK(allowedFormatOf(pngAsSvg) == "png");
    CHECK(decodeBounded(pngAsSvg, 1024).status == Status::Ok);
}

TEST_CASE("A damaged image of an allowed format is unreadable, not a crash")
{
    const QByteArray png = encoded(picture(300, 300), "PNG");
    const DecodedImage cut = decodeBounded(png.left(png.size() / 2), 1024);
    CHECK(cut.status == Status::Unreadable);
    CHECK(cut.image.isNull());
}
