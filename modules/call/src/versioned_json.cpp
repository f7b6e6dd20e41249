#include "versioned_json.h"

#include <QJsonDocument>

namespace convene::call {

Result<QJsonObject> readVersionedJson(const QByteArray& payload, qsizetype maxBytes, const QString& what)
{
    const auto invalid = [&](const QString& problem) {
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(what, problem));
    };
    if (payload.size() > maxBytes)
        return invalid(QStringLiteral("%1 bytes is over the %2-byte limit").arg(payload.size()).arg(maxBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (!document.isObject())
        return invalid(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                    : QStringLiteral("not a JSON object"));
    QJsonObject object = document.object();
    if (object.value(QStringLiteral("v")).toInt() != 1)
        return invalid(QStringLiteral("unknown version"));
    return object;
}

} // namespace convene::call
