#pragma once

#include <convene/calendar/event.h>
#include <convene/calendar/time_zones.h>

#include <QByteArray>
#include <QList>

namespace convene::calendar {

// The content of an .ics file: its events, the time zones they use, and, kept as read, what
// Convene does not handle, so that writing the calendar back loses nothing.
struct IcsCalendar {
    QList<Event> events; // masters and overrides, in file order
    TimeZones timeZones;
    QList<QByteArray> properties; // calendar properties but PRODID and VERSION (METHOD, X-WR-CALNAME, …)
    QList<QByteArray> otherComponents; // VTODO, VJOURNAL, X- components, …: unfolded content lines
};

} // namespace convene::calendar
