#pragma once

#include <QString>
#include <QStringList>

namespace convene::store {

// A user's search text as conditions for an FTS5 `trigram` index. Each term of three or more
// characters becomes a `<fts table>.<column> LIKE ?` pattern, which FTS5 answers from the
// index; shorter terms cannot use the index and are matched with instr() on the text. LIKE
// treats % and _ as wildcards, so a term containing them goes to the index only as its pieces
// between them (those of three or more characters, each a pattern of its own: never a pattern
// with a wildcard inside) and is checked whole with instr().
struct FullTextQuery {
    QStringList indexedPatterns; // '%term%' for FTS5 LIKE, ASCII case-insensitive like the index
    QStringList literalTerms; // to check with instr(lower(text), term), already lower-cased
};

FullTextQuery fullTextQuery(const QString& userText);

} // namespace convene::store
