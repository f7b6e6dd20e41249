#pragma once

#include "time_zone_table.h"
#include "zone_clock.h"

#include <convene/calendar/event.h>
#include <convene/calendar/ics_limits.h>

#include <QString>

#include <vector>

namespace convene::calendar {

// An occurrence while expanding: UTC seconds, or for all-day occurrences days (wall midnights
// read in the floating zone).
struct Span {
    qint64 start = 0; // UTC seconds
    qint64 end = 0;
    int eventIndex = -1;
    bool allDay = false;
    qint64 startDay = 0; // all-day
    qint64 endDay = 0;
    qint64 recurrenceId = 0; // UTC seconds of the original start
    bool recurring = false;
};

// Occurrences found so far, and why an event could not be listed in full.
struct SpanSink {
    std::vector<Span> spans;
    QList<Error> problems;
};

// What expanding events needs besides the events: their zones, the zone of floating and
// all-day times, and the limits.
struct ExpansionContext {
    const TimeZoneTable* zones = nullptr;
    ZoneClock floating;
    ExpansionLimits limits;

    ZoneClock clockFor(const CalendarTime& time) const;
    qint64 utcOf(const CalendarTime& time) const;
};

// Whether [start, end) meets [from, to); an occurrence without duration meets it if it starts in it.
inline bool overlaps(qint64 start, qint64 end, qint64 from, qint64 to)
{
    return start < to && (end > from || (end == start && start >= from));
}

} // namespace convene::calendar

namespace convene::calendar {

// The one occurrence of an event that does not recur (or of an override, where it moved to).
Span eventSpan(const Event& event, int eventIndex, const ExpansionContext& context);

// QDate of a day number (days since 1970-01-01).
QDate dateOfDay(qint64 day);

} // namespace convene::calendar
