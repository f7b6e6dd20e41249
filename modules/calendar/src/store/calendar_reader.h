#pragma once

#include <convene/calendar/calendar_snapshot.h>

namespace convene::store {
class Database;
}

namespace convene::calendar {

// The events of entries read before, by entry id: entries do not change their payload, so a
// re-read after a change parses only the new ones.
struct DecodedEntries {
    struct Decoded {
        size_t payloadHash = 0;
        QList<Event> events;
        QHash<QString, QByteArray> timeZones; // VTIMEZONEs the entry carries, by TZID
    };
    QHash<qint64, Decoded> byId;
};

// Reads every calendar stream of the cache into a snapshot and prepares its expansion. Folds the
// entries in the cache's order: per UID the newest event entry its owner (the author of the
// first) wrote, per UID and member the newest answer — from members the event invites.
std::shared_ptr<const CalendarSnapshot> readCalendar(store::Database& db, const QString& floatingTimeZone,
                                                     DecodedEntries& decoded);

} // namespace convene::calendar
