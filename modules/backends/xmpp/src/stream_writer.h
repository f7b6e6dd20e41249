#pragma once

#include "xml_element.h"
#include "xml_namespaces.h"

#include <QByteArray>
#include <QString>

namespace convene::xmpp {

// What our opening <stream:stream> says (RFC 6120 §4.7).
struct StreamHeader {
    QString to; // the server's domain
    QString from; // our bare JID; only once TLS is up, since it names the user (§4.7.1)
    QString lang = QStringLiteral("en");
    QString contentNamespace = ns::client.toString();
};

// "<?xml version='1.0'?><stream:stream …>", sent at the start and at every stream restart.
QByteArray streamOpening(const StreamHeader& header);
QByteArray streamClosing();
// A top-level element as UTF-8, in the stream's content namespace.
QByteArray stanzaBytes(const XmlElement& stanza, QStringView contentNamespace = ns::client);

} // namespace convene::xmpp
