#include "convene/sync/cache_writer.h"

#include <convene/store/database.h>
#include <convene/store/transaction.h>

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace convene::sync {

namespace {
const QString kEntries = QStringLiteral("entries");
const QString kOutbox = QStringLiteral("outbox");
const QString kStreams = QStringLiteral("streams");
constexpr int64_t kFirstPosition = 1'000'000'000;

QByteArray idBytes(const QUuid& id)
{
    return id.isNull() ? QByteArray() : id.toRfc4122();
}

// Empty text is stored as NULL, so "refers to nothing" and "no cursor" read as such.
store::Statement& bindOrNull(store::Statement& statement, int index, const QString& text)
{
    return text.isEmpty() ? statement.bind(index, nullptr) : statement.bind(index, text);
}
} // namespace

int64_t CacheWriter::lastEntryId()
{
    auto last = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
    if (!last || !(*last)->step().valueOr(false))
        return 0;
    return (*last)->int64(0);
}

Result<void> CacheWriter::indexEntriesAfter(int64_t afterId)
{
    auto index = m_db.prepare(QStringLiteral(
        "INSERT INTO entries_fts(rowid, body) SELECT id, body FROM entries WHERE id > ? AND body <> ''"));
    if (!index)
        return index.error();
    return (*index)->bind(1, afterId).run();
}

Result<bool> CacheWriter::mergeIndex(int pages)
{
    const int before = int(sqlite3_total_changes(m_db.handle()));
    auto merge = m_db.prepare(QStringLiteral("INSERT INTO entries_fts(entries_fts, rank) VALUES('merge', ?)"));
    if (!merge)
        return merge.error();
    if (Result<void> r = (*merge)->bind(1, pages).run(); !r)
        return r.error();
    // FTS5 counts one change for the command itself and more when it merged something.
    return int(sqlite3_total_changes(m_db.handle())) - before >= 2;
}

Result<void> CacheWriter::applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes, Placement placement)
{
    if (events.isEmpty())
        return {};
    store::Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.beginResult();
    const int64_t firstNew = lastEntryId();

    QHash<QString, QList<const RemoteEvent*>> byStream;
    QStringList order;
    for (const RemoteEvent& e : events) {
        auto& list = byStream[e.stream];
        if (list.isEmpty())
            order << e.stream;
        list << &e;
    }
    auto stream = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO streams(id) VALUES(?)"));
    if (!stream)
        return stream.error();
    for (const QString& id : std::as_const(order)) {
        if (Result<void> r = (*stream)->bind(1, id).run(); !r)
            return r;
        if (Result<void> r = placeStream(id, byStream.value(id), placement); !r)
            return r;
        changes.streams.insert(id);
    }
    changes.tables.unite({kEntries, kStreams, kOutbox});
    if (Result<void> r = indexEntriesAfter(firstNew); !r)
        return r;
    return transaction.commit();
}

Result<int64_t> CacheWriter::boundaryPosition(const QString& stream, Placement placement)
{
    auto query =
        m_db.prepare(placement == Placement::Newest ? QStringLiteral("SELECT max(pos) FROM entries WHERE stream = ?")
                                                    : QStringLiteral("SELECT min(pos) FROM entries WHERE stream = ?"));
    if (!query)
        return query.error();
    (*query)->bind(1, stream);
    Result<bool> row = (*query)->step();
    // An empty stream starts high, leaving room below for older history: positions stay
    // positive, and 0 can mean "not placed".
    const int64_t position = row && *row && !(*query)->isNull(0) ? (*query)->int64(0) : kFirstPosition - 1;
    if (!row)
        return row.error();
    return position;
}

// Gives the events consecutive positions at one end of the stream's order, skipping events that
// are already cached, then moves the stream's cursors past them.
Result<void> CacheWriter::placeStream(const QString& streamId, const QList<const RemoteEvent*>& events,
                                      Placement placement)
{
    Result<int64_t> boundary = boundaryPosition(streamId, placement);
    if (!boundary)
        return boundary.error();
    int64_t position = *boundary;
    const bool newest = placement == Placement::Newest;
    auto own = m_db.prepare(QStringLiteral(
        "UPDATE OR IGNORE entries SET pos = ?, server_id = ?, server_time = ?, author = ?, state = 0, error = NULL "
        "WHERE client_id = ? AND pos IS NULL"));
    auto sent = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO entries(stream, pos, server_id, kind, author, body, payload, state, created_at, "
        "server_time, ref) VALUES(?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    if (!own || !sent || !insert)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare event statements"));

    // Older history arrives oldest first but is placed below what is cached, newest first.
    for (qsizetype n = 0; n < events.size(); ++n) {
        const RemoteEvent& e = *events.at(newest ? n : events.size() - 1 - n);
        const int64_t next = newest ? position + 1 : position - 1;
        const QByteArray id = idBytes(e.clientId);
        bool placed = false;
        // Only our own events can confirm a pending copy; others' go straight in.
        if (!id.isEmpty() && (m_userId.isEmpty() || e.author == m_userId)) {
            if (Result<void> r = bindOrNull((*own)->bind(1, next), 2, e.serverId)
                                     .bind(3, e.serverTime)
                                     .bind(4, e.author)
                                     .bind(5, id)
                                     .run();
                !r)
                return r;
            placed = m_db.changes() > 0;
            if (placed)
                if (Result<void> r = (*sent)->bind(1, id).run(); !r)
                    return r;
        }
        if (!placed) {
            (*insert)
                ->bind(1, streamId)
                .bind(2, next)
                .bind(4, e.kind)
                .bind(5, e.author)
                .bind(6, e.body)
                .bind(7, e.payload)
                .bind(8, e.serverTime)
                .bind(9, e.serverTime);
            bindOrNull(**insert, 3, e.serverId);
            bindOrNull(**insert, 10, e.ref);
            if (Result<void> r = (*insert)->run(); !r)
                return r;
            placed = m_db.changes() > 0;
        }
        if (placed) {
            position = next;
            if (Result<void> r = applyStreamMeta(streamId, e.kind, e.payload); !r)
                return r;
        }
    }

    auto cursors =
        m_db.prepare(newest ? QStringLiteral("UPDATE streams SET newest_cursor = coalesce(?1, newest_cursor), "
                                             "oldest_cursor = coalesce(oldest_cursor, ?2) WHERE id = ?3")
                            : QStringLiteral("UPDATE streams SET oldest_cursor = coalesce(?2, oldest_cursor), "
                                             "newest_cursor = coalesce(newest_cursor, ?1) WHERE id = ?3"));
    if (!cursors)
        return cursors.error();
    bindOrNull(**cursors, 1, events.constLast()->cursor);
    bindOrNull(**cursors, 2, events.constFirst()->cursor);
    return (*cursors)->bind(3, streamId).run();
}

Result<void> CacheWriter::confirm(const Ack& ack)
{
    const QByteArray id = idBytes(ack.clientId);
    // If the event already arrived from the live stream as a separate entry, the pending copy
    // is redundant.
    auto duplicate = m_db.prepare(QStringLiteral(
        "DELETE FROM entries WHERE client_id = ?1 AND pos IS NULL AND "
        "EXISTS (SELECT 1 FROM entries d WHERE d.stream = ?2 AND d.server_id = ?3 AND d.client_id IS NOT ?1)"));
    auto update = m_db.prepare(QStringLiteral(
        "UPDATE entries SET server_id = ?, server_time = ?, state = 0, error = NULL WHERE client_id = ?"));
    auto done = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    auto entryRefs = m_db.prepare(QStringLiteral("UPDATE entries SET ref = ?, ref_client = NULL WHERE ref_client = ?"));
    auto outboxRefs = m_db.prepare(QStringLiteral("UPDATE outbox SET ref = ?, ref_client = NULL WHERE ref_client = ?"));
    if (!duplicate || !update || !done || !entryRefs || !outboxRefs)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare acknowledgement statements"));
    if (Result<void> r = (*duplicate)->bind(1, id).bind(2, ack.stream).bind(3, ack.serverId).run(); !r)
        return r;
    if (Result<void> r = bindOrNull(**update, 1, ack.serverId).bind(2, ack.serverTime).bind(3, id).run(); !r)
        return r;
    if (Result<void> r = (*done)->bind(1, id).run(); !r)
        return r;
    if (ack.serverId.isEmpty())
        return {};
    if (Result<void> r = (*entryRefs)->bind(1, ack.serverId).bind(2, id).run(); !r)
        return r;
    return (*outboxRefs)->bind(1, ack.serverId).bind(2, id).run();
}

Result<void> CacheWriter::applyStreamMeta(const QString& streamId, const QString& kind, const QByteArray& payload)
{
    if (kind != QStringView(kStreamCreateKind) && kind != QStringView(kStreamUpdateKind))
        return {};
    const QJsonObject meta = QJsonDocument::fromJson(payload).object();
    auto update = m_db.prepare(QStringLiteral("UPDATE streams SET kind = coalesce(?, kind), name = coalesce(?, name), "
                                              "topic = coalesce(?, topic) WHERE id = ?"));
    if (!update)
        return update.error();
    int column = 1;
    for (const char* key : {"kind", "name", "topic"}) {
        const QJsonValue value = meta.value(QLatin1String(key));
        if (value.isString())
            (*update)->bind(column, value.toString());
        else
            (*update)->bind(column, nullptr);
        ++column;
    }
    return (*update)->bind(4, streamId).run();
}

} // namespace convene::sync
