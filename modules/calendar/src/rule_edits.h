#pragma once

#include "edit_times.h"

#include <convene/core/result.h>

#include <QString>

#include <optional>

namespace convene::calendar {

// Edits of RRULE values for a series that ends, continues under a new uid, or moves. The parts an
// edit does not concern stay as written.

int ruleCount(const QString& rule); // COUNT, 0 if the rule has none
std::optional<CalendarTime> ruleUntil(const QString& rule); // UNTIL: a date, a UTC or a floating time

// The rule ending at `until` at the latest (a DATE, a UTC or a floating time, as DTSTART asks):
// COUNT gives way to UNTIL, an earlier UNTIL stays.
QString ruleEndingAt(const QString& rule, const CalendarTime& until, const EditTimes& times,
                     const CalendarTime& seriesStart);

// The rule after `passed` of its occurrences: COUNT less those; nullopt when none is left.
std::optional<QString> ruleAfter(const QString& rule, int passed);

// The rule of a series that moved: UNTIL moves along, and the parts that fix the day or the time of
// day follow DTSTART (weekdays shift, a single month day or numbered weekday is taken from the new
// date). Parts that cannot follow (several numbered weekdays, BYWEEKNO, BYSETPOS, …) are an error.
Result<QString> ruleMoved(const QString& rule, const SeriesMove& move);

} // namespace convene::calendar
