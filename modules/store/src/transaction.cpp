#include "convene/store/transaction.h"

#include "convene/store/database.h"

namespace convene::store {

Transaction::Transaction(Database& db) : m_db(db), m_began(db.exec(QStringLiteral("BEGIN IMMEDIATE"))) { }

Transaction::~Transaction()
{
    if (m_began && !m_done)
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    if (!m_began)
        return m_began.error();
    Result<void> committed = m_db.exec(QStringLiteral("COMMIT"));
    if (committed)
        m_done = true;
    return committed;
}

} // namespace convene::store
