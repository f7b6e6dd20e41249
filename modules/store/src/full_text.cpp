#include "convene/store/full_text.h"

#include <QRegularExpression>

namespace convene::store {

FullTextQuery fullTextQuery(const QString& userText)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    FullTextQuery query;
    for (const QString& term : userText.split(whitespace, Qt::SkipEmptyParts)) {
        // The trigram tokenizer counts characters (code points), not UTF-16 units.
        const bool indexable = term.toUcs4().size() >= 3;
        const bool wildcards = term.contains(QLatin1Char('%')) || term.contains(QLatin1Char('_'));
        if (indexable)
            query.indexedPatterns << QLatin1Char('%') + term + QLatin1Char('%');
        if (!indexable || wildcards)
            query.literalTerms << term.toLower();
    }
    return query;
}

} // namespace convene::store
