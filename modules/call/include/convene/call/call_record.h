#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>

namespace convene::call {

// Calls leave two stored entries in their conversation, so its timeline tells of them: one when
// a call starts (its author is the one who started it) and one when the last person leaves. How
// long the call lasted is the time between the two entries as the backend stamped them; the
// payload only pairs them. Payload: {"v": 1, "call": "<call id>", "video": bool}.
inline constexpr auto kCallStartedKind = "call.started";
inline constexpr auto kCallEndedKind = "call.ended";

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
