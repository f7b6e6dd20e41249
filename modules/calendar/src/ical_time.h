#pragma once

#include <convene/calendar/calendar_time.h>

#include <libical/ical.h>

#include <optional>

namespace convene::calendar {

// A DATE or DATE-TIME value of a property, with the property's TZID; nullopt if out of range.
std::optional<CalendarTime> calendarTimeOf(const icaltimetype& value, const icalproperty* property);
// The value to write; a zoned time's TZID goes into a parameter (see addTimeZoneParameter).
icaltimetype icalTimeOf(const CalendarTime& time);
void addTimeZoneParameter(icalproperty* property, const CalendarTime& time);

// Wall-clock seconds of a libical time (midnight for dates).
qint64 wallSecondsOf(const icaltimetype& t);
qint64 wallSecondsOf(const CalendarTime& t);
// A libical time for wall-clock seconds, in the given zone (nullptr: floating).
icaltimetype icalTimeAt(qint64 wallSeconds, bool isDate, const icaltimezone* zone);

} // namespace convene::calendar
