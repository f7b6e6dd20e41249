#include <convene/calendar/calendar_time.h>

namespace convene::calendar {

CalendarTime CalendarTime::allDay(QDate date)
{
    return {Kind::Date, date, QTime(0, 0), {}};
}

CalendarTime CalendarTime::floating(QDate date, QTime time)
{
    return {Kind::Floating, date, time, {}};
}

CalendarTime CalendarTime::utc(QDate date, QTime time)
{
    return {Kind::Utc, date, time, {}};
}

CalendarTime CalendarTime::zoned(QDate date, QTime time, QString timeZoneId)
{
    return {Kind::Zoned, date, time, std::move(timeZoneId)};
}

bool CalendarTime::isValid() const
{
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return false;
    if (kind == Kind::Date)
        return true;
    return time.isValid() && (kind != Kind::Zoned || !timeZoneId.isEmpty());
}

} // namespace convene::calendar
