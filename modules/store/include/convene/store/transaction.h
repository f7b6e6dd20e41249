#pragma once

#include <convene/core/result.h>

namespace convene::store {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    // What a commit survives. Normal: the connection's setting (in WAL mode with synchronous
    // NORMAL, a crash of the app but not a power loss). Full: the write-ahead log is synced to
    // the disk before commit() returns, so a power loss cannot take the commit back either.
    enum class Durability { Normal, Full };

    explicit Transaction(Database& db, Durability durability = Durability::Normal);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool began() const { return m_began.ok(); }
    const Result<void>& beginResult() const { return m_began; }
    Result<void> commit();

private:
    Result<void> begin(Durability durability);
    void restoreSynchronous();

    Database& m_db;
    int m_restoreSynchronous = -1; // the connection's setting to go back to, when changed
    Result<void> m_began;
    bool m_done = false;
};

} // namespace convene::store
