#pragma once

#include <convene/store/database.h>

#include <QString>

#include <optional>

namespace convene::chat {

// A cached message as other entries refer to it. `position` is the cache's order key, local to
// this device; `serverId` is what references, links and read markers use across devices.
struct MessageKey {
    int64_t position = 0;
    QString serverId;
    int64_t serverTime = 0;
    QString author;
    QString threadRoot; // server id of its thread's root, for replies
};

// The message at `position` in `stream`, once the backend has given it a server id.
std::optional<MessageKey> messageAt(store::Database& db, const QString& stream, int64_t position);
// The local position of the entry with `serverId` in `stream`, if it is cached and placed.
std::optional<int64_t> positionOf(store::Database& db, const QString& stream, const QString& serverId);
// The position of the newest placed entry of `stream` at or before `serverTime`; 0 when none.
int64_t positionAtTime(store::Database& db, const QString& stream, int64_t serverTime);

} // namespace convene::chat
