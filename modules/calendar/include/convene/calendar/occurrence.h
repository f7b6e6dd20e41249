#pragma once

#include <convene/core/result.h>

#include <QDate>
#include <QDateTime>
#include <QList>

namespace convene::calendar {

// One occurrence of an event in a range. Timed occurrences have UTC start and end; all-day ones
// have dates (end exclusive), and start/end are those dates' midnights in the floating zone.
struct Occurrence {
    int eventIndex = -1; // the event it shows: the series, or the override that replaces it
    QDateTime start; // UTC
    QDateTime end; // UTC
    bool allDay = false;
    QDate startDate; // all-day occurrences
    QDate endDate;
    QDateTime recurrenceId; // UTC start the series gives this occurrence; invalid if not recurring
};

// Occurrences sorted by start, then uid, then end; and events that could not be expanded in full
// (too many occurrences, too sparse a rule), named in the problems.
struct Expansion {
    QList<Occurrence> occurrences;
    QList<Error> problems;
};

} // namespace convene::calendar
