#pragma once

#include "convene/sync/envelopes.h"

#include <convene/core/result.h>
#include <convene/store/change_notifier.h>

namespace convene::store {
class Database;
}

namespace convene::sync {

// Applies events the backend ordered to the cache: inserts others' events, confirms our own
// pending copies, records stream heads and moves each stream's cursor over what is now
// contiguous. Used by the engine on the sync thread (and by the ingest benchmark).
class CacheWriter {
public:
    // `userId`: whose pending changes may be confirmed by incoming events (empty: anyone's).
    CacheWriter(store::Database& db, QString userId) : m_db(db), m_userId(std::move(userId)) {}

    // One transaction for the whole batch.
    Result<void> applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes);
    // Call inside a transaction.
    Result<void> advanceCursor(const QString& stream);
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
    store::Database& m_db;
    QString m_userId;
};

} // namespace convene::sync
