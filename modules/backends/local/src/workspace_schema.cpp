#include "workspace_schema.h"

namespace convene::backends::local {

namespace {

constexpr store::Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE members(
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    joined_at INTEGER NOT NULL
);
CREATE TABLE streams(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    last_seq INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE TABLE events(
    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- global order: what readers follow for live events
    stream TEXT NOT NULL REFERENCES streams(id),
    seq INTEGER NOT NULL,
    client_id BLOB UNIQUE,
    kind TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    payload BLOB,
    server_time INTEGER NOT NULL,
    UNIQUE(stream, seq)
);
CREATE TABLE blobs(
    id TEXT PRIMARY KEY,
    mime_type TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE ephemeral(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    stream TEXT NOT NULL,
    kind TEXT NOT NULL,
    sender TEXT NOT NULL,
    connection TEXT NOT NULL,
    payload BLOB,
    created_at INTEGER NOT NULL
);
)sql"},
    {2, R"sql(
ALTER TABLE events ADD COLUMN ref INTEGER;
)sql"},
    {3, R"sql(
-- Private streams are served to their members only (direct conversations to the people their id
-- names, a user's own stream to that user). A stream's owner is who created it; the members of
-- a private channel are its owner and whoever joined or was invited, less whoever left or was
-- removed by the owner. Triggers keep the list as events arrive, seeded ones included.
ALTER TABLE streams ADD COLUMN owner TEXT;
UPDATE streams SET owner = (SELECT e.author FROM events e WHERE e.stream = streams.id AND e.seq = 1
                            AND e.kind = 'stream.create');
CREATE TABLE stream_members(
    stream TEXT NOT NULL,
    user TEXT NOT NULL,
    PRIMARY KEY(stream, user)
) WITHOUT ROWID;
CREATE TRIGGER events_join AFTER INSERT ON events
    WHEN new.kind = 'member.join' AND substr(new.stream, 1, 8) = 'private:' BEGIN
    INSERT OR IGNORE INTO stream_members(stream, user) VALUES(new.stream, coalesce(nullif(
        CASE WHEN json_valid(CAST(new.payload AS TEXT)) THEN CASE WHEN json_type(CAST(new.payload AS TEXT), '$.user') =
        'text' THEN json_extract(CAST(new.payload AS TEXT), '$.user') END END, ''), new.author));
END;
CREATE TRIGGER events_leave AFTER INSERT ON events
    WHEN new.kind = 'member.leave' AND substr(new.stream, 1, 8) = 'private:' BEGIN
    DELETE FROM stream_members WHERE stream = new.stream AND user = coalesce(nullif(
        CASE WHEN json_valid(CAST(new.payload AS TEXT)) THEN CASE WHEN json_type(CAST(new.payload AS TEXT), '$.user') =
        'text' THEN json_extract(CAST(new.payload AS TEXT), '$.user') END END, ''), new.author)
        AND (user = new.author OR new.author = (SELECT owner FROM streams WHERE id = new.stream));
END;
-- The members of private streams so far: each person's last membership event that counts.
INSERT OR IGNORE INTO stream_members(stream, user)
SELECT stream, subject FROM (
    SELECT stream, subject, kind, row_number() OVER (PARTITION BY stream, subject ORDER BY seq DESC) AS newest
    FROM (SELECT e.stream, e.seq, e.kind, e.author, coalesce(nullif(
              CASE WHEN json_valid(CAST(e.payload AS TEXT)) THEN CASE WHEN json_type(CAST(e.payload AS TEXT), '$.user')
              = 'text' THEN json_extract(CAST(e.payload AS TEXT), '$.user') END END, ''), e.author) AS subject
          FROM events e WHERE e.kind IN ('member.join', 'member.leave') AND substr(e.stream, 1, 8) = 'private:') m
    WHERE kind = 'member.join' OR subject = author OR author IS (SELECT owner FROM streams WHERE id = m.stream))
WHERE newest = 1 AND kind = 'member.join';
INSERT OR IGNORE INTO stream_members(stream, user)
SELECT s.id, s.owner FROM streams s WHERE substr(s.id, 1, 8) = 'private:' AND s.owner IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM events e WHERE e.stream = s.id AND e.kind = 'member.leave' AND e.author = s.owner);

-- Files are attributed to the streams whose events name them (any "blob" in a payload): one
-- named only in private streams is served to their members only. Who uploaded it may always
-- have it back; a file no event names yet is served to whoever has its id, as before.
ALTER TABLE blobs ADD COLUMN uploader TEXT;
CREATE TABLE blob_refs(
    blob TEXT NOT NULL,
    stream TEXT NOT NULL,
    PRIMARY KEY(blob, stream)
) WITHOUT ROWID;
CREATE TRIGGER events_blob_refs AFTER INSERT ON events
    WHEN new.payload IS NOT NULL AND instr(CAST(new.payload AS TEXT), '"blob"') > 0 BEGIN
    INSERT OR IGNORE INTO blob_refs(blob, stream)
        SELECT t.value, new.stream FROM json_tree(CASE WHEN json_valid(CAST(new.payload AS TEXT))
                                                       THEN CAST(new.payload AS TEXT) ELSE '{}' END) t
        WHERE t.key = 'blob' AND t.type = 'text';
END;
INSERT OR IGNORE INTO blob_refs(blob, stream)
    SELECT t.value, e.stream FROM events e, json_tree(CASE WHEN json_valid(CAST(e.payload AS TEXT))
                                                         THEN CAST(e.payload AS TEXT) ELSE '{}' END) t
    WHERE e.payload IS NOT NULL AND instr(CAST(e.payload AS TEXT), '"blob"') > 0 AND t.key = 'blob' AND t.type = 'text';
)sql"},
    {4, R"sql(
-- A directed ephemeral message (a call's connection details) is for one user's sessions only;
-- '' for everyone in the stream.
ALTER TABLE ephemeral ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
)sql"},
};
static_assert(store::migrationsOrdered(kMigrations), "workspace migrations must be numbered 1, 2, 3, …");

} // namespace

store::ModuleSchema workspaceSchema()
{
    return {QStringLiteral("local-workspace"), kMigrations};
}

} // namespace convene::backends::local
