#include "convene/call/call_record.h"

#include "versioned_json.h"

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
    const Result<QJsonObject> read = readVersionedJson(payload, kMaxEncodedSize, QStringLiteral("call record"));
    if (!read)
        return read.error();
    const QJsonObject& object = *read;
    const QJsonValue call = object.value(QStringLiteral("call"));
    if (!call.isString() || call.toString().isEmpty() || call.toString().size() > kMaxCallIdLength)
        return invalid(QStringLiteral("missing or overlong call id"));
    const QJsonValue video = object.value(QStringLiteral("video"));
    if (!video.isUndefined() && !video.isBool())
        return invalid(QStringLiteral("\"video\" is not true or false"));
    return CallRecord{call.toString(), video.toBool()};
}

} // namespace convene::call
