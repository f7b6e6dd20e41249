// Malformed and hostile .ics files: every problem is reported with its line (folded lines count as
// the lines of the file they are), nothing of a bad file is returned, and the limits hold.
#include "calendar_test_support.h"

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QString errorOf(const QByteArray& text, const IcsLimits& limits = {})
{
    const Result<IcsCalendar> calendar = readIcs(text, limits);
    REQUIRE_FALSE(calendar.ok());
    return calendar.error().message;
}

QByteArray withEvent(const QByteArray& lines)
{
    return calendarText("BEGIN:VEVENT\nUID:e1\nDTSTAMP:20260101T000000Z\n" + lines + "END:VEVENT\n");
}

} // namespace

TEST_CASE("A malformed value names its line, counting folded lines")
{
    // Lines: 1 BEGIN:VCALENDAR, 2 VERSION, 3 PRODID, 4 BEGIN:VEVENT, 5 UID, 6 DTSTAMP, 7-9 a folded
    // DESCRIPTION, 10 DTSTART, 11 DTEND.
    const QByteArray text = withEvent("DESCRIPTION:a long text that an exporter folded\n over three\n lines\n"
                                      "DTSTART:20260401T090000Z\nDTEND:2026-04-01 10:00\n");
    CHECK(errorOf(text) == QStringLiteral("Line 11: the value of DTEND is not valid (“2026-04-01 10:00”)."));
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nRRULE:FREQ=WEEKLY;BYDAY=XX\n"))
              .startsWith(QStringLiteral("Line 8: the value of RRULE is not valid")));
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nRRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20260501T000000Z\n"))
              .startsWith(QStringLiteral("Line 8: the value of RRULE is not valid")));
    CHECK(errorOf(withEvent("DTSTART:20261345T090000Z\n")).startsWith(QStringLiteral("Line 7: ")));
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:soon\nEND:VALARM\n"))
              .startsWith(QStringLiteral("Line 10: the value of TRIGGER is not valid")));
}

TEST_CASE("Broken structure names its line")
{
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nthis line has no colon\n")) ==
          QStringLiteral("Line 8: this is not a property line (NAME:value)."));
    CHECK(errorOf(withEvent("DTSTART;TZID=\"Europe/Berlin:20260401T090000\n"))
              .startsWith(QStringLiteral("Line 7: a quoted parameter value of DTSTART is not closed")));
    CHECK(errorOf(calendarText("BEGIN:VEVENT\nUID:x\nDTSTART:20260401T090000Z\n")) ==
          QStringLiteral("Line 7: END:VCALENDAR does not close BEGIN:VEVENT of line 4."));
    CHECK(errorOf(QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")) ==
          QStringLiteral("Line 1: BEGIN:VCALENDAR is never closed by END:VCALENDAR."));
    CHECK(errorOf(QByteArray("BEGIN:VEVENT\r\nEND:VEVENT\r\n")) ==
          QStringLiteral("Line 1: expected BEGIN:VCALENDAR, found BEGIN:VEVENT."));
    CHECK(errorOf(QByteArray("SUMMARY:stray\r\n")) ==
          QStringLiteral("Line 1: SUMMARY stands outside BEGIN:VCALENDAR … END:VCALENDAR."));
    CHECK(errorOf(QByteArray(" folded:nothing\r\n")) ==
          QStringLiteral("Line 1: a folded continuation line follows no content line."));
    CHECK(errorOf(QByteArray()) == QStringLiteral("The file holds no BEGIN:VCALENDAR."));
    CHECK(errorOf(QByteArray("BEGIN:VCALENDAR\r\nVERSION:1.0\r\nEND:VCALENDAR\r\n"))
              .startsWith(QStringLiteral("Line 2: only iCalendar version 2.0 is supported")));
    CHECK(errorOf(calendarText("CALSCALE:HEBREW\n")) ==
          QStringLiteral("Line 4: only the Gregorian calendar scale is supported."));
}

TEST_CASE("Bytes that are not text name their line")
{
    CHECK(errorOf(withEvent("SUMMARY:caf\xC3\n")) == QStringLiteral("Line 7: the text is not valid UTF-8."));
    CHECK(errorOf(withEvent("SUMMARY:overlong \xC0\xAF\n")) == QStringLiteral("Line 7: the text is not valid UTF-8."));
    CHECK(errorOf(withEvent(QByteArray("SUMMARY:nul \0 inside\n", 22))) ==
          QStringLiteral("Line 7: the line contains a control character (0x00)."));
    CHECK(errorOf(withEvent("SUMMARY:bell \x07\n")) ==
          QStringLiteral("Line 7: the line contains a control character (0x07)."));
}

TEST_CASE("Events Convene cannot place name their line")
{
    CHECK(errorOf(calendarText("BEGIN:VEVENT\nDTSTART:20260401T090000Z\nEND:VEVENT\n")) ==
          QStringLiteral("Line 4: the event has no UID."));
    CHECK(errorOf(withEvent("SUMMARY:no start\n")) == QStringLiteral("Line 4: the event “e1” has no DTSTART."));
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nDTEND:20260401T080000Z\n")) ==
          QStringLiteral("Line 8: DTEND is before DTSTART."));
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nDTEND:20260401T100000Z\nDURATION:PT1H\n")) ==
          QStringLiteral("Line 9: an event cannot have both DTEND and DURATION."));
    CHECK(errorOf(withEvent("DTSTART;VALUE=DATE:20260401\nDTEND:20260401T100000Z\n"))
              .startsWith(QStringLiteral("Line 8: DTEND must be a date when DTSTART is a date")));
    CHECK(errorOf(withEvent("DTSTART;TZID=Atlantis/Capital:20260401T090000\n"))
              .startsWith(QStringLiteral("Line 7: the time zone “Atlantis/Capital” is unknown")));
    CHECK(errorOf(calendarText("BEGIN:VEVENT\nUID:twice\nDTSTART:20260401T090000Z\nEND:VEVENT\n"
                               "BEGIN:VEVENT\nUID:twice\nDTSTART:20260402T090000Z\nEND:VEVENT\n")) ==
          QStringLiteral("Line 8: a second event with the UID “twice” (the first is at line 4)."));
}

TEST_CASE("Rules Convene does not expand are refused with their line")
{
    const auto ruleError = [](const char* rule) {
        return errorOf(withEvent("DTSTART:20260401T090000Z\nRRULE:" + QByteArray(rule) + "\n"));
    };
    CHECK(ruleError("FREQ=SECONDLY") ==
          QStringLiteral("Line 8: rules that repeat every second (FREQ=SECONDLY) are not supported."));
    CHECK(ruleError("RSCALE=HEBREW;FREQ=YEARLY")
              .startsWith(QStringLiteral("Line 8: calendar systems other than the Gregorian")));
    CHECK(ruleError("FREQ=YEARLY;BYWEEKNO=1")
              .startsWith(QStringLiteral("Line 8: BYWEEKNO is supported only with BYDAY")));
    CHECK(ruleError("FREQ=WEEKLY;BYDAY=2MO").startsWith(QStringLiteral("Line 8: numbered BYDAY values")));
    CHECK(ruleError("FREQ=WEEKLY;BYMONTHDAY=3") ==
          QStringLiteral("Line 8: BYMONTHDAY cannot be used with FREQ=WEEKLY."));
    CHECK(ruleError("FREQ=DAILY;COUNT=20000") ==
          QStringLiteral("Line 8: COUNT=20000 is more than the limit of 10000."));
    CHECK(errorOf(withEvent("DTSTART;VALUE=DATE:20260401\nRRULE:FREQ=DAILY;UNTIL=20260410T000000Z\n")) ==
          QStringLiteral("Line 8: UNTIL must be a date when DTSTART is a date."));
}

TEST_CASE("Time zone definitions that libical could not use safely are refused")
{
    const auto zone = [](const QByteArray& observance) {
        return errorOf(calendarText("BEGIN:VTIMEZONE\nTZID:Test/Zone\n" + observance + "END:VTIMEZONE\n"));
    };
    CHECK(zone("BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\n"
               "RRULE:FREQ=MINUTELY\nEND:STANDARD\n") ==
          QStringLiteral("Line 10: time zone rules must repeat yearly (FREQ=YEARLY)."));
    CHECK(zone("BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\n"
               "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\nEND:STANDARD\n") ==
          QStringLiteral("Line 10: this time zone rule never applies."));
    CHECK(
        zone("BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\n"
             "RRULE:FREQ=YEARLY;BYMONTH=3;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=0,1,2,3,4,5\nEND:STANDARD\n") ==
        QStringLiteral("Line 10: time zone rules may only use BYMONTH (one month), BYDAY and BYMONTHDAY."));
    CHECK(zone("BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0100\nEND:STANDARD\n") ==
          QStringLiteral("Line 6: STANDARD of a VTIMEZONE has no TZOFFSETTO."));
    CHECK(zone("") == QStringLiteral("Line 4: the VTIMEZONE “Test/Zone” has no STANDARD or DAYLIGHT part."));
    // Month 51 of 990: read past the table of month lengths before.
    CHECK(zone("BEGIN:STANDARD\nDTSTART:09905164T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0100\n"
               "RRULE:FREQ=YEARLY;BYDAY=-1SU\nEND:STANDARD\n") ==
          QStringLiteral("Line 7: the DTSTART of a time zone observance is not a date."));
    CHECK(errorOf(calendarText("BEGIN:VTIMEZONE\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0100\n"
                               "TZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE\n")) ==
          QStringLiteral("Line 4: the VTIMEZONE has no TZID."));
}

TEST_CASE("A file with one bad event gives nothing at all")
{
    QByteArray events;
    for (int i = 0; i < 3; ++i)
        events += "BEGIN:VEVENT\nUID:good-" + QByteArray::number(i) + "\nDTSTART:20260401T090000Z\nEND:VEVENT\n";
    CHECK(readIcs(calendarText(events)).ok());
    const Result<IcsCalendar> bad =
        readIcs(calendarText(events + "BEGIN:VEVENT\nUID:bad\nDTSTART:yesterday\nEND:VEVENT\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::Corrupt);
    CHECK(bad.error().message.startsWith(QStringLiteral("Line 18: ")));
}

TEST_CASE("The limits on size and complexity hold, with their own errors")
{
    const QByteArray small = withEvent("DTSTART:20260401T090000Z\n");
    IcsLimits limits;
    limits.maxFileBytes = small.size() - 1;
    const Result<IcsCalendar> tooBig = readIcs(small, limits);
    REQUIRE_FALSE(tooBig.ok());
    CHECK(tooBig.error().code == ErrorCode::TooLarge);
    CHECK(tooBig.error().message ==
          QStringLiteral("The file has %1 bytes; the limit is %2.").arg(small.size()).arg(small.size() - 1));

    limits = {};
    limits.maxComponents = 3;
    QByteArray events;
    for (int i = 0; i < 3; ++i)
        events += "BEGIN:VEVENT\nUID:e" + QByteArray::number(i) + "\nDTSTART:20260401T090000Z\nEND:VEVENT\n";
    const Result<IcsCalendar> tooMany = readIcs(calendarText(events), limits);
    REQUIRE_FALSE(tooMany.ok());
    CHECK(tooMany.error().code == ErrorCode::TooLarge);
    CHECK(tooMany.error().message == QStringLiteral("The file has more than 3 components."));

    limits = {};
    limits.maxNesting = 3;
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nBEGIN:VALARM\nBEGIN:X-DEEP\nEND:X-DEEP\nEND:VALARM\n"),
                  limits) == QStringLiteral("Line 9: components are nested more than 3 deep."));

    limits = {};
    limits.maxLineBytes = 100;
    CHECK(errorOf(withEvent("DESCRIPTION:" + QByteArray(60, 'a') + "\n " + QByteArray(60, 'b') + "\n"), limits) ==
          QStringLiteral("Line 7: the line is longer than 100 bytes."));

    limits = {};
    limits.maxPropertiesPerComponent = 5;
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nSUMMARY:a\nLOCATION:b\nX-A:1\n"), limits) ==
          QStringLiteral("Line 10: VEVENT has more than 5 properties."));

    limits = {};
    limits.maxRecurrenceDates = 3;
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nRRULE:FREQ=DAILY\nEXDATE:20260402T090000Z,20260403T090000Z\n"
                            "RDATE:20260501T090000Z,20260502T090000Z\n"),
                  limits) == QStringLiteral("Line 10: the event has more than 3 RDATE and EXDATE values."));

    limits = {};
    limits.maxRecurrenceCount = 50;
    CHECK(errorOf(withEvent("DTSTART:20260401T090000Z\nRRULE:FREQ=DAILY;COUNT=51\n"), limits) ==
          QStringLiteral("Line 8: COUNT=51 is more than the limit of 50."));
}
