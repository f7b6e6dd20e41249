#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>

struct sqlite3_stmt;
struct sqlite3;

namespace convene::store {

// A prepared statement: bind by 1-based index, step through rows, read columns.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& value); // as a BLOB
    Statement& bind(int index, std::nullptr_t);
    Statement& bindText(int index, const QByteArray& utf8);
    Statement& bindOptional(int index, const std::optional<int64_t>& value);

    // true: a row is ready; false: done. Errors are reported through `error`.
    Result<bool> step();
    // Steps to completion for statements without rows.
    Result<void> run();
    void reset();

    int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

} // namespace convene::store
