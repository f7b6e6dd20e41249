#pragma once

#include <convene/core/result.h>
#include <convene/sync/envelopes.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace convene::chat {

// What the user wrote in conversations, from the moment it is handed to sync until it is in the
// outbox, and what could not be written there: kept with the change itself, to be submitted
// again as it was (its client id unchanged, so that it still counts once), until the user
// retries or dismisses it.
class PendingWrites {
public:
    enum class What { Message, Edit, Delete, Reaction };

    struct Write {
        sync::Mutation mutation; // with its client id and time
        What what = What::Message;
        // Writes with the same key replace each other: a new attempt from the same place (one
        // composer, one message's edit or reaction) makes one that failed there obsolete.
        QString key;
        qint64 threadRoot = 0; // the composer it came from: 0 the conversation's, else the thread's
        qint64 editPos = 0; // edits: the message edited
        QString text; // messages and edits: what the composer held
        int attachments = 0; // messages: how many of the composer's files went with it
        Error error; // why it could not be written
    };

    // Returns whether it made a failed write obsolete (see `key`).
    bool wait(Write write);
    std::optional<Write> takeWaiting(const QUuid& clientId);
    // A failed write, replacing any that failed with the same key.
    void fail(Write write);
    // Forgets the failed writes with `key` (a new attempt is on its way); whether there were any.
    bool supersede(const QString& key);
    QList<Write> takeFailed(const QString& stream);
    const QList<Write>& failed() const { return m_failed; }
    bool contains(const QUuid& clientId) const;

private:
    QHash<QUuid, Write> m_waiting;
    QList<Write> m_failed; // oldest first
};

} // namespace convene::chat
