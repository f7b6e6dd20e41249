#include "convene/chat/search_model.h"

#include "convene/chat/chat_events.h"
#include "convene/chat/emoji.h"
#include "convene/chat/markdown.h"

#include <convene/store/full_text.h>


namespace convene::chat {

namespace {

constexpr int kSnippetLead = 40; // characters kept before the first hit
constexpr int kShortScanEntries = 100'000;

QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(u',');
}

// A message's text from its first hit on, so the hit is visible in a one-line result.
QString snippet(const QString& body, const QStringList& terms)
{
    qsizetype first = -1;
    for (const QString& term : terms) {
        const qsizetype at = body.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    if (first <= kSnippetLead)
        return body;
    qsizetype start = first - kSnippetLead;
    // Start at a word if one begins shortly after the cut.
    for (qsizetype i = start; i < first && i < start + 15; ++i)
        if (body.at(i).isSpace()) {
            start = i + 1;
            break;
        }
    if (start > 0 && body.at(start).isLowSurrogate())
        --start;
    return QStringLiteral("…") + body.mid(start);
}

} // namespace

SearchModel::SearchModel(CacheReader& cache, Directory& directory, std::function<QString(const QString&)> streamName,
                         QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_directory(directory), m_streamName(std::move(streamName))
{
}

void SearchModel::setQuery(const QString& query)
{
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    refresh();
}

QStringList SearchModel::streamsMatching(store::Database& db, const QStringList& names) const
{
    QStringList ids;
    auto streams = db.prepare(QStringLiteral("SELECT id, name FROM streams WHERE kind IN ('channel', 'private', 'dm')"));
    if (!streams)
        return ids;
    while ((*streams)->step().valueOr(false)) {
        const QString id = (*streams)->text(0);
        const QString name = m_streamName ? m_streamName(id) : (*streams)->text(1);
        for (const QString& wanted : names)
            if (name.compare(wanted, Qt::CaseInsensitive) == 0 || name.startsWith(wanted, Qt::CaseInsensitive) ||
                id.compare(wanted, Qt::CaseInsensitive) == 0)
                ids << id;
    }
    (*streams)->reset();
    return ids;
}

QStringList SearchModel::peopleMatching(const QStringList& names) const
{
    QStringList ids;
    for (const Directory::Person& person : m_directory.people())
        for (const QString& wanted : names) {
            const bool wordStart = person.name.startsWith(wanted, Qt::CaseInsensitive) ||
                                   person.name.contains(u' ' + wanted, Qt::CaseInsensitive);
            if (wordStart || person.id.compare(wanted, Qt::CaseInsensitive) == 0)
                ids << person.id;
        }
    for (const QString& wanted : names) // someone not in the directory, by id
        if (!m_directory.contains(wanted))
            ids << wanted;
    return ids;
}

void SearchModel::refresh()
{
    QList<Row> rows;
    const SearchQuery parsed = parseSearchQuery(m_query);
    const store::FullTextQuery text = store::fullTextQuery(parsed.text);
    m_terms = parsed.text.split(u' ', Qt::SkipEmptyParts);
    store::Database* db = m_cache.db();
    if (db && !parsed.isEmpty()) {
        const QStringList streams = parsed.channels.isEmpty() ? QStringList() : streamsMatching(*db, parsed.channels);
        const QStringList people = parsed.people.isEmpty() ? QStringList() : peopleMatching(parsed.people);
        const bool filtersMatchNothing = (!parsed.channels.isEmpty() && streams.isEmpty()) ||
                                         (!parsed.people.isEmpty() && people.isEmpty());
        if (!filtersMatchNothing) {
            const bool indexed = !text.indexedPatterns.isEmpty();
            QString sql = QStringLiteral(
                "SELECT e.stream, CASE WHEN e.kind = 'message' THEN e.pos "
                "ELSE (SELECT t.pos FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END, "
                "(SELECT r.pos FROM entries r WHERE r.stream = e.stream AND r.server_id = "
                "CASE WHEN e.kind = 'message' THEN e.ref "
                "ELSE (SELECT t.ref FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref) END), "
                "e.author, coalesce(e.server_time, e.created_at), e.body ");
            sql += indexed ? QStringLiteral("FROM entries_fts f JOIN entries e ON e.id = f.rowid WHERE ")
                           : QStringLiteral("FROM entries e WHERE ");
            QStringList conditions;
            for (qsizetype i = 0; i < text.indexedPatterns.size(); ++i)
                conditions << QStringLiteral("f.body LIKE ?");
            for (qsizetype i = 0; i < text.literalTerms.size(); ++i)
                conditions << QStringLiteral("instr(lower(e.body), ?) > 0");
            conditions << QStringLiteral("e.kind IN ('message', 'message.edit') AND e.body <> ''");
            if (!streams.isEmpty())
                // "+" keeps SQLite from starting at the stream's index and sorting all of a big channel:
                // newest index hits first, filtered, stop at the limit.
                conditions << QStringLiteral("+e.stream IN (%1)").arg(placeholders(streams.size()));
            if (!people.isEmpty())
                conditions << QStringLiteral("+e.author IN (%1)").arg(placeholders(people.size()));
            // Terms under three characters cannot use the index: scan, but only the newest entries,
            // so a rare short word cannot stall the window.
            if (!indexed)
                conditions << QStringLiteral("e.id > (SELECT coalesce(max(id), 0) FROM entries) - %1").arg(kShortScanEntries);
            // A message that was edited or deleted afterwards no longer says this.
            conditions << QStringLiteral(
                "NOT EXISTS (SELECT 1 FROM entries x WHERE x.stream = e.stream AND x.kind <> 'message' "
                "AND x.ref = CASE WHEN e.kind = 'message' THEN e.server_id ELSE e.ref END "
                "AND x.kind IN ('message.edit', 'message.delete') AND x.id > e.id)");
            sql += conditions.join(QStringLiteral(" AND "));
            sql += indexed ? QStringLiteral(" ORDER BY f.rowid DESC LIMIT %1") : QStringLiteral(" ORDER BY e.id DESC LIMIT %1");
            auto statement = db->prepare(sql.arg(kLimit));
            if (statement) {
                store::Statement& q = **statement;
                int column = 1;
                for (const QString& pattern : text.indexedPatterns)
                    q.bind(column++, pattern);
                for (const QString& term : text.literalTerms)
                    q.bind(column++, term);
                for (const QString& id : streams)
                    q.bind(column++, id);
                for (const QString& id : people)
                    q.bind(column++, id);
                while (q.step().valueOr(false))
                    rows << Row{q.text(0), q.isNull(1) ? 0 : q.int64(1), q.isNull(2) ? 0 : q.int64(2), q.text(3),
                                QDateTime::fromMSecsSinceEpoch(q.int64(4)), q.text(5)};
                q.reset();
            } else {
                qWarning("search: %s", qPrintable(statement.error().message));
            }
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit resultsChanged();
}

int SearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case StreamIdRole: return row.streamId;
    case StreamNameRole: return m_streamName ? m_streamName(row.streamId) : row.streamId;
    case PosRole: return qint64(row.pos);
    case ThreadRootRole: return qint64(row.threadRoot);
    case AuthorNameRole: return m_directory.name(row.author);
    case TimeRole: return row.time;
    case Qt::DisplayRole: return row.body;
    case SnippetRole:
        return wrapEmojiRuns(highlightTerms(snippet(row.body, m_terms), m_terms, m_highlightColor), colorEmojiFontFamily());
    default: return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{StreamIdRole, "streamId"},     {StreamNameRole, "streamName"}, {PosRole, "pos"},
            {ThreadRootRole, "threadRoot"}, {AuthorNameRole, "authorName"}, {TimeRole, "time"},
            {SnippetRole, "snippet"}};
}

} // namespace convene::chat
