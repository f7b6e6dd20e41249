#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace convene::chat {

struct MarkdownContext {
    std::function<QString(const QString& userId)> userName; // may be empty: show the raw id
    // A document's current title by its stream ("doc:<id>"); may be empty, and may return an
    // empty title: a bare document link then shows the link itself.
    std::function<QString(const QString& stream)> documentTitle;
    QString selfId; // mentions of this user get the "self" mention colour
    QString linkColor = QStringLiteral("#2f6fed");
    QString mentionColor = QStringLiteral("#2f6fed");
    QString selfMentionBackground = QStringLiteral("#fff1c2");
    QString codeBackground = QStringLiteral("#f0f1f4");
    QString quoteColor = QStringLiteral("#6b7280");
};

// Renders a message's Markdown subset to the HTML subset that Qt's rich text (QML Text.RichText /
// QTextDocument) understands. Everything from the message is escaped; only tags this function
// writes itself appear in the output.
QString renderMarkdown(const QString& text, const MarkdownContext& context = {});

// The message as plain text for previews, notifications and search bodies: markup removed,
// mention tokens replaced by "@Name", code kept, links as their text (bare links as their URL).
QString markdownToPlainText(const QString& text, const MarkdownContext& context = {});

// Plain text escaped to HTML with every case-insensitive occurrence of any term wrapped in
// <span style="background-color:COLOR">…</span> (search hits). Overlapping terms merge.
QString highlightTerms(const QString& plainText, const QStringList& terms, const QString& color);

// Mention tokens in the text, in order, without duplicates (user ids).
QStringList mentionedUserIds(const QString& text);

// Is this a URL a link may open? Only http, https and mailto (case-insensitive scheme), and
// it must parse as a valid QUrl with a host for http(s).
bool isSafeLinkUrl(const QString& url);

// The stream ("doc:" + the decoded id) a document link names when `url` is exactly
// convene://docs/<id> (one percent-encoded path segment, no query or fragment); else empty.
// Such a link opens in the app, never through the operating system.
QString documentStreamOfLink(const QString& url);

} // namespace convene::chat
