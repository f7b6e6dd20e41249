#pragma once

#include <convene/core/result.h>

#include <QString>

namespace convene::store {
class Database;
}

namespace convene::backends::local {

// Fills a new workspace with a small demo team — people, channels with history in English
// and Chinese, calendar events and a welcome document — so a first start shows a living app.
// Does nothing when the workspace was seeded before (safe when two instances race).
Result<void> seedDemoWorkspace(store::Database& db);

// Publishes someone's name in the workspace directory. Runs inside the caller's transaction.
Result<void> publishProfile(store::Database& db, const QString& userId, const QString& displayName);

// Greets someone joining: membership of the demo channels and a direct message from a teammate.
// Runs inside the caller's transaction.
Result<void> welcomeNewMember(store::Database& db, const QString& userId, const QString& displayName);

} // namespace convene::backends::local
