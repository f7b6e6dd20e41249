#pragma once

#include <convene/calendar/event.h>
#include <convene/calendar/time_zones.h>
#include <convene/core/result.h>

#include <QByteArray>

namespace convene::calendar {

// The VEVENT as unfolded CRLF lines. With a source text, every line (and VALARM) whose meaning the
// model leaves unchanged is kept as read; the others are replaced where they stood.
Result<QByteArray> eventText(const Event& event, const TimeZones& zones);

} // namespace convene::calendar
