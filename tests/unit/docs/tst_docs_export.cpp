// Exporting documents to Markdown, HTML and ODT, and reading Markdown back.
#include "catch_qt_strings.h"
#include "convene/docs/document_export.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QTextList>

#include <catch2/catch.hpp>

#include <map>
#include <zlib.h>

using namespace convene;

namespace {

const QString kImageUrl = QStringLiteral("convene://blobs/0190d3a4-image");
const QString kEncodedImageUrl = QStringLiteral("convene://blobs/0190d3a5-bytes");

// Headings, formatted text, a link, a bullet list, check items, an image and Chinese text.
std::unique_ptr<QTextDocument> sampleDocument()
{
    auto doc = std::make_unique<QTextDocument>();
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(QColor(200, 10, 20));
    doc->addResource(QTextDocument::ImageResource, QUrl(kImageUrl), image);
    // A blob as it arrives: encoded bytes rather than a decoded image.
    QImage second(2, 5, QImage::Format_RGB32);
    second.fill(QColor(10, 200, 30));
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    second.save(&buffer, "PNG");
    doc->addResource(QTextDocument::ImageResource, QUrl(kEncodedImageUrl), encoded);

    QTextCursor cursor(doc.get());
    QTextBlockFormat heading;
    heading.setHeadingLevel(1);
    cursor.setBlockFormat(heading);
    cursor.insertText(QStringLiteral("项目计划 Plan"));

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertText(QStringLiteral("Plain "));
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(QStringLiteral("strong"), bold);
    cursor.insertText(QStringLiteral(" and "), QTextCharFormat());
    QTextCharFormat italic;
    italic.setFontItalic(true);
    cursor.insertText(QStringLiteral("slanted"), italic);
    cursor.insertText(QStringLiteral(" with "), QTextCharFormat());
    QTextCharFormat code;
    code.setFontFixedPitch(true);
    cursor.insertText(QStringLiteral("snippet()"), code);
    cursor.insertText(QStringLiteral(" and "), QTextCharFormat());
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(QStringLiteral("https://example.com/docs"));
    cursor.insertText(QStringLiteral("a link"), link);
    cursor.insertText(QStringLiteral("."), QTextCharFormat());

    QTextBlockFormat subheading;
    subheading.setHeadingLevel(2);
    cursor.insertBlock(subheading, QTextCharFormat());
    cursor.insertText(QStringLiteral("任务"));

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextListFormat bullets;
    bullets.setStyle(QTextListFormat::ListDisc);
    cursor.createList(bullets);
    cursor.insertText(QStringLiteral("first bullet"));
    cursor.insertBlock();
    cursor.insertText(QStringLiteral("第二项"));

    // Check items: list items (the block format keeps the list) with a marker.
    QTextBlockFormat done = cursor.blockFormat();
    done.setMarker(QTextBlockFormat::MarkerType::Checked);
    cursor.insertBlock(done);
    cursor.insertText(QStringLiteral("finished task"));
    QTextBlockFormat open = cursor.blockFormat();
    open.setMarker(QTextBlockFormat::MarkerType::Unchecked);
    cursor.insertBlock(open);
    cursor.insertText(QStringLiteral("open task"));

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    REQUIRE(cursor.currentList() == nullptr);
    QTextImageFormat picture;
    picture.setName(kImageUrl);
    cursor.insertImage(picture);
    cursor.insertText(QStringLiteral(" "));
    picture.setName(kEncodedImageUrl);
    cursor.insertImage(picture);

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertText(QStringLiteral("中文段落：版本历史和导出。"));
    return doc;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

uint32_t le(const QByteArray& bytes, qsizetype at, int size)
{
    uint32_t v = 0;
    for (int i = size - 1; i >= 0; --i)
        v = v << 8 | uint8_t(bytes[at + i]);
    return v;
}

struct ZipEntry {
    QByteArray data;
    int method = 0;
    qsizetype localHeader = 0;
};

// Reads a zip archive through its central directory, inflating and checking every entry's CRC.
std::map<QString, ZipEntry> unzip(const QByteArray& zip)
{
    const qsizetype end = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    REQUIRE(end >= 0);
    const int entries = int(le(zip, end + 10, 2));
    qsizetype at = qsizetype(le(zip, end + 16, 4));
    std::map<QString, ZipEntry> files;
    for (int i = 0; i < entries; ++i) {
        REQUIRE(zip.mid(at, 4) == QByteArray("PK\x01\x02", 4));
        ZipEntry entry;
        entry.method = int(le(zip, at + 10, 2));
        const uint32_t crc = le(zip, at + 16, 4);
        const uint32_t packed = le(zip, at + 20, 4), size = le(zip, at + 24, 4);
        const int nameLength = int(le(zip, at + 28, 2));
        const int skip = nameLength + int(le(zip, at + 30, 2)) + int(le(zip, at + 32, 2));
        const QString name = QString::fromUtf8(zip.mid(at + 46, nameLength));
        entry.localHeader = qsizetype(le(zip, at + 42, 4));
        at += 46 + skip;

        const qsizetype local = entry.localHeader;
        REQUIRE(zip.mid(local, 4) == QByteArray("PK\x03\x04", 4));
        const qsizetype dataStart = local + 30 + qsizetype(le(zip, local + 26, 2)) + qsizetype(le(zip, local + 28, 2));
        const QByteArray raw = zip.mid(dataStart, packed);
        if (entry.method == 0) {
            entry.data = raw;
        } else {
            REQUIRE(entry.method == 8);
            entry.data.resize(size);
            z_stream stream{};
            REQUIRE(inflateInit2(&stream, -MAX_WBITS) == Z_OK);
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
            stream.avail_in = uInt(raw.size());
            stream.next_out = reinterpret_cast<Bytef*>(entry.data.data());
            stream.avail_out = uInt(size);
            const int status = inflate(&stream, Z_FINISH);
            inflateEnd(&stream);
            REQUIRE(status == Z_STREAM_END);
        }
        INFO(name.toStdString());
        REQUIRE(uint32_t(entry.data.size()) == size);
        REQUIRE(crc32(0, reinterpret_cast<const Bytef*>(entry.data.constData()), uInt(entry.data.size())) == crc);
        files[name] = entry;
    }
    return files;
}

QString write(const QTextDocument& doc, const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    const Result<void> written = docs::exportDocument(doc, path, docs::exportFormatForPath(path));
    INFO((written ? QString() : written.error().message).toStdString());
    REQUIRE(written.ok());
    return path;
}

QTextCharFormat formatOf(const QTextDocument& doc, const QString& text)
{
    const QTextCursor found = doc.find(text);
    REQUIRE_FALSE(found.isNull());
    return found.charFormat();
}

QTextBlock blockOf(const QTextDocument& doc, const QString& text)
{
    const QTextCursor found = doc.find(text);
    REQUIRE_FALSE(found.isNull());
    return found.block();
}

} // namespace

TEST_CASE("export formats follow the file suffix", "[docs][export]")
{
    CHECK(docs::exportFormatForPath(QStringLiteral("/tmp/notes.md")) == docs::ExportFormat::Markdown);
    CHECK(docs::exportFormatForPath(QStringLiteral("notes.MARKDOWN")) == docs::ExportFormat::Markdown);
    CHECK(docs::exportFormatForPath(QStringLiteral("C:/docs/page.HTM")) == docs::ExportFormat::Html);
    CHECK(docs::exportFormatForPath(QStringLiteral("page.html")) == docs::ExportFormat::Html);
    CHECK(docs::exportFormatForPath(QStringLiteral("报告.odt")) == docs::ExportFormat::Odt);
    CHECK(docs::exportFormatForPath(QStringLiteral("no-suffix")) == docs::ExportFormat::Markdown);
    CHECK(docs::suffixForExportFormat(docs::ExportFormat::Odt) == QStringLiteral("odt"));
}

TEST_CASE("Markdown export", "[docs][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto doc = sampleDocument();
    const QString markdown = QString::fromUtf8(readAll(write(*doc, dir, QStringLiteral("计划.md"))));
    INFO(markdown.toStdString());
    CHECK(markdown.contains(QStringLiteral("# 项目计划 Plan\n")));
    CHECK(markdown.contains(QStringLiteral("## 任务\n")));
    CHECK(markdown.contains(QStringLiteral("**strong**")));
    CHECK(markdown.contains(QStringLiteral("*slanted*")));
    CHECK(markdown.contains(QStringLiteral("`snippet()`")));
    CHECK(markdown.contains(QStringLiteral("[a link](https://example.com/docs)")));
    CHECK(markdown.contains(QStringLiteral("- first bullet\n")));
    CHECK(markdown.contains(QStringLiteral("- [x] finished task\n")));
    CHECK(markdown.contains(QStringLiteral("- [ ] open task\n")));
    CHECK(markdown.contains(QStringLiteral("](%1)").arg(kImageUrl)));
    CHECK(markdown.contains(QStringLiteral("](%1)").arg(kEncodedImageUrl)));
    CHECK(markdown.contains(QStringLiteral("中文段落：版本历史和导出。")));
}

TEST_CASE("HTML export carries images as data: URLs", "[docs][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto doc = sampleDocument();
    const QString html = QString::fromUtf8(readAll(write(*doc, dir, QStringLiteral("page.html"))));
    CHECK(html.contains(QStringLiteral("<h1")));
    CHECK(html.contains(QStringLiteral("项目计划 Plan")));
    CHECK(html.contains(QStringLiteral("中文段落：版本历史和导出。")));
    CHECK(html.contains(QStringLiteral("href=\"https://example.com/docs\"")));
    CHECK_FALSE(html.contains(kImageUrl));
    CHECK_FALSE(html.contains(kEncodedImageUrl));
    QList<QImage> images;
    auto matches = QRegularExpression(QStringLiteral(R"re(<img src="data:image/png;base64,([A-Za-z0-9+/=]+)")re"))
                       .globalMatch(html);
    while (matches.hasNext())
        images.append(QImage::fromData(QByteArray::fromBase64(matches.next().captured(1).toLatin1()), "PNG"));
    REQUIRE(images.size() == 2);
    CHECK(images[0].size() == QSize(4, 3));
    CHECK(images[0].pixelColor(1, 1) == QColor(200, 10, 20));
    CHECK(images[1].size() == QSize(2, 5));
    CHECK(images[1].pixelColor(1, 1) == QColor(10, 200, 30));
    // The document itself still names the blob.
    CHECK(doc->toHtml().contains(kImageUrl));
}

TEST_CASE("ODT export is an OpenDocument package with the text and the image", "[docs][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto doc = sampleDocument();
    const QByteArray odt = readAll(write(*doc, dir, QStringLiteral("report.odt")));
    // ODF: the first entry is "mimetype", stored uncompressed, so the type shows at offset 38.
    REQUIRE(odt.startsWith(QByteArray("PK\x03\x04", 4)));
    CHECK(odt.mid(30, 8) == "mimetype");
    CHECK(le(odt, 8, 2) == 0);
    const QByteArray mime = "application/vnd.oasis.opendocument.text";
    CHECK(odt.mid(30 + 8 + qsizetype(le(odt, 28, 2)), mime.size()) == mime);

    const auto files = unzip(odt);
    REQUIRE(files.count(QStringLiteral("content.xml")) == 1);
    REQUIRE(files.count(QStringLiteral("META-INF/manifest.xml")) == 1);
    const QString content = QString::fromUtf8(files.at(QStringLiteral("content.xml")).data);
    CHECK(content.contains(QStringLiteral("项目计划 Plan")));
    CHECK(content.contains(QStringLiteral("strong")));
    CHECK(content.contains(QStringLiteral("finished task")));
    CHECK(content.contains(QStringLiteral("中文段落：版本历史和导出。")));
    CHECK(content.contains(QStringLiteral("https://example.com/docs")));
    // The image is a file of the package, referred to by the content.
    QList<QSize> sizes;
    for (const auto& [name, entry] : files)
        if (name.startsWith(QStringLiteral("Pictures/"))) {
            CHECK(content.contains(name));
            sizes.append(QImage::fromData(entry.data).size());
        }
    CHECK(sizes.contains(QSize(4, 3)));
    CHECK(sizes.contains(QSize(2, 5)));
}

TEST_CASE("Markdown round trip keeps Chinese text and formatting", "[docs][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = write(*sampleDocument(), dir, QStringLiteral("round.md"));
    const Result<QString> markdown = docs::readMarkdownFile(path);
    REQUIRE(markdown.ok());
    const auto doc = docs::documentFromMarkdown(*markdown);

    CHECK(blockOf(*doc, QStringLiteral("项目计划 Plan")).blockFormat().headingLevel() == 1);
    CHECK(blockOf(*doc, QStringLiteral("任务")).blockFormat().headingLevel() == 2);
    CHECK(formatOf(*doc, QStringLiteral("strong")).fontWeight() == QFont::Bold);
    CHECK(formatOf(*doc, QStringLiteral("Plain")).fontWeight() != QFont::Bold);
    CHECK(formatOf(*doc, QStringLiteral("slanted")).fontItalic());
    CHECK(formatOf(*doc, QStringLiteral("snippet()")).fontFixedPitch());
    CHECK(formatOf(*doc, QStringLiteral("a link")).anchorHref() == QStringLiteral("https://example.com/docs"));
    CHECK(blockOf(*doc, QStringLiteral("第二项")).textList() != nullptr);
    CHECK(blockOf(*doc, QStringLiteral("finished task")).blockFormat().marker() ==
          QTextBlockFormat::MarkerType::Checked);
    CHECK(blockOf(*doc, QStringLiteral("open task")).blockFormat().marker() == QTextBlockFormat::MarkerType::Unchecked);
    CHECK(blockOf(*doc, QStringLiteral("中文段落：版本历史和导出。")).text() ==
          QStringLiteral("中文段落：版本历史和导出。"));
    bool image = false;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            image |= it.fragment().charFormat().isImageFormat() &&
                     it.fragment().charFormat().toImageFormat().name() == kImageUrl;
    CHECK(image);
}

TEST_CASE("Markdown from GitHub's dialect", "[docs][export]")
{
    const auto doc = docs::documentFromMarkdown(QStringLiteral("- [x] 完成\n- [ ] todo\n\n~~gone~~ **粗体**\n"));
    CHECK(blockOf(*doc, QStringLiteral("完成")).blockFormat().marker() == QTextBlockFormat::MarkerType::Checked);
    CHECK(blockOf(*doc, QStringLiteral("todo")).blockFormat().marker() == QTextBlockFormat::MarkerType::Unchecked);
    CHECK(formatOf(*doc, QStringLiteral("gone")).fontStrikeOut());
    CHECK(formatOf(*doc, QStringLiteral("粗体")).fontWeight() == QFont::Bold);
}

TEST_CASE("export and import failures are clear errors", "[docs][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto doc = sampleDocument();

    SECTION("a path that cannot be written")
    {
        // A regular file as the parent directory: not writable, not even for root.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        REQUIRE(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = dir.filePath(QStringLiteral("file/out.odt"));
        const Result<void> written = docs::exportDocument(*doc, path, docs::ExportFormat::Odt);
        REQUIRE_FALSE(written.ok());
        CHECK(written.error().code == ErrorCode::Io);
        CHECK(written.error().message.startsWith(QStringLiteral("Could not write “%1”: ").arg(path)));
        CHECK(written.error().message.size() > QStringLiteral("Could not write “%1”: ").arg(path).size());
    }
    SECTION("a Markdown file over the size limit")
    {
        const QString path = dir.filePath(QStringLiteral("huge.md"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(QByteArray(docs::kMaxMarkdownFileBytes + 1, 'a')) == docs::kMaxMarkdownFileBytes + 1);
        file.close();
        const Result<QString> read = docs::readMarkdownFile(path);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == ErrorCode::TooLarge);
        CHECK(read.error().message.contains(path));
        CHECK(read.error().message.contains(QStringLiteral("5.0 MB")));
    }
    SECTION("a Markdown file at the size limit is read")
    {
        const QString path = dir.filePath(QStringLiteral("big.md"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(QByteArray(docs::kMaxMarkdownFileBytes, 'a')) == docs::kMaxMarkdownFileBytes);
        file.close();
        const Result<QString> read = docs::readMarkdownFile(path);
        REQUIRE(read.ok());
        CHECK(read->size() == docs::kMaxMarkdownFileBytes);
    }
    SECTION("a file that is not UTF-8")
    {
        const QString path = dir.filePath(QStringLiteral("latin1.md"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("# Caf\xe9\n");
        file.close();
        const Result<QString> read = docs::readMarkdownFile(path);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == ErrorCode::Corrupt);
        CHECK(read.error().message == QStringLiteral("“%1” is not UTF-8 text.").arg(path));
    }
    SECTION("a missing file")
    {
        const Result<QString> read = docs::readMarkdownFile(dir.filePath(QStringLiteral("missing.md")));
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == ErrorCode::NotFound);
    }
}
