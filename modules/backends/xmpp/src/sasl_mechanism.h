#pragma once

#include "xml_element.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace convene::xmpp {

// PLAIN is not among them: it hands the password itself to the server.
enum class SaslMechanism { ScramSha256, ScramSha1 };

// The strongest mechanism we support among those offered: SCRAM-SHA-256, then SCRAM-SHA-1.
// Channel-binding (-PLUS) variants are not supported.
std::optional<SaslMechanism> chooseSaslMechanism(const QStringList& offered);
QString saslMechanismName(SaslMechanism mechanism);
// The <mechanism/> names in a <stream:features/> element.
QStringList offeredSaslMechanisms(const XmlElement& streamFeatures);

} // namespace convene::xmpp
