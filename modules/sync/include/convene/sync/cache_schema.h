#pragma once

#include <convene/store/migrations.h>

namespace convene::sync {

// The cache tables the sync module owns: streams with their cursors, the timeline of entries
// (remote, pending, failed) with its trigram full-text index, and the durable outbox.
store::ModuleSchema cacheSchema();

// The user id a cache file was created for; empty when the file does not exist or has none.
QString cachedUserId(const QString& cachePath);

enum class EntryState { Sent = 0, Pending = 1, Failed = 2 };
enum class OutboxState { Queued = 0, Failed = 1 };

} // namespace convene::sync
