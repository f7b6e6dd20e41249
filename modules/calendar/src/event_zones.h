#pragma once

#include <convene/calendar/event.h>

#include <QStringList>

namespace convene::calendar {

// The TZIDs an event's times name (start, end, recurrence id, RDATE, EXDATE), each once.
QStringList zoneIdsOf(const Event& event);

} // namespace convene::calendar
