#pragma once

#include "expansion_context.h"

#include <convene/calendar/calendar_time.h>
#include <convene/calendar/event.h>
#include <convene/calendar/time_zones.h>

namespace convene::calendar {

// Event times as CalendarExpander reads them (zoned times in their zone, floating and all-day ones
// in the floating zone), and wall-clock seconds (civil_time.h) on the clock of a reference time:
// its zone, UTC, or the floating zone for floating and all-day references.
class EditTimes {
public:
    EditTimes(TimeZones zones, const QString& floatingTimeZone);

    bool floatingZoneKnown() const { return m_floatingZoneKnown; }
    bool resolves(const CalendarTime& time) const;
    static bool sameClock(const CalendarTime& a, const CalendarTime& b);

    qint64 utcOf(const CalendarTime& time) const;
    qint64 utcOfWall(const CalendarTime& reference, qint64 wall) const;
    qint64 wallOn(const CalendarTime& reference, qint64 utc) const;
    qint64 wallOn(const CalendarTime& reference, const CalendarTime& time) const;
    // A wall-clock reading written as `reference` is: a date, or a floating, UTC or zoned time.
    static CalendarTime at(const CalendarTime& reference, qint64 wall);

    // The instant the expander gives an occurrence time (RDATE, EXDATE, RECURRENCE-ID) of a series
    // starting at `seriesStart`: all-day series count in dates, and a date in a timed series
    // stands for that day at DTSTART's time of day.
    qint64 occurrenceKey(const CalendarTime& seriesStart, const CalendarTime& time) const;
    // UNTIL on the series' clock: a date in a timed series lasts to the end of that day.
    qint64 untilWall(const CalendarTime& seriesStart, const CalendarTime& until) const;

    // How long an occurrence lasts: days for all-day events, exact seconds otherwise.
    qint64 lengthOf(const Event& event) const;
    // The event at `start` (all-day exactly when the event is), as long as before.
    Event movedTo(const Event& event, const CalendarTime& start) const;

private:
    ZoneClock clockOf(const CalendarTime& reference) const;

    TimeZones m_zones;
    ExpansionContext m_context;
    bool m_floatingZoneKnown = false;
};

// A series moved as its edited occurrence was: every occurrence's wall-clock time shifts by the
// same amount, read on the old series' clock and written as the new DTSTART is (maybe in another
// zone, or all-day).
class SeriesMove {
public:
    SeriesMove(const EditTimes& times, CalendarTime from, CalendarTime reference, qint64 shift);

    bool isIdentity() const;
    const CalendarTime& from() const { return m_from; }
    CalendarTime to() const { return moved(m_from); }
    CalendarTime moved(const CalendarTime& time) const; // DTSTART, RDATE, EXDATE, RECURRENCE-ID
    CalendarTime movedUntil(const CalendarTime& until) const; // a date, a UTC or a floating time

private:
    const EditTimes& m_times;
    CalendarTime m_from; // the old DTSTART
    CalendarTime m_reference; // how the new series writes its times
    qint64 m_shift = 0; // wall-clock seconds
};

// Seconds since midnight.
inline qint64 timeOfDay(const CalendarTime& time)
{
    return time.isAllDay() ? 0 : QTime(0, 0).secsTo(time.time);
}

} // namespace convene::calendar
