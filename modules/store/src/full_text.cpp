#include "convene/store/full_text.h"

#include <QRegularExpression>

namespace convene::store {

FullTextQuery fullTextQuery(const QString& userText)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    FullTextQuery query;
    QStringList quoted;
    for (const QString& term : userText.split(whitespace, Qt::SkipEmptyParts)) {
        // The trigram tokenizer counts characters (code points), not UTF-16 units.
        if (term.toUcs4().size() < 3) {
            query.shortTerms << term;
            continue;
        }
        QString escaped = term;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        quoted << QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    query.match = quoted.join(QLatin1Char(' '));
    return query;
}

QString likePattern(const QString& term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace convene::store
