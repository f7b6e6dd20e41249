// Recurrence sets: overrides (moved, cancelled, THISANDFUTURE, without their series), EXDATE and
// RDATE, COUNT and UNTIL, BYSETPOS, leap days, all-day events, range edges, rules that never
// occur, and the limits on what one event may cost.
#include "calendar_test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QByteArray event(const char* uid, const char* lines)
{
    return "BEGIN:VEVENT\nUID:" + QByteArray(uid) + "\nDTSTAMP:20260101T000000Z\n" + lines + "END:VEVENT\n";
}

QStringList occurrencesOf(const QByteArray& events, const char* from, const char* to)
{
    const IcsCalendar calendar = readOrFail(calendarText(events));
    const Expansion expansion = expand(calendar, utc(from), utc(to));
    INFO((expansion.problems.isEmpty() ? QString() : expansion.problems.front().message).toStdString());
    CHECK(expansion.problems.isEmpty());
    return described(calendar, expansion);
}

} // namespace

TEST_CASE("Overrides move, cancel and replace occurrences; EXDATE removes and RDATE adds them")
{
    const IcsCalendar calendar = readOrFail(fixture("overrides.ics"));
    const Expansion expansion = expand(calendar, utc("2026-01-01T00:00:00Z"), utc("2026-04-10T00:00:00Z"));
    QStringList teamWeekly, planning, others;
    for (const QString& line : described(calendar, expansion)) {
        if (line.startsWith(QStringLiteral("team-weekly@")))
            teamWeekly.append(line.section(u' ', 1));
        else if (line.startsWith(QStringLiteral("planning@")))
            planning.append(line.section(u' ', 1));
        else
            others.append(line);
    }
    // Tuesdays 10:00 in Berlin; 13 Jan and 10 Feb excluded by EXDATE, 3 Mar by EXDATE;VALUE=DATE,
    // 27 Jan cancelled, 20 Jan moved to Wednesday afternoon, 17 Feb moved to Monday; 8 Jan added.
    CHECK(teamWeekly == QStringList{
                            "2026-01-06T09:00:00Z 2026-01-06T10:00:00Z",
                            "2026-01-08T14:00:00Z 2026-01-08T15:00:00Z",
                            "2026-01-21T13:00:00Z 2026-01-21T14:30:00Z",
                            "2026-02-03T09:00:00Z 2026-02-03T10:00:00Z",
                            "2026-02-16T08:00:00Z 2026-02-16T09:00:00Z",
                            "2026-02-24T09:00:00Z 2026-02-24T10:00:00Z",
                            "2026-03-10T09:00:00Z 2026-03-10T10:00:00Z",
                            "2026-03-17T09:00:00Z 2026-03-17T10:00:00Z",
                            "2026-03-24T09:00:00Z 2026-03-24T10:00:00Z",
                            "2026-03-31T08:00:00Z 2026-03-31T09:00:00Z",
                            "2026-04-07T08:00:00Z 2026-04-07T09:00:00Z",
                        });
    // Mondays 9:00; from 2 March (THISANDFUTURE) 9:30 to 11:00; 16 March moved to Tuesday noon.
    CHECK(planning == QStringList{
                          "2026-01-05T08:00:00Z 2026-01-05T09:00:00Z",
                          "2026-01-12T08:00:00Z 2026-01-12T09:00:00Z",
                          "2026-01-19T08:00:00Z 2026-01-19T09:00:00Z",
                          "2026-01-26T08:00:00Z 2026-01-26T09:00:00Z",
                          "2026-02-02T08:00:00Z 2026-02-02T09:00:00Z",
                          "2026-02-09T08:00:00Z 2026-02-09T09:00:00Z",
                          "2026-02-16T08:00:00Z 2026-02-16T09:00:00Z",
                          "2026-02-23T08:00:00Z 2026-02-23T09:00:00Z",
                          "2026-03-02T08:30:00Z 2026-03-02T10:00:00Z",
                          "2026-03-09T08:30:00Z 2026-03-09T10:00:00Z",
                          "2026-03-17T11:00:00Z 2026-03-17T12:00:00Z",
                          "2026-03-23T08:30:00Z 2026-03-23T10:00:00Z",
                          "2026-03-30T07:30:00Z 2026-03-30T09:00:00Z",
                          "2026-04-06T07:30:00Z 2026-04-06T09:00:00Z",
                      });
    // December's monthly check moved into January; an occurrence of a series not in the file; the
    // cancelled series not at all.
    CHECK(others == QStringList{
                        "moved-into-range@convene.example 2026-01-01T07:00:00Z 2026-01-01T07:30:00Z",
                        "moved-into-range@convene.example 2026-01-15T07:00:00Z 2026-01-15T07:30:00Z",
                        "moved-into-range@convene.example 2026-02-01T07:00:00Z 2026-02-01T07:30:00Z",
                        "single-instance-invite@other.example 2026-02-12T15:30:00Z 2026-02-12T16:00:00Z",
                    });
    // Occurrences know which event they show and which occurrence of the series they are.
    for (const Occurrence& o : expansion.occurrences) {
        const Event& shown = calendar.events[o.eventIndex];
        if (shown.summary == QStringLiteral("Team weekly (moved to Wednesday afternoon)"))
            CHECK(o.recurrenceId == utc("2026-01-20T09:00:00Z"));
        if (shown.uid == QStringLiteral("planning@convene.example") && o.start == utc("2026-03-23T08:30:00Z")) {
            CHECK(shown.thisAndFuture);
            CHECK(o.recurrenceId == utc("2026-03-23T08:00:00Z"));
        }
    }
}

TEST_CASE("COUNT includes DTSTART, UNTIL includes an occurrence exactly at it")
{
    CHECK(occurrencesOf(event("count", "DTSTART:20260302T100000Z\nRRULE:FREQ=DAILY;COUNT=3\n"), "2026-01-01T00:00:00Z",
                        "2027-01-01T00:00:00Z") == QStringList{"count 2026-03-02T10:00:00Z 2026-03-02T10:00:00Z",
                                                               "count 2026-03-03T10:00:00Z 2026-03-03T10:00:00Z",
                                                               "count 2026-03-04T10:00:00Z 2026-03-04T10:00:00Z"});
    // 10:00 in Berlin on 4 March is 09:00 UTC.
    CHECK(occurrencesOf(event("until", "DTSTART;TZID=Europe/Berlin:20260302T100000\n"
                                       "RRULE:FREQ=DAILY;UNTIL=20260304T090000Z\n"),
                        "2026-01-01T00:00:00Z",
                        "2027-01-01T00:00:00Z") == QStringList{"until 2026-03-02T09:00:00Z 2026-03-02T09:00:00Z",
                                                               "until 2026-03-03T09:00:00Z 2026-03-03T09:00:00Z",
                                                               "until 2026-03-04T09:00:00Z 2026-03-04T09:00:00Z"});
    CHECK(occurrencesOf(event("until", "DTSTART;TZID=Europe/Berlin:20260302T100000\n"
                                       "RRULE:FREQ=DAILY;UNTIL=20260304T085959Z\n"),
                        "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
              .size() == 2);
    CHECK(occurrencesOf(event("until-date", "DTSTART;VALUE=DATE:20260302\nRRULE:FREQ=WEEKLY;UNTIL=20260316\n"),
                        "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z") ==
          QStringList{"until-date 2026-03-02 2026-03-03", "until-date 2026-03-09 2026-03-10",
                      "until-date 2026-03-16 2026-03-17"});
}

TEST_CASE("BYSETPOS picks positions in each period's set")
{
    const QStringList lastWorkday = occurrencesOf(
        event("last", "DTSTART;VALUE=DATE:20240131\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=8\n"),
        "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    CHECK(lastWorkday == QStringList{"last 2024-01-31 2024-02-01", "last 2024-02-29 2024-03-01",
                                     "last 2024-03-29 2024-03-30", "last 2024-04-30 2024-05-01",
                                     "last 2024-05-31 2024-06-01", "last 2024-06-28 2024-06-29",
                                     "last 2024-07-31 2024-08-01", "last 2024-08-30 2024-08-31"});
    // The last of the 29th, 30th and 31st: nothing in a February of 28 days.
    const QStringList lastOfThree = occurrencesOf(
        event("late", "DTSTART;VALUE=DATE:20250131\nRRULE:FREQ=MONTHLY;BYMONTHDAY=29,30,31;BYSETPOS=-1;COUNT=3\n"),
        "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    CHECK(lastOfThree ==
          QStringList{"late 2025-01-31 2025-02-01", "late 2025-03-31 2025-04-01", "late 2025-04-30 2025-05-01"});
}

TEST_CASE("Leap days: yearly on 29 February only in leap years, the last day of February every year")
{
    CHECK(occurrencesOf(event("leap", "DTSTART;VALUE=DATE:20240229\nRRULE:FREQ=YEARLY\n"), "2024-01-01T00:00:00Z",
                        "2034-01-01T00:00:00Z") ==
          QStringList{"leap 2024-02-29 2024-03-01", "leap 2028-02-29 2028-03-01", "leap 2032-02-29 2032-03-01"});
    CHECK(occurrencesOf(event("feb", "DTSTART;VALUE=DATE:20230228\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\n"),
                        "2023-01-01T00:00:00Z", "2026-01-01T00:00:00Z") ==
          QStringList{"feb 2023-02-28 2023-03-01", "feb 2024-02-29 2024-03-01", "feb 2025-02-28 2025-03-01"});
    // Monday 29 February: 2016, then 2044.
    CHECK(occurrencesOf(event("rare", "DTSTART:20160229T120000Z\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO\n"),
                        "2016-01-01T00:00:00Z",
                        "2050-01-01T00:00:00Z") == QStringList{"rare 2016-02-29T12:00:00Z 2016-02-29T12:00:00Z",
                                                               "rare 2044-02-29T12:00:00Z 2044-02-29T12:00:00Z"});
    CHECK(occurrencesOf(event("monthly-29", "DTSTART;VALUE=DATE:20250129\nRRULE:FREQ=MONTHLY;COUNT=3\n"),
                        "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z") ==
          QStringList{"monthly-29 2025-01-29 2025-01-30", "monthly-29 2025-03-29 2025-03-30",
                      "monthly-29 2025-04-29 2025-04-30"});
}

TEST_CASE("All-day events span whole dates, end exclusive")
{
    const QByteArray offsite = event("offsite", "DTSTART;VALUE=DATE:20260325\nDTEND;VALUE=DATE:20260328\n");
    CHECK(occurrencesOf(offsite, "2026-03-26T12:00:00Z", "2026-03-26T13:00:00Z") ==
          QStringList{"offsite 2026-03-25 2026-03-28"});
    CHECK(occurrencesOf(offsite, "2026-03-28T00:00:00Z", "2026-03-29T00:00:00Z").isEmpty());
    CHECK(occurrencesOf(offsite, "2026-03-24T00:00:00Z", "2026-03-25T00:00:00Z").isEmpty());
    // Without DTEND an all-day event lasts one day; DURATION counts days.
    CHECK(occurrencesOf(event("one", "DTSTART;VALUE=DATE:20260401\n") +
                            event("two", "DTSTART;VALUE=DATE:20260401\nDURATION:P2D\n"),
                        "2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z") ==
          QStringList{"one 2026-04-01 2026-04-02", "two 2026-04-01 2026-04-03"});
    // A weekly all-day series with an extra date and an excluded one.
    CHECK(occurrencesOf(event("days", "DTSTART;VALUE=DATE:20260406\nRRULE:FREQ=WEEKLY;COUNT=3\n"
                                      "EXDATE;VALUE=DATE:20260413\nRDATE;VALUE=DATE:20260415\n"),
                        "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z") ==
          QStringList{"days 2026-04-06 2026-04-07", "days 2026-04-15 2026-04-16", "days 2026-04-20 2026-04-21"});
}

TEST_CASE("An RDATE period sets that occurrence's own end")
{
    CHECK(occurrencesOf(event("period", "DTSTART:20260401T090000Z\nDTEND:20260401T100000Z\n"
                                        "RDATE;VALUE=PERIOD:20260403T140000Z/PT3H,20260405T080000Z/20260405T083000Z\n"),
                        "2026-04-01T00:00:00Z",
                        "2026-05-01T00:00:00Z") == QStringList{"period 2026-04-01T09:00:00Z 2026-04-01T10:00:00Z",
                                                               "period 2026-04-03T14:00:00Z 2026-04-03T17:00:00Z",
                                                               "period 2026-04-05T08:00:00Z 2026-04-05T08:30:00Z"});
}

TEST_CASE("Occurrences overlapping the range's edges")
{
    const QByteArray events = event("long", "DTSTART:20260401T220000Z\nDTEND:20260402T020000Z\n") +
                              event("instant", "DTSTART:20260402T000000Z\n") +
                              event("at-end", "DTSTART:20260403T000000Z\n");
    CHECK(occurrencesOf(events, "2026-04-02T00:00:00Z", "2026-04-03T00:00:00Z") ==
          QStringList{"long 2026-04-01T22:00:00Z 2026-04-02T02:00:00Z",
                      "instant 2026-04-02T00:00:00Z 2026-04-02T00:00:00Z"});
    CHECK(occurrencesOf(events, "2026-04-02T02:00:00Z", "2026-04-03T00:00:00Z").isEmpty());
}

TEST_CASE("Any window gives the occurrences one long range gives")
{
    const QByteArray events =
        event("weekly-2", "DTSTART;TZID=America/New_York:20240102T233000\nDURATION:PT2H\n"
                          "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU\n") +
        event("monthly", "DTSTART;TZID=Europe/Berlin:20240131T080000\nDURATION:PT1H\n"
                         "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,1\n") +
        event("yearly-3", "DTSTART:20240101T120000Z\nRRULE:FREQ=YEARLY;INTERVAL=3;BYYEARDAY=1,100,-1\n") +
        event("daily-5",
              "DTSTART;TZID=Australia/Lord_Howe:20240301T013000\nDURATION:P1D\nRRULE:FREQ=DAILY;INTERVAL=5\n") +
        event("hourly", "DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY;INTERVAL=7;BYDAY=SA,SU\n") +
        event("counted", "DTSTART;VALUE=DATE:20240105\nRRULE:FREQ=MONTHLY;BYDAY=1FR,-1FR;COUNT=40\n");
    const IcsCalendar calendar = readOrFail(calendarText(events));
    const CalendarExpander expander(calendar.events, calendar.timeZones);
    const QDateTime from = utc("2024-01-01T00:00:00Z"), to = utc("2027-01-01T00:00:00Z");
    const Expansion whole = expander.expand(from, to);
    REQUIRE(whole.problems.isEmpty());
    REQUIRE(whole.occurrences.size() > 1000);
    std::set<std::pair<int, qint64>> fromWhole, fromWindows;
    for (const Occurrence& o : whole.occurrences)
        fromWhole.emplace(o.eventIndex, o.start.toSecsSinceEpoch());
    // Windows of 5 days and 17 hours, so that their edges fall at every time of day.
    for (QDateTime start = from; start < to; start = start.addSecs(5 * 86400 + 17 * 3600)) {
        const Expansion part = expander.expand(start, std::min(to, start.addSecs(5 * 86400 + 17 * 3600)));
        REQUIRE(part.problems.isEmpty());
        for (const Occurrence& o : part.occurrences)
            fromWindows.emplace(o.eventIndex, o.start.toSecsSinceEpoch());
    }
    QStringList onlyWhole, onlyWindows;
    const auto name = [&](const std::pair<int, qint64>& o) {
        return calendar.events[o.first].uid + u' ' +
               QDateTime::fromSecsSinceEpoch(o.second, Qt::UTC).toString(Qt::ISODate);
    };
    for (const auto& o : fromWhole) {
        if (!fromWindows.count(o))
            onlyWhole.append(name(o));
    }
    for (const auto& o : fromWindows) {
        if (!fromWhole.count(o))
            onlyWindows.append(name(o));
    }
    CHECK(onlyWhole == QStringList());
    CHECK(onlyWindows == QStringList());
}

TEST_CASE("Rules that can never occur give their DTSTART alone")
{
    for (const char* rule : {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31",
                             "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1,2,3", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1;BYSETPOS=2",
                             "FREQ=YEARLY;BYYEARDAY=366;BYDAY=1MO", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"}) {
        INFO(rule);
        const QByteArray lines = "DTSTART:20260101T120000Z\nRRULE:" + QByteArray(rule) + "\n";
        CHECK(occurrencesOf(event("never", lines.constData()), "2026-01-01T00:00:00Z", "2031-01-01T00:00:00Z") ==
              QStringList{"never 2026-01-01T12:00:00Z 2026-01-01T12:00:00Z"});
    }
}

TEST_CASE("An event with more occurrences than allowed is cut, and says so")
{
    const IcsCalendar calendar = readOrFail(
        calendarText(event("busy", "DTSTART:20260101T000000Z\nRRULE:FREQ=MINUTELY;INTERVAL=5\n") +
                     event("sparse", "DTSTART:20260101T093000Z\nRRULE:FREQ=MINUTELY;BYHOUR=9;BYMINUTE=30\n") +
                     event("calm", "DTSTART:20260101T080000Z\nRRULE:FREQ=DAILY\n")));
    CalendarExpander::Options options;
    options.limits.maxOccurrencesPerEvent = 100;
    options.limits.maxScanSteps = 5000;
    const Expansion expansion = expand(calendar, utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z"), options);
    int busy = 0, sparse = 0, calm = 0;
    for (const Occurrence& o : expansion.occurrences) {
        const QString& uid = calendar.events[o.eventIndex].uid;
        busy += uid == u"busy";
        sparse += uid == u"sparse";
        calm += uid == u"calm";
    }
    CHECK(busy == 100);
    CHECK(calm == 31);
    // From DTSTART, 5000 one-minute steps reach 22:50 on 4 January: four 9:30s.
    CHECK(sparse == 4);
    REQUIRE(expansion.problems.size() >= 2);
    QStringList messages;
    for (const Error& problem : expansion.problems)
        messages.append(problem.message);
    CHECK(messages.filter(QStringLiteral("“busy” has more than 100 occurrences")).size() == 1);
    CHECK(messages.filter(QStringLiteral("“sparse” repeats too often or too rarely to be listed after 2026-01-04"))
              .size() == 1);
}
