#include "doc_queries.h"

#include <convene/docs/doc_entries.h>
#include <convene/store/database.h>
#include <convene/store/full_text.h>

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace convene::docs {

namespace {

// Stream ids between "doc:" and "doc;" are exactly those with the prefix.
const QString kDocRange = QStringLiteral("%1 >= 'doc:' AND %1 < 'doc;'");

Result<QList<DocEntry>> entriesOf(store::Statement& q)
{
    QList<DocEntry> entries;
    while (true) {
        const Result<bool> row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            return entries;
        entries << DocEntry{q.int64(0), q.text(1), q.text(2), q.blob(3), q.text(4)};
    }
}

QString excerptAround(const QString& body, const QString& term)
{
    constexpr int kBefore = 30;
    constexpr int kLength = 120;
    const qsizetype at = term.isEmpty() ? -1 : body.indexOf(term, 0, Qt::CaseInsensitive);
    if (at < 0)
        return {};
    const qsizetype start = qMax<qsizetype>(0, at - kBefore);
    QString excerpt = body.mid(start, kLength).simplified();
    if (start > 0)
        excerpt.prepend(QStringLiteral("…"));
    if (start + kLength < body.size())
        excerpt.append(QStringLiteral("…"));
    return excerpt;
}

} // namespace

Result<QList<DocumentRow>> DocQueries::documents(const QString& userId)
{
    auto list = m_db.prepare(
        QStringLiteral(
            "SELECT s.id, s.name, "
            "(SELECT f.author FROM entries f WHERE f.stream = s.id ORDER BY f.pos IS NULL, f.pos, f.id LIMIT 1), "
            "(SELECT min(coalesce(f.server_time, f.created_at)) FROM entries f WHERE f.stream = s.id), "
            "(SELECT max(coalesce(f.server_time, f.created_at)) FROM entries f WHERE f.stream = s.id), "
            "(SELECT f.author FROM entries f WHERE f.stream = s.id AND f.kind IN ('doc.update', 'doc.text') "
            " ORDER BY f.id DESC LIMIT 1), "
            "(SELECT count(*) FROM entries f WHERE f.stream = s.id AND f.server_id IS NULL) "
            "FROM streams s WHERE %1")
            .arg(kDocRange.arg(QStringLiteral("s.id"))));
    if (!list)
        return list.error();
    QList<DocumentRow> rows;
    QHash<QString, qsizetype> byStream;
    while (true) {
        const Result<bool> row = (*list)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        store::Statement& q = **list;
        byStream.insert(q.text(0), rows.size());
        rows << DocumentRow{.stream = q.text(0),
                            .title = q.text(1),
                            .creator = q.text(2),
                            .lastEditor = q.text(5),
                            .createdAt = q.int64(3),
                            .updatedAt = q.int64(4),
                            .unsent = int(q.int64(6))};
    }

    // Deleted or not: the creator's newest word on it.
    auto meta = m_db.prepare(QStringLiteral("SELECT stream, author, payload FROM entries WHERE %1 AND kind = 'doc.meta' "
                                            "ORDER BY pos IS NULL, pos, id")
                                 .arg(kDocRange.arg(QStringLiteral("stream"))));
    if (!meta)
        return meta.error();
    while ((*meta)->step().valueOr(false)) {
        const auto at = byStream.constFind((*meta)->text(0));
        if (at == byStream.cend() || rows[*at].creator != (*meta)->text(1))
            continue;
        if (const auto deleted = decodeDeleted((*meta)->blob(2)))
            rows[*at].deleted = *deleted;
    }

    // Stars: the user's own preferences, in the user's own stream.
    auto prefs = m_db.prepare(QStringLiteral("SELECT payload FROM entries WHERE stream = ? AND kind = 'pref' AND "
                                             "author = ? ORDER BY pos IS NULL, pos, id"));
    if (!prefs)
        return prefs.error();
    (*prefs)->bind(1, QStringLiteral("user:") + userId).bind(2, userId);
    while ((*prefs)->step().valueOr(false)) {
        const QJsonObject pref = QJsonDocument::fromJson((*prefs)->blob(0)).object();
        const auto at = byStream.constFind(pref.value(QStringLiteral("stream")).toString());
        if (at != byStream.cend() && pref.contains(QStringLiteral("starred")))
            rows[*at].starred = pref.value(QStringLiteral("starred")).toBool();
    }
    return rows;
}

Result<QList<DocEntry>> DocQueries::contentEntriesAfter(const QString& stream, int64_t afterId, int limit)
{
    auto q = m_db.prepare(QStringLiteral("SELECT id, kind, author, payload, server_id FROM entries WHERE stream = ? "
                                         "AND kind IN ('doc.update', 'doc.snapshot', 'doc.text') "
                                         "AND id > ? ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream).bind(2, afterId).bind(3, limit);
    return entriesOf(**q);
}

Result<std::optional<DocQueries::Snapshot>> DocQueries::newestSnapshot(const QString& stream)
{
    auto q = m_db.prepare(
        QStringLiteral("SELECT s.id, s.kind, s.author, s.payload, s.server_id, "
                       "(SELECT c.pos FROM entries c WHERE c.stream = s.stream AND c.server_id = s.ref) "
                       "FROM entries s WHERE s.stream = ? AND s.kind = 'doc.snapshot' "
                       "ORDER BY s.pos IS NULL DESC, s.pos DESC, s.id DESC LIMIT 1"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Snapshot>();
    store::Statement& s = **q;
    Snapshot snapshot{DocEntry{s.int64(0), s.text(1), s.text(2), s.blob(3), s.text(4)}, std::nullopt};
    if (!s.isNull(5))
        snapshot.coveredPos = s.int64(5);
    return std::optional<Snapshot>(std::move(snapshot));
}

Result<QList<DocEntry>> DocQueries::snapshots(const QString& stream, int64_t maxId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT id, kind, author, payload, server_id FROM entries WHERE stream = ? "
                                         "AND kind = 'doc.snapshot' AND id <= ? ORDER BY id"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream).bind(2, maxId);
    return entriesOf(**q);
}

Result<int64_t> DocQueries::newestContentId(const QString& stream)
{
    auto q = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries WHERE stream = ? "
                                         "AND kind IN ('doc.update', 'doc.snapshot', 'doc.text')"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return *row ? (*q)->int64(0) : int64_t(0);
}

Result<QList<DocEntry>> DocQueries::updates(const QString& stream, int64_t maxId, int64_t coveredPos, bool covered)
{
    auto q = m_db.prepare(covered ? QStringLiteral("SELECT id, kind, author, payload, server_id FROM entries WHERE "
                                                   "stream = ? AND kind IN ('doc.update', 'doc.text') AND id <= ? "
                                                   "AND pos <= ? ORDER BY pos")
                                  : QStringLiteral("SELECT id, kind, author, payload, server_id FROM entries WHERE "
                                                   "stream = ? AND kind IN ('doc.update', 'doc.text') AND id <= ? "
                                                   "AND (pos > ? OR pos IS NULL) ORDER BY pos IS NULL, pos, id"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream).bind(2, maxId).bind(3, coveredPos);
    return entriesOf(**q);
}

Result<DocQueries::Backlog> DocQueries::updatesAfter(const QString& stream, int64_t afterId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM entries "
                                         "WHERE stream = ? AND kind = 'doc.update' AND id > ?"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream).bind(2, afterId);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return Backlog{(*q)->int64(0), (*q)->int64(1)};
}

Result<bool> DocQueries::historyComplete(const QString& stream)
{
    auto q = m_db.prepare(QStringLiteral("SELECT history_complete FROM streams WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return *row && (*q)->int64(0) != 0;
}

Result<QString> DocQueries::newestServerId(const QString& stream, int64_t maxId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT server_id FROM entries WHERE stream = ? AND id <= ? AND pos IS NOT "
                                         "NULL AND server_id IS NOT NULL ORDER BY pos DESC LIMIT 1"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream).bind(2, maxId);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return *row ? (*q)->text(0) : QString();
}

Result<QList<VersionRow>> DocQueries::versions(const QString& stream)
{
    auto q = m_db.prepare(QStringLiteral("SELECT id, kind, author, coalesce(server_time, created_at), "
                                         "CASE WHEN kind = 'doc.version' THEN payload END FROM entries "
                                         "WHERE stream = ? AND kind IN ('doc.snapshot', 'doc.version') "
                                         "ORDER BY pos IS NULL, pos, id"));
    if (!q)
        return q.error();
    (*q)->bind(1, stream);
    QList<VersionRow> rows;
    while (true) {
        const Result<bool> row = (*q)->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        store::Statement& s = **q;
        VersionRow version{s.int64(0), s.text(1), s.text(2), s.int64(3), {}};
        if (version.kind == kind::version) {
            const auto named = decodeNamedVersion(s.blob(4));
            if (!named)
                continue;
            version.name = named->name;
        }
        rows << version;
    }
}

Result<QByteArray> DocQueries::payloadOf(int64_t entryId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT payload FROM entries WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->bind(1, entryId);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return *row ? (*q)->blob(0) : QByteArray();
}

Result<QList<DocQueries::MentionRow>> DocQueries::mentionsAfter(int64_t afterId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT e.id, e.stream, e.author, e.payload, s.name FROM entries e LEFT JOIN "
                                         "streams s ON s.id = e.stream WHERE %1 AND e.kind = 'doc.mention' AND "
                                         "e.id > ? ORDER BY e.id")
                              .arg(kDocRange.arg(QStringLiteral("e.stream"))));
    if (!q)
        return q.error();
    (*q)->bind(1, afterId);
    QList<MentionRow> rows;
    while (true) {
        const Result<bool> row = (*q)->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        rows << MentionRow{(*q)->int64(0), (*q)->text(1), (*q)->text(2), (*q)->blob(3), (*q)->text(4)};
    }
}

Result<int64_t> DocQueries::newestEntryId()
{
    auto q = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
    if (!q)
        return q.error();
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return (*q)->int64(0);
}

Result<QByteArray> DocQueries::entryKey(int64_t entryId)
{
    auto q = m_db.prepare(QStringLiteral("SELECT coalesce(client_id, CAST(server_id AS BLOB)) FROM entries WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->bind(1, entryId);
    const Result<bool> row = (*q)->step();
    if (!row)
        return row.error();
    return *row ? (*q)->blob(0) : QByteArray();
}

Result<QList<SearchHit>> DocQueries::search(const QString& text, int limit)
{
    const store::FullTextQuery terms = store::fullTextQuery(text);
    if (terms.indexedPatterns.isEmpty() && terms.literalTerms.isEmpty())
        return QList<SearchHit>();
    // The text a document has now is its newest snapshot's (or, before any, its seed text's);
    // the index finds candidates, the newest-per-document condition drops stale text.
    QStringList conditions;
    const bool indexed = !terms.indexedPatterns.isEmpty();
    for (qsizetype i = 0; i < terms.indexedPatterns.size(); ++i)
        conditions << QStringLiteral("f.body LIKE ?");
    for (qsizetype i = 0; i < terms.literalTerms.size(); ++i)
        conditions << QStringLiteral("instr(lower(e.body), ?) > 0");
    const QString textSql =
        QStringLiteral("SELECT e.stream, e.body FROM %1 WHERE %2 AND %3 AND e.kind IN ('doc.snapshot', 'doc.text') "
                       "AND e.id = (SELECT n.id FROM entries n WHERE n.stream = e.stream AND n.kind IN "
                       "('doc.snapshot', 'doc.text') ORDER BY n.kind = 'doc.snapshot' DESC, n.id DESC LIMIT 1)")
            .arg(indexed ? QStringLiteral("entries_fts f JOIN entries e ON e.id = f.rowid") : QStringLiteral("entries e"),
                 conditions.join(QStringLiteral(" AND ")), kDocRange.arg(QStringLiteral("e.stream")));
    auto q = m_db.prepare(textSql);
    if (!q)
        return q.error();
    int column = 1;
    for (const QString& pattern : terms.indexedPatterns)
        (*q)->bind(column++, pattern);
    for (const QString& term : terms.literalTerms)
        (*q)->bind(column++, term);
    const QString firstTerm = text.simplified().section(u' ', 0, 0);
    QList<SearchHit> hits;
    QSet<QString> found;
    while (hits.size() < limit) {
        const Result<bool> row = (*q)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        found.insert((*q)->text(0));
        hits << SearchHit{(*q)->text(0), excerptAround((*q)->text(1), firstTerm)};
    }

    // Titles: few, so a scan with every term.
    auto titles = m_db.prepare(QStringLiteral("SELECT id, name FROM streams WHERE %1").arg(kDocRange.arg(QStringLiteral("id"))));
    if (!titles)
        return titles.error();
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    while (hits.size() < limit && (*titles)->step().valueOr(false)) {
        const QString stream = (*titles)->text(0);
        const QString title = (*titles)->text(1);
        if (found.contains(stream))
            continue;
        if (std::all_of(words.cbegin(), words.cend(),
                        [&title](const QString& w) { return title.contains(w, Qt::CaseInsensitive); }))
            hits.prepend(SearchHit{stream, {}});
    }
    return hits;
}

} // namespace convene::docs
