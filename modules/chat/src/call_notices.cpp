#include "convene/chat/call_notices.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace convene::chat {

namespace {

constexpr qsizetype kMaxPayloadSize = 1024;
constexpr qsizetype kMaxCallIdLength = 128;
// How many of a conversation's call entries before a leave are looked through for its call's.
constexpr int kRecentSteps = 500;

} // namespace

std::optional<CallEntry> callEntryOf(const QByteArray& payload)
{
    if (payload.size() > kMaxPayloadSize)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(payload);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonValue call = object.value(QStringLiteral("call"));
    const QJsonValue video = object.value(QStringLiteral("video"));
    if (object.value(QStringLiteral("v")).toInt() != 1 || !call.isString() || call.toString().isEmpty() ||
        call.toString().size() > kMaxCallIdLength || !(video.isUndefined() || video.isBool()))
        return std::nullopt;
    return CallEntry{call.toString(), video.toBool()};
}

std::optional<CallEnd> callEndOf(const QList<CallStep>& steps)
{
    std::optional<int64_t> start;
    QHash<QString, int> inCall; // author -> how many of their devices
    int present = 0;
    for (const CallStep& step : steps) {
        if (step.kind == kind::callStarted && !start) {
            start = step.serverTime;
            ++inCall[step.author];
            ++present;
        } else if (step.kind == kind::callJoined) {
            ++inCall[step.author];
            ++present;
        } else if (step.kind == kind::callLeft && inCall.value(step.author) > 0) {
            --inCall[step.author];
            if (--present == 0 && start)
                return CallEnd{step.pos, *start, step.serverTime};
        }
    }
    return std::nullopt;
}

std::optional<CallEnd> callEndingAt(store::Database& db, const QString& stream, const QString& callId, int64_t leavePos)
{
    if (callId.isEmpty() || leavePos <= 0)
        return std::nullopt;
    auto query = db.prepare(QStringLiteral(
        "SELECT kind, author, pos, server_time, payload FROM entries WHERE stream = ? AND kind IN (?, ?, ?) "
        "AND pos IS NOT NULL AND pos <= ? AND server_time IS NOT NULL AND verdict = 0 ORDER BY pos DESC LIMIT ?"));
    if (!query)
        return std::nullopt;
    (*query)->bind(1, stream).bind(2, kind::callStarted).bind(3, kind::callJoined).bind(4, kind::callLeft);
    (*query)->bind(5, leavePos).bind(6, kRecentSteps);
    QList<CallStep> steps;
    while ((*query)->step().valueOr(false)) {
        const std::optional<CallEntry> entry = callEntryOf((*query)->blob(4));
        if (entry && entry->callId == callId)
            steps.prepend({(*query)->text(0), (*query)->text(1), (*query)->int64(2), (*query)->int64(3)});
    }
    const std::optional<CallEnd> end = callEndOf(steps);
    return end && end->pos == leavePos ? end : std::nullopt;
}

QString formatCallDuration(int64_t seconds)
{
    seconds = std::max<int64_t>(0, seconds);
    const auto two = [](int64_t n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(two(seconds / 60 % 60), two(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(two(seconds % 60));
}

} // namespace convene::chat
