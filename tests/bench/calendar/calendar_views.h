#pragma once

// What the calendar pane costs on a large calendar: reading every event entry of a cache into a
// snapshot (the loader thread's work on each change), and building a week's or a month's rows
// from it (the UI thread's work on each navigation).
#include <convene/calendar/ics_calendar.h>

namespace convene::bench {

struct CalendarViewFigures {
    double firstSnapshotMs = 0; // the first read, loader thread: every entry parsed
    double snapshotMs = 0; // median of the re-reads after a change: only new entries parsed
    double weekMs = 0; // median: expansion, side-by-side layout and all-day lanes of a week
    double weekP95Ms = 0;
    double monthMs = 0; // median: expansion and the 42 cells of a month
    double monthP95Ms = 0;
    int series = 0;
};

CalendarViewFigures measureCalendarViews(const calendar::IcsCalendar& calendar);

} // namespace convene::bench
