#pragma once

#include <convene/core/result.h>

namespace convene::store {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool began() const { return m_began.ok(); }
    const Result<void>& beginResult() const { return m_began; }
    Result<void> commit();

private:
    Database& m_db;
    Result<void> m_began;
    bool m_done = false;
};

} // namespace convene::store
