#pragma once

#include <convene/docs/doc_rows.h>

#include <convene/core/result.h>

#include <optional>

namespace convene::store {
class Database;
}

namespace convene::docs {

// The SQL of the documents feature, on one connection (the loader thread's).
class DocQueries {
public:
    explicit DocQueries(store::Database& db) : m_db(db) { }

    // Every document stream, with its title, creator, last change and the user's star.
    Result<QList<DocumentRow>> documents(const QString& userId);
    // Entries that make up a document's content (updates, snapshots, seed text),
    // with a row id above `afterId`, in row order; at most `limit` (-1: all).
    Result<QList<DocEntry>> contentEntriesAfter(const QString& stream, int64_t afterId, int limit = -1);
    // The newest snapshot, and the cache position of the newest entry it includes (none: not
    // known here, so it cannot stand in for any update).
    struct Snapshot {
        DocEntry entry;
        std::optional<int64_t> coveredPos;
    };
    Result<std::optional<Snapshot>> newestSnapshot(const QString& stream);
    Result<QList<DocEntry>> snapshots(const QString& stream, int64_t maxId);
    Result<int64_t> newestContentId(const QString& stream); // 0: none
    // Updates with row ids up to `maxId`: those after `coveredPos` in the stream's order (and
    // the unsent ones), or, with `covered` set, those at or before it.
    Result<QList<DocEntry>> updates(const QString& stream, int64_t maxId, int64_t coveredPos, bool covered);
    // How many updates with a row id above `afterId` there are, and their bytes.
    struct Backlog {
        int64_t entries = 0;
        int64_t bytes = 0;
    };
    Result<Backlog> updatesAfter(const QString& stream, int64_t afterId);
    Result<bool> historyComplete(const QString& stream);
    // The server id of the newest entry, in the stream's order, among rows up to `maxId`.
    Result<QString> newestServerId(const QString& stream, int64_t maxId);
    Result<QList<VersionRow>> versions(const QString& stream);
    Result<QByteArray> payloadOf(int64_t entryId);
    // Mentions of `userId` by others, newer than row `afterId`.
    struct MentionRow {
        int64_t id = 0;
        QString stream;
        QString author;
        QByteArray payload;
        QString title;
    };
    Result<QList<MentionRow>> mentionsAfter(int64_t afterId);
    Result<int64_t> newestEntryId();
    // The key that tells a row apart across caches: its client id, or else its server id.
    Result<QByteArray> entryKey(int64_t entryId);
    // Documents whose title or newest text has every term of `text`.
    Result<QList<SearchHit>> search(const QString& text, int limit);

private:
    store::Database& m_db;
};

} // namespace convene::docs
