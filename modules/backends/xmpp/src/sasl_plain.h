#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QString>

namespace convene::xmpp {

// The RFC 4616 PLAIN message, "\0user\0password" (no authorization identity), after SASLprep.
// Only chooseSaslMechanism() with SaslPolicy::allowPlain leads here.
Result<QByteArray> saslPlainMessage(const QString& username, const QString& password);

} // namespace convene::xmpp
