#pragma once

#include <convene/calendar/ics_calendar.h>
#include <convene/core/result.h>

#include <QByteArray>

namespace convene::calendar {

// A VEVENT component (folded CRLF lines). An event read from a file keeps its source lines
// wherever the model does not change them.
Result<QByteArray> writeEvent(const Event& event, const TimeZones& timeZones = {});

// A whole .ics file: PRODID -//Convene//Convene//EN, VERSION:2.0, the calendar's other
// properties, a VTIMEZONE for every TZID the events use, the events and the other components.
Result<QByteArray> writeIcs(const IcsCalendar& calendar);

} // namespace convene::calendar
