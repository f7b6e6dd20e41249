#pragma once
// Writing a document to Markdown, HTML or OpenDocument text, and reading Markdown back.
#include "convene/core/result.h"

#include <QString>

#include <memory>

class QTextDocument;

namespace convene::docs {

enum class ExportFormat { Markdown, Html, Odt };

// By suffix: .md/.markdown, .html/.htm, .odt (any case); anything else is Markdown.
ExportFormat exportFormatForPath(const QString& path);
QString suffixForExportFormat(ExportFormat format); // "md", "html", "odt"

// Writes atomically: an existing file is replaced only once the new one is complete. Images
// come from the document's image resources: HTML gets them as data: URLs, ODT embeds them,
// Markdown keeps the image's URL (the blob URL).
Result<void> exportDocument(const QTextDocument& doc, const QString& path, ExportFormat format);

// GitHub-flavoured Markdown (task lists, strikethrough, tables) as a document; the caller turns
// it into a delta.
std::unique_ptr<QTextDocument> documentFromMarkdown(const QString& markdown);

inline constexpr qint64 kMaxMarkdownFileBytes = 5 * 1024 * 1024;

// The file as UTF-8 text; larger than kMaxMarkdownFileBytes or not valid UTF-8 is an error.
Result<QString> readMarkdownFile(const QString& path);

} // namespace convene::docs
