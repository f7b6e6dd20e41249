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
    explicit CacheWriter(store::Database& db) : m_db(db) {}

    // One transaction for the whole batch.
    Result<void> applyEvents(const QList<RemoteEvent>& events, store::ChangeSet& changes);
    // Call inside a transaction.
    Result<void> advanceCursor(const QString& stream);
    // Adds entries with id > `afterId` to the full-text index. Call last in a transaction:
    // every statement after it would flush the index's pending terms again.
    Result<void> indexEntriesAfter(int64_t afterId);
    int64_t lastEntryId();

private:
    store::Database& m_db;
};

} // namespace convene::sync
