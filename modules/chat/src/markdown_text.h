#pragma once
// Character and HTML escaping helpers shared by the Markdown parsers and writers.
#include <QChar>
#include <QString>
#include <QStringView>

#include <optional>

namespace convene::chat::markdown {

// ---------------------------------------------------------------------------------------------
// Characters

bool isPunctuationOrSymbol(char32_t c);
bool isEscapable(QStringView text, qsizetype index);
bool isCjk(char32_t c);
std::optional<char32_t> codePointBefore(QStringView text, qsizetype end);
std::optional<char32_t> codePointAt(QStringView text, qsizetype index);
qsizetype runLength(QStringView text, qsizetype start, QChar c);
bool isUserId(QStringView id);
QString unescapeBackslashes(QStringView text);

// ---------------------------------------------------------------------------------------------
// HTML output

void appendEscaped(QString& out, QStringView text);
void appendAttribute(QString& out, QStringView value);

// Escaped text with its line breaks kept visible.
void appendPlainAsHtml(QString& out, QStringView text);

QString hrefFor(const QString& url);

} // namespace convene::chat::markdown
