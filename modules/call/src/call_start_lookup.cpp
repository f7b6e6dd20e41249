#include "convene/call/call_start_lookup.h"

#include "convene/call/call_record.h"

#include <QFileInfo>

namespace convene::call {

namespace {

// The newest start entries of a conversation looked through for one call: a call's own entry is
// among the latest while it goes on.
constexpr int kRecentStarts = 50;

} // namespace

store::Database* CallStartLookup::db() const
{
    if (m_db)
        return m_db.get();
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return nullptr;
    auto opened = store::Database::open(m_path, store::Database::Mode::ReadOnly);
    if (!opened) {
        qWarning("call: cannot read the cache: %s", qPrintable(opened.error().message));
        return nullptr;
    }
    m_db = std::move(opened).value();
    return m_db.get();
}

std::optional<qint64> CallStartLookup::startOf(const QString& stream, const QString& callId) const
{
    store::Database* database = db();
    if (!database || stream.isEmpty() || callId.isEmpty())
        return std::nullopt;
    // Placed entries only: their time is the server's. Held or set-aside entries do not count.
    auto query = database->prepare(
        QStringLiteral("SELECT payload, server_time FROM entries WHERE stream = ? AND kind = ? AND pos IS NOT NULL "
                       "AND server_time IS NOT NULL AND verdict = 0 ORDER BY pos DESC LIMIT ?"));
    if (!query)
        return std::nullopt; // the schema may still be on its way
    (*query)->bind(1, stream).bind(2, QString::fromLatin1(kCallStartedKind)).bind(3, kRecentStarts);
    std::optional<qint64> first;
    while ((*query)->step().valueOr(false)) {
        const auto record = CallRecord::decode((*query)->blob(0));
        if (record && record->callId == callId)
            first = (*query)->int64(1); // newest first: the last match is the earliest
    }
    return first;
}

} // namespace convene::call
