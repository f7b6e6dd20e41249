#pragma once

#include <convene/store/database.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>
#include <utility>

namespace convene::chat {

// A message entry of the cache, undecoded.
struct StoredMessage {
    int64_t id = 0; // the cache's row id: local insertion order
    int64_t pos = 0; // the cache's order key; 0 while unsent
    QUuid clientId;
    QString author;
    QByteArray payload; // JSON
    int state = 0; // sync::EntryState
    QString error;
    int64_t time = 0; // ms since the epoch: the server's time, else when it was written
    QString serverId;
    QString kind; // "message", or a call's "call.started" / "call.left" (see call_notices.h)
};

// Which messages a window shows: a conversation's top level, or one thread (the root and the
// replies that refer to it by its server id).
struct MessageScope {
    QString stream;
    QString threadRootId; // empty: the top level
    bool withCalls = false; // the top level with its calls' start and leave entries
};

struct UnreadCount {
    int messages = 0;
    int mentioning = 0; // of those, the ones containing the mention token
    int64_t newestCounted = 0; // the position of the newest one counted; 0 when none
};

// A placed message that arrived after a given row id, for notifications.
struct ArrivedMessage {
    int64_t id = 0;
    QString stream;
    int64_t pos = 0;
    QString author;
    QByteArray payload;
    int64_t threadRootPos = 0; // 0 outside threads
};

// Chat's reads of message entries. Windows come oldest first. The statements come from the
// connection's cache, leased for one call each, so none is left mid-step.
class MessageQueries {
public:
    explicit MessageQueries(store::Database& db) : m_db(db) { }

    QList<StoredMessage> latest(const MessageScope& scope, int limit);
    QList<StoredMessage> before(const MessageScope& scope, int64_t pos, int limit);
    QList<StoredMessage> after(const MessageScope& scope, int64_t pos, int limit);
    QList<StoredMessage> between(const MessageScope& scope, int64_t first, int64_t last);
    // Messages not yet placed by the backend, in the order they were written.
    QList<StoredMessage> unsent(const MessageScope& scope);

    // The newest top-level message of `stream`: an unsent one first, else the newest placed.
    std::optional<StoredMessage> newest(const QString& stream);
    // The position of the oldest placed entry of `stream`; 0 when none.
    int64_t oldestPosition(const QString& stream);
    // Other people's top-level messages after `afterPos`, counting at most `cap`, oldest first.
    UnreadCount unread(const QString& stream, int64_t afterPos, const QString& self, const QByteArray& mentionToken,
                       int cap);

    // The newest row id of any entry; 0 for an empty cache.
    int64_t newestEntryId();
    QList<ArrivedMessage> placedAfter(int64_t entryId);

private:
    QList<StoredMessage> select(const MessageScope& scope, const QString& tail,
                                std::optional<std::pair<int64_t, int64_t>> bounds = std::nullopt);

    store::Database& m_db;
};

} // namespace convene::chat
