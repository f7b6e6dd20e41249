#pragma once

#include <QString>

namespace convene::xmpp {

// The RFC 6120 §4.9.3 stream error conditions a reader of incoming XML can raise.
enum class StreamErrorCondition {
    BadFormat,
    InvalidNamespace,
    NotWellFormed,
    PolicyViolation,
    RestrictedXml,
    UnsupportedEncoding,
};

// The element name of the condition, e.g. "restricted-xml", for the <stream:error/> we send.
QString streamErrorConditionName(StreamErrorCondition condition);

struct XmlReadError {
    StreamErrorCondition condition = StreamErrorCondition::NotWellFormed;
    QString message;

    friend bool operator==(const XmlReadError&, const XmlReadError&) = default;
};

} // namespace convene::xmpp
