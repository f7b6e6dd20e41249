#include "sasl_mechanism.h"

#include "xml_namespaces.h"

namespace convene::xmpp {

std::optional<SaslMechanism> chooseSaslMechanism(const QStringList& offered)
{
    for (const SaslMechanism candidate : {SaslMechanism::ScramSha256, SaslMechanism::ScramSha1}) {
        if (offered.contains(saslMechanismName(candidate))) // names are case-sensitive (RFC 4422 §3.1)
            return candidate;
    }
    return std::nullopt;
}

QString saslMechanismName(SaslMechanism mechanism)
{
    switch (mechanism) {
    case SaslMechanism::ScramSha256: return QStringLiteral("SCRAM-SHA-256");
    case SaslMechanism::ScramSha1: return QStringLiteral("SCRAM-SHA-1");
    }
    return {};
}

QStringList offeredSaslMechanisms(const XmlElement& streamFeatures)
{
    QStringList names;
    const XmlElement mechanisms = streamFeatures.firstChild(u"mechanisms", ns::sasl);
    for (const XmlElement& mechanism : mechanisms.children(u"mechanism", ns::sasl))
        names.append(mechanism.text().trimmed());
    return names;
}

} // namespace convene::xmpp
