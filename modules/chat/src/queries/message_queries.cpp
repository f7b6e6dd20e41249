#include "message_queries.h"

#include <algorithm>
#include <limits>

namespace convene::chat {

namespace {

const QString kColumns = QStringLiteral("SELECT id, pos, client_id, author, payload, state, error, "
                                        "coalesce(server_time, created_at), server_id, kind FROM entries ");

QString scopeSql(const MessageScope& scope)
{
    if (!scope.threadRootId.isEmpty())
        return QStringLiteral("WHERE stream = ?1 AND kind = 'message' AND (ref = ?2 OR server_id = ?2) ");
    return scope.withCalls
               ? QStringLiteral(
                     "WHERE stream = ?1 AND kind IN ('message', 'call.started', 'call.left') AND ref IS NULL ")
               : QStringLiteral("WHERE stream = ?1 AND kind = 'message' AND ref IS NULL ");
}

// Reads the rows of a statement that selects kColumns.
QList<StoredMessage> readMessages(store::Statement& q)
{
    QList<StoredMessage> messages;
    while (q.step().valueOr(false)) {
        StoredMessage m;
        m.id = q.int64(0);
        m.pos = q.isNull(1) ? 0 : q.int64(1);
        if (!q.isNull(2))
            m.clientId = QUuid::fromRfc4122(q.blob(2));
        m.author = q.text(3);
        m.payload = q.blob(4);
        m.state = int(q.int64(5));
        m.error = q.text(6);
        m.time = q.int64(7);
        m.serverId = q.text(8);
        m.kind = q.text(9);
        messages << m;
    }
    return messages;
}

} // namespace

// `tail` follows the scope's filter; its parameters ?3 and ?4 are `bounds`, when given.
QList<StoredMessage> MessageQueries::select(const MessageScope& scope, const QString& tail,
                                            std::optional<std::pair<int64_t, int64_t>> bounds)
{
    auto statement = m_db.prepare(kColumns + scopeSql(scope) + tail);
    if (!statement)
        return {};
    store::Statement& q = **statement;
    q.bind(1, scope.stream);
    if (!scope.threadRootId.isEmpty())
        q.bind(2, scope.threadRootId);
    if (bounds)
        q.bind(3, bounds->first).bind(4, bounds->second);
    return readMessages(q);
}

QList<StoredMessage> MessageQueries::latest(const MessageScope& scope, int limit)
{
    return before(scope, std::numeric_limits<int64_t>::max(), limit);
}

QList<StoredMessage> MessageQueries::before(const MessageScope& scope, int64_t pos, int limit)
{
    QList<StoredMessage> messages =
        select(scope, QStringLiteral("AND pos < ?3 ORDER BY pos DESC LIMIT ?4"), {{pos, limit}});
    std::reverse(messages.begin(), messages.end());
    return messages;
}

QList<StoredMessage> MessageQueries::after(const MessageScope& scope, int64_t pos, int limit)
{
    return select(scope, QStringLiteral("AND pos > ?3 ORDER BY pos LIMIT ?4"), {{pos, limit}});
}

QList<StoredMessage> MessageQueries::between(const MessageScope& scope, int64_t first, int64_t last)
{
    return select(scope, QStringLiteral("AND pos BETWEEN ?3 AND ?4 ORDER BY pos"), {{first, last}});
}

QList<StoredMessage> MessageQueries::unsent(const MessageScope& scope)
{
    return select(scope, QStringLiteral("AND pos IS NULL ORDER BY id"));
}

std::optional<StoredMessage> MessageQueries::newest(const QString& stream)
{
    // Both read straight off an index.
    for (const QString& order : {QStringLiteral("AND pos IS NULL ORDER BY id DESC LIMIT 1"),
                                 QStringLiteral("AND pos IS NOT NULL ORDER BY pos DESC LIMIT 1")}) {
        const QList<StoredMessage> found = select({stream, {}}, order);
        if (!found.isEmpty())
            return found.first();
    }
    return std::nullopt;
}

UnreadCount MessageQueries::unread(const QString& stream, int64_t afterPos, const QString& self,
                                   const QByteArray& mentionToken, int cap)
{
    auto count = m_db.prepare(
        QStringLiteral("SELECT count(*), coalesce(sum(instr(payload, ?) > 0), 0), coalesce(max(pos), 0) FROM "
                       "(SELECT payload, pos FROM entries WHERE stream = ? AND pos > ? AND kind = 'message' "
                       "AND ref IS NULL AND author <> ? ORDER BY pos LIMIT ?)"));
    if (!count)
        return {};
    (*count)->bind(1, mentionToken).bind(2, stream).bind(3, afterPos).bind(4, self).bind(5, cap);
    if (!(*count)->step().valueOr(false))
        return {};
    return {int((*count)->int64(0)), int((*count)->int64(1)), (*count)->int64(2)};
}

int64_t MessageQueries::oldestPosition(const QString& stream)
{
    auto oldest = m_db.prepare(QStringLiteral("SELECT coalesce(min(pos), 0) FROM entries WHERE stream = ?"));
    return oldest && (*oldest)->bind(1, stream).step().valueOr(false) ? (*oldest)->int64(0) : 0;
}

int64_t MessageQueries::newestEntryId()
{
    auto last = m_db.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
    return last && (*last)->step().valueOr(false) ? (*last)->int64(0) : 0;
}

QList<ArrivedMessage> MessageQueries::placedAfter(int64_t entryId)
{
    auto fresh = m_db.prepare(QStringLiteral(
        "SELECT e.id, e.stream, e.pos, e.author, e.payload, "
        "coalesce((SELECT r.pos FROM entries r WHERE r.stream = e.stream AND r.server_id = e.ref), 0) FROM entries e "
        "WHERE e.id > ? AND e.kind = 'message' AND e.pos IS NOT NULL ORDER BY e.id"));
    QList<ArrivedMessage> arrived;
    if (!fresh)
        return arrived;
    (*fresh)->bind(1, entryId);
    while ((*fresh)->step().valueOr(false))
        arrived << ArrivedMessage{(*fresh)->int64(0), (*fresh)->text(1), (*fresh)->int64(2),
                                  (*fresh)->text(3),  (*fresh)->blob(4), (*fresh)->int64(5)};
    return arrived;
}

} // namespace convene::chat
