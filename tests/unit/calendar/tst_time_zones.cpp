// Time zones: occurrences keep their wall-clock time across DST changes (tzdata zones and a
// file's VTIMEZONEs alike), wall times that do not exist or exist twice follow RFC 5545 3.3.5,
// durations are exact after DTEND and nominal after DURATION, floating and all-day times use the
// configured zone, and TZIDs in the forms exporters write resolve.
#include "calendar_test_support.h"

#include <convene/calendar/ics_writer.h>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QByteArray weekly(const char* tzid, const char* start, const char* extra = "")
{
    return "BEGIN:VEVENT\nUID:weekly\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=" + QByteArray(tzid) + ':' + start +
           "\nDURATION:PT1H\nRRULE:FREQ=WEEKLY\n" + extra + "END:VEVENT\n";
}

QByteArray single(const char* tzid, const char* start)
{
    return "BEGIN:VEVENT\nUID:single\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=" + QByteArray(tzid) + ':' + start +
           "\nEND:VEVENT\n";
}

QDateTime startOf(const QByteArray& event)
{
    const IcsCalendar calendar = readOrFail(calendarText(event));
    const Expansion expansion = expand(calendar, utc("1990-01-01T00:00:00Z"), utc("2040-01-01T00:00:00Z"));
    REQUIRE(expansion.occurrences.size() == 1);
    return expansion.occurrences.front().start;
}

// A weekly 09:00 series over 2026 stays at 09:00 local time, checked with Qt's tzdata.
void checkStaysAtNine(const char* tzid, const QByteArray& zoneDefinition = {})
{
    const IcsCalendar calendar = readOrFail(calendarText(zoneDefinition + weekly(tzid, "20260104T090000")));
    const Expansion expansion = expand(calendar, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    CHECK(expansion.occurrences.size() == 52);
    const QTimeZone zone(QByteArray(tzid).split('/').size() > 1 ? QByteArray(tzid) : QByteArray("UTC"));
    for (const QString& start : localStarts(expansion, zone)) {
        INFO(tzid << " " << start.toStdString());
        CHECK(start.endsWith(QStringLiteral("T090000")));
    }
}

} // namespace

TEST_CASE("A 9:00 New York weekly meeting stays at 9:00 across both DST changes")
{
    const IcsCalendar calendar = readOrFail(calendarText(weekly("America/New_York", "20260302T090000")));
    const Expansion expansion = expand(calendar, utc("2026-03-01T00:00:00Z"), utc("2026-03-17T00:00:00Z"));
    CHECK(described(calendar, expansion) == QStringList{
                                                "weekly 2026-03-02T14:00:00Z 2026-03-02T15:00:00Z", // EST
                                                "weekly 2026-03-09T13:00:00Z 2026-03-09T14:00:00Z", // EDT from 8 March
                                                "weekly 2026-03-16T13:00:00Z 2026-03-16T14:00:00Z",
                                            });
    const Expansion autumn = expand(calendar, utc("2026-10-25T00:00:00Z"), utc("2026-11-10T00:00:00Z"));
    CHECK(described(calendar, autumn) == QStringList{
                                             "weekly 2026-10-26T13:00:00Z 2026-10-26T14:00:00Z",
                                             "weekly 2026-11-02T14:00:00Z 2026-11-02T15:00:00Z", // EST from 1 November
                                             "weekly 2026-11-09T14:00:00Z 2026-11-09T15:00:00Z",
                                         });
    checkStaysAtNine("America/New_York");
}

TEST_CASE("Weekly meetings keep their local time in Berlin, Shanghai and on Lord Howe Island")
{
    checkStaysAtNine("Europe/Berlin");
    checkStaysAtNine("Asia/Shanghai");
    checkStaysAtNine("Australia/Lord_Howe");

    // Lord Howe Island shifts by half an hour: +10:30 in winter, +11:00 in summer.
    const IcsCalendar calendar = readOrFail(calendarText(weekly("Australia/Lord_Howe", "20260329T090000")));
    const Expansion expansion = expand(calendar, utc("2026-03-28T00:00:00Z"), utc("2026-04-12T00:00:00Z"));
    CHECK(described(calendar, expansion) == QStringList{
                                                "weekly 2026-03-28T22:00:00Z 2026-03-28T23:00:00Z",
                                                "weekly 2026-04-04T22:30:00Z 2026-04-04T23:30:00Z",
                                                "weekly 2026-04-11T22:30:00Z 2026-04-11T23:30:00Z",
                                            });
}

TEST_CASE("A file's VTIMEZONE gives the same occurrences as the tzdata zone of the same name")
{
    const IcsCalendar file = readOrFail(fixture("dst-zones.ics"));
    for (const char* tzid : {"America/New_York", "Europe/Berlin", "Asia/Shanghai", "Australia/Lord_Howe"}) {
        INFO(tzid);
        const QByteArray definition = file.timeZones.definition(QString::fromLatin1(tzid));
        REQUIRE(!definition.isEmpty());
        const IcsCalendar withDefinition = readOrFail(calendarText(definition + weekly(tzid, "20260104T090000")));
        CHECK(withDefinition.timeZones.definedIds() == QStringList{QString::fromLatin1(tzid)});
        const IcsCalendar withTzdata = readOrFail(calendarText(weekly(tzid, "20260104T090000")));
        CHECK(withTzdata.timeZones.definedIds().isEmpty());
        const QDateTime from = utc("2026-01-01T00:00:00Z"), to = utc("2027-01-01T00:00:00Z");
        CHECK(described(withDefinition, expand(withDefinition, from, to)) ==
              described(withTzdata, expand(withTzdata, from, to)));
    }
}

TEST_CASE("Wall times skipped or repeated by a DST change follow RFC 5545 3.3.5")
{
    // Skipped: read with the offset before the gap (02:30 EST is 03:30 EDT).
    CHECK(startOf(single("America/New_York", "20070311T023000")) == utc("2007-03-11T07:30:00Z"));
    CHECK(startOf(single("Europe/Berlin", "20260329T023000")) == utc("2026-03-29T01:30:00Z"));
    CHECK(startOf(single("Australia/Lord_Howe", "20261004T021500")) == utc("2026-10-03T15:45:00Z"));
    // Repeated: the first of the two.
    CHECK(startOf(single("America/New_York", "20071104T013000")) == utc("2007-11-04T05:30:00Z"));
    CHECK(startOf(single("Europe/Berlin", "20261025T023000")) == utc("2026-10-25T00:30:00Z"));
    CHECK(startOf(single("Australia/Lord_Howe", "20260405T014500")) == utc("2026-04-04T14:45:00Z"));

    // A daily 02:30 series on the day 02:30 does not exist.
    const IcsCalendar calendar =
        readOrFail(calendarText("BEGIN:VEVENT\nUID:daily\nDTSTART;TZID=America/"
                                "New_York:20260307T023000\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n"));
    const Expansion expansion = expand(calendar, utc("2026-03-01T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
    CHECK(described(calendar, expansion) == QStringList{
                                                "daily 2026-03-07T07:30:00Z 2026-03-07T07:30:00Z",
                                                "daily 2026-03-08T07:30:00Z 2026-03-08T07:30:00Z",
                                                "daily 2026-03-09T06:30:00Z 2026-03-09T06:30:00Z",
                                            });
}

TEST_CASE("Occurrences last as long as DTEND says exactly, or as DURATION says nominally")
{
    // 12:00 on 7 March to 12:00 on 8 March in New York is 23 hours (the clocks go forward).
    const IcsCalendar calendar = readOrFail(
        calendarText("BEGIN:VEVENT\nUID:exact\nDTSTART;TZID=America/New_York:20260307T120000\n"
                     "DTEND;TZID=America/New_York:20260308T120000\nRRULE:FREQ=DAILY;COUNT=2\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:nominal\nDTSTART;TZID=America/New_York:20260307T120000\nDURATION:P1D\n"
                     "RRULE:FREQ=DAILY;COUNT=2\nEND:VEVENT\n"));
    const Expansion expansion = expand(calendar, utc("2026-03-01T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
    CHECK(described(calendar, expansion) == QStringList{
                                                "exact 2026-03-07T17:00:00Z 2026-03-08T16:00:00Z",
                                                "nominal 2026-03-07T17:00:00Z 2026-03-08T16:00:00Z",
                                                // the same 23 hours again: 12:00 EDT to 11:00 EDT
                                                "exact 2026-03-08T16:00:00Z 2026-03-09T15:00:00Z",
                                                // one day: 12:00 to 12:00
                                                "nominal 2026-03-08T16:00:00Z 2026-03-09T16:00:00Z",
                                            });
}

TEST_CASE("Floating and all-day times are read in the configured zone")
{
    const IcsCalendar calendar = readOrFail(
        calendarText("BEGIN:VEVENT\nUID:floating\nDTSTART:20260310T090000\nDTEND:20260310T100000\nEND:VEVENT\n"
                     "BEGIN:VEVENT\nUID:day\nDTSTART;VALUE=DATE:20260311\nEND:VEVENT\n"));
    const QDateTime from = utc("2026-03-01T00:00:00Z"), to = utc("2026-04-01T00:00:00Z");
    CHECK(described(calendar, expand(calendar, from, to)) ==
          QStringList{"floating 2026-03-10T09:00:00Z 2026-03-10T10:00:00Z", "day 2026-03-11 2026-03-12"});

    CalendarExpander::Options shanghai;
    shanghai.floatingTimeZone = QStringLiteral("Asia/Shanghai");
    const Expansion expansion = expand(calendar, from, to, shanghai);
    REQUIRE(expansion.occurrences.size() == 2);
    CHECK(expansion.occurrences[0].start == utc("2026-03-10T01:00:00Z"));
    CHECK(expansion.occurrences[1].allDay);
    CHECK(expansion.occurrences[1].start == utc("2026-03-10T16:00:00Z")); // midnight in Shanghai
    CHECK(expansion.occurrences[1].startDate == QDate(2026, 3, 11));
    CHECK(expansion.occurrences[1].endDate == QDate(2026, 3, 12));

    CalendarExpander::Options unknown;
    unknown.floatingTimeZone = QStringLiteral("Mars/Olympus_Mons");
    const CalendarExpander expander(calendar.events, calendar.timeZones, unknown);
    REQUIRE(expander.preparationProblems().size() == 1);
    CHECK(expander.preparationProblems().front().message.contains(QStringLiteral("Mars/Olympus_Mons")));
}

TEST_CASE("TZIDs with exporter prefixes and Windows names resolve to tzdata zones")
{
    const QDateTime berlinNine = utc("2026-03-23T08:00:00Z");
    CHECK(startOf(single("/mozilla.org/20050126_1/Europe/Berlin", "20260323T090000")) == berlinNine);
    CHECK(startOf(single("/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", "20260323T090000")) == berlinNine);
    CHECK(startOf(single("\"W. Europe Standard Time\"", "20260323T090000")) == berlinNine);
    CHECK(startOf(single("Etc/UTC", "20260323T090000")) == utc("2026-03-23T09:00:00Z"));

    for (const char* tzid : {"Mars/Olympus_Mons", "../../../etc/passwd", "/etc/passwd", "Europe/../Europe/Berlin"}) {
        INFO(tzid);
        const Result<IcsCalendar> calendar = readIcs(calendarText(single(tzid, "20260323T090000")));
        REQUIRE_FALSE(calendar.ok());
        CHECK(calendar.error().message.startsWith(QStringLiteral("Line 7: the time zone")));
    }
}

TEST_CASE("A written calendar carries a VTIMEZONE for every tzdata zone its events use")
{
    const IcsCalendar calendar = readOrFail(fixture("iana-zones.ics"));
    Result<QByteArray> written = writeIcs(calendar);
    REQUIRE(written.ok());
    const IcsCalendar reread = readOrFail(*written);
    QStringList defined = reread.timeZones.definedIds();
    defined.sort();
    CHECK(defined == QStringList{QStringLiteral("/mozilla.org/20050126_1/Europe/Berlin"),
                                 QStringLiteral("America/New_York"), QStringLiteral("Asia/Shanghai"),
                                 QStringLiteral("Australia/Lord_Howe"), QStringLiteral("W. Europe Standard Time")});
    const QDateTime from = utc("2026-01-01T00:00:00Z"), to = utc("2027-01-01T00:00:00Z");
    CHECK(described(reread, expand(reread, from, to)) == described(calendar, expand(calendar, from, to)));
}
