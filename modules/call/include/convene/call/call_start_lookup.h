#pragma once

#include <convene/store/database.h>

#include <QString>

#include <memory>
#include <optional>

namespace convene::call {

// When a call began as the backend knows it: the server time of the call's start entry in the
// local cache (see call_record.h). Every participant reads the same entry, so every clock of the
// call counts from the same moment, whenever each joined. Reads through its own read-only
// connection, opened when first needed (the cache file appears only once sync has started).
class CallStartLookup {
public:
    explicit CallStartLookup(QString cachePath) : m_path(std::move(cachePath)) { }

    // The server time (ms since the epoch) of the first placed start entry of `callId` in
    // `stream`; nothing while none is cached.
    std::optional<qint64> startOf(const QString& stream, const QString& callId) const;

private:
    store::Database* db() const;

    QString m_path;
    mutable std::unique_ptr<store::Database> m_db;
};

} // namespace convene::call
