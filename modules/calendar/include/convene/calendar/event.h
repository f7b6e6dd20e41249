#pragma once

#include <convene/calendar/calendar_time.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convene::calendar {

// PARTSTAT. Values Convene does not know count as NeedsAction, as RFC 5545 asks.
enum class ParticipationStatus { NeedsAction, Accepted, Declined, Tentative, Delegated };

// ROLE. Unknown values count as Required.
enum class ParticipantRole { Chair, Required, Optional, NonParticipant };

enum class EventStatus { None, Tentative, Confirmed, Cancelled };

enum class ReminderAction { Display, Audio, Email };

// A calendar user: the address is a URI, usually mailto:.
struct Participant {
    QString address;
    QString commonName; // CN

    friend bool operator==(const Participant&, const Participant&) = default;
};

struct Attendee {
    QString address;
    QString commonName; // CN
    ParticipationStatus status = ParticipationStatus::NeedsAction;
    ParticipantRole role = ParticipantRole::Required;
    bool rsvp = false;

    friend bool operator==(const Attendee&, const Attendee&) = default;
};

// A VALARM that fires at an offset from the start (or end) of each occurrence. Alarms at an
// absolute time are kept in the event's source text but are not reminders.
struct Reminder {
    qint64 offsetSeconds = 0; // negative: before
    bool relativeToEnd = false; // TRIGGER;RELATED=END
    ReminderAction action = ReminderAction::Display;
    QString description;

    friend bool operator==(const Reminder&, const Reminder&) = default;
};

// DURATION: whole days are nominal (the same wall-clock time N days later), seconds are exact.
struct IcsDuration {
    qint64 days = 0;
    qint64 seconds = 0;

    friend bool operator==(const IcsDuration&, const IcsDuration&) = default;
};

// One RDATE value: a start, and for RDATE;VALUE=PERIOD the end of that occurrence.
struct RecurrenceDate {
    CalendarTime start;
    std::optional<CalendarTime> end;

    friend bool operator==(const RecurrenceDate&, const RecurrenceDate&) = default;
};

// A VEVENT. An event with a recurrence id is an override: it replaces the occurrence of the
// series with the same uid that starts at that time (and, with thisAndFuture, shifts the later
// ones as well).
struct Event {
    QString uid;
    QString summary;
    QString description;
    QString location;
    CalendarTime start;
    std::optional<CalendarTime> end; // DTEND (exclusive); at most one of end and duration
    std::optional<IcsDuration> duration;
    EventStatus status = EventStatus::None;

    QStringList recurrenceRules; // RRULE values as written, e.g. "FREQ=WEEKLY;BYDAY=MO"
    QList<RecurrenceDate> recurrenceDates; // RDATE
    QList<CalendarTime> exceptionDates; // EXDATE
    std::optional<CalendarTime> recurrenceId; // RECURRENCE-ID
    bool thisAndFuture = false; // RECURRENCE-ID;RANGE=THISANDFUTURE

    std::optional<Participant> organizer;
    QList<Attendee> attendees;
    QList<Reminder> reminders;
    QString meetingId; // the call this event joins: convene://calls/meeting:<meetingId>

    int sequence = 0;
    QDateTime stamp; // DTSTAMP, UTC
    QDateTime lastModified; // LAST-MODIFIED, UTC; invalid when absent

    // The VEVENT as read (unfolded content lines). Writing keeps every line whose meaning the
    // fields above do not change, so what Convene does not model survives an edit unchanged.
    QByteArray sourceText;

    bool isRecurring() const { return !recurrenceRules.isEmpty() || !recurrenceDates.isEmpty(); }
    bool isOverride() const { return recurrenceId.has_value(); }
};

} // namespace convene::calendar
