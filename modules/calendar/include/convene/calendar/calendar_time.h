#pragma once

#include <QDate>
#include <QString>
#include <QTime>

namespace convene::calendar {

// A DATE or DATE-TIME value as iCalendar writes it: a day (all-day events), a wall-clock time
// without a zone ("floating"), a UTC time, or a wall-clock time in a named zone (TZID).
struct CalendarTime {
    enum class Kind { Date, Floating, Utc, Zoned };

    Kind kind = Kind::Floating;
    QDate date;
    QTime time = QTime(0, 0); // midnight for Kind::Date
    QString timeZoneId; // the TZID, for Kind::Zoned

    static CalendarTime allDay(QDate date);
    static CalendarTime floating(QDate date, QTime time);
    static CalendarTime utc(QDate date, QTime time);
    static CalendarTime zoned(QDate date, QTime time, QString timeZoneId);

    bool isAllDay() const { return kind == Kind::Date; }
    bool isValid() const;

    friend bool operator==(const CalendarTime&, const CalendarTime&) = default;
};

} // namespace convene::calendar
