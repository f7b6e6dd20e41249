#pragma once

#include "convene/core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace convene::call {

// Someone else's call payload as a JSON object of version 1, at most `maxBytes` long; the error
// names what was wrong, prefixed with `what` ("call signal", "call record").
Result<QJsonObject> readVersionedJson(const QByteArray& payload, qsizetype maxBytes, const QString& what);

} // namespace convene::call
