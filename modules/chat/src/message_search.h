#pragma once

#include <convene/store/database.h>
#include <convene/store/full_text.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace convene::chat {

// What search looks for, resolved: the text's index patterns and terms, and the streams and
// people its filters name (by id). Plain data, so it can travel to the search thread.
struct MessageSearchRequest {
    store::FullTextQuery text;
    QStringList streams; // empty: every stream
    QStringList people; // empty: everyone
    int limit = 50;
};

struct MessageSearchHit {
    QString streamId;
    int64_t pos = 0;
    int64_t threadRoot = 0; // 0 outside threads
    QString author;
    QDateTime time;
    QString body;
};

// The search's SQL over the cache: newest first by the time each hit shows (however late the
// cache stored it), current text only (a later edit or delete by its author hides a message;
// edits and deletions that break the rules change nothing), terms too short for the trigram index
// scan only the newest entries, and never a stream the cache's user may not read (another's
// direct conversation, a private channel they are not in).
Result<QList<MessageSearchHit>> findMessages(store::Database& db, const MessageSearchRequest& request);

} // namespace convene::chat
