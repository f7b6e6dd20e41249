#pragma once

#include <convene/store/migrations.h>

namespace convene::sync {

// The cache tables the sync module owns: streams with their cursors, the timeline of entries
// (remote, pending, failed) with its trigram full-text index, and the durable outbox.
store::ModuleSchema cacheSchema();

enum class EntryState { Sent = 0, Pending = 1, Failed = 2 };
enum class OutboxState { Queued = 0, Failed = 1 };

} // namespace convene::sync
