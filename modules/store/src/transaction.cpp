#include "convene/store/transaction.h"

#include "convene/store/database.h"

#include <utility>

namespace convene::store {

namespace {
constexpr int kSynchronousFull = 2;
}

Transaction::Transaction(Database& db, Durability durability) : m_db(db), m_began(begin(durability)) { }

Result<void> Transaction::begin(Durability durability)
{
    if (durability == Durability::Full) {
        // The level applies to the commits that follow on this connection, so it is set before
        // BEGIN and put back when the transaction ends (WAL mode allows either at any time
        // outside a transaction).
        const Result<int> level = m_db.synchronous();
        if (!level)
            return level.error();
        if (*level < kSynchronousFull) {
            if (Result<void> set = m_db.setSynchronous(kSynchronousFull); !set)
                return set;
            m_restoreSynchronous = *level;
        }
    }
    Result<void> began = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!began)
        restoreSynchronous();
    return began;
}

void Transaction::restoreSynchronous()
{
    if (m_restoreSynchronous >= 0)
        (void)m_db.setSynchronous(std::exchange(m_restoreSynchronous, -1));
}

Transaction::~Transaction()
{
    if (m_began && !m_done)
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    restoreSynchronous();
}

Result<void> Transaction::commit()
{
    if (!m_began)
        return m_began.error();
    Result<void> committed = m_db.exec(QStringLiteral("COMMIT"));
    if (committed) {
        m_done = true;
        restoreSynchronous();
    }
    return committed;
}

} // namespace convene::store
