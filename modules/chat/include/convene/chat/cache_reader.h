#pragma once

#include <convene/store/database.h>

#include <memory>

namespace convene::chat {

// The UI thread's read-only connection to the cache, shared by the chat models. Opens lazily:
// the cache file appears only once sync has started.
class CacheReader {
public:
    explicit CacheReader(QString cachePath) : m_path(std::move(cachePath)) { }

    // nullptr while the cache does not exist yet or cannot be opened.
    store::Database* db() const;
    const QString& path() const { return m_path; }

private:
    QString m_path;
    mutable std::unique_ptr<store::Database> m_db; // opened on first use
};

} // namespace convene::chat
