#include "xml_read_error.h"

namespace convene::xmpp {

QString streamErrorConditionName(StreamErrorCondition condition)
{
    switch (condition) {
    case StreamErrorCondition::BadFormat: return QStringLiteral("bad-format");
    case StreamErrorCondition::InvalidNamespace: return QStringLiteral("invalid-namespace");
    case StreamErrorCondition::NotWellFormed: return QStringLiteral("not-well-formed");
    case StreamErrorCondition::PolicyViolation: return QStringLiteral("policy-violation");
    case StreamErrorCondition::RestrictedXml: return QStringLiteral("restricted-xml");
    case StreamErrorCondition::UnsupportedEncoding: return QStringLiteral("unsupported-encoding");
    }
    return QStringLiteral("undefined-condition");
}

} // namespace convene::xmpp
