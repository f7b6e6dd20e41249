#pragma once

#include <convene/calendar/event.h>
#include <convene/core/result.h>

#include <libical/ical.h>

#include <QByteArray>
#include <QList>

namespace convene::calendar {

// Content lines (unfolded, without the line break) for values of the event model, made by
// libical so that escaping and parameters follow RFC 5545. "updated…" variants change the value
// of a line read from a file and keep its other parameters.
QByteArray textLine(icalproperty_kind kind, const QString& value);
QByteArray updatedTextLine(const QByteArray& line, const QString& value);
QByteArray timeLine(icalproperty_kind kind, const CalendarTime& time); // DTSTART, DTEND, EXDATE
QByteArray recurrenceIdLine(const CalendarTime& time, bool thisAndFuture);
QByteArray durationLine(const IcsDuration& duration);
QByteArray recurrenceDateLine(const RecurrenceDate& date);
Result<QByteArray> ruleLine(const QString& rule);
QByteArray statusLine(EventStatus status);
QByteArray sequenceLine(int sequence);
QByteArray utcTimeLine(icalproperty_kind kind, const QDateTime& time); // DTSTAMP, LAST-MODIFIED
QByteArray organizerLine(const Participant& organizer, const QByteArray& original = {});
QByteArray attendeeLine(const Attendee& attendee, const QByteArray& original = {});
QByteArray meetingLine(const QString& meetingId);
QList<QByteArray> reminderLines(const Reminder& reminder, const QString& summary); // BEGIN:VALARM … END:VALARM

} // namespace convene::calendar
