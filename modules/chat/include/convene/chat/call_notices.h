#pragma once

#include <convene/store/database.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

// Calls in a conversation's timeline. The call feature writes two entries per call into the
// conversation: "call.started" by whoever started it and "call.ended" when the last person left,
// each with the payload {"v": 1, "call": "<call id>", "video": bool}. The timeline shows them as
// notices; who started a call is the entry's author as the backend vouches for it, and how long
// it lasted is the time between the two entries as the backend stamped them.
namespace convene::chat {

namespace kind {
inline const QString callStarted = QStringLiteral("call.started");
inline const QString callEnded = QStringLiteral("call.ended");
} // namespace kind

struct CallEntry {
    QString callId;
    bool video = false;
};

// Strict: nothing for a payload that is not a call entry's.
std::optional<CallEntry> callEntryOf(const QByteArray& payload);

// The time (ms since the epoch) of the first placed start entry of `callId` in `stream`.
std::optional<int64_t> callStartTime(store::Database& db, const QString& stream, const QString& callId);

// "m:ss" under an hour, "h:mm:ss" from then on.
QString formatCallDuration(int64_t seconds);

} // namespace convene::chat
