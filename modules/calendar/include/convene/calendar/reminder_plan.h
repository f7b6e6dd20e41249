#pragma once

#include <convene/calendar/calendar_expander.h>

#include <QDateTime>
#include <QList>

#include <functional>

namespace convene::calendar {

// One reminder of one occurrence that has fallen due.
struct DueReminder {
    int eventIndex = -1; // into the expander's events(): the series, or the override that replaces it
    QDateTime occurrenceStart; // UTC; for all-day occurrences midnight in the floating zone
    QDateTime recurrenceId; // UTC, invalid if not recurring
    QDateTime fireAt; // UTC
    qint64 offsetSeconds = 0;
    bool relativeToEnd = false;
    bool missed = false; // reported more than the grace period after fireAt: fell due while nobody watched

    friend bool operator==(const DueReminder&, const DueReminder&) = default;
};

struct ReminderQuery {
    QDateTime since; // exclusive: when reminders were last checked; invalid → nothing before now
    QDateTime now;
    std::function<bool(int eventIndex)> skip; // events whose reminders do not count (declined, say)
    qint64 missedGraceSeconds = 60; // reported later than this after fireAt counts as missed
    qint64 maxMissedAgeSeconds = 24 * 3600; // older reminders are not reported at all
};

// Reminders further than this from the start (or end) of their occurrence are not considered:
// they would widen the range every check expands for all events.
inline constexpr qint64 kMaxReminderOffsetSeconds = 28 * 24 * 3600;

// How far ahead nextReminderTime looks.
inline constexpr qint64 kReminderHorizonSeconds = 8 * 24 * 3600;

// Display and audio reminders with fireAt in (since, now], oldest first, one per occurrence and
// trigger (offset, start or end); `since` is moved up to now - maxMissedAgeSeconds.
QList<DueReminder> dueReminders(const CalendarExpander& expander, const ReminderQuery& query);

// The first fireAt strictly after `after` and at most kReminderHorizonSeconds later; invalid when
// there is none.
QDateTime nextReminderTime(const CalendarExpander& expander, const QDateTime& after,
                           const std::function<bool(int eventIndex)>& skip);

} // namespace convene::calendar
