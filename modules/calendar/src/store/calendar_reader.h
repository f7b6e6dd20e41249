#pragma once

#include <convene/calendar/calendar_snapshot.h>

namespace convene::store {
class Database;
}

namespace convene::calendar {

// Reads every calendar stream of the cache into a snapshot and prepares its expansion. Folds the
// entries in the cache's order: per UID the newest event entry its owner (the author of the
// first) wrote, per UID and member the newest answer — from members the event invites.
std::shared_ptr<const CalendarSnapshot> readCalendar(store::Database& db, const QString& floatingTimeZone);

} // namespace convene::calendar
