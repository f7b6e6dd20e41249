#include "convene/store/statement.h"

#include <sqlite3.h>

namespace convene::store {

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    return bindText(index, value.toUtf8());
}

Statement& Statement::bindText(int index, const QByteArray& utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement& Statement::bindOptional(int index, const std::optional<int64_t>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    const ErrorCode code = (rc & 0xFF) == SQLITE_CORRUPT  ? ErrorCode::Corrupt
                           : (rc & 0xFF) == SQLITE_FULL   ? ErrorCode::Io
                           : (rc & 0xFF) == SQLITE_IOERR  ? ErrorCode::Io
                           : (rc & 0xFF) == SQLITE_BUSY   ? ErrorCode::Unavailable
                           : (rc & 0xFF) == SQLITE_TOOBIG ? ErrorCode::TooLarge
                                                          : ErrorCode::Internal;
    sqlite3_reset(m_stmt);
    return makeError(code, QStringLiteral("SQLite: %1 (in: %2)")
                               .arg(message, QString::fromUtf8(sqlite3_sql(m_stmt)).simplified().left(120)));
}

Result<void> Statement::run()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            break;
    }
    reset();
    return {};
}

bool Statement::inProgress() const
{
    return sqlite3_stmt_busy(m_stmt) != 0;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const void* data = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

} // namespace convene::store
