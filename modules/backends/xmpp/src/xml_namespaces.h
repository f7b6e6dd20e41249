#pragma once

#include <QStringView>

// Namespace URIs of RFC 6120 that the stream layer itself needs.
namespace convene::xmpp::ns {

inline constexpr QStringView stream = u"http://etherx.jabber.org/streams";
inline constexpr QStringView client = u"jabber:client";
inline constexpr QStringView xml = u"http://www.w3.org/XML/1998/namespace";
inline constexpr QStringView sasl = u"urn:ietf:params:xml:ns:xmpp-sasl";

} // namespace convene::xmpp::ns
