#include "convene/docs/document_export.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QMimeDatabase>
#include <QPixmap>
#include <QSaveFile>
#include <QStringDecoder>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextImageFormat>
#include <QUrl>

#include <vector>

namespace convene::docs {

namespace {

QString displayPath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

Error writeError(const QString& path, const QString& reason)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("convene::docs::DocumentExport", "Could not write “%1”: %2")
                         .arg(displayPath(path), reason));
}

// A data: URL for an image resource, or an empty string when there is no usable image.
QString dataUrlFor(const QVariant& resource)
{
    QByteArray bytes;
    QString mimeType;
    if (resource.typeId() == QMetaType::QByteArray) {
        bytes = resource.toByteArray();
        mimeType = QMimeDatabase().mimeTypeForData(bytes).name();
        if (!mimeType.startsWith(QLatin1String("image/")))
            return {};
    } else {
        const QImage image =
            resource.typeId() == QMetaType::QPixmap ? resource.value<QPixmap>().toImage() : resource.value<QImage>();
        if (image.isNull())
            return {};
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return {};
        mimeType = QStringLiteral("image/png");
    }
    return QStringLiteral("data:%1;base64,%2").arg(mimeType, QString::fromLatin1(bytes.toBase64()));
}

// A copy of the document whose images name data: URLs, so the HTML file stands alone.
std::unique_ptr<QTextDocument> withInlineImages(const QTextDocument& doc)
{
    std::unique_ptr<QTextDocument> copy(doc.clone());
    struct Replacement {
        int position;
        int length;
        QTextImageFormat image;
    };
    std::vector<Replacement> replacements;
    QHash<QString, QString> dataUrls;
    for (QTextBlock block = copy->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            auto url = dataUrls.find(image.name());
            if (url == dataUrls.end())
                url = dataUrls.insert(image.name(),
                                      dataUrlFor(doc.resource(QTextDocument::ImageResource, QUrl(image.name()))));
            if (url->isEmpty())
                continue;
            image.setName(*url);
            replacements.push_back({fragment.position(), fragment.length(), image});
        }
    }
    // Formats change only after the walk: the fragments would not survive the changes.
    QTextCursor cursor(copy.get());
    for (const Replacement& r : replacements) {
        cursor.setPosition(r.position);
        cursor.setPosition(r.position + r.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(r.image);
    }
    return copy;
}

Result<QByteArray> render(const QTextDocument& doc, ExportFormat format)
{
    if (format == ExportFormat::Markdown)
        return doc.toMarkdown(QTextDocument::MarkdownDialectGitHub).toUtf8();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool written = false;
    if (format == ExportFormat::Html) {
        const std::unique_ptr<QTextDocument> standalone = withInlineImages(doc);
        written = QTextDocumentWriter(&buffer, "html").write(standalone.get());
    } else {
        // The ODF writer embeds images itself, from the document's resources.
        written = QTextDocumentWriter(&buffer, "odf").write(&doc);
    }
    if (!written)
        return makeError(ErrorCode::Internal, QCoreApplication::translate("convene::docs::DocumentExport",
                                                                          "Could not convert the document to %1.")
                                                  .arg(suffixForExportFormat(format).toUpper()));
    return bytes;
}

} // namespace

ExportFormat exportFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return ExportFormat::Html;
    if (suffix == QLatin1String("odt"))
        return ExportFormat::Odt;
    return ExportFormat::Markdown;
}

QString suffixForExportFormat(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown: return QStringLiteral("md");
    case ExportFormat::Html: return QStringLiteral("html");
    case ExportFormat::Odt: return QStringLiteral("odt");
    }
    return {};
}

Result<void> exportDocument(const QTextDocument& doc, const QString& path, ExportFormat format)
{
    Result<QByteArray> bytes = render(doc, format);
    if (!bytes)
        return bytes.error();
    // The bytes are made in memory first: QSaveFile must not be closed by a writer.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    if (file.write(*bytes) != bytes->size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return writeError(path, reason);
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

std::unique_ptr<QTextDocument> documentFromMarkdown(const QString& markdown)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    return doc;
}

Result<QString> readMarkdownFile(const QString& path)
{
    const auto megabytes = [](qint64 bytes) { return QString::number(double(bytes) / (1024 * 1024), 'f', 1); };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const ErrorCode code = QFileInfo::exists(path) ? ErrorCode::Io : ErrorCode::NotFound;
        return makeError(code, QCoreApplication::translate("convene::docs::DocumentExport", "Could not read “%1”: %2")
                                   .arg(displayPath(path), file.errorString()));
    }
    auto tooLarge = [&](qint64 size) {
        return makeError(ErrorCode::TooLarge,
                         QCoreApplication::translate("convene::docs::DocumentExport",
                                                     "“%1” is too large to import (%2 MB; at most %3 MB).")
                             .arg(displayPath(path), megabytes(size), megabytes(kMaxMarkdownFileBytes)));
    };
    if (file.size() > kMaxMarkdownFileBytes)
        return tooLarge(file.size());
    // Read one byte past the cap: a file may grow or report no size (a pipe).
    const QByteArray bytes = file.read(kMaxMarkdownFileBytes + 1);
    if (bytes.size() > kMaxMarkdownFileBytes)
        return tooLarge(bytes.size());
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("convene::docs::DocumentExport", "Could not read “%1”: %2")
                             .arg(displayPath(path), file.errorString()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("convene::docs::DocumentExport", "“%1” is not UTF-8 text.")
                             .arg(displayPath(path)));
    return text;
}

} // namespace convene::docs
