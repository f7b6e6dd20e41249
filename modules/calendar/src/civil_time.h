#pragma once

#include <QtGlobal>

namespace convene::calendar {

// Proleptic Gregorian calendar arithmetic on plain numbers (days since 1970-01-01), so that
// recurrence code can compare and shift wall-clock times without building date objects.
qint64 daysFromCivil(int year, int month, int day);
void civilFromDays(qint64 days, int& year, int& month, int& day);
bool isLeapYear(int year);
int daysInMonth(int year, int month);
int dayOfWeek(qint64 days); // 0 = Sunday … 6 = Saturday

constexpr qint64 kSecondsPerDay = 86'400;

// Wall-clock seconds: seconds since 1970-01-01 00:00 of a wall-clock reading, as if it were UTC.
inline qint64 wallSeconds(int year, int month, int day, int hour, int minute, int second)
{
    return daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
}

// Floor division of wall or UTC seconds into days.
inline qint64 dayOf(qint64 seconds)
{
    return seconds >= 0 ? seconds / kSecondsPerDay : -((-seconds + kSecondsPerDay - 1) / kSecondsPerDay);
}

} // namespace convene::calendar
