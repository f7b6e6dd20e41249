#include "convene/sync/sync_engine.h"

#include "logging.h"
#include "sync_engine_support.h"

#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/transaction.h>

namespace convene::sync {

using namespace engine_support;

namespace {

constexpr quint64 kHistoryRequestBit = quint64(1) << 63; // keeps our ids apart from callers'
// Live events held per stream while it catches up; past this the backend's copy is enough.
constexpr qsizetype kMaxHeldLive = 5000;

} // namespace

SyncEngine::StreamCursors SyncEngine::cursorsOf(const QString& stream)
{
    StreamCursors cursors;
    auto read = m_db->prepare(
        QStringLiteral("SELECT newest_cursor, oldest_cursor, head_cursor, history_complete FROM streams WHERE id = ?"));
    if (!read)
        return cursors;
    (*read)->bind(1, stream);
    if ((*read)->step().valueOr(false)) {
        cursors.known = true;
        cursors.newest = (*read)->text(0);
        cursors.oldest = (*read)->text(1);
        cursors.head = (*read)->text(2);
        cursors.complete = (*read)->int64(3) != 0;
    }
    return cursors;
}

void SyncEngine::fetch(const HistoryQuery& query, FetchPurpose purpose)
{
    if (m_state != ConnectionState::Online || m_fetching.contains(query.stream))
        return;
    const quint64 requestId = kHistoryRequestBit | m_nextRequestId++;
    qCDebug(lcSync) << "fetching" << query.stream
                    << (query.direction == HistoryQuery::Direction::After ? "after" : "before") << query.cursor;
    m_fetching.insert(query.stream);
    m_historyRequests.insert(requestId, {query, purpose});
    m_backend->fetchHistory(requestId, query);
}

// Brings a stream up to date: the newest page for a stream never fetched, else everything
// after its newest cached cursor.
void SyncEngine::catchUp(const QString& stream)
{
    if (!m_db || m_caughtUp.contains(stream) || m_fetching.contains(stream))
        return;
    const StreamCursors cursors = cursorsOf(stream);
    if (cursors.newest.isEmpty()) {
        if (cursors.known && cursors.head.isEmpty() && !m_heldLive.contains(stream))
            return caughtUp(stream); // listed as empty
        return fetch({stream, HistoryQuery::Direction::Before, {}, m_options.initialHistory}, FetchPurpose::Initial);
    }
    if (!cursors.head.isEmpty() && cursors.head == cursors.newest && !m_heldLive.contains(stream)) {
        historyFilled(stream);
        return caughtUp(stream);
    }
    fetch({stream, HistoryQuery::Direction::After, cursors.newest, m_options.historyPageSize}, FetchPurpose::CatchUp);
}

void SyncEngine::caughtUp(const QString& stream)
{
    if (m_heldOverflowed.remove(stream)) {
        // Another round, from the newest cursor this one reached (none: from the oldest event):
        // what was not held is after it.
        m_heldLive.remove(stream);
        const StreamCursors cursors = cursorsOf(stream);
        return fetch({stream, HistoryQuery::Direction::After, cursors.newest, m_options.historyPageSize},
                     FetchPurpose::CatchUp);
    }
    m_caughtUp.insert(stream);
    m_fetchAttempts.remove(stream);
    const QList<RemoteEvent> held = m_heldLive.take(stream);
    store::ChangeSet changes;
    if (!held.isEmpty() && applyBatch(held, CacheWriter::Placement::Newest, changes))
        m_notifier->post(changes);
}

bool SyncEngine::applyBatch(const QList<RemoteEvent>& events, CacheWriter::Placement placement,
                            store::ChangeSet& changes)
{
    if (Result<void> applied = m_writer->applyEvents(events, changes, placement); !applied) {
        qCWarning(lcSync) << "could not apply remote events:" << applied.error().message;
        return false;
    }
    scheduleIndexMaintenance();
    outboxChanged(); // a server's copy of our own change settles its outbox row
    return true;
}

void SyncEngine::applyLive(const QList<RemoteEvent>& events)
{
    if (!m_db)
        return;
    QList<RemoteEvent> ready;
    QSet<QString> behind;
    for (const RemoteEvent& e : events) {
        if (m_caughtUp.contains(e.stream)) {
            ready << e;
            continue;
        }
        QList<RemoteEvent>& held = m_heldLive[e.stream];
        if (held.size() < kMaxHeldLive) {
            held << e;
        } else {
            // Too many to hold: the backend keeps them, and another round of catching up
            // fetches them once this one is done.
            held.clear();
            m_heldOverflowed.insert(e.stream);
        }
        behind.insert(e.stream);
    }
    store::ChangeSet changes;
    if (!ready.isEmpty() && applyBatch(ready, CacheWriter::Placement::Newest, changes))
        m_notifier->post(changes);
    for (const QString& stream : std::as_const(behind))
        catchUp(stream);
}

void SyncEngine::markHistoryComplete(const QString& stream)
{
    auto complete = m_db->prepare(QStringLiteral("UPDATE streams SET history_complete = 1 WHERE id = ?"));
    if (complete)
        (void)(*complete)->bind(1, stream).run();
}

void SyncEngine::onStreamsListed(const QList<StreamInfo>& streams)
{
    if (!m_db)
        return;
    QSet<QString> ids;
    {
        store::Transaction transaction(*m_db);
        auto upsert = m_db->prepare(QStringLiteral(
            "INSERT INTO streams(id, kind, name, topic, head_cursor) VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE "
            "SET "
            "kind = excluded.kind, name = excluded.name, topic = excluded.topic, head_cursor = excluded.head_cursor"));
        for (const StreamInfo& s : streams) {
            (*upsert)->bind(1, s.id).bind(2, s.kind).bind(3, s.name).bind(4, s.topic);
            if (s.headCursor.isEmpty())
                (*upsert)->bind(5, nullptr);
            else
                (*upsert)->bind(5, s.headCursor);
            (void)(*upsert)->run();
            ids.insert(s.id);
        }
        if (Result<void> ok = transaction.commit(); !ok)
            qCWarning(lcSync) << "could not store the stream list:" << ok.error().message;
    }
    m_notifier->post({{kStreams}, ids});
    for (const QString& id : std::as_const(ids))
        catchUp(id);
}

void SyncEngine::onHistoryFetched(quint64 requestId, const HistoryPage& page)
{
    if (!m_historyRequests.contains(requestId) || !m_db)
        return; // an answer to a request from before a reconnect
    const PendingFetch request = m_historyRequests.take(requestId);
    const QString stream = request.query.stream;
    m_fetching.remove(stream);
    qCDebug(lcSync) << "history of" << stream << page.events.size() << "events, more:" << page.more;
    if (page.cursorLost) {
        // The history after our newest entry is gone: start again from the newest page, after
        // everything cached. What expired in between cannot be had any more.
        qCWarning(lcSync) << "the history of" << stream << "no longer reaches the cached part; resuming at its newest";
        if (request.purpose == FetchPurpose::CatchUp)
            fetch({stream, HistoryQuery::Direction::Before, {}, m_options.initialHistory}, FetchPurpose::Initial);
        else if (request.purpose == FetchPurpose::Older)
            markHistoryComplete(stream);
        return;
    }
    QList<RemoteEvent> events;
    events.reserve(page.events.size());
    for (const RemoteEvent& e : page.events)
        if (e.stream == stream) // a page answers for one stream only
            events << e;
    store::ChangeSet changes;
    const auto placement =
        request.purpose == FetchPurpose::Older ? CacheWriter::Placement::Oldest : CacheWriter::Placement::Newest;
    if (!applyBatch(events, placement, changes))
        return;
    if (request.purpose != FetchPurpose::CatchUp && !page.more)
        markHistoryComplete(stream);
    // A page that begins where the stream does names its first entry, and so its owner.
    const bool fromStart =
        request.query.direction == HistoryQuery::Direction::Before ? !page.more : request.query.cursor.isEmpty();
    if (fromStart && !events.isEmpty())
        if (Result<void> r = m_writer->recordHistoryStart(stream, events.constFirst(), changes); !r)
            qCWarning(lcSync) << "could not record where" << stream << "begins:" << r.error().message;
    changes.streams.insert(stream);
    changes.tables.insert(kStreams);
    m_notifier->post(changes);
    switch (request.purpose) {
    case FetchPurpose::Initial: caughtUp(stream); break;
    case FetchPurpose::CatchUp: {
        const QString next = !page.endCursor.isEmpty() ? page.endCursor
                             : events.isEmpty()        ? QString()
                                                       : events.constLast().cursor;
        if (!page.more) {
            m_catchUpCursors.remove(stream);
            historyFilled(stream);
            caughtUp(stream);
        } else if (!next.isEmpty() && next != request.query.cursor && !m_catchUpCursors[stream].contains(next)) {
            m_catchUpCursors[stream].insert(next);
            fetch({stream, HistoryQuery::Direction::After, next, m_options.historyPageSize}, FetchPurpose::CatchUp);
        } else {
            // The backend says there is more but gives nothing new (a head it cannot return, an
            // archive that lost its newest part): asking again at once would only spin.
            historyGap(stream, request.query.cursor);
        }
        break;
    }
    case FetchPurpose::Older:
        if (page.more && events.isEmpty()) {
            // Older history exists but cannot be had now: later requests wait.
            const int64_t delay = m_options.gapBackoff.delayMs(m_olderAttempts[stream]++, m_random);
            m_olderNotBefore.insert(stream, nowMs() + delay);
            reportGap(stream, true);
        } else {
            m_olderAttempts.remove(stream);
            m_olderNotBefore.remove(stream);
            if (!m_gapAttempts.contains(stream))
                reportGap(stream, false);
        }
        break;
    }
}

// Catching up a stream stopped at a gap the backend cannot fill. What arrived live meanwhile is
// newer than the gap and is shown (the stream stays live); the gap is reported, and filling it
// is tried again later, less and less often.
void SyncEngine::historyGap(const QString& stream, const QString& cursor)
{
    m_catchUpCursors.remove(stream);
    const int attempt = m_gapAttempts[stream]++;
    const int64_t delay = m_options.gapBackoff.delayMs(attempt, m_random);
    if (attempt == 0)
        qCWarning(lcSync) << "the history of" << stream << "cannot be loaded after" << cursor
                          << "although the backend says there is more; trying again later";
    else
        qCDebug(lcSync) << "still a gap in" << stream << "after" << cursor << "; next try in" << delay << "ms";
    reportGap(stream, true);
    caughtUp(stream);
    QTimer::singleShot(int(delay), this, [this, stream, connection = m_connection] {
        if (m_state != ConnectionState::Online || connection != m_connection || !m_db)
            return;
        m_caughtUp.remove(stream);
        catchUp(stream);
    });
}

void SyncEngine::historyFilled(const QString& stream)
{
    m_gapAttempts.remove(stream);
    reportGap(stream, false);
}

void SyncEngine::reportGap(const QString& stream, bool gap)
{
    if (gap == m_gapStreams.contains(stream))
        return;
    if (gap)
        m_gapStreams.insert(stream);
    else
        m_gapStreams.remove(stream);
    QStringList streams = m_gapStreams.values();
    streams.sort();
    emit historyGapsChanged(streams);
}

void SyncEngine::onRequestFailed(quint64 requestId, const Error& reason)
{
    if (requestId & kHistoryRequestBit) {
        if (!m_historyRequests.contains(requestId))
            return; // a request from before a reconnect
        const PendingFetch request = m_historyRequests.take(requestId);
        const QString stream = request.query.stream;
        m_fetching.remove(stream);
        qCWarning(lcSync) << "history request for" << stream << "failed:" << reason.message;
        if (request.purpose == FetchPurpose::Older)
            return; // asked again when the user scrolls
        if (reason.code == ErrorCode::PermissionDenied)
            return; // not ours to read (not a member): asked again when something of it arrives
        // Without its history the stream stays behind: try again, backing off.
        const int64_t delay = m_options.submitBackoff.delayMs(m_fetchAttempts[stream]++, m_random);
        QTimer::singleShot(int(delay), this, [this, stream] {
            if (m_state == ConnectionState::Online)
                catchUp(stream);
        });
        return;
    }
    emit requestFailed(requestId, reason.message);
}

} // namespace convene::sync
