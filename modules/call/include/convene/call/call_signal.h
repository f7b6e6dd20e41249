#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace convene::call {

inline constexpr auto kCallSignalKind = "call.signal";

// One call signaling message, carried as an ephemeral sync message in the conversation's stream.
// Participants are endpoints (one app instance), so a person on two devices is two endpoints;
// `sender` is the user id the backend vouches for, never taken from the payload. Endpoint ids
// name their user (see endpointId()), so a receiver can tell whether the sender may speak for one.
struct CallSignal {
    enum class Type { Invite, Cancel, Decline, Join, Present, Leave, Transport, Query };

    Type type = Type::Present;
    QString callId;
    QString endpoint; // the sending app instance
    QString sender; // user id, filled in from the sync envelope
    QString to; // Transport: the endpoint it is for (the message goes to its user alone)
    bool video = false; // Invite, Present: a video call
    bool audioMuted = false;
    bool videoOff = false;
    qint64 startedAtMs = 0; // Invite, Present: when the call began (wall clock)
    QStringList participants; // Present: endpoints the sender is in the call with
    QJsonObject transportDescription; // Transport

    static constexpr qsizetype kMaxEncodedSize = 16 * 1024;
    static constexpr qsizetype kMaxParticipants = 9;
    static constexpr qsizetype kMaxEndpointLength = 320; // a user id (an XMPP address) and an instance

    QByteArray encode() const;
    // Strict: anything unexpected is an error naming what was wrong.
    static Result<CallSignal> decode(const QByteArray& payload, const QString& sender);
};

const char* toString(CallSignal::Type type);

// The id of one app instance of a user in calls: "<user id>/<instance>", the instance without a
// '/'. Nobody else's signals can name it (leave it, redirect its media): the check is against the
// sender the backend vouches for.
QString endpointId(const QString& userId, const QString& instance);
bool endpointBelongsTo(const QString& endpoint, const QString& userId);

} // namespace convene::call
