#pragma once

#include "convene/sync/entry_rules.h"
#include "convene/sync/envelopes.h"

#include <convene/core/result.h>
#include <convene/store/change_notifier.h>

#include <QHash>

namespace convene::store {
class Database;
class Statement;
} // namespace convene::store

namespace convene::sync {

// Applies events the backend ordered to the cache: inserts others' events, confirms our own
// pending copies, gives each entry its local position and keeps each stream's paging cursors.
// Every event is judged by the rules of entry_rules.h on the way in, so that no reader of the
// cache (chat, calendar, documents, search) ever sees an entry that breaks them applied:
//   - one that breaks a rule goes to `rejected_entries` (kept, logged once, never applied);
//   - one that cannot be decided yet (an edit or deletion whose target is not cached, because
//     history pages backwards; a deletion or removal by someone who may be the stream's owner,
//     before the stream's first entry is known) is placed with `verdict` 1: held, not in the
//     full-text index, skipped by readers; it is decided when what it waits for arrives.
// An applied deletion erases the text of the message and its edits (body, payload, index).
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
    // Judges held entries again (all of them when `stream` is empty, as after a migration).
    // Call inside a transaction.
    Result<void> decideHeld(const QString& stream = {});
    // The stream's history begins with `first` (a page reached its start): from now on the
    // stream's owner is known, and entries that waited for it are decided. Its own transaction.
    Result<void> recordHistoryStart(const QString& stream, const RemoteEvent& first, store::ChangeSet& changes);

private:
    struct HeldEntry {
        int64_t rowId = 0;
        RemoteEvent event;
    };
    // An applied entry's effect on others, carried out once its batch is indexed.
    struct Effect {
        QString stream;
        QString kind;
        QString serverId;
        QString ref;
    };

    Result<EntryFacts> factsOf(const QString& stream, const QString& kind, const QString& author,
                               const QByteArray& payload, const QString& ref);
    Result<bool> isCached(const QString& stream, const QString& serverId);
    Result<void> setAside(const QString& stream, const RemoteEvent& e, const QString& reason);
    Result<void> applyEffects(const QString& stream, const QString& kind, const QString& serverId, const QString& ref);
    Result<void> decideHeldReferringTo(const QString& stream, const QStringList& serverIds);
    Result<void> readHeld(store::Statement& select, QList<HeldEntry>& into);
    Result<void> decide(const QList<HeldEntry>& waiting);
    Result<void> placeStream(const QString& stream, const QList<const RemoteEvent*>& events, Placement placement);
    Result<int64_t> boundaryPosition(const QString& stream, Placement placement);

    store::Database& m_db;
    QString m_userId;
    QList<Effect> m_effects; // of the batch being applied
    QHash<QString, QStringList> m_placed; // server ids the batch placed, by stream
};

} // namespace convene::sync
