#include "expansion_context.h"

#include "civil_time.h"
#include "ical_time.h"

namespace convene::calendar {

ZoneClock ExpansionContext::clockFor(const CalendarTime& time) const
{
    switch (time.kind) {
    case CalendarTime::Kind::Zoned: return ZoneClock(zones->find(time.timeZoneId));
    case CalendarTime::Kind::Utc: return ZoneClock(nullptr);
    default: return floating;
    }
}

qint64 ExpansionContext::utcOf(const CalendarTime& time) const
{
    return clockFor(time).toUtc(wallSecondsOf(time));
}

} // namespace convene::calendar

namespace convene::calendar {

QDate dateOfDay(qint64 day)
{
    return QDate::fromJulianDay(day + 2'440'588);
}

Span eventSpan(const Event& event, int eventIndex, const ExpansionContext& context)
{
    Span span;
    span.eventIndex = eventIndex;
    span.allDay = event.start.isAllDay();
    if (span.allDay) {
        span.startDay = daysFromCivil(event.start.date.year(), event.start.date.month(), event.start.date.day());
        if (event.end)
            span.endDay = daysFromCivil(event.end->date.year(), event.end->date.month(), event.end->date.day());
        else
            span.endDay = span.startDay + (event.duration ? event.duration->days : 1);
        span.start = context.floating.toUtc(span.startDay * kSecondsPerDay);
        span.end = context.floating.toUtc(span.endDay * kSecondsPerDay);
    } else {
        span.start = context.utcOf(event.start);
        if (event.end) {
            span.end = context.utcOf(*event.end);
        } else if (event.duration) {
            const ZoneClock clock = context.clockFor(event.start);
            span.end = clock.toUtc(wallSecondsOf(event.start) + event.duration->days * kSecondsPerDay) +
                       event.duration->seconds;
        } else {
            span.end = span.start;
        }
    }
    if (event.recurrenceId) {
        span.recurring = true;
        span.recurrenceId = event.recurrenceId->isAllDay() ? context.floating.toUtc(wallSecondsOf(*event.recurrenceId))
                                                           : context.utcOf(*event.recurrenceId);
    }
    return span;
}

} // namespace convene::calendar
