#pragma once

#include <QString>
#include <QStringView>

namespace convene::xmpp {

// Just enough of RFC 7622 to compare the addresses of stanzas: local@domain/resource.
// Local part and domain compare case-insensitively (the common case of their PRECIS and IDNA
// rules; full normalisation is the server's job), the resource exactly.
QString bareJidOf(QStringView jid);
QString resourceOf(QStringView jid); // empty for a bare JID
QString domainOf(QStringView jid);
bool sameJid(QStringView a, QStringView b);

} // namespace convene::xmpp
