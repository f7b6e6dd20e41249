#pragma once

#include "xml_element.h"

#include <QString>

namespace convene::xmpp {

// The MUC configuration (XEP-0045 §10.2) of the room a stream lives in: persistent and
// archived (MAM) always; non-anonymous, so the room names every author by their real JID;
// listed and open to everyone for channels and the directory, members-only and hidden for
// private channels, direct messages and a user's own stream.
XmlElement roomConfigurationForm(const QString& stream, const QString& name);
// Whether only members may enter the stream's room.
bool isMembersOnlyStream(const QString& stream);
// A data-form field, for building forms.
XmlElement formField(const QString& var, const QString& value);

} // namespace convene::xmpp
