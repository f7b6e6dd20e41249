#pragma once

#include <convene/calendar/ics_calendar.h>
#include <convene/calendar/ics_limits.h>
#include <convene/core/result.h>

#include <QByteArray>

namespace convene::calendar {

// Reads a whole .ics file (one or more VCALENDAR objects). All or nothing: on any problem the
// error names it and its line, and nothing of the file is returned.
Result<IcsCalendar> readIcs(const QByteArray& bytes, const IcsLimits& limits = {});

} // namespace convene::calendar
