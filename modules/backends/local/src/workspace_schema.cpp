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
};
static_assert(store::migrationsOrdered(kMigrations), "workspace migrations must be numbered 1, 2, 3, …");

} // namespace

store::ModuleSchema workspaceSchema()
{
    return {QStringLiteral("local-workspace"), kMigrations};
}

} // namespace convene::backends::local
