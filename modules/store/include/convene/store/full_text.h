#pragma once

#include <QString>
#include <QStringList>

namespace convene::store {

// A user's search text turned into a safe FTS5 query for a `trigram` index. Terms shorter
// than three characters cannot use the index; they are returned for a LIKE fallback.
struct FullTextQuery {
    QString match;          // FTS5 MATCH expression, empty when no term is long enough
    QStringList shortTerms; // matched with LIKE '%term%' instead
};

FullTextQuery fullTextQuery(const QString& userText);

// Escapes % _ and \ for LIKE ... ESCAPE '\'.
QString likePattern(const QString& term);

} // namespace convene::store
