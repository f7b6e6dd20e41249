#pragma once

#include <QString>

namespace convene::calendar {

// Events carry the call they join as convene://calls/meeting:<id>, in a CONFERENCE property
// (RFC 7986): made for call links, it may appear more than once, and it leaves URL to the
// event's own web page.
QString meetingLink(const QString& meetingId);

// The id of a convene://calls/meeting:<id> link; empty for any other text.
QString meetingIdFromLink(const QString& link);

} // namespace convene::calendar
