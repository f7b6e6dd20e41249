#include "edit_times.h"

#include "civil_time.h"
#include "ical_time.h"
#include "time_zone_table.h"

namespace convene::calendar {

EditTimes::EditTimes(TimeZones zones, const QString& floatingTimeZone) : m_zones(std::move(zones))
{
    const TimeZoneTable& table = m_zones.table();
    icaltimezone* floating = table.find(floatingTimeZone);
    m_floatingZoneKnown = floating != nullptr;
    m_context.zones = &table;
    m_context.floating = ZoneClock(floating);
}

bool EditTimes::resolves(const CalendarTime& time) const
{
    return time.isValid() && (time.kind != CalendarTime::Kind::Zoned || m_zones.resolves(time.timeZoneId));
}

bool EditTimes::sameClock(const CalendarTime& a, const CalendarTime& b)
{
    const auto floating = [](const CalendarTime& t) {
        return t.kind == CalendarTime::Kind::Floating || t.kind == CalendarTime::Kind::Date;
    };
    if (floating(a) || floating(b))
        return floating(a) && floating(b);
    return a.kind == b.kind && a.timeZoneId == b.timeZoneId;
}

ZoneClock EditTimes::clockOf(const CalendarTime& reference) const
{
    return m_context.clockFor(reference);
}

qint64 EditTimes::utcOf(const CalendarTime& time) const
{
    return m_context.utcOf(time);
}

qint64 EditTimes::utcOfWall(const CalendarTime& reference, qint64 wall) const
{
    return clockOf(reference).toUtc(wall);
}

qint64 EditTimes::wallOn(const CalendarTime& reference, qint64 utc) const
{
    return clockOf(reference).toWall(utc);
}

qint64 EditTimes::wallOn(const CalendarTime& reference, const CalendarTime& time) const
{
    if (time.isAllDay() || sameClock(reference, time))
        return wallSecondsOf(time);
    return wallOn(reference, utcOf(time));
}

CalendarTime EditTimes::at(const CalendarTime& reference, qint64 wall)
{
    const qint64 day = dayOf(wall);
    const QDate date = dateOfDay(day);
    const QTime time = QTime(0, 0).addSecs(int(wall - day * kSecondsPerDay));
    switch (reference.kind) {
    case CalendarTime::Kind::Date: return CalendarTime::allDay(date);
    case CalendarTime::Kind::Floating: return CalendarTime::floating(date, time);
    case CalendarTime::Kind::Utc: return CalendarTime::utc(date, time);
    case CalendarTime::Kind::Zoned: break;
    }
    return CalendarTime::zoned(date, time, reference.timeZoneId);
}

qint64 EditTimes::occurrenceKey(const CalendarTime& seriesStart, const CalendarTime& time) const
{
    if (seriesStart.isAllDay())
        return utcOfWall(seriesStart, wallSecondsOf(CalendarTime::allDay(time.date)));
    if (time.isAllDay())
        return utcOfWall(seriesStart, wallSecondsOf(time) + timeOfDay(seriesStart));
    return utcOf(time);
}

qint64 EditTimes::untilWall(const CalendarTime& seriesStart, const CalendarTime& until) const
{
    if (until.isAllDay())
        return wallSecondsOf(until) + (seriesStart.isAllDay() ? 0 : kSecondsPerDay - 1);
    if (until.kind == CalendarTime::Kind::Floating)
        return wallSecondsOf(until); // libical compares it with the wall-clock times
    return wallOn(seriesStart, until);
}

qint64 EditTimes::lengthOf(const Event& event) const
{
    if (event.start.isAllDay()) {
        if (event.end)
            return event.start.date.daysTo(event.end->date);
        return event.duration ? event.duration->days : 1;
    }
    if (event.end)
        return utcOf(*event.end) - utcOf(event.start);
    if (event.duration) {
        const qint64 end = utcOfWall(event.start, wallSecondsOf(event.start) + event.duration->days * kSecondsPerDay) +
                           event.duration->seconds;
        return end - utcOf(event.start);
    }
    return 0;
}

Event EditTimes::movedTo(const Event& event, const CalendarTime& start) const
{
    Event moved = event;
    moved.start = start;
    if (!event.end)
        return moved;
    if (start.isAllDay()) {
        moved.end = CalendarTime::allDay(start.date.addDays(event.start.date.daysTo(event.end->date)));
        return moved;
    }
    const CalendarTime& reference = sameClock(event.start, *event.end) ? start : *event.end;
    moved.end = at(reference, wallOn(reference, utcOf(start) + lengthOf(event)));
    return moved;
}

SeriesMove::SeriesMove(const EditTimes& times, CalendarTime from, CalendarTime reference, qint64 shift)
    : m_times(times), m_from(std::move(from)), m_reference(std::move(reference)), m_shift(shift)
{ }

bool SeriesMove::isIdentity() const
{
    return m_shift == 0 && m_from.kind == m_reference.kind && m_from.timeZoneId == m_reference.timeZoneId;
}

CalendarTime SeriesMove::moved(const CalendarTime& time) const
{
    const bool dayOfTimedSeries = time.isAllDay() && !m_from.isAllDay();
    const qint64 wall = dayOfTimedSeries ? wallSecondsOf(time) + timeOfDay(m_from) : m_times.wallOn(m_from, time);
    const CalendarTime result = EditTimes::at(m_reference, wall + m_shift);
    // An EXDATE;VALUE=DATE of a timed series keeps excluding a whole day.
    return dayOfTimedSeries ? CalendarTime::allDay(result.date) : result;
}

CalendarTime SeriesMove::movedUntil(const CalendarTime& until) const
{
    const qint64 wall = m_times.untilWall(m_from, until) + m_shift;
    switch (m_reference.kind) {
    case CalendarTime::Kind::Date: return CalendarTime::allDay(dateOfDay(dayOf(wall)));
    case CalendarTime::Kind::Floating: return EditTimes::at(m_reference, wall);
    case CalendarTime::Kind::Utc:
    case CalendarTime::Kind::Zoned: break;
    }
    // UTC seconds are the wall-clock seconds of UTC.
    return EditTimes::at(CalendarTime::utc({}, {}), m_times.utcOfWall(m_reference, wall));
}

} // namespace convene::calendar
