#include "state_queries.h"

namespace convene::chat {

QList<StateEntry> StateQueries::entries(const QString& stream, const QStringList& kinds)
{
    // `kind <> 'message'` lets SQLite read the kinds off the partial index that leaves messages out.
    QStringList placeholders;
    for (int i = 0; i < kinds.size(); ++i)
        placeholders << QStringLiteral("?%1").arg(i + 2);
    const QString filter = kinds.isEmpty() ? QString()
                                           : QStringLiteral("AND kind <> 'message' AND kind IN (") +
                                                 placeholders.join(u',') + QStringLiteral(") ");
    // Held entries (verdict 1) wait for what decides whether they keep the rules: not applied yet.
    auto query = m_db.prepare(
        QStringLiteral("SELECT kind, author, payload, pos FROM entries WHERE stream = ?1 AND verdict = 0 ") + filter +
        QStringLiteral("ORDER BY pos IS NULL, pos, id"));
    QList<StateEntry> found;
    if (!query)
        return found;
    (*query)->bind(1, stream);
    for (int i = 0; i < kinds.size(); ++i)
        (*query)->bind(i + 2, kinds.at(i));
    while ((*query)->step().valueOr(false))
        found << StateEntry{(*query)->text(0), (*query)->text(1), (*query)->blob(2),
                            (*query)->isNull(3) ? 0 : (*query)->int64(3)};
    return found;
}

} // namespace convene::chat
