#include "convene/store/full_text.h"

#include <QRegularExpression>

namespace convene::store {

namespace {
// The trigram tokenizer counts characters (code points), not UTF-16 units.
bool indexable(const QString& text)
{
    return text.toUcs4().size() >= 3;
}
} // namespace

FullTextQuery fullTextQuery(const QString& userText)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    // LIKE's wildcards, and NUL, where the index's pattern matching stops reading.
    static const QRegularExpression wildcard(QStringLiteral("[%_\\x{0}]"));
    FullTextQuery query;
    for (const QString& term : userText.split(whitespace, Qt::SkipEmptyParts)) {
        if (!term.contains(wildcard)) {
            if (indexable(term))
                query.indexedPatterns << QLatin1Char('%') + term + QLatin1Char('%');
            else
                query.literalTerms << term.toLower();
            continue;
        }
        // LIKE would read % and _ as wildcards: the index gets only the pieces between them, and
        // only those of three characters or more. (SQLite 3.40's trigram index crashes on a LIKE
        // pattern without a whole trigram when other patterns follow it; a pattern cut short by a
        // NUL is one.)
        for (const QString& piece : term.split(wildcard, Qt::SkipEmptyParts))
            if (indexable(piece))
                query.indexedPatterns << QLatin1Char('%') + piece + QLatin1Char('%');
        query.literalTerms << term.toLower();
    }
    return query;
}

} // namespace convene::store
