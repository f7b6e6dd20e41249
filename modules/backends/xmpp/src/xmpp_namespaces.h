#pragma once

#include "xml_namespaces.h"

#include <QStringView>

// Namespaces of the XEPs the backend speaks, and of our own payload.
namespace convene::xmpp::ns {

inline constexpr QStringView entry = u"urn:convene:entry:0"; // our payload: one sync entry
inline constexpr QStringView signal = u"urn:convene:signal:0"; // our payload: one ephemeral message
inline constexpr QStringView sid = u"urn:xmpp:sid:0"; // XEP-0359 origin-id, stanza-id
inline constexpr QStringView mam = u"urn:xmpp:mam:2"; // XEP-0313
inline constexpr QStringView rsm = u"http://jabber.org/protocol/rsm"; // XEP-0059
inline constexpr QStringView forward = u"urn:xmpp:forward:0"; // XEP-0297
inline constexpr QStringView delay = u"urn:xmpp:delay"; // XEP-0203
inline constexpr QStringView hints = u"urn:xmpp:hints"; // XEP-0334
inline constexpr QStringView muc = u"http://jabber.org/protocol/muc";
inline constexpr QStringView mucUser = u"http://jabber.org/protocol/muc#user";
inline constexpr QStringView mucOwner = u"http://jabber.org/protocol/muc#owner";
inline constexpr QStringView mucAdmin = u"http://jabber.org/protocol/muc#admin";
inline constexpr QStringView dataForms = u"jabber:x:data";
inline constexpr QStringView discoInfo = u"http://jabber.org/protocol/disco#info";
inline constexpr QStringView discoItems = u"http://jabber.org/protocol/disco#items";
inline constexpr QStringView stanzas = u"urn:ietf:params:xml:ns:xmpp-stanzas";
inline constexpr QStringView reply = u"urn:xmpp:reply:0"; // XEP-0461
inline constexpr QStringView correction = u"urn:xmpp:message-correct:0"; // XEP-0308
inline constexpr QStringView retraction = u"urn:xmpp:message-retract:1"; // XEP-0424
inline constexpr QStringView reactions = u"urn:xmpp:reactions:0"; // XEP-0444
inline constexpr QStringView fallback = u"urn:xmpp:fallback:0"; // XEP-0428
inline constexpr QStringView chatStates = u"http://jabber.org/protocol/chatstates"; // XEP-0085
inline constexpr QStringView directInvite = u"jabber:x:conference"; // XEP-0249

} // namespace convene::xmpp::ns
