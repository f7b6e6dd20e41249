#include "convene/chat/search_model.h"

#include "queries/stream_queries.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/emoji.h"
#include "convene/chat/markdown.h"

#include "message_search.h"
#include "search_worker.h"

#include <convene/store/full_text.h>

namespace convene::chat {

namespace {

constexpr int kSnippetLead = 40; // characters kept before the first hit

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
    : QAbstractListModel(parent),
      m_cache(cache),
      m_directory(directory),
      m_streamName(std::move(streamName)),
      m_worker(new SearchWorker(m_newest))
{
    m_thread.setObjectName(QStringLiteral("search"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SearchWorker::found, this, &SearchModel::onFound);
    connect(m_worker, &SearchWorker::failed, this, [this](quint64 generation, const QString& reason) {
        if (generation != m_newest->load())
            return;
        qWarning("search: %s", qPrintable(reason));
        show({});
    });
    m_thread.start();
}

SearchModel::~SearchModel()
{
    m_newest->store(0); // queued searches are skipped
    m_thread.quit();
    m_thread.wait();
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
    for (const StreamRecord& stream : StreamQueries(db).conversations()) {
        const QString& id = stream.id;
        const QString name = m_streamName ? m_streamName(id) : stream.name;
        for (const QString& wanted : names)
            if (name.compare(wanted, Qt::CaseInsensitive) == 0 || name.startsWith(wanted, Qt::CaseInsensitive) ||
                id.compare(wanted, Qt::CaseInsensitive) == 0)
                ids << id;
    }
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
    const quint64 generation = m_newest->load() + 1;
    m_newest->store(generation);
    const SearchQuery parsed = parseSearchQuery(m_query);
    m_terms = parsed.text.split(u' ', Qt::SkipEmptyParts);
    store::Database* db = m_cache.db();
    if (!db || parsed.isEmpty())
        return show({});
    // The filters are resolved here, where the names are known; they read only the directory
    // and the (short) list of streams.
    MessageSearchRequest request;
    request.text = store::fullTextQuery(parsed.text);
    request.streams = parsed.channels.isEmpty() ? QStringList() : streamsMatching(*db, parsed.channels);
    request.people = parsed.people.isEmpty() ? QStringList() : peopleMatching(parsed.people);
    request.limit = kLimit;
    if ((!parsed.channels.isEmpty() && request.streams.isEmpty()) ||
        (!parsed.people.isEmpty() && request.people.isEmpty()))
        return show({});
    setSearching(true);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, path = db->path(), request] {
        worker->search(generation, path, request);
    });
}

void SearchModel::onFound(quint64 generation, const QList<MessageSearchHit>& hits)
{
    if (generation != m_newest->load())
        return; // answers a query the user has typed on from
    QList<Row> rows;
    rows.reserve(hits.size());
    for (const MessageSearchHit& hit : hits)
        rows << Row{hit.streamId, hit.pos, hit.threadRoot, hit.author, hit.time, hit.body};
    show(std::move(rows));
}

void SearchModel::show(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    setSearching(false);
    emit resultsChanged();
}

void SearchModel::setSearching(bool searching)
{
    if (m_searching == searching)
        return;
    m_searching = searching;
    emit searchingChanged();
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
        return wrapEmojiRuns(highlightTerms(snippet(row.body, m_terms), m_terms, m_highlightColor),
                             colorEmojiFontFamily());
    case SnippetTextRole: return snippet(row.body, m_terms);
    default: return {};
    }
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{StreamIdRole, "streamId"},     {StreamNameRole, "streamName"}, {PosRole, "pos"},
            {ThreadRootRole, "threadRoot"}, {AuthorNameRole, "authorName"}, {TimeRole, "time"},
            {SnippetRole, "snippet"},       {SnippetTextRole, "snippetText"}};
}

} // namespace convene::chat
