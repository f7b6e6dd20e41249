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

using Decorations = QHash<int64_t, MessageDecoration>; // by the message's seq

// Reads the decorations of the messages with seq in [firstSeq, lastSeq] of one stream.
// `authors` (seq -> author) limits edits and deletions to each message's author.
Decorations loadDecorations(store::Database& db, const QString& stream, int64_t firstSeq, int64_t lastSeq,
                            const QHash<int64_t, QString>& authors);

} // namespace convene::chat
