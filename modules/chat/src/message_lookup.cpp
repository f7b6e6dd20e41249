#include "convene/chat/message_lookup.h"

namespace convene::chat {

std::optional<MessageKey> messageAt(store::Database& db, const QString& stream, int64_t position)
{
    auto query =
        db.prepare(QStringLiteral("SELECT server_id, coalesce(server_time, created_at), author, ref FROM entries "
                                  "WHERE stream = ? AND pos = ? AND server_id IS NOT NULL"));
    if (!query)
        return std::nullopt;
    (*query)->bind(1, stream).bind(2, position);
    std::optional<MessageKey> key;
    if ((*query)->step().valueOr(false))
        key = MessageKey{position, (*query)->text(0), (*query)->int64(1), (*query)->text(2), (*query)->text(3)};
    return key;
}

std::optional<int64_t> positionOf(store::Database& db, const QString& stream, const QString& serverId)
{
    if (serverId.isEmpty())
        return std::nullopt;
    auto query =
        db.prepare(QStringLiteral("SELECT pos FROM entries WHERE stream = ? AND server_id = ? AND pos IS NOT NULL"));
    if (!query)
        return std::nullopt;
    (*query)->bind(1, stream).bind(2, serverId);
    std::optional<int64_t> position;
    if ((*query)->step().valueOr(false))
        position = (*query)->int64(0);
    return position;
}

int64_t positionAtTime(store::Database& db, const QString& stream, int64_t serverTime)
{
    auto query = db.prepare(QStringLiteral(
        "SELECT coalesce(max(pos), 0) FROM entries WHERE stream = ? AND pos IS NOT NULL AND server_time <= ?"));
    if (!query)
        return 0;
    (*query)->bind(1, stream).bind(2, serverTime);
    const int64_t position = (*query)->step().valueOr(false) ? (*query)->int64(0) : 0;
    return position;
}

} // namespace convene::chat
