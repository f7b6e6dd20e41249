#pragma once

#include "xml_element.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace convene::xmpp {

enum class SaslMechanism { ScramSha256, ScramSha1, Plain };

struct SaslPolicy {
    // PLAIN hands the password itself to the server; only ever over verified TLS, and only
    // where an administrator allows it for a server that offers nothing better.
    bool allowPlain = false;
};

// The strongest mechanism we support among those offered: SCRAM-SHA-256, SCRAM-SHA-1, then
// PLAIN if the policy allows it. Channel-binding (-PLUS) variants are not supported.
std::optional<SaslMechanism> chooseSaslMechanism(const QStringList& offered, SaslPolicy policy = {});
QString saslMechanismName(SaslMechanism mechanism);
// The <mechanism/> names in a <stream:features/> element.
QStringList offeredSaslMechanisms(const XmlElement& streamFeatures);

} // namespace convene::xmpp
