#include "convene/call/call_record.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace convene::call {

namespace {

Error invalid(const QString& what)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("call record: %1").arg(what));
}

} // namespace

QByteArray CallRecord::encode() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("v"), 1},
                                     {QStringLiteral("call"), callId},
                                     {QStringLiteral("video"), video}})
        .toJson(QJsonDocument::Compact);
}

Result<CallRecord> CallRecord::decode(const QByteArray& payload)
{
    if (payload.size() > kMaxEncodedSize)
        return invalid(QStringLiteral("%1 bytes is over the %2-byte limit").arg(payload.size()).arg(kMaxEncodedSize));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (!document.isObject())
        return invalid(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("v")).toInt() != 1)
        return invalid(QStringLiteral("unknown version"));
    const QJsonValue call = object.value(QStringLiteral("call"));
    if (!call.isString() || call.toString().isEmpty() || call.toString().size() > kMaxCallIdLength)
        return invalid(QStringLiteral("missing or overlong call id"));
    const QJsonValue video = object.value(QStringLiteral("video"));
    if (!video.isUndefined() && !video.isBool())
        return invalid(QStringLiteral("\"video\" is not true or false"));
    return CallRecord{call.toString(), video.toBool()};
}

} // namespace convene::call
