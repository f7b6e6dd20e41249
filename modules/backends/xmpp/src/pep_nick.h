#pragma once

#include "xml_element.h"

namespace convene::xmpp {

// The account's display name as its own PEP node publishes it (XEP-0172 User Nickname), which
// other XMPP clients show too.
XmlElement nickQuery();
XmlElement nickPublication(const QString& nick);
// The name in a query's result; empty when there is none or it is not usable as a name.
QString nickOf(const XmlElement& result);

} // namespace convene::xmpp
