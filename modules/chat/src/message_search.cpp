#include "message_search.h"

namespace convene::chat {

namespace {

constexpr int kShortScanEntries = 100'000;

QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(u',');
}

QString searchSql(const MessageSearchRequest& request)
{
    const bool indexed = !request.text.indexedPatterns.isEmpty();
    QString sql =
        QStringLiteral("SELECT e.stream, CASE WHEN e.kind = 'message' THEN e.pos "
                       "ELSE (SELECT t.pos FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END, "
                       "(SELECT r.pos FROM entries r WHERE r.stream = e.stream AND r.server_id = "
                       "CASE WHEN e.kind = 'message' THEN e.ref "
                       "ELSE (SELECT t.ref FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END), "
                       "e.author, coalesce(e.server_time, e.created_at), e.body ");
    sql += indexed ? QStringLiteral("FROM entries_fts f JOIN entries e ON e.id = f.rowid WHERE ")
                   : QStringLiteral("FROM entries e WHERE ");
    QStringList conditions;
    for (qsizetype i = 0; i < request.text.indexedPatterns.size(); ++i)
        conditions << QStringLiteral("f.body LIKE ?");
    for (qsizetype i = 0; i < request.text.literalTerms.size(); ++i)
        conditions << QStringLiteral("instr(lower(e.body), ?) > 0");
    conditions << QStringLiteral("e.kind IN ('message', 'message.edit') AND e.body <> ''");
    if (!request.streams.isEmpty())
        // "+" keeps SQLite from starting at the stream's index and sorting all of a big channel:
        // newest index hits first, filtered, stop at the limit.
        conditions << QStringLiteral("+e.stream IN (%1)").arg(placeholders(request.streams.size()));
    if (!request.people.isEmpty())
        conditions << QStringLiteral("+e.author IN (%1)").arg(placeholders(request.people.size()));
    // Terms under three characters cannot use the index: scan, but only the newest entries, so a
    // rare short word cannot take long.
    if (!indexed)
        conditions << QStringLiteral("e.id > (SELECT coalesce(max(id), 0) FROM entries) - %1").arg(kShortScanEntries);
    // A message that was edited or deleted afterwards no longer says this.
    conditions << QStringLiteral(
        "NOT EXISTS (SELECT 1 FROM entries x WHERE x.stream = e.stream AND x.kind <> 'message' "
        "AND x.ref = CASE WHEN e.kind = 'message' THEN e.server_id ELSE e.ref END "
        "AND x.kind IN ('message.edit', 'message.delete') AND x.id > e.id)");
    sql += conditions.join(QStringLiteral(" AND "));
    sql += indexed ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT %1") : QStringLiteral(" ORDER BY e.id DESC LIMIT %1");
    return sql.arg(request.limit);
}

} // namespace

Result<QList<MessageSearchHit>> findMessages(store::Database& db, const MessageSearchRequest& request)
{
    auto statement = db.prepare(searchSql(request));
    if (!statement)
        return statement.error();
    store::Statement& q = **statement;
    int column = 1;
    for (const QString& pattern : request.text.indexedPatterns)
        q.bind(column++, pattern);
    for (const QString& term : request.text.literalTerms)
        q.bind(column++, term);
    for (const QString& id : request.streams)
        q.bind(column++, id);
    for (const QString& id : request.people)
        q.bind(column++, id);
    QList<MessageSearchHit> hits;
    while (true) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        hits << MessageSearchHit{q.text(0),
                                 q.isNull(1) ? 0 : q.int64(1),
                                 q.isNull(2) ? 0 : q.int64(2),
                                 q.text(3),
                                 QDateTime::fromMSecsSinceEpoch(q.int64(4)),
                                 q.text(5)};
    }
    return hits;
}

} // namespace convene::chat
