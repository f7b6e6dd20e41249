// Writing: what Convene does not model survives a read, an edit and a write unchanged; edits
// change only the lines they concern; new events and whole calendars come out as valid iCalendar
// that reads back to the same model.
#include "calendar_test_support.h"

#include <convene/calendar/ics_writer.h>
#include <convene/calendar/meeting_link.h>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QByteArray written(const IcsCalendar& calendar)
{
    Result<QByteArray> text = writeIcs(calendar);
    INFO((text ? QString() : text.error().message).toStdString());
    REQUIRE(text.ok());
    return *text;
}

// The unfolded content lines of a text.
QList<QByteArray> linesOf(QByteArray text)
{
    text.replace("\r\n ", "").replace("\r\n\t", "");
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray& line : lines)
        line = line.trimmed();
    lines.removeAll(QByteArray());
    return lines;
}

Event& sync(IcsCalendar& calendar)
{
    for (Event& event : calendar.events) {
        if (event.uid == u"7kukuqrfedlm2f9t1mh7dhmpq1@google.com" && !event.recurrenceId)
            return event;
    }
    FAIL("the product sync is missing");
    return calendar.events.front();
}

} // namespace

TEST_CASE("A calendar written back unchanged keeps every line but PRODID")
{
    const QByteArray original = fixture("google-export.ics");
    QList<QByteArray> expected = linesOf(original);
    expected.replace(expected.indexOf("PRODID:-//Google Inc//Google Calendar 70.9054//EN"),
                     "PRODID:-//Convene//Convene//EN");
    CHECK(linesOf(written(readOrFail(original))) == expected);
}

TEST_CASE("Editing the model changes only the lines it concerns")
{
    IcsCalendar calendar = readOrFail(fixture("google-export.ics"));
    Event& event = sync(calendar);
    REQUIRE(event.summary == QStringLiteral("Produkt-Sync / 产品同步"));
    event.summary = QStringLiteral("Product sync; weekly, in English");
    event.sequence = 5;
    const QByteArray text = written(calendar);
    const QList<QByteArray> before = linesOf(fixture("google-export.ics"));
    const QList<QByteArray> after = linesOf(text);

    QList<QByteArray> gone, added;
    for (const QByteArray& line : before) {
        if (!after.contains(line))
            gone.append(line);
    }
    for (const QByteArray& line : after) {
        if (!before.contains(line))
            added.append(line);
    }
    CHECK(gone == QList<QByteArray>{"PRODID:-//Google Inc//Google Calendar 70.9054//EN", "SEQUENCE:2",
                                    "SUMMARY:Produkt-Sync / 产品同步"});
    CHECK(added == QList<QByteArray>{"PRODID:-//Convene//Convene//EN", "SEQUENCE:5",
                                     "SUMMARY:Product sync\\; weekly\\, in English"});
    // X- properties with their parameters, COLOR, CATEGORIES, other components: all still there.
    for (const char* kept :
         {"X-MICROSOFT-CDO-BUSYSTATUS;X-CONVENE-TEST=kept:BUSY", "COLOR:teal", "CATEGORIES:Work,Product",
          "X-GOOGLE-CONFERENCE:https://meet.example/abc-defg-hij", "X-WR-ALARMUID:0d9b8a5e-1c7b-4d37-9a67-6c9f3e2f1a10",
          "X-WR-CALNAME:产品团队 / Product team", "BEGIN:VTODO", "CREATED:20260110T080000Z"}) {
        INFO(kept);
        CHECK(after.contains(QByteArray(kept)));
    }
    const IcsCalendar reread = readOrFail(text);
    CHECK(sync(const_cast<IcsCalendar&>(reread)).summary == QStringLiteral("Product sync; weekly, in English"));
}

TEST_CASE("An attendee's changed status keeps the other parameters of their line")
{
    IcsCalendar calendar = readOrFail(fixture("google-export.ics"));
    Event& event = sync(calendar);
    REQUIRE(event.attendees.size() == 3);
    CHECK(event.attendees[1].address == QStringLiteral("mailto:anna.schmidt@convene.example"));
    CHECK(event.attendees[1].role == ParticipantRole::Optional);
    CHECK(event.attendees[1].rsvp);
    CHECK(event.attendees[2].role == ParticipantRole::NonParticipant);
    event.attendees[1].status = ParticipationStatus::Accepted;
    event.attendees[1].rsvp = false;
    event.attendees.append({QStringLiteral("mailto:new@convene.example"), QStringLiteral("New Person"),
                            ParticipationStatus::Tentative, ParticipantRole::Required, true});
    const QList<QByteArray> after = linesOf(written(calendar));
    const QList<QByteArray> attendees = [&] {
        QList<QByteArray> out;
        for (const QByteArray& line : after) {
            if (line.startsWith("ATTENDEE;CUTYPE") || line.startsWith("ATTENDEE;CN") ||
                line.startsWith("ATTENDEE;PARTSTAT") || line.startsWith("ATTENDEE;ROLE") ||
                line.startsWith("ATTENDEE;RSVP"))
                out.append(line);
        }
        return out;
    }();
    REQUIRE(attendees.size() == 4);
    CHECK(attendees[0] ==
          "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Li Wei 李伟;X-NUM-GUESTS=0:"
          "mailto:li.wei@convene.example");
    CHECK(attendees[1].contains("CUTYPE=INDIVIDUAL"));
    CHECK(attendees[1].contains("X-NUM-GUESTS=0"));
    CHECK(attendees[1].contains("PARTSTAT=ACCEPTED"));
    CHECK_FALSE(attendees[1].contains("RSVP"));
    CHECK(attendees[3].contains("mailto:new@convene.example"));

    const IcsCalendar reread = readOrFail(written(calendar));
    CHECK(sync(const_cast<IcsCalendar&>(reread)).attendees == event.attendees);
}

TEST_CASE("Reminders and the meeting link are written back; the rest of their component stays")
{
    IcsCalendar calendar = readOrFail(fixture("google-export.ics"));
    Event& event = sync(calendar);
    REQUIRE(event.reminders.size() == 2);
    CHECK(event.reminders[0] ==
          Reminder{-600, false, ReminderAction::Display, QStringLiteral("This is an event reminder")});
    CHECK(event.reminders[1].offsetSeconds == -86400);
    CHECK(event.reminders[1].action == ReminderAction::Email);
    CHECK(event.meetingId == QStringLiteral("0190c3e2-7b1a-7cc0-9e41-2f6d1c0a9b77"));

    event.reminders[0].offsetSeconds = -300;
    event.reminders.append({-1800, true, ReminderAction::Audio, {}});
    event.meetingId = QStringLiteral("fresh-meeting");
    const QByteArray text = written(calendar);
    const QList<QByteArray> after = linesOf(text);
    // The e-mail alarm is untouched (its ATTENDEE included); the display one is rewritten.
    CHECK(text.contains(
        "BEGIN:VALARM\r\nACTION:EMAIL\r\nDESCRIPTION:This is an event reminder\r\nSUMMARY:Alarm notification\r\n"
        "ATTENDEE:mailto:li.wei@convene.example\r\nTRIGGER:-P1D\r\nEND:VALARM"));
    CHECK(after.contains("TRIGGER:-PT5M"));
    CHECK(after.contains("TRIGGER;RELATED=END:-PT30M"));
    CHECK_FALSE(after.contains("X-WR-ALARMUID:0d9b8a5e-1c7b-4d37-9a67-6c9f3e2f1a10"));
    CHECK(after.contains(
        "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Convene call:convene://calls/meeting:fresh-meeting"));
    CHECK(after.contains("X-GOOGLE-CONFERENCE:https://meet.example/abc-defg-hij"));

    const IcsCalendar reread = readOrFail(text);
    const Event& back = sync(const_cast<IcsCalendar&>(reread));
    CHECK(back.meetingId == QStringLiteral("fresh-meeting"));
    REQUIRE(back.reminders.size() == 3);
    CHECK(back.reminders[0].offsetSeconds == -300);
    CHECK(back.reminders[2] == Reminder{-1800, true, ReminderAction::Audio, {}});
}

TEST_CASE("Unknown IANA properties and parameters survive, and so do unknown components inside events")
{
    const QByteArray text = calendarText("BEGIN:VEVENT\nUID:odd\nDTSTART:20260401T090000Z\n"
                                         "SUMMARY;LANGUAGE=de;FOO=bar:Treffen\nSTRUCTURED-DATA;VALUE=TEXT:whatever\n"
                                         "ATTENDEE;SCHEDULE-STATUS=1.1;PARTSTAT=ACCEPTED:mailto:a@convene.example\n"
                                         "BEGIN:VLOCATION\nUID:loc-1\nNAME:Room\nEND:VLOCATION\nEND:VEVENT\n");
    IcsCalendar calendar = readOrFail(text);
    REQUIRE(calendar.events.size() == 1);
    CHECK(calendar.events[0].summary == QStringLiteral("Treffen"));
    calendar.events[0].location = QStringLiteral("Berlin");
    calendar.events[0].summary = QStringLiteral("Meeting");
    const QList<QByteArray> after = linesOf(written(calendar));
    CHECK(after.contains("STRUCTURED-DATA;VALUE=TEXT:whatever"));
    CHECK(after.contains("ATTENDEE;SCHEDULE-STATUS=1.1;PARTSTAT=ACCEPTED:mailto:a@convene.example"));
    CHECK(after.contains("BEGIN:VLOCATION"));
    CHECK(after.contains("NAME:Room"));
    CHECK(after.contains("SUMMARY;LANGUAGE=de:Meeting")); // libical drops the unknown parameter of a line it rewrites
    CHECK(after.contains("LOCATION:Berlin"));
}

TEST_CASE("A new event is written with the lines its model needs and reads back the same")
{
    Event event;
    event.uid = QStringLiteral("new@convene.example");
    event.summary = QStringLiteral("Planning, Q3; \"big\" one\nsecond line");
    event.location = QStringLiteral("会议室 3");
    event.start = CalendarTime::zoned({2026, 7, 6}, {9, 30}, QStringLiteral("Europe/Berlin"));
    event.end = CalendarTime::zoned({2026, 7, 6}, {10, 30}, QStringLiteral("Europe/Berlin"));
    event.recurrenceRules = {QStringLiteral("FREQ=WEEKLY;BYDAY=MO;COUNT=10")};
    event.exceptionDates = {CalendarTime::zoned({2026, 7, 13}, {9, 30}, QStringLiteral("Europe/Berlin"))};
    event.recurrenceDates = {{CalendarTime::utc({2026, 7, 15}, {12, 0}), CalendarTime::utc({2026, 7, 15}, {13, 0})}};
    event.organizer = Participant{QStringLiteral("mailto:li.wei@convene.example"), QStringLiteral("Li Wei")};
    event.attendees = {{QStringLiteral("mailto:anna@convene.example"), QStringLiteral("Anna"),
                        ParticipationStatus::Accepted, ParticipantRole::Chair, false}};
    event.reminders = {{-900, false, ReminderAction::Display, QStringLiteral("Soon")}};
    event.meetingId = QStringLiteral("m-42");
    event.status = EventStatus::Confirmed;
    event.sequence = 1;
    event.stamp = utc("2026-06-01T12:00:00Z");

    IcsCalendar calendar;
    calendar.events = {event};
    const QByteArray text = written(calendar);
    CHECK(text.startsWith("BEGIN:VCALENDAR\r\nPRODID:-//Convene//Convene//EN\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\n"));
    for (const QByteArray& line : text.split('\n'))
        CHECK(line.size() <= 76); // 75 octets and the CR
    const QList<QByteArray> lines = linesOf(text);
    CHECK(lines.contains("TZID:Europe/Berlin"));
    CHECK(lines.contains("DTSTART;TZID=Europe/Berlin:20260706T093000"));
    CHECK(lines.contains("SUMMARY:Planning\\, Q3\\; \"big\" one\\nsecond line"));
    CHECK(lines.contains("CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Convene call:convene://calls/meeting:m-42"));

    const IcsCalendar reread = readOrFail(text);
    REQUIRE(reread.events.size() == 1);
    const Event& back = reread.events.front();
    CHECK(back.uid == event.uid);
    CHECK(back.summary == event.summary);
    CHECK(back.location == event.location);
    CHECK(back.start == event.start);
    CHECK(back.end == event.end);
    CHECK(back.recurrenceRules == event.recurrenceRules);
    CHECK(back.exceptionDates == event.exceptionDates);
    CHECK(back.recurrenceDates == event.recurrenceDates);
    CHECK(back.organizer == event.organizer);
    CHECK(back.attendees == event.attendees);
    CHECK(back.reminders == event.reminders);
    CHECK(back.meetingId == event.meetingId);
    CHECK(back.status == event.status);
    CHECK(back.sequence == event.sequence);
    CHECK(back.stamp == event.stamp);
    // The source text now is what was written: writing it again changes nothing.
    CHECK(linesOf(written(reread)) == lines);
}

TEST_CASE("All-day events, durations and overrides are written with their value types")
{
    Event day;
    day.uid = QStringLiteral("day");
    day.start = CalendarTime::allDay({2026, 5, 1});
    day.duration = IcsDuration{2, 0};
    day.recurrenceRules = {QStringLiteral("FREQ=YEARLY")};
    day.stamp = utc("2026-01-01T00:00:00Z");
    Event moved;
    moved.uid = QStringLiteral("day");
    moved.start = CalendarTime::allDay({2027, 5, 3});
    moved.recurrenceId = CalendarTime::allDay({2027, 5, 1});
    moved.thisAndFuture = true;
    moved.stamp = day.stamp;
    IcsCalendar calendar;
    calendar.events = {day, moved};
    const QList<QByteArray> lines = linesOf(written(calendar));
    CHECK(lines.contains("DTSTART;VALUE=DATE:20260501"));
    CHECK(lines.contains("DURATION:P2D"));
    CHECK(lines.contains("RECURRENCE-ID;VALUE=DATE;RANGE=THISANDFUTURE:20270501"));
    CHECK_FALSE(lines.contains("BEGIN:VTIMEZONE"));

    Event broken = day;
    broken.recurrenceRules = {QStringLiteral("FREQ=SOMETIMES")};
    calendar.events = {broken};
    Result<QByteArray> refused = writeIcs(calendar);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("FREQ=SOMETIMES")));
    Event unknownZone = day;
    unknownZone.start = CalendarTime::zoned({2026, 5, 1}, {9, 0}, QStringLiteral("Nowhere/Special"));
    unknownZone.duration.reset();
    calendar.events = {unknownZone};
    CHECK_FALSE(writeIcs(calendar).ok());
}

TEST_CASE("Meeting links are recognised only in their own form")
{
    CHECK(meetingIdFromLink(QStringLiteral("convene://calls/meeting:abc-123")) == QStringLiteral("abc-123"));
    CHECK(meetingIdFromLink(meetingLink(QStringLiteral("x_y.z"))) == QStringLiteral("x_y.z"));
    CHECK(meetingIdFromLink(QStringLiteral("convene://calls/meeting:")).isEmpty());
    CHECK(meetingIdFromLink(QStringLiteral("convene://calls/meeting:a b")).isEmpty());
    CHECK(meetingIdFromLink(QStringLiteral("https://calls/meeting:abc")).isEmpty());
}

TEST_CASE("Properties an edit adds come before the event's alarms, as RFC 5545 orders them")
{
    const IcsCalendar calendar = readOrFail(calendarText("BEGIN:VEVENT\nUID:alarm-first\nDTSTAMP:20261201T090000Z\n"
                                                         "DTSTART:20261204T090000Z\nSUMMARY:Review\n"
                                                         "BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Review\n"
                                                         "TRIGGER:-PT10M\nEND:VALARM\nEND:VEVENT\n"));
    Event event = calendar.events.first();
    event.sequence = 1;
    event.location = QStringLiteral("Room 3");
    Result<QByteArray> text = writeEvent(event);
    REQUIRE(text.ok());
    const qsizetype alarm = text->indexOf("BEGIN:VALARM");
    CHECK(text->indexOf("SEQUENCE:1") > 0);
    CHECK(text->indexOf("SEQUENCE:1") < alarm);
    CHECK(text->indexOf("LOCATION:Room 3") < alarm);
    CHECK(text->indexOf("TRIGGER:-PT10M") > alarm);
}
