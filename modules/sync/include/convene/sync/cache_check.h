#pragma once

#include "convene/sync/envelopes.h"

#include <convene/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace convene::sync {

// A look at a cache file before a workspace opens it. Quick, as it runs at every start: what
// SQLite finds on opening it (not a database, a header that promises more pages than the file
// has), its schema, and a quick_check of the small tables read first (outbox, streams, meta);
// the whole file only while it is small (kWholeFileCheckBytes). A damaged page elsewhere in a
// large cache shows when it is read.
struct CacheCheck {
    bool damaged = false;
    QString problem; // SQLite's words, for the details
    int unsent = 0; // changes its outbox still holds that can be read
};

inline constexpr qint64 kWholeFileCheckBytes = 4 * 1024 * 1024;

CacheCheck checkCache(const QString& path);

// Moves a damaged cache aside, never deleting it: `path` (and its -wal and -shm files) becomes
// <path>.damaged-<yyyyMMdd-HHmmss>. Returns the new path of the cache file.
Result<QString> moveCacheAside(const QString& path, const QDateTime& when);

// The changes the outbox of a cache (a damaged one: read as far as it can be) still holds,
// oldest first, as they were submitted: submitting them again sends each at most once.
QList<Mutation> readOutbox(const QString& path);

} // namespace convene::sync
