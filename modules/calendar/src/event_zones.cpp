#include "event_zones.h"

namespace convene::calendar {

QStringList zoneIdsOf(const Event& event)
{
    QList<const CalendarTime*> times{&event.start};
    if (event.end)
        times << &*event.end;
    if (event.recurrenceId)
        times << &*event.recurrenceId;
    for (const CalendarTime& t : event.exceptionDates)
        times << &t;
    for (const RecurrenceDate& d : event.recurrenceDates) {
        times << &d.start;
        if (d.end)
            times << &*d.end;
    }
    QStringList ids;
    for (const CalendarTime* t : times) {
        if (t->kind == CalendarTime::Kind::Zoned && !ids.contains(t->timeZoneId))
            ids << t->timeZoneId;
    }
    return ids;
}

} // namespace convene::calendar
