#pragma once

#include "convene/sync/envelopes.h"

#include <convene/core/result.h>
#include <convene/store/change_notifier.h>

namespace convene::store {
class Database;
}

namespace convene::sync {

// Applies events the backend ordered to the cache: inserts others' events, confirms our own
// pending copies, gives each entry its local position and keeps each stream's paging cursors.
// Used by the engine on the sync thread (and by the ingest benchmark).
class CacheWriter {
public:
    // Where a batch of events goes in the stream's local order.
    enum class Placement {
        Newest, // after every placed entry: live events, catch-up pages, the first page
        Oldest, // before every placed entry: older history
    };

    // `userId`: whose pending changes may be confirmed by incoming events (empty: anyone's).
    CacheWriter(store::Database& db, QString userId) : m_db(db), m_userId(std::move(userId)) { }

    // One transaction for the whole batch. Events already cached (same server id) are skipped.
    Result<void> applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes,
                             Placement placement = Placement::Newest);
    // Records an acknowledgement: the pending copy gets its server id, its outbox row goes, and
    // entries that referred to it by client id now refer to its server id. Call inside a transaction.
    Result<void> confirm(const Ack& ack);
    // Keeps the stream's kind, name and topic from stream.create / stream.update events (other
    // kinds are ignored). Call inside a transaction.
    Result<void> applyStreamMeta(const QString& stream, const QString& kind, const QByteArray& payload);
    // Adds entries with id > `afterId` to the full-text index. Call last in a transaction:
    // every statement after it would flush the index's pending terms again.
    Result<void> indexEntriesAfter(int64_t afterId);
    int64_t lastEntryId();
    // Merges some full-text index segments (a bounded amount of work, its own transaction).
    // Returns whether there was anything to merge.
    Result<bool> mergeIndex(int pages = 400);

private:
    Result<void> placeStream(const QString& stream, const QList<const RemoteEvent*>& events, Placement placement);
    Result<int64_t> boundaryPosition(const QString& stream, Placement placement);

    store::Database& m_db;
    QString m_userId;
};

} // namespace convene::sync
