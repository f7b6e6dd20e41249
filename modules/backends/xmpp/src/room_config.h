#pragma once

#include "xml_element.h"

#include <QSet>
#include <QString>

namespace convene::xmpp {

// The MUC configuration (XEP-0045 §10.2) of the room a stream lives in: persistent and
// archived (MAM) always; non-anonymous, so the room names every author by their real JID;
// listed and open to everyone for channels and the directory, members-only and hidden for
// private channels, direct messages and a user's own stream.
// `offered`: the fields of the form the room sent (XEP-0045 §10.1.3); only those are submitted,
// since a server may refuse a field it does not know (ejabberd does). Archiving is whichever of
// muc#roomconfig_enablearchiving (Prosody) and mam (ejabberd) the room offers.
XmlElement roomConfigurationForm(const QString& stream, const QString& name, const QSet<QString>& offered);
// Whether only members may enter the stream's room.
bool isMembersOnlyStream(const QString& stream);
// A data-form field, for building forms.
XmlElement formField(const QString& var, const QString& value);

} // namespace convene::xmpp
