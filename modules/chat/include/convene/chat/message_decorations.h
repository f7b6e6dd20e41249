#pragma once

#include <convene/store/database.h>

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>

namespace convene::chat {

// Everything later entries say about a message: its latest text, whether it was deleted, its
// reactions and its thread. Folded in entry order, so the last word wins.
struct MessageDecoration {
    struct Reaction {
        QString emoji;
        QStringList users; // in the order they reacted
    };
    bool edited = false;
    bool deleted = false;
    QString text; // latest edit's text, when edited
    QList<Reaction> reactions;
    int replyCount = 0;
    int64_t lastReplyTime = 0;
    QStringList repliers; // distinct, most recent last
};

using Decorations = QHash<QString, MessageDecoration>; // by the message's server id

// Reads the decorations of some messages of one stream. `authors` (server id -> author) names
// the messages and limits edits and deletions to each message's author.
Decorations loadDecorations(store::Database& db, const QString& stream, const QHash<QString, QString>& authors);

} // namespace convene::chat
