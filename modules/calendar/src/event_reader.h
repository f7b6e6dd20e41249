#pragma once

#include "parsed_component.h"
#include "time_zone_table.h"

#include <convene/calendar/event.h>
#include <convene/calendar/ics_limits.h>
#include <convene/core/result.h>

namespace convene::calendar {

// The Event a VEVENT describes. Checks what the rest of Convene relies on: a UID and a DTSTART,
// an end after the start, known time zones, recurrence rules it can expand, the limits.
Result<Event> readEvent(const ParsedComponent& vevent, const TimeZoneTable& zones, const IcsLimits& limits,
                        QByteArray sourceText);

} // namespace convene::calendar
