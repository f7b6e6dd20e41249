#include "convene/sync/cache_schema.h"

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
};
static_assert(store::migrationsOrdered(kMigrations), "sync cache migrations must be numbered 1, 2, 3, …");

} // namespace

store::ModuleSchema cacheSchema()
{
    return {QStringLiteral("sync"), kMigrations};
}

} // namespace convene::sync
