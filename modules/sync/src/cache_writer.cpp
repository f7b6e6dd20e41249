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

QByteArray idBytes(const QUuid& id)
{
    return id.toRfc4122();
}
} // namespace

int64_t CacheWriter::lastEntryId()
{
    auto last = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
    if (!last || !(*last)->step().valueOr(false))
        return 0;
    const int64_t id = (*last)->int64(0);
    (*last)->reset();
    return id;
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

Result<void> CacheWriter::applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes)
{
    if (events.isEmpty())
        return {};
    store::Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.beginResult();
    const int64_t firstNew = lastEntryId();
    auto own = m_db.prepare(QStringLiteral(
        "UPDATE entries SET seq = ?, server_id = ?, server_time = ?, author = ?, state = 0, error = NULL "
        "WHERE client_id = ? AND (seq IS NULL OR seq = ?)"));
    auto sent = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO entries(stream, seq, client_id, server_id, kind, author, body, payload, state, "
        "created_at, server_time, ref) VALUES(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    auto stream = m_db.prepare(QStringLiteral(
        "INSERT INTO streams(id, head) VALUES(?, ?) ON CONFLICT(id) DO UPDATE SET head = max(head, excluded.head)"));
    if (!own || !sent || !insert || !stream)
        return makeError(ErrorCode::Internal, QStringLiteral("cannot prepare event statements"));

    QHash<QString, int64_t> heads;
    for (const RemoteEvent& e : events) {
        const QByteArray id = e.clientId.isNull() ? QByteArray() : idBytes(e.clientId);
        bool applied = false;
        // Only our own events can confirm a pending copy; others' go straight in.
        if (!id.isEmpty() && (m_userId.isEmpty() || e.author == m_userId)) {
            if (Result<void> r = (*own)->bind(1, e.seq).bind(2, e.serverId).bind(3, e.serverTime).bind(4, e.author)
                                      .bind(5, id).bind(6, e.seq).run(); !r)
                return r;
            applied = m_db.changes() > 0;
            if (applied)
                if (Result<void> r = (*sent)->bind(1, id).run(); !r)
                    return r;
        }
        if (!applied) {
            (*insert)->bind(1, e.stream).bind(2, e.seq).bind(5, e.kind).bind(6, e.author).bind(7, e.body)
                .bind(8, e.payload).bind(9, e.serverTime).bind(10, e.serverTime).bind(4, e.serverId);
            (*insert)->bind(3, nullptr); // only our own changes need their client id
            (*insert)->bindOptional(11, storedRef(e.ref));
            if (Result<void> r = (*insert)->run(); !r)
                return r;
        }
        if (Result<void> r = applyStreamMeta(e.stream, e.kind, e.payload); !r)
            return r;
        int64_t& head = heads[e.stream];
        head = std::max(head, e.seq);
    }
    for (auto it = heads.cbegin(); it != heads.cend(); ++it) {
        if (Result<void> r = (*stream)->bind(1, it.key()).bind(2, it.value()).run(); !r)
            return r;
        if (Result<void> r = advanceCursor(it.key()); !r)
            return r;
        changes.streams.insert(it.key());
    }
    changes.tables.unite({kEntries, kStreams, kOutbox});
    if (Result<void> r = indexEntriesAfter(firstNew); !r)
        return r;
    return transaction.commit();
}

Result<void> CacheWriter::applyStreamMeta(const QString& streamId, const QString& kind, const QByteArray& payload)
{
    if (kind != QStringView(kStreamCreateKind) && kind != QStringView(kStreamUpdateKind))
        return {};
    const QJsonObject meta = QJsonDocument::fromJson(payload).object();
    auto update = m_db.prepare(QStringLiteral(
        "UPDATE streams SET kind = coalesce(?, kind), name = coalesce(?, name), topic = coalesce(?, topic) WHERE id = ?"));
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

Result<void> CacheWriter::advanceCursor(const QString& streamId)
{
    auto read = m_db.prepare(QStringLiteral("SELECT cursor, oldest FROM streams WHERE id = ?"));
    if (!read)
        return read.error();
    (*read)->bind(1, streamId);
    if (!(*read)->step().valueOr(false)) {
        (*read)->reset();
        return {};
    }
    int64_t cursor = (*read)->int64(0);
    const bool known = !(*read)->isNull(1);
    int64_t oldest = known ? (*read)->int64(1) : 0;
    (*read)->reset();

    auto lowest = m_db.prepare(QStringLiteral("SELECT min(seq) FROM entries WHERE stream = ? AND seq IS NOT NULL"));
    (*lowest)->bind(1, streamId);
    if ((*lowest)->step().valueOr(false) && !(*lowest)->isNull(0)) {
        const int64_t minSeq = (*lowest)->int64(0);
        if (!known || minSeq < oldest)
            oldest = minSeq;
        if (!known || cursor < oldest - 1)
            cursor = std::max(cursor, oldest - 1);
    }
    (*lowest)->reset();

    auto next = m_db.prepare(QStringLiteral(
        "SELECT seq FROM entries WHERE stream = ? AND seq > ? ORDER BY seq LIMIT 512"));
    for (;;) {
        (*next)->bind(1, streamId).bind(2, cursor);
        int rows = 0;
        bool contiguous = true;
        while ((*next)->step().valueOr(false)) {
            ++rows;
            if ((*next)->int64(0) != cursor + 1) {
                contiguous = false;
                break;
            }
            ++cursor;
        }
        (*next)->reset();
        if (!contiguous || rows < 512)
            break;
    }
    auto write = m_db.prepare(QStringLiteral("UPDATE streams SET cursor = ?, oldest = ? WHERE id = ?"));
    (*write)->bind(1, cursor).bind(3, streamId);
    if (oldest > 0)
        (*write)->bind(2, oldest);
    else
        (*write)->bind(2, nullptr);
    return (*write)->run();
}

} // namespace convene::sync
