#include "ical_time.h"

#include "civil_time.h"

namespace convene::calendar {

std::optional<CalendarTime> calendarTimeOf(const icaltimetype& value, const icalproperty* property)
{
    const QDate date(value.year, value.month, value.day);
    if (icaltime_is_null_time(value) || !date.isValid() || value.year < 1 || value.year > 9999)
        return std::nullopt;
    if (value.is_date)
        return CalendarTime::allDay(date);
    // A leap second (:60) is read as :59.
    const QTime time(value.hour, value.minute, value.second == 60 ? 59 : value.second);
    if (!time.isValid())
        return std::nullopt;
    if (icaltime_is_utc(value))
        return CalendarTime::utc(date, time);
    icalparameter* tzid =
        property ? icalproperty_get_first_parameter(const_cast<icalproperty*>(property), ICAL_TZID_PARAMETER) : nullptr;
    if (tzid && icalparameter_get_tzid(tzid) && *icalparameter_get_tzid(tzid))
        return CalendarTime::zoned(date, time, QString::fromUtf8(icalparameter_get_tzid(tzid)));
    return CalendarTime::floating(date, time);
}

icaltimetype icalTimeOf(const CalendarTime& time)
{
    icaltimetype t = icaltime_null_time();
    t.year = time.date.year();
    t.month = time.date.month();
    t.day = time.date.day();
    if (time.kind == CalendarTime::Kind::Date) {
        t.is_date = 1;
        return t;
    }
    t.hour = time.time.hour();
    t.minute = time.time.minute();
    t.second = time.time.second();
    if (time.kind == CalendarTime::Kind::Utc)
        t.zone = icaltimezone_get_utc_timezone();
    return t;
}

void addTimeZoneParameter(icalproperty* property, const CalendarTime& time)
{
    if (time.kind == CalendarTime::Kind::Zoned)
        icalproperty_add_parameter(property, icalparameter_new_tzid(time.timeZoneId.toUtf8().constData()));
}

qint64 wallSecondsOf(const icaltimetype& t)
{
    if (t.is_date)
        return daysFromCivil(t.year, t.month, t.day) * kSecondsPerDay;
    return wallSeconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
}

qint64 wallSecondsOf(const CalendarTime& t)
{
    return wallSeconds(t.date.year(), t.date.month(), t.date.day(), t.time.hour(), t.time.minute(), t.time.second());
}

icaltimetype icalTimeAt(qint64 wall, bool isDate, const icaltimezone* zone)
{
    icaltimetype t = icaltime_null_time();
    const qint64 day = dayOf(wall);
    int year = 0, month = 0, dayOfMonth = 0;
    civilFromDays(day, year, month, dayOfMonth);
    t.year = year;
    t.month = month;
    t.day = dayOfMonth;
    if (isDate) {
        t.is_date = 1;
        return t;
    }
    const qint64 rest = wall - day * kSecondsPerDay;
    t.hour = int(rest / 3600);
    t.minute = int(rest / 60 % 60);
    t.second = int(rest % 60);
    t.zone = zone;
    return t;
}

} // namespace convene::calendar
