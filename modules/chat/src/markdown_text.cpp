// Character and HTML escaping helpers shared by the Markdown parsers and writers.
#include "markdown_text.h"

#include <QUrl>

#include <algorithm>

namespace convene::chat::markdown {
namespace {

using namespace Qt::StringLiterals;

// ---------------------------------------------------------------------------------------------
// Characters

bool isAsciiPunctuation(char32_t c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool isUserIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '_' ||
           u == '+' || u == '-';
}

} // namespace

bool isPunctuationOrSymbol(char32_t c)
{
    return c < 128 ? isAsciiPunctuation(c) : (QChar::isPunct(c) || QChar::isSymbol(c));
}

bool isEscapable(QStringView text, qsizetype index)
{
    return index < text.size() && isAsciiPunctuation(text[index].unicode());
}

bool isCjk(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo: return true;
    default: return false;
    }
}

std::optional<char32_t> codePointBefore(QStringView text, qsizetype end)
{
    if (end <= 0)
        return std::nullopt;
    const QChar last = text[end - 1];
    if (last.isLowSurrogate() && end >= 2 && text[end - 2].isHighSurrogate())
        return QChar::surrogateToUcs4(text[end - 2], last);
    return last.unicode();
}

std::optional<char32_t> codePointAt(QStringView text, qsizetype index)
{
    if (index >= text.size())
        return std::nullopt;
    const QChar first = text[index];
    if (first.isHighSurrogate() && index + 1 < text.size() && text[index + 1].isLowSurrogate())
        return QChar::surrogateToUcs4(first, text[index + 1]);
    return first.unicode();
}

qsizetype runLength(QStringView text, qsizetype start, QChar c)
{
    qsizetype end = start;
    while (end < text.size() && text[end] == c)
        ++end;
    return end - start;
}

bool isUserId(QStringView id)
{
    return !id.isEmpty() && std::all_of(id.begin(), id.end(), isUserIdChar);
}

QString unescapeBackslashes(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && isEscapable(text, i + 1))
            ++i;
        result += text[i];
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// HTML output

void appendEscaped(QString& out, QStringView text)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += "&amp;"_L1; break;
        case u'<': out += "&lt;"_L1; break;
        case u'>': out += "&gt;"_L1; break;
        case u'"': out += "&quot;"_L1; break;
        default: out += c;
        }
    }
}

void appendAttribute(QString& out, QStringView value)
{
    for (const QChar c : value) {
        if (c == u'\'')
            out += "&#39;"_L1;
        else
            appendEscaped(out, QStringView(&c, 1));
    }
}

void appendPlainAsHtml(QString& out, QStringView text)
{
    qsizetype lineStart = 0;
    for (qsizetype newline = text.indexOf(u'\n'); newline >= 0; newline = text.indexOf(u'\n', lineStart)) {
        appendEscaped(out, text.sliced(lineStart, newline - lineStart));
        out += "<br>"_L1;
        lineStart = newline + 1;
    }
    appendEscaped(out, text.sliced(lineStart));
}

QString hrefFor(const QString& url)
{
    return QString::fromLatin1(QUrl(url).toEncoded());
}

} // namespace convene::chat::markdown
