#pragma once

// Checks shared by the Markdown renderer's unit tests and its fuzz target.
#include <QRegularExpression>
#include <QString>

namespace convene::test {

using namespace Qt::StringLiterals;

// Every '<' in the output opens or closes a tag the renderer writes, with only its attributes.
inline bool hasOnlyOwnTags(const QString& html)
{
    static const QRegularExpression ownTag(QRegularExpression::anchoredPattern(
        uR"(<(?:/(?:b|i|s|a|p|pre|code|span|blockquote|ul|ol|li))"
        uR"(|b|i|s|p|br|ul|li|ol(?: start="\d+")?)"
        uR"(|a href="(?:https?:|mailto:|convene://docs/)[^"<>]*" style="color:[^"<>]*")"
        uR"(|(?:code|pre|span|blockquote) style="[^"<>]*")>)"_s));
    // Tag by tag: the text around them may hold lone surrogates, which the regex engine rejects.
    for (qsizetype at = html.indexOf(u'<'); at >= 0; at = html.indexOf(u'<', at + 1)) {
        const qsizetype close = html.indexOf(u'>', at);
        if (close < 0 || !ownTag.match(QStringView(html).sliced(at, close - at + 1)).hasMatch())
            return false;
    }
    return true;
}

inline bool hasLoneSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (text[i].isSurrogate())
            return true;
    }
    return false;
}

} // namespace convene::test
