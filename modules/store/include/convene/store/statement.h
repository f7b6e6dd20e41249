#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <utility>

struct sqlite3_stmt;
struct sqlite3;

namespace convene::store {

// A prepared statement: bind by 1-based index, step through rows, read columns.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) { }
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
    // Stepped but not yet reset or done: holds a read snapshot open.
    bool inProgress() const;
    // Lent out by the cache: how many PreparedStatements hold it.
    bool leased() const { return m_leases > 0; }
    void addLease() { ++m_leases; }
    void endLease() { --m_leases; }

    int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    int m_leases = 0;
};

// A cached statement lent to one use: reset when the lease ends, so no statement is left
// mid-step holding a read snapshot (which would stall WAL checkpoints) and no caller has to
// remember to reset it.
class PreparedStatement {
public:
    explicit PreparedStatement(Statement* statement) : m_statement(statement)
    {
        if (m_statement)
            m_statement->addLease();
    }
    PreparedStatement(PreparedStatement&& other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) { }
    PreparedStatement& operator=(PreparedStatement&& other) noexcept
    {
        if (this != &other) {
            release();
            m_statement = std::exchange(other.m_statement, nullptr);
        }
        return *this;
    }
    PreparedStatement(const PreparedStatement&) = delete;
    PreparedStatement& operator=(const PreparedStatement&) = delete;
    ~PreparedStatement() { release(); }

    Statement* operator->() const { return m_statement; }
    Statement& operator*() const { return *m_statement; }
    Statement* get() const { return m_statement; }

private:
    void release()
    {
        if (m_statement) {
            m_statement->reset();
            m_statement->endLease();
        }
    }

    Statement* m_statement;
};

} // namespace convene::store
