#include "convene/chat/call_notices.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace convene::chat {

namespace {

constexpr qsizetype kMaxPayloadSize = 1024;
constexpr qsizetype kMaxCallIdLength = 128;
// How many of a conversation's newest start entries are looked through for one call's.
constexpr int kRecentStarts = 200;

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

std::optional<int64_t> callStartTime(store::Database& db, const QString& stream, const QString& callId)
{
    auto query = db.prepare(
        QStringLiteral("SELECT payload, server_time FROM entries WHERE stream = ? AND kind = ? AND pos IS NOT NULL "
                       "AND server_time IS NOT NULL AND verdict = 0 ORDER BY pos DESC LIMIT ?"));
    if (!query)
        return std::nullopt;
    (*query)->bind(1, stream).bind(2, kind::callStarted).bind(3, kRecentStarts);
    std::optional<int64_t> first;
    while ((*query)->step().valueOr(false)) {
        const std::optional<CallEntry> entry = callEntryOf((*query)->blob(0));
        if (entry && entry->callId == callId)
            first = (*query)->int64(1); // newest first: the last match is the earliest
    }
    return first;
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
