#pragma once

#include <convene/store/database.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

// Calls in a conversation's timeline. The call feature writes entries into the conversation:
// "call.started" by whoever started a call, "call.joined" by each who joined it and "call.left"
// by each who left it, each with the payload {"v": 1, "call": "<call id>", "video": bool}. The
// timeline shows the start as a notice, and "call ended" at the leave after which nobody who
// started or joined the call (by the entries' authors, as the backend vouches for them) is still
// in it, whoever wrote that leave. How long it lasted is the time between the start and that
// leave as the backend stamped them; no payload field counts for who or when.
namespace convene::chat {

namespace kind {
inline const QString callStarted = QStringLiteral("call.started");
inline const QString callJoined = QStringLiteral("call.joined");
inline const QString callLeft = QStringLiteral("call.left");
} // namespace kind

struct CallEntry {
    QString callId;
    bool video = false;
};

// Strict: nothing for a payload that is not a call entry's.
std::optional<CallEntry> callEntryOf(const QByteArray& payload);

// One placed entry of one call.
struct CallStep {
    QString kind; // kind::callStarted, callJoined or callLeft
    QString author;
    int64_t pos = 0;
    int64_t serverTime = 0; // ms since the epoch
};

struct CallEnd {
    int64_t pos = 0; // of the leave that ended the call
    int64_t startTime = 0; // server times, ms since the epoch
    int64_t endTime = 0;
};

// Where a call ended, from its entries in server order: the first start counts (later ones
// naming the same call do not), each join adds its author, each leave takes away one of its
// author's; a leave by someone not in the call changes nothing.
std::optional<CallEnd> callEndOf(const QList<CallStep>& steps);

// The end of `callId` in `stream` when the placed leave at `leavePos` is the one that ended it.
std::optional<CallEnd> callEndingAt(store::Database& db, const QString& stream, const QString& callId,
                                    int64_t leavePos);

// "m:ss" under an hour, "h:mm:ss" from then on.
QString formatCallDuration(int64_t seconds);

} // namespace convene::chat
