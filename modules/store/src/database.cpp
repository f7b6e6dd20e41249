#include "convene/store/database.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

namespace convene::store {

namespace {
constexpr int kBusyTimeoutMs = 5000;

// What the caller can do about it: a damaged file, a disk that is full or failing, a lock held
// by another connection, or a mistake.
ErrorCode errorCodeOf(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return ErrorCode::Corrupt;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return ErrorCode::Io;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::Unavailable;
    default: return ErrorCode::Internal;
    }
}
} // namespace

Database::Database(sqlite3* db, QString path, Mode mode) : m_db(db), m_path(std::move(path)), m_mode(mode) { }

Database::~Database()
{
    m_statements.clear(); // statements must be finalised before the connection closes
    sqlite3_close(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Mode mode)
{
    if (mode == Mode::ReadWrite && path != u":memory:")
        QDir().mkpath(QFileInfo(path).absolutePath());
    sqlite3* db = nullptr;
    const int flags = (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close(db);
        return makeError(ErrorCode::Io, QStringLiteral("Cannot open database %1: %2").arg(path, message));
    }
    std::unique_ptr<Database> database(new Database(db, path, mode));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);

    // Salvage: before anything reads the file (cache_size loads the schema).
    QString pragmas = mode == Mode::Salvage ? QStringLiteral("PRAGMA writable_schema = ON;") : QString();
    pragmas += QStringLiteral("PRAGMA foreign_keys = ON;");
    if (mode == Mode::ReadWrite)
        // The writer gets a larger page cache than readers: full-text index merges touch many
        // pages. 4 MiB, not more: a full cache stays resident for as long as the app runs (at
        // 16 MiB, the cache's writer and the local backend's held 18 MiB of an idle app), while
        // the pages it lets go stay in the system's file cache.
        pragmas += QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096; "
                                  "PRAGMA wal_autocheckpoint = 4000;");
    else
        // Readers' pages are dropped whenever another connection commits, and stay in the
        // system's file cache: a small page cache costs little time and saves resident memory.
        pragmas += QStringLiteral("PRAGMA cache_size = -512;");
    if (Result<void> set = database->exec(pragmas); !set)
        return makeError(set.error().code,
                         QStringLiteral("%1 is not a usable database: %2").arg(path, set.error().message));
    // Reading the schema here turns "file is not a database" into an error at open time.
    if (Result<void> probe = database->exec(QStringLiteral("SELECT count(*) FROM sqlite_master")); !probe)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("%1 is not a usable database: %2").arg(path, probe.error().message));
    return database;
}

Result<void> Database::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    return makeError(errorCodeOf(rc), QStringLiteral("SQLite: %1").arg(text));
}

Result<PreparedStatement> Database::prepare(const QString& sql)
{
    const std::string key = sql.toStdString();
    if (auto it = m_statements.find(key); it != m_statements.end()) {
        it->second->reset();
        return PreparedStatement(it->second.get());
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, key.c_str(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("prepare: ") + sql.simplified().left(120));
    if (m_statements.size() >= kStatementCacheLimit)
        std::erase_if(m_statements, [](const auto& entry) { return !entry.second->leased(); });
    auto owned = std::make_unique<Statement>(m_db, stmt);
    Statement* raw = owned.get();
    m_statements.emplace(key, std::move(owned));
    return PreparedStatement(raw);
}

int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::changedByOthers()
{
    auto stmt = prepare(QStringLiteral("PRAGMA data_version"));
    if (!stmt || !(*stmt)->step().valueOr(false))
        return false;
    const int64_t version = (*stmt)->int64(0);
    (*stmt)->reset();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

Result<int> Database::synchronous()
{
    auto query = prepare(QStringLiteral("PRAGMA synchronous"));
    if (!query)
        return query.error();
    Result<bool> row = (*query)->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::Internal, QStringLiteral("PRAGMA synchronous returned nothing"));
    return int((*query)->int64(0));
}

Result<void> Database::setSynchronous(int level)
{
    return exec(QStringLiteral("PRAGMA synchronous = %1").arg(level));
}

Error Database::lastError(const QString& context) const
{
    return makeError(ErrorCode::Internal,
                     QStringLiteral("SQLite: %1 (%2)").arg(QString::fromUtf8(sqlite3_errmsg(m_db)), context));
}

} // namespace convene::store
