#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>

namespace convene::call {

// Calls leave stored entries in their conversation, so its timeline tells of them: one when a
// call starts (its author is the one who started it), one for each person joining, and one for
// each person leaving. The call has ended once everyone who was in it has left, as the authors
// of those entries show; how long it lasted is the time between the start and that last leave
// as the backend stamped them. The payload only names the call: {"v": 1, "call": "<id>",
// "video": bool}.
inline constexpr auto kCallStartedKind = "call.started";
inline constexpr auto kCallJoinedKind = "call.joined";
inline constexpr auto kCallLeftKind = "call.left";

struct CallRecord {
    QString callId;
    bool video = false;

    static constexpr qsizetype kMaxEncodedSize = 1024;
    static constexpr qsizetype kMaxCallIdLength = 128;

    QByteArray encode() const;
    // Strict: anything unexpected is an error naming what was wrong.
    static Result<CallRecord> decode(const QByteArray& payload);
};

} // namespace convene::call
