#include "convene/sync/cache_schema.h"

#include <convene/store/database.h>

#include <QFileInfo>

namespace convene::sync {

namespace {

constexpr store::Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE streams(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    cursor INTEGER NOT NULL DEFAULT 0,  -- every seq <= cursor (down to oldest) is cached
    oldest INTEGER,                     -- lowest seq cached; older history is fetched on demand
    head INTEGER NOT NULL DEFAULT 0     -- newest seq the backend reported
);
CREATE TABLE entries(
    id INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    seq INTEGER,                        -- NULL while pending
    client_id BLOB,                     -- kept for our own changes: how acks find them
    server_id TEXT,
    kind TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    payload BLOB,
    state INTEGER NOT NULL DEFAULT 0,   -- 0 sent, 1 pending, 2 failed
    error TEXT,
    created_at INTEGER NOT NULL,
    server_time INTEGER
);
CREATE UNIQUE INDEX entries_by_seq ON entries(stream, seq); -- not partial: serves every page query
CREATE UNIQUE INDEX entries_by_client ON entries(client_id) WHERE client_id IS NOT NULL;
CREATE INDEX entries_unsent ON entries(stream, id) WHERE seq IS NULL;
-- Trigram index without positions (detail=none): a query is a LIKE '%term%' per term, which
-- FTS5 answers from the index and checks against the text; about half the indexing work.
-- Segments are merged when the engine is idle (CacheWriter::mergeIndex), not during ingest;
-- FTS5's crisis merge still bounds the number of segments.
CREATE VIRTUAL TABLE entries_fts USING fts5(body, content='entries', content_rowid='id', tokenize='trigram',
                                            detail='none', columnsize=0);
INSERT INTO entries_fts(entries_fts, rank) VALUES('automerge', 0);
-- New rows are indexed in bulk by the writer (one FTS statement per batch is far faster than
-- a trigger per row); deletions and edits keep the index right through triggers.
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries WHEN old.body <> '' BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF body ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body) SELECT 'delete', old.id, old.body WHERE old.body <> '';
    INSERT INTO entries_fts(rowid, body) SELECT new.id, new.body WHERE new.body <> '';
END;
CREATE TABLE outbox(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id BLOB NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload BLOB,
    body TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 0    -- 0 queued, 1 failed
);
CREATE INDEX outbox_by_stream ON outbox(stream, id);
)sql"},
    {2, R"sql(
-- Replies, edits, reactions and read markers point at an entry of the same stream by its seq.
ALTER TABLE entries ADD COLUMN ref INTEGER;
ALTER TABLE outbox ADD COLUMN ref INTEGER;
CREATE INDEX entries_by_ref ON entries(stream, ref) WHERE ref IS NOT NULL;
-- Everything but plain messages (members, edits, reactions, …) by kind; messages, the bulk,
-- pay nothing for it.
CREATE INDEX entries_by_kind ON entries(stream, kind, seq) WHERE kind <> 'message';
)sql"},
    {3, R"sql(
-- The contract no longer numbers a stream's entries: an entry has a stable server id, refers to
-- another by its server id, and the cache orders entries by its own key `pos` (NULL until the
-- entry's place in the server order is known). Earlier caches came from a backend whose seq is
-- both a valid position and, as decimal text, its paging cursor.
DELETE FROM entries WHERE seq > (SELECT s.cursor FROM streams s WHERE s.id = entries.stream);
ALTER TABLE entries RENAME COLUMN seq TO pos;
ALTER TABLE entries ADD COLUMN ref_id TEXT;
UPDATE entries SET ref_id = (SELECT t.server_id FROM entries t WHERE t.stream = entries.stream AND t.pos = entries.ref)
    WHERE ref IS NOT NULL;
DROP INDEX entries_by_ref;
ALTER TABLE entries DROP COLUMN ref;
ALTER TABLE entries RENAME COLUMN ref_id TO ref;
-- A reference to one of our own entries that is still unsent, by its client id.
ALTER TABLE entries ADD COLUMN ref_client BLOB;
CREATE INDEX entries_by_ref ON entries(stream, ref) WHERE ref IS NOT NULL;
CREATE INDEX entries_by_ref_client ON entries(ref_client) WHERE ref_client IS NOT NULL;
CREATE UNIQUE INDEX entries_by_server_id ON entries(stream, server_id) WHERE server_id IS NOT NULL;

ALTER TABLE outbox ADD COLUMN ref_id TEXT;
UPDATE outbox SET ref_id = (SELECT t.server_id FROM entries t WHERE t.stream = outbox.stream AND t.pos = outbox.ref)
    WHERE ref IS NOT NULL;
ALTER TABLE outbox DROP COLUMN ref;
ALTER TABLE outbox RENAME COLUMN ref_id TO ref;
ALTER TABLE outbox ADD COLUMN ref_client BLOB;
CREATE INDEX outbox_by_ref_client ON outbox(ref_client) WHERE ref_client IS NOT NULL;

-- Paging cursors are the backend's, opaque: after the newest entry of the run that is cached
-- without gaps, and before the oldest cached one.
ALTER TABLE streams ADD COLUMN newest_cursor TEXT;
ALTER TABLE streams ADD COLUMN oldest_cursor TEXT;
ALTER TABLE streams ADD COLUMN head_cursor TEXT;
ALTER TABLE streams ADD COLUMN history_complete INTEGER NOT NULL DEFAULT 0;
UPDATE streams SET newest_cursor = CASE WHEN cursor > 0 THEN CAST(cursor AS TEXT) END,
                   oldest_cursor = CAST(oldest AS TEXT),
                   head_cursor = CASE WHEN head > 0 THEN CAST(head AS TEXT) END,
                   history_complete = coalesce(oldest = 1, 0);
ALTER TABLE streams DROP COLUMN cursor;
ALTER TABLE streams DROP COLUMN oldest;
ALTER TABLE streams DROP COLUMN head;
)sql"},
    {4, R"sql(
-- Entries are judged as they enter the cache (CacheWriter with entry_rules.h): edits and
-- deletions only from the author of what they change (deletions also from the stream's owner),
-- a user's own stream only from that user, removing someone else from a stream only from its
-- owner. `verdict` 1: held until what decides it is cached (its target, or who owns the stream);
-- readers apply only verdict 0, and only those are in the full-text index.
ALTER TABLE entries ADD COLUMN verdict INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entries_held ON entries(stream, ref) WHERE verdict <> 0;
-- Entries that broke a rule: kept as they came, never applied.
CREATE TABLE rejected_entries(
    id INTEGER PRIMARY KEY,
    stream TEXT NOT NULL,
    server_id TEXT,
    client_id BLOB,
    kind TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    payload BLOB,
    ref TEXT,
    server_time INTEGER,
    reason TEXT NOT NULL,
    rejected_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX rejected_by_server_id ON rejected_entries(stream, server_id) WHERE server_id IS NOT NULL;
-- Who owns a stream: the author of its first entry when that entry created it; '' when it did
-- not (nobody owns it); NULL while the stream's first entry has not been seen.
ALTER TABLE streams ADD COLUMN owner TEXT;
DROP TRIGGER entries_fts_delete;
DROP TRIGGER entries_fts_update;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries WHEN old.body <> '' AND old.verdict = 0 BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF body, verdict ON entries
    WHEN old.body IS NOT new.body OR old.verdict IS NOT new.verdict BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body) SELECT 'delete', old.id, old.body
        WHERE old.body <> '' AND old.verdict = 0;
    INSERT INTO entries_fts(rowid, body) SELECT new.id, new.body WHERE new.body <> '' AND new.verdict = 0;
END;
-- What was cached before the rules existed is judged again: held here, decided by the engine
-- when it starts (CacheWriter::decideHeld), with the same rules as everything new.
UPDATE entries SET verdict = 1 WHERE server_id IS NOT NULL AND
    (kind IN ('message.edit', 'message.delete', 'member.join', 'member.leave') OR substr(stream, 1, 5) = 'user:');
)sql"},
};
static_assert(store::migrationsOrdered(kMigrations), "sync cache migrations must be numbered 1, 2, 3, …");

} // namespace

store::ModuleSchema cacheSchema()
{
    return {QStringLiteral("sync"), kMigrations};
}

QString cachedUserId(const QString& cachePath)
{
    if (!QFileInfo::exists(cachePath))
        return {};
    auto cache = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!cache)
        return {};
    auto read = (*cache)->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'user_id'"));
    return read && (*read)->step().valueOr(false) ? (*read)->text(0) : QString();
}

} // namespace convene::sync
