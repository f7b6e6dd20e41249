#pragma once

#include "convene/store/statement.h"

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;

namespace convene::store {

// One SQLite connection: WAL, busy timeout, foreign keys on, and a cache of prepared
// statements. A connection belongs to one thread at a time.
class Database {
public:
    enum class Mode {
        ReadWrite,
        ReadOnly,
        // Read-only, for reading what can still be read from a damaged file: reads on past a
        // header that promises more pages than the file has, and past a damaged schema entry.
        Salvage,
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results.
    Result<void> exec(const QString& sql);
    // A cached prepared statement, reset and unbound, ready to bind; reset again when the
    // returned lease goes out of scope.
    Result<PreparedStatement> prepare(const QString& sql);
    // Statements built from input (a search with any number of terms) would otherwise pile up:
    // past this many, the cache drops those not lent out.
    static constexpr size_t kStatementCacheLimit = 256;
    size_t cachedStatements() const { return m_statements.size(); }

    int64_t lastInsertRowId() const;
    int changes() const;
    QString path() const { return m_path; }
    bool readOnly() const { return m_mode != Mode::ReadWrite; }
    sqlite3* handle() const { return m_db; }

    // Whether another connection has committed since the last call (PRAGMA data_version).
    bool changedByOthers();

    // PRAGMA synchronous of this connection: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    Result<int> synchronous();
    Result<void> setSynchronous(int level);

    Error lastError(const QString& context) const;

private:
    Database(sqlite3* db, QString path, Mode mode);

    sqlite3* m_db = nullptr;
    QString m_path;
    Mode m_mode;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
    int64_t m_dataVersion = -1;
};

} // namespace convene::store
