#pragma once

// Helpers for the calendar tests: .ics text from short snippets, reading that must succeed,
// expansion in a range, and occurrences as strings that failed checks print readably.
#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/ics_reader.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QTimeZone>

namespace convene::calendar::test {

// A VCALENDAR around the given components; "\n" line breaks become CRLF.
inline QByteArray calendarText(const QByteArray& components)
{
    QByteArray text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Convene//Tests//EN\n" + components + "END:VCALENDAR\n";
    return text.replace("\n", "\r\n");
}

inline QByteArray fixture(const char* name)
{
    QFile file(QStringLiteral(CONVENE_SOURCE_DIR "/tests/data/calendar/") + QString::fromUtf8(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

inline IcsCalendar readOrFail(const QByteArray& text, const IcsLimits& limits = {})
{
    Result<IcsCalendar> calendar = readIcs(text, limits);
    INFO((calendar ? QString() : calendar.error().message).toStdString());
    REQUIRE(calendar.ok());
    return std::move(calendar).value();
}

inline QDateTime utc(const char* iso)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    REQUIRE(time.isValid());
    return time.toUTC();
}

inline Expansion expand(const IcsCalendar& calendar, const QDateTime& from, const QDateTime& to,
                        const CalendarExpander::Options& options = {})
{
    const CalendarExpander expander(calendar.events, calendar.timeZones, options);
    REQUIRE(expander.preparationProblems().isEmpty());
    return expander.expand(from, to);
}

// "uid start end": UTC times as 2026-03-08T14:00:00Z, all-day dates as 2026-03-08.
inline QStringList described(const IcsCalendar& calendar, const Expansion& expansion)
{
    QStringList lines;
    for (const Occurrence& o : expansion.occurrences) {
        const QString start = o.allDay ? o.startDate.toString(Qt::ISODate) : o.start.toString(Qt::ISODate);
        const QString end = o.allDay ? o.endDate.toString(Qt::ISODate) : o.end.toString(Qt::ISODate);
        lines.append(calendar.events[o.eventIndex].uid + u' ' + start + u' ' + end);
    }
    return lines;
}

// Starts as wall-clock times in a zone (from Qt's own tzdata reading), as 19970902T090000.
inline QStringList localStarts(const Expansion& expansion, const QTimeZone& zone)
{
    QStringList starts;
    for (const Occurrence& o : expansion.occurrences)
        starts.append(o.start.toTimeZone(zone).toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
    return starts;
}

} // namespace convene::calendar::test
