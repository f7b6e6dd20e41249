#pragma once

#include <QByteArray>

namespace convene::bench {

// An .ics file like a busy shared calendar over 2025–2026: single meetings in Berlin, New York,
// Shanghai, UTC and floating time, some all day; weekly, daily, monthly (ordinal weekdays,
// BYSETPOS, month days) and yearly series with COUNT, UNTIL or no end, EXDATEs; and overrides of
// series occurrences (moved or cancelled). Deterministic for a seed.
struct CalendarShape {
    int singles = 9'400;
    int series = 500;
    int overrides = 100;
    unsigned seed = 1;
};

QByteArray generateCalendar(const CalendarShape& shape);

} // namespace convene::bench
