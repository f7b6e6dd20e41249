#pragma once

#include <convene/calendar/calendar_snapshot.h>

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace convene::calendar {

// One occurrence as a view draws it, in the user's zone. A timed occurrence that crosses
// midnight gives one row per day it touches (its segment that day).
struct OccurrenceRow {
    int eventIndex = -1; // into the snapshot's expander events
    QString uid;
    QDateTime recurrenceId; // UTC; invalid when not recurring
    QString title;
    QString location;
    QDateTime start; // in the user's zone; all-day: the first day's midnight
    QDateTime end; // exclusive
    bool allDay = false;
    int day = 0; // days from the range's first day (all-day: its first visible day)
    int dayCount = 1; // all-day: visible days; timed: 1
    int startMinute = 0; // timed: this day's segment
    int endMinute = 0;
    int column = 0; // side by side with overlapping ones (timed), or the lane (all-day)
    int columns = 1;
    bool recurring = false;
    bool hasCall = false;
    bool cancelled = false;
    bool pending = false; // not yet sent
    bool failed = false;
    bool mine = false; // the user organises it
    bool invited = false; // someone else's event that invites the user
    ParticipationStatus myStatus = ParticipationStatus::NeedsAction;
    int colorIndex = 0; // the calendar's colour slot

    bool operator==(const OccurrenceRow&) const = default;
};

struct RowRange {
    QDate firstDay;
    int dayCount = 7;
    QTimeZone zone;
    QString userId;
};

// Timed rows of the range, laid out per day; all-day rows laid out in lanes; every occurrence
// once (agenda), in order.
QList<OccurrenceRow> timedRows(const CalendarSnapshot& snapshot, const RowRange& range);
QList<OccurrenceRow> allDayRows(const CalendarSnapshot& snapshot, const RowRange& range, int* laneCount = nullptr);
QList<OccurrenceRow> agendaRows(const CalendarSnapshot& snapshot, const RowRange& range);

} // namespace convene::calendar
