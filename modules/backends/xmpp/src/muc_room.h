#pragma once

#include <convene/core/result.h>
#include <convene/sync/envelopes.h>

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <functional>

namespace convene::xmpp {

// What the backend knows of one stream's room: whether we are in it, who is (by nick, with
// the real JID the room gave), and our changes waiting to go in, in order.
struct MucRoom {
    enum class Presence { Absent, Joining, Joined };

    QString stream;
    QString jid;
    QString nick;
    Presence presence = Presence::Absent;
    int joinAttempts = 0;
    QList<std::function<void(const Result<void>&)>> whenJoined;
    QHash<QString, QString> occupants; // nick -> bare JID
    QSet<QString> seenIds; // stanza-ids delivered from this room
    struct Sent {
        QString serverId;
        QString author;
    };
    QHash<QString, Sent> messagesById; // chat messages by their sender's id, for corrections
    std::deque<sync::Mutation> outgoing;
    bool sending = false; // the front of `outgoing` is on its way
    bool verifyBeforeSending = false; // something may have got in unconfirmed: ask the archive
    quint64 sendGeneration = 0; // tells a stale timeout from the current one
};

} // namespace convene::xmpp
