#include "message_search.h"

#include <algorithm>

namespace convene::chat {

namespace {

constexpr int kShortScanEntries = 100'000;
// How many of the newest-stored hits are ordered by time, per result asked for (and at least).
constexpr int kWindowPerResult = 10;
constexpr int kMinWindow = 500;

QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(u',');
}

// The streams the cache's user may not read: others' own streams, direct conversations that do
// not name them, and private channels they are not a member of (their own stream's record of it
// first, else the channel's joins and leaves). A cache written before backends kept private
// streams to their members may hold such streams; search never shows them.
const QString kHiddenStreams = QStringLiteral(R"sql(
WITH me(id) AS (SELECT coalesce((SELECT value FROM meta WHERE key = 'user_id'), '')),
hidden(stream) AS MATERIALIZED (
  SELECT s.id FROM streams s, me WHERE
    (substr(s.id, 1, 5) = 'user:' AND s.id <> 'user:' || me.id)
    OR (substr(s.id, 1, 3) = 'dm:' AND instr('+' || substr(s.id, 4) || '+', '+' || me.id || '+') = 0)
    OR ((substr(s.id, 1, 8) = 'private:' OR s.kind = 'private') AND coalesce(
      (SELECT json_extract(p.j, '$.member') FROM
         (SELECT CASE WHEN json_valid(CAST(payload AS TEXT)) THEN CAST(payload AS TEXT) END AS j, pos, id
          FROM entries WHERE stream = 'user:' || me.id AND kind <> 'message' AND kind = 'pref' AND verdict = 0) p
       WHERE json_extract(p.j, '$.stream') = s.id AND json_type(p.j, '$.member') IN ('true', 'false')
       ORDER BY p.pos IS NULL DESC, p.pos DESC, p.id DESC LIMIT 1),
      (SELECT m.kind = 'member.join' FROM
         (SELECT kind, author, pos, id, CASE WHEN json_valid(CAST(payload AS TEXT)) THEN CAST(payload AS TEXT) END AS j
          FROM entries WHERE stream = s.id AND kind <> 'message' AND kind IN ('member.join', 'member.leave')
          AND verdict = 0) m
       WHERE CASE WHEN json_type(m.j, '$.user') = 'text' AND json_extract(m.j, '$.user') <> ''
                  THEN json_extract(m.j, '$.user') ELSE m.author END = me.id
       ORDER BY m.pos IS NULL DESC, m.pos DESC, m.id DESC LIMIT 1),
      0) = 0)
)
)sql");

QString searchSql(const MessageSearchRequest& request)
{
    const bool indexed = !request.text.indexedPatterns.isEmpty();
    QString sql = QStringLiteral(
        "SELECT e.stream AS stream, CASE WHEN e.kind = 'message' THEN e.pos "
        "ELSE (SELECT t.pos FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END AS pos, "
        "(SELECT r.pos FROM entries r WHERE r.stream = e.stream AND r.server_id = "
        "CASE WHEN e.kind = 'message' THEN e.ref "
        "ELSE (SELECT t.ref FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END) AS root, "
        "e.author AS author, coalesce(e.server_time, e.created_at) AS shown_time, e.body AS body, e.id AS entry ");
    sql += indexed ? QStringLiteral("FROM entries_fts f JOIN entries e ON e.id = f.rowid WHERE ")
                   : QStringLiteral("FROM entries e WHERE ");
    QStringList conditions;
    for (qsizetype i = 0; i < request.text.indexedPatterns.size(); ++i)
        conditions << QStringLiteral("f.body LIKE ?");
    for (qsizetype i = 0; i < request.text.literalTerms.size(); ++i)
        conditions << QStringLiteral("instr(lower(e.body), ?) > 0");
    // Held entries (an edit whose message is not cached yet) say nothing until sync decides them.
    conditions << QStringLiteral("e.kind IN ('message', 'message.edit') AND e.body <> '' AND e.verdict = 0");
    conditions << QStringLiteral("e.stream NOT IN (SELECT stream FROM hidden)");
    if (!request.streams.isEmpty())
        // "+" keeps SQLite from starting at the stream's index and sorting all of a big channel:
        // newest index hits first, filtered, stop at the window.
        conditions << QStringLiteral("+e.stream IN (%1)").arg(placeholders(request.streams.size()));
    if (!request.people.isEmpty())
        conditions << QStringLiteral("+e.author IN (%1)").arg(placeholders(request.people.size()));
    // Terms under three characters cannot use the index: scan, but only the newest entries, so a
    // rare short word cannot take long.
    if (!indexed)
        conditions << QStringLiteral("e.id > (SELECT coalesce(max(id), 0) FROM entries) - %1").arg(kShortScanEntries);
    // A message that its author edited or deleted afterwards no longer says this. Only edits and
    // deletions that keep the rules count (sync holds or sets aside the others: anyone else's
    // edit of it changes nothing).
    conditions << QStringLiteral(
        "NOT EXISTS (SELECT 1 FROM entries x WHERE x.stream = e.stream AND x.kind <> 'message' "
        "AND x.ref = CASE WHEN e.kind = 'message' THEN e.server_id ELSE e.ref END "
        "AND x.kind IN ('message.edit', 'message.delete') AND x.verdict = 0 AND x.id > e.id)");
    sql += conditions.join(QStringLiteral(" AND "));
    // Newest first by the time each result shows, not by when the cache stored it (history and
    // threads fetched later would rank above newer messages): the newest-stored hits, a window of
    // them many times the limit so that the index can stop early, ordered by their time. Only more
    // older hits than the window holds, all stored after the newest ones, could push one out.
    sql += indexed ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT %1") : QStringLiteral(" ORDER BY e.id DESC LIMIT %1");
    const int window = std::max(request.limit * kWindowPerResult, kMinWindow);
    return kHiddenStreams + QStringLiteral("SELECT stream, pos, root, author, shown_time, body FROM (") +
           sql.arg(window) + QStringLiteral(") ORDER BY shown_time DESC, entry DESC LIMIT ") +
           QString::number(request.limit);
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
