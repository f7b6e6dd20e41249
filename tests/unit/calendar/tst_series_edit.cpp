// Editing and deleting occurrences of recurring events: this event (an override or an EXDATE),
// this and following (the rule ends, a new series goes on), all events (the series moves with the
// occurrence). Every result is checked by expanding it and by writing and reading it back.
#include "calendar_test_support.h"

#include <convene/calendar/ics_writer.h>
#include <convene/calendar/series_edit.h>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 5, 1), QTime(12, 0, 30, 250), Qt::UTC);

QByteArray event(const char* uid, const char* lines)
{
    return "BEGIN:VEVENT\nUID:" + QByteArray(uid) + "\nDTSTAMP:20260101T000000Z\n" + lines + "END:VEVENT\n";
}

Series seriesOf(const IcsCalendar& calendar, const QString& uid)
{
    Series series;
    bool found = false;
    for (const Event& e : calendar.events) {
        if (e.uid != uid)
            continue;
        if (e.isOverride()) {
            series.overrides.append(e);
        } else {
            series.master = e;
            found = true;
        }
    }
    REQUIRE(found);
    return series;
}

SeriesEditResult succeeded(const Result<SeriesEditResult>& result)
{
    INFO((result ? QString() : result.error().message).toStdString());
    REQUIRE(result.ok());
    return *result;
}

QList<Event> eventsOf(const SeriesEditResult& result)
{
    QList<Event> events{result.edited.master};
    events.append(result.edited.overrides);
    if (result.split) {
        events.append(result.split->master);
        events.append(result.split->overrides);
    }
    return events;
}

IcsCalendar calendarOf(const SeriesEditResult& result, const IcsCalendar& original)
{
    IcsCalendar calendar = original;
    calendar.events = eventsOf(result);
    return calendar;
}

QByteArray written(const IcsCalendar& calendar)
{
    Result<QByteArray> text = writeIcs(calendar);
    INFO((text ? QString() : text.error().message).toStdString());
    REQUIRE(text.ok());
    return *text;
}

QList<QByteArray> linesOf(QByteArray text)
{
    text.replace("\r\n ", "");
    QList<QByteArray> lines = text.split('\n');
    for (QByteArray& line : lines)
        line = line.trimmed();
    lines.removeAll(QByteArray());
    return lines;
}

// The VEVENTs of a written calendar, each as its unfolded lines.
QList<QList<QByteArray>> veventsOf(const QByteArray& text)
{
    QList<QList<QByteArray>> events;
    bool inside = false;
    for (const QByteArray& line : linesOf(text)) {
        if (line == "BEGIN:VEVENT") {
            events.append(QList<QByteArray>());
            inside = true;
        } else if (line == "END:VEVENT") {
            inside = false;
        } else if (inside) {
            events.back().append(line);
        }
    }
    return events;
}

QStringList occurrences(const IcsCalendar& calendar, const char* from, const char* to)
{
    const Expansion expansion = expand(calendar, utc(from), utc(to));
    INFO((expansion.problems.isEmpty() ? QString() : expansion.problems.front().message).toStdString());
    CHECK(expansion.problems.isEmpty());
    return described(calendar, expansion);
}

// The result expanded, then written, read back and expanded again: both must agree.
QStringList occurrencesAfter(const SeriesEditResult& result, const IcsCalendar& original, const char* from,
                             const char* to)
{
    const IcsCalendar edited = calendarOf(result, original);
    const QStringList direct = occurrences(edited, from, to);
    const IcsCalendar reread = readOrFail(written(edited));
    CHECK(occurrences(reread, from, to) == direct);
    return direct;
}

QStringList summariesAt(const IcsCalendar& calendar, const char* from, const char* to)
{
    QStringList summaries;
    for (const Occurrence& o : expand(calendar, utc(from), utc(to)).occurrences)
        summaries.append(calendar.events[o.eventIndex].summary);
    return summaries;
}

void checkTouched(const Event& event, int sequence)
{
    CHECK(event.sequence == sequence);
    CHECK(event.stamp == utc("2026-05-01T12:00:30Z"));
    CHECK(event.lastModified == utc("2026-05-01T12:00:30Z"));
}

} // namespace

TEST_CASE("All events: a New York weekly series moves by wall-clock time across the DST change")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("review", "DTSTART;TZID=America/New_York:20260224T100000\n"
                                                "DTEND;TZID=America/New_York:20260224T110000\n"
                                                "RRULE:FREQ=WEEKLY;BYDAY=TU\n"
                                                "EXDATE;TZID=America/New_York:20260324T100000\n"
                                                "SUMMARY:Design review\nSEQUENCE:3\n")));
    CHECK(occurrences(calendar, "2026-02-20T00:00:00Z", "2026-04-08T00:00:00Z") ==
          QStringList{"review 2026-02-24T15:00:00Z 2026-02-24T16:00:00Z", // EST
                      "review 2026-03-03T15:00:00Z 2026-03-03T16:00:00Z",
                      "review 2026-03-10T14:00:00Z 2026-03-10T15:00:00Z", // EDT from 8 March
                      "review 2026-03-17T14:00:00Z 2026-03-17T15:00:00Z",
                      "review 2026-03-31T14:00:00Z 2026-03-31T15:00:00Z",
                      "review 2026-04-07T14:00:00Z 2026-04-07T15:00:00Z"});
    const Series series = seriesOf(calendar, QStringLiteral("review"));

    // The 17 March occurrence moved to 11:30 and shortened to half an hour, renamed.
    Event changed = series.master;
    changed.start = CalendarTime::zoned({2026, 3, 17}, {11, 30}, QStringLiteral("America/New_York"));
    changed.end = CalendarTime::zoned({2026, 3, 17}, {12, 0}, QStringLiteral("America/New_York"));
    changed.summary = QStringLiteral("Design review (short)");
    const SeriesEditResult result = succeeded(editOccurrence(series, utc("2026-03-17T14:00:00Z"), changed,
                                                             EditScope::AllEvents, QStringLiteral("unused"), kNow));
    CHECK_FALSE(result.split);
    const Event& master = result.edited.master;
    CHECK(master.start == CalendarTime::zoned({2026, 2, 24}, {11, 30}, QStringLiteral("America/New_York")));
    CHECK(master.end == CalendarTime::zoned({2026, 2, 24}, {12, 0}, QStringLiteral("America/New_York")));
    CHECK(master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=TU"});
    CHECK(master.exceptionDates ==
          QList<CalendarTime>{CalendarTime::zoned({2026, 3, 24}, {11, 30}, QStringLiteral("America/New_York"))});
    CHECK(master.summary == QStringLiteral("Design review (short)"));
    checkTouched(master, 4);
    // 11:30 is 16:30 UTC in winter and 15:30 UTC in summer; 24 March stays excluded.
    CHECK(occurrencesAfter(result, calendar, "2026-02-20T00:00:00Z", "2026-04-08T00:00:00Z") ==
          QStringList{
              "review 2026-02-24T16:30:00Z 2026-02-24T17:00:00Z", "review 2026-03-03T16:30:00Z 2026-03-03T17:00:00Z",
              "review 2026-03-10T15:30:00Z 2026-03-10T16:00:00Z", "review 2026-03-17T15:30:00Z 2026-03-17T16:00:00Z",
              "review 2026-03-31T15:30:00Z 2026-03-31T16:00:00Z", "review 2026-04-07T15:30:00Z 2026-04-07T16:00:00Z"});
}

TEST_CASE("This and following: a New York weekly series splits after the DST change")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("review", "DTSTART;TZID=America/New_York:20260224T100000\n"
                                                "DTEND;TZID=America/New_York:20260224T110000\n"
                                                "RRULE:FREQ=WEEKLY;BYDAY=TU\nSUMMARY:Design review\n")));
    const Series series = seriesOf(calendar, QStringLiteral("review"));
    Event changed = series.master;
    changed.start = CalendarTime::zoned({2026, 3, 10}, {11, 0}, QStringLiteral("America/New_York"));
    changed.end = CalendarTime::zoned({2026, 3, 10}, {12, 0}, QStringLiteral("America/New_York"));
    const SeriesEditResult result = succeeded(editOccurrence(
        series, utc("2026-03-10T14:00:00Z"), changed, EditScope::ThisAndFollowing, QStringLiteral("review-2"), kNow));
    // The rule ends just before 10:00 EDT on 10 March, in UTC as RFC 5545 asks for a zoned DTSTART.
    CHECK(result.edited.master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=TU;UNTIL=20260310T135959Z"});
    CHECK(result.edited.master.start == series.master.start);
    REQUIRE(result.split);
    const Event& next = result.split->master;
    CHECK(next.uid == QStringLiteral("review-2"));
    CHECK(next.start == changed.start);
    CHECK(next.end == changed.end);
    CHECK(next.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=TU"});
    checkTouched(next, 0);
    checkTouched(result.edited.master, 1);
    CHECK(occurrencesAfter(result, calendar, "2026-02-20T00:00:00Z", "2026-03-25T00:00:00Z") ==
          QStringList{"review 2026-02-24T15:00:00Z 2026-02-24T16:00:00Z",
                      "review 2026-03-03T15:00:00Z 2026-03-03T16:00:00Z",
                      "review-2 2026-03-10T15:00:00Z 2026-03-10T16:00:00Z",
                      "review-2 2026-03-17T15:00:00Z 2026-03-17T16:00:00Z",
                      "review-2 2026-03-24T15:00:00Z 2026-03-24T16:00:00Z"});
}

TEST_CASE("This and following: a daily COUNT=10 series split at the 4th keeps its ten occurrences")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("standup", "DTSTART:20260601T090000Z\nDURATION:PT15M\n"
                                                 "RRULE:FREQ=DAILY;COUNT=10\nEXDATE:20260608T090000Z\n"
                                                 "SUMMARY:Stand-up\nSEQUENCE:1\n") +
                                event("standup", "RECURRENCE-ID:20260606T090000Z\nDTSTART:20260606T130000Z\n"
                                                 "DURATION:PT15M\nSUMMARY:Stand-up\nSEQUENCE:2\n") +
                                event("standup", "RECURRENCE-ID:20260602T090000Z\nDTSTART:20260602T100000Z\n"
                                                 "DURATION:PT15M\nSUMMARY:Stand-up\n")));
    const QStringList before = occurrences(calendar, "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z");
    REQUIRE(before.size() == 9);
    const Series series = seriesOf(calendar, QStringLiteral("standup"));

    Event changed = series.master;
    changed.start = CalendarTime::utc({2026, 6, 4}, {9, 0});
    changed.summary = QStringLiteral("Stand-up, new team");
    const SeriesEditResult result = succeeded(editOccurrence(
        series, utc("2026-06-04T09:00:00Z"), changed, EditScope::ThisAndFollowing, QStringLiteral("standup-2"), kNow));
    const Event& master = result.edited.master;
    CHECK(master.recurrenceRules == QStringList{"FREQ=DAILY;UNTIL=20260604T085959Z"});
    CHECK(master.exceptionDates.isEmpty());
    REQUIRE(result.edited.overrides.size() == 1); // 2 June stays; 6 June moves to the new series
    CHECK(result.edited.overrides[0].recurrenceId == CalendarTime::utc({2026, 6, 2}, {9, 0}));
    CHECK(result.edited.overrides[0].sequence == 0);

    REQUIRE(result.split);
    const Series& next = *result.split;
    CHECK(next.master.start == CalendarTime::utc({2026, 6, 4}, {9, 0}));
    CHECK(next.master.duration == IcsDuration{0, 15 * 60});
    CHECK(next.master.recurrenceRules == QStringList{"FREQ=DAILY;COUNT=7"});
    CHECK(next.master.exceptionDates == QList<CalendarTime>{CalendarTime::utc({2026, 6, 8}, {9, 0})});
    REQUIRE(next.overrides.size() == 1);
    CHECK(next.overrides[0].uid == QStringLiteral("standup-2"));
    CHECK(next.overrides[0].recurrenceId == CalendarTime::utc({2026, 6, 6}, {9, 0}));
    CHECK(next.overrides[0].start == CalendarTime::utc({2026, 6, 6}, {13, 0})); // it keeps its own time
    CHECK(next.overrides[0].summary == QStringLiteral("Stand-up, new team")); // the title it had inherited

    QStringList after = occurrencesAfter(result, calendar, "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z");
    CHECK(after.mid(0, 3) == before.mid(0, 3));
    for (QString& line : after)
        line.replace(QStringLiteral("standup-2 "), QStringLiteral("standup "));
    CHECK(after == before);
    const IcsCalendar edited = calendarOf(result, calendar);
    CHECK(summariesAt(edited, "2026-06-04T00:00:00Z", "2026-07-01T00:00:00Z") ==
          QStringList(6, QStringLiteral("Stand-up, new team")));
    CHECK(summariesAt(edited, "2026-06-01T00:00:00Z", "2026-06-04T00:00:00Z") ==
          QStringList(3, QStringLiteral("Stand-up")));

    // From the first occurrence: the whole series, no new one.
    Event fromFirst = series.master;
    fromFirst.summary = QStringLiteral("Stand-up, all of them");
    const SeriesEditResult whole = succeeded(editOccurrence(series, utc("2026-06-01T09:00:00Z"), fromFirst,
                                                            EditScope::ThisAndFollowing, QStringLiteral("x"), kNow));
    CHECK_FALSE(whole.split);
    CHECK(whole.edited.master.recurrenceRules == QStringList{"FREQ=DAILY;COUNT=10"});
    CHECK(summariesAt(calendarOf(whole, calendar), "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z") ==
          QStringList(9, QStringLiteral("Stand-up, all of them")));

    // From the occurrence moved to 13:00, now moved half an hour more: the new series starts at its
    // original time plus that half hour, and the occurrence itself stays where it is shown.
    Event overridden = series.overrides[0];
    REQUIRE(overridden.recurrenceId == CalendarTime::utc({2026, 6, 6}, {9, 0}));
    overridden.start = CalendarTime::utc({2026, 6, 6}, {13, 30});
    overridden.recurrenceRules = series.master.recurrenceRules;
    const SeriesEditResult later = succeeded(editOccurrence(series, utc("2026-06-06T09:00:00Z"), overridden,
                                                            EditScope::ThisAndFollowing, QStringLiteral("late"), kNow));
    REQUIRE(later.split);
    CHECK(later.split->master.start == CalendarTime::utc({2026, 6, 6}, {9, 30}));
    CHECK(later.split->master.recurrenceRules == QStringList{"FREQ=DAILY;COUNT=5"});
    CHECK(later.split->master.exceptionDates == QList<CalendarTime>{CalendarTime::utc({2026, 6, 8}, {9, 30})});
    CHECK(occurrencesAfter(later, calendar, "2026-06-05T00:00:00Z", "2026-07-01T00:00:00Z") ==
          QStringList{
              "standup 2026-06-05T09:00:00Z 2026-06-05T09:15:00Z", "late 2026-06-06T13:30:00Z 2026-06-06T13:45:00Z",
              "late 2026-06-07T09:30:00Z 2026-06-07T09:45:00Z", "late 2026-06-09T09:30:00Z 2026-06-09T09:45:00Z",
              "late 2026-06-10T09:30:00Z 2026-06-10T09:45:00Z"});
}

TEST_CASE("All-day series: this and following moves to another weekday, UNTIL stays a date")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("duty", "DTSTART;VALUE=DATE:20260406\nDTEND;VALUE=DATE:20260407\n"
                                              "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260525\nSUMMARY:On duty\n")));
    const Series series = seriesOf(calendar, QStringLiteral("duty"));
    const Occurrence may4 = expand(calendar, utc("2026-05-04T00:00:00Z"), utc("2026-05-04T00:00:01Z")).occurrences[0];
    CHECK(may4.recurrenceId == utc("2026-05-04T00:00:00Z"));

    Event changed = series.master;
    changed.start = CalendarTime::allDay({2026, 5, 5});
    changed.end = CalendarTime::allDay({2026, 5, 7}); // two days now
    const SeriesEditResult result = succeeded(editOccurrence(
        series, may4.recurrenceId, changed, EditScope::ThisAndFollowing, QStringLiteral("duty-2"), kNow));
    CHECK(result.edited.master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=MO;UNTIL=20260503"});
    REQUIRE(result.split);
    CHECK(result.split->master.start == CalendarTime::allDay({2026, 5, 5}));
    CHECK(result.split->master.end == CalendarTime::allDay({2026, 5, 7}));
    CHECK(result.split->master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=TU;UNTIL=20260526"});
    CHECK(occurrencesAfter(result, calendar, "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z") ==
          QStringList{"duty 2026-04-06 2026-04-07", "duty 2026-04-13 2026-04-14", "duty 2026-04-20 2026-04-21",
                      "duty 2026-04-27 2026-04-28", "duty-2 2026-05-05 2026-05-07", "duty-2 2026-05-12 2026-05-14",
                      "duty-2 2026-05-19 2026-05-21", "duty-2 2026-05-26 2026-05-28"});

    // This event: an override with a DATE recurrence id; deleting one: an EXDATE;VALUE=DATE.
    Event single = series.master;
    single.start = CalendarTime::allDay({2026, 4, 14});
    single.end = CalendarTime::allDay({2026, 4, 15});
    single.summary = QStringLiteral("On duty (swapped)");
    const SeriesEditResult moved =
        succeeded(editOccurrence(series, utc("2026-04-13T00:00:00Z"), single, EditScope::ThisEvent, {}, kNow));
    REQUIRE(moved.edited.overrides.size() == 1);
    CHECK(moved.edited.overrides[0].recurrenceId == CalendarTime::allDay({2026, 4, 13}));
    CHECK(moved.edited.overrides[0].recurrenceRules.isEmpty());
    checkTouched(moved.edited.overrides[0], 1);
    CHECK(occurrencesAfter(moved, calendar, "2026-04-01T00:00:00Z", "2026-04-22T00:00:00Z") ==
          QStringList{"duty 2026-04-06 2026-04-07", "duty 2026-04-14 2026-04-15", "duty 2026-04-20 2026-04-21"});
    const SeriesEditResult gone =
        succeeded(deleteOccurrence(series, utc("2026-04-13T00:00:00Z"), EditScope::ThisEvent, kNow));
    CHECK(gone.edited.master.exceptionDates == QList<CalendarTime>{CalendarTime::allDay({2026, 4, 13})});
    CHECK(linesOf(written(calendarOf(gone, calendar))).contains("EXDATE;VALUE=DATE:20260413"));
    CHECK(occurrencesAfter(gone, calendar, "2026-04-01T00:00:00Z", "2026-04-22T00:00:00Z") ==
          QStringList{"duty 2026-04-06 2026-04-07", "duty 2026-04-20 2026-04-21"});
}

TEST_CASE("This event moves one occurrence; all events then moves the series and keeps that override")
{
    const IcsCalendar calendar = readOrFail(calendarText(event("sync", "DTSTART;TZID=Europe/Berlin:20260105T090000\n"
                                                                       "DTEND;TZID=Europe/Berlin:20260105T100000\n"
                                                                       "RRULE:FREQ=WEEKLY;COUNT=6\nSUMMARY:Sync\n")));
    const Series series = seriesOf(calendar, QStringLiteral("sync"));
    Event moved = series.master;
    moved.start = CalendarTime::zoned({2026, 1, 19}, {14, 0}, QStringLiteral("Europe/Berlin"));
    moved.end = CalendarTime::zoned({2026, 1, 19}, {15, 0}, QStringLiteral("Europe/Berlin"));
    moved.location = QStringLiteral("Room 2");
    const SeriesEditResult first = succeeded(
        editOccurrence(series, utc("2026-01-19T08:00:00Z"), moved, EditScope::ThisEvent, QStringLiteral("x"), kNow));
    CHECK(first.edited.master.sequence == 0); // the master did not change
    REQUIRE(first.edited.overrides.size() == 1);
    CHECK(first.edited.overrides[0].recurrenceId ==
          CalendarTime::zoned({2026, 1, 19}, {9, 0}, QStringLiteral("Europe/Berlin")));
    CHECK(occurrencesAfter(first, calendar, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z") ==
          QStringList{
              "sync 2026-01-05T08:00:00Z 2026-01-05T09:00:00Z", "sync 2026-01-12T08:00:00Z 2026-01-12T09:00:00Z",
              "sync 2026-01-19T13:00:00Z 2026-01-19T14:00:00Z", "sync 2026-01-26T08:00:00Z 2026-01-26T09:00:00Z",
              "sync 2026-02-02T08:00:00Z 2026-02-02T09:00:00Z", "sync 2026-02-09T08:00:00Z 2026-02-09T09:00:00Z"});

    // Edited again from what was written: all events an hour later, renamed.
    const IcsCalendar stored = readOrFail(written(calendarOf(first, calendar)));
    const Series again = seriesOf(stored, QStringLiteral("sync"));
    Event later = again.master;
    later.start = CalendarTime::zoned({2026, 1, 26}, {10, 0}, QStringLiteral("Europe/Berlin"));
    later.end = CalendarTime::zoned({2026, 1, 26}, {11, 0}, QStringLiteral("Europe/Berlin"));
    later.summary = QStringLiteral("Weekly sync");
    later.location = QStringLiteral("Room 1");
    const SeriesEditResult all = succeeded(
        editOccurrence(again, utc("2026-01-26T08:00:00Z"), later, EditScope::AllEvents, QStringLiteral("x"), kNow));
    CHECK(all.edited.master.start == CalendarTime::zoned({2026, 1, 5}, {10, 0}, QStringLiteral("Europe/Berlin")));
    CHECK(all.edited.master.recurrenceRules == QStringList{"FREQ=WEEKLY;COUNT=6"});
    REQUIRE(all.edited.overrides.size() == 1);
    const Event& override = all.edited.overrides[0];
    CHECK(override.recurrenceId == CalendarTime::zoned({2026, 1, 19}, {10, 0}, QStringLiteral("Europe/Berlin")));
    CHECK(override.start == moved.start); // moved on its own: it stays where it was put
    CHECK(override.summary == QStringLiteral("Weekly sync"));
    CHECK(all.edited.master.location == QStringLiteral("Room 1"));
    CHECK(override.location == QStringLiteral("Room 2")); // its own, not the series'
    checkTouched(override, 2);
    CHECK(occurrencesAfter(all, stored, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z") ==
          QStringList{
              "sync 2026-01-05T09:00:00Z 2026-01-05T10:00:00Z", "sync 2026-01-12T09:00:00Z 2026-01-12T10:00:00Z",
              "sync 2026-01-19T13:00:00Z 2026-01-19T14:00:00Z", "sync 2026-01-26T09:00:00Z 2026-01-26T10:00:00Z",
              "sync 2026-02-02T09:00:00Z 2026-02-02T10:00:00Z", "sync 2026-02-09T09:00:00Z 2026-02-09T10:00:00Z"});
    CHECK(summariesAt(calendarOf(all, stored), "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z") ==
          QStringList(6, QStringLiteral("Weekly sync")));

    // Editing the overridden occurrence itself with all events: the series moves by what the user
    // moved it, not by the override's own offset.
    Event retitled = all.edited.overrides[0];
    retitled.recurrenceRules = all.edited.master.recurrenceRules;
    retitled.summary = QStringLiteral("Sync (moved)");
    const SeriesEditResult same = succeeded(editOccurrence(all.edited, utc("2026-01-19T09:00:00Z"), retitled,
                                                           EditScope::AllEvents, QStringLiteral("x"), kNow));
    CHECK(same.edited.master.start == all.edited.master.start);
    CHECK(same.edited.overrides[0].start == moved.start);
}

TEST_CASE("All events with a new rule: overrides and EXDATEs of occurrences that no longer exist go")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("daily", "DTSTART:20260302T080000Z\nDTEND:20260302T083000Z\n"
                                               "RRULE:FREQ=DAILY;COUNT=10\nEXDATE:20260304T080000Z\n"
                                               "EXDATE:20260309T080000Z\n") +
                                event("daily", "RECURRENCE-ID:20260303T080000Z\nDTSTART:20260303T120000Z\n"
                                               "DTEND:20260303T123000Z\n") +
                                event("daily", "RECURRENCE-ID:20260316T080000Z\nDTSTART:20260316T120000Z\n"
                                               "DTEND:20260316T123000Z\n")));
    const Series series = seriesOf(calendar, QStringLiteral("daily"));
    Event changed = series.master;
    changed.recurrenceRules = {QStringLiteral("FREQ=WEEKLY;COUNT=4")};
    const SeriesEditResult result = succeeded(
        editOccurrence(series, utc("2026-03-02T08:00:00Z"), changed, EditScope::AllEvents, QStringLiteral("x"), kNow));
    CHECK(result.edited.master.recurrenceRules == QStringList{"FREQ=WEEKLY;COUNT=4"});
    CHECK(result.edited.master.exceptionDates == QList<CalendarTime>{CalendarTime::utc({2026, 3, 9}, {8, 0})});
    REQUIRE(result.edited.overrides.size() == 1);
    CHECK(result.edited.overrides[0].recurrenceId == CalendarTime::utc({2026, 3, 16}, {8, 0}));
    CHECK(occurrencesAfter(result, calendar, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z") ==
          QStringList{"daily 2026-03-02T08:00:00Z 2026-03-02T08:30:00Z",
                      "daily 2026-03-16T12:00:00Z 2026-03-16T12:30:00Z",
                      "daily 2026-03-23T08:00:00Z 2026-03-23T08:30:00Z"});
}

TEST_CASE("Deleting this occurrence, this and the following ones, or all of them")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("five", "DTSTART;TZID=Asia/Shanghai:20260302T090000\nDURATION:PT1H\n"
                                              "RRULE:FREQ=DAILY;COUNT=5\nSUMMARY:Five days\nSEQUENCE:2\n") +
                                event("five", "RECURRENCE-ID;TZID=Asia/Shanghai:20260304T090000\n"
                                              "DTSTART;TZID=Asia/Shanghai:20260304T150000\nDURATION:PT1H\n"
                                              "SUMMARY:Moved\nSEQUENCE:3\n")));
    const Series series = seriesOf(calendar, QStringLiteral("five"));
    const char* from = "2026-03-01T00:00:00Z";
    const char* to = "2026-04-01T00:00:00Z";
    REQUIRE(occurrences(calendar, from, to).size() == 5);

    SECTION("this event: an EXDATE, and its override goes")
    {
        const SeriesEditResult result =
            succeeded(deleteOccurrence(series, utc("2026-03-04T01:00:00Z"), EditScope::ThisEvent, kNow));
        CHECK(result.edited.master.exceptionDates ==
              QList<CalendarTime>{CalendarTime::zoned({2026, 3, 4}, {9, 0}, QStringLiteral("Asia/Shanghai"))});
        CHECK(result.edited.overrides.isEmpty());
        checkTouched(result.edited.master, 3);
        CHECK(occurrencesAfter(result, calendar, from, to) ==
              QStringList{
                  "five 2026-03-02T01:00:00Z 2026-03-02T02:00:00Z", "five 2026-03-03T01:00:00Z 2026-03-03T02:00:00Z",
                  "five 2026-03-05T01:00:00Z 2026-03-05T02:00:00Z", "five 2026-03-06T01:00:00Z 2026-03-06T02:00:00Z"});
    }
    SECTION("this and following: the rule ends before it, COUNT becomes UNTIL")
    {
        const SeriesEditResult result =
            succeeded(deleteOccurrence(series, utc("2026-03-04T01:00:00Z"), EditScope::ThisAndFollowing, kNow));
        CHECK_FALSE(result.split);
        CHECK(result.edited.master.recurrenceRules == QStringList{"FREQ=DAILY;UNTIL=20260304T005959Z"});
        CHECK(result.edited.overrides.isEmpty());
        CHECK(occurrencesAfter(result, calendar, from, to) ==
              QStringList{"five 2026-03-02T01:00:00Z 2026-03-02T02:00:00Z",
                          "five 2026-03-03T01:00:00Z 2026-03-03T02:00:00Z"});
    }
    SECTION("this and following from the first, or all events: cancelled, kept for the update")
    {
        for (const auto& [start, scope] : {std::pair{"2026-03-02T01:00:00Z", EditScope::ThisAndFollowing},
                                           std::pair{"2026-03-05T01:00:00Z", EditScope::AllEvents}}) {
            const SeriesEditResult result = succeeded(deleteOccurrence(series, utc(start), scope, kNow));
            CHECK(result.edited.master.status == EventStatus::Cancelled);
            checkTouched(result.edited.master, 3);
            REQUIRE(result.edited.overrides.size() == 1);
            CHECK(result.edited.overrides[0].status == EventStatus::Cancelled);
            checkTouched(result.edited.overrides[0], 4);
            CHECK(occurrencesAfter(result, calendar, from, to).isEmpty());
            const QByteArray text = written(calendarOf(result, calendar));
            CHECK(text.count("STATUS:CANCELLED") == 2);
        }
    }
}

TEST_CASE("A floating series ends at a floating UNTIL")
{
    const IcsCalendar calendar = readOrFail(calendarText(event("gym", "DTSTART:20260302T070000\nDTEND:20260302T080000\n"
                                                                      "RRULE:FREQ=WEEKLY;BYDAY=MO,TH\n")));
    const Series series = seriesOf(calendar, QStringLiteral("gym"));
    const SeriesEditResult result =
        succeeded(deleteOccurrence(series, utc("2026-03-12T07:00:00Z"), EditScope::ThisAndFollowing, kNow));
    CHECK(result.edited.master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260312T065959"});
    CHECK(occurrencesAfter(result, calendar, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z") ==
          QStringList{"gym 2026-03-02T07:00:00Z 2026-03-02T08:00:00Z", "gym 2026-03-05T07:00:00Z 2026-03-05T08:00:00Z",
                      "gym 2026-03-09T07:00:00Z 2026-03-09T08:00:00Z"});
    // Moving Monday and Thursday on by a day moves both weekdays.
    Event changed = series.master;
    changed.start = CalendarTime::floating({2026, 3, 10}, {7, 0});
    changed.end = CalendarTime::floating({2026, 3, 10}, {8, 0});
    const SeriesEditResult moved = succeeded(editOccurrence(
        series, utc("2026-03-09T07:00:00Z"), changed, EditScope::ThisAndFollowing, QStringLiteral("gym-2"), kNow));
    REQUIRE(moved.split);
    CHECK(moved.split->master.recurrenceRules == QStringList{"FREQ=WEEKLY;BYDAY=TU,FR"});
    CHECK(occurrencesAfter(moved, calendar, "2026-03-01T00:00:00Z", "2026-03-18T00:00:00Z") ==
          QStringList{"gym 2026-03-02T07:00:00Z 2026-03-02T08:00:00Z", "gym 2026-03-05T07:00:00Z 2026-03-05T08:00:00Z",
                      "gym-2 2026-03-10T07:00:00Z 2026-03-10T08:00:00Z",
                      "gym-2 2026-03-13T07:00:00Z 2026-03-13T08:00:00Z",
                      "gym-2 2026-03-17T07:00:00Z 2026-03-17T08:00:00Z"});
}

TEST_CASE("A single event: every scope edits or cancels the event itself")
{
    const IcsCalendar calendar = readOrFail(calendarText(
        event("once", "DTSTART;TZID=Europe/Berlin:20260410T150000\nDTEND;TZID=Europe/Berlin:20260410T160000\n"
                      "SUMMARY:Interview\nSEQUENCE:1\n")));
    const Series series = seriesOf(calendar, QStringLiteral("once"));
    Event changed = series.master;
    changed.start = CalendarTime::zoned({2026, 4, 13}, {10, 0}, QStringLiteral("Europe/Berlin"));
    changed.end = CalendarTime::zoned({2026, 4, 13}, {11, 30}, QStringLiteral("Europe/Berlin"));
    for (EditScope scope : {EditScope::ThisEvent, EditScope::ThisAndFollowing, EditScope::AllEvents}) {
        const SeriesEditResult result =
            succeeded(editOccurrence(series, QDateTime(), changed, scope, QStringLiteral("once-2"), kNow));
        CHECK_FALSE(result.split);
        CHECK(result.edited.overrides.isEmpty());
        CHECK(result.edited.master.start == changed.start);
        CHECK(result.edited.master.end == changed.end);
        checkTouched(result.edited.master, 2);
        CHECK(occurrencesAfter(result, calendar, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z") ==
              QStringList{"once 2026-04-13T08:00:00Z 2026-04-13T09:30:00Z"});

        const SeriesEditResult gone = succeeded(deleteOccurrence(series, QDateTime(), scope, kNow));
        CHECK(gone.edited.master.status == EventStatus::Cancelled);
        checkTouched(gone.edited.master, 2);
        CHECK(occurrencesAfter(gone, calendar, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z").isEmpty());
    }
    // Its own start is its occurrence too; any other time is not.
    CHECK(editOccurrence(series, utc("2026-04-10T13:00:00Z"), changed, EditScope::ThisEvent, {}, kNow).ok());
    CHECK_FALSE(editOccurrence(series, utc("2026-04-10T14:00:00Z"), changed, EditScope::ThisEvent, {}, kNow).ok());
}

TEST_CASE("What Convene does not model goes with the master into overrides and the new series")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("colourful", "DTSTART:20260504T090000Z\nDTEND:20260504T100000Z\n"
                                                   "RRULE:FREQ=DAILY;COUNT=5\nSUMMARY:Colourful\n"
                                                   "X-CONVENE-COLOR;X-SHADE=dark:teal\n"
                                                   "CATEGORIES:Work\nBEGIN:VALARM\nACTION:DISPLAY\n"
                                                   "DESCRIPTION:Soon\nTRIGGER:-PT5M\nEND:VALARM\n")));
    const Series series = seriesOf(calendar, QStringLiteral("colourful"));
    Event changed = series.master;
    changed.start = CalendarTime::utc({2026, 5, 6}, {11, 0});
    changed.end = CalendarTime::utc({2026, 5, 6}, {12, 0});
    for (EditScope scope : {EditScope::ThisEvent, EditScope::ThisAndFollowing, EditScope::AllEvents}) {
        const SeriesEditResult result = succeeded(
            editOccurrence(series, utc("2026-05-06T09:00:00Z"), changed, scope, QStringLiteral("colourful-2"), kNow));
        const QList<QList<QByteArray>> events = veventsOf(written(calendarOf(result, calendar)));
        CHECK(events.size() == (scope == EditScope::AllEvents ? 1 : 2));
        for (const QList<QByteArray>& lines : events) {
            CHECK(lines.contains("X-CONVENE-COLOR;X-SHADE=dark:teal"));
            CHECK(lines.contains("CATEGORIES:Work"));
            CHECK(lines.count("SUMMARY:Colourful") == 1);
        }
        if (scope == EditScope::ThisEvent) {
            CHECK(events[1].contains("RECURRENCE-ID:20260506T090000Z"));
            // Properties come before the alarms (RFC 5545 3.6.1).
            CHECK(events[1].indexOf("RECURRENCE-ID:20260506T090000Z") < events[1].indexOf("BEGIN:VALARM"));
            CHECK(events[1].count("BEGIN:VALARM") == 1);
            CHECK_FALSE(std::any_of(events[1].begin(), events[1].end(),
                                    [](const QByteArray& line) { return line.startsWith("RRULE"); }));
        }
        if (scope == EditScope::ThisAndFollowing)
            CHECK(events[1].contains("UID:colourful-2"));
        CHECK(occurrencesAfter(result, calendar, "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z").size() == 5);
    }
}

TEST_CASE("Input that names no occurrence or no valid event is refused with a reason")
{
    const IcsCalendar calendar =
        readOrFail(calendarText(event("weekly", "DTSTART;TZID=Europe/Berlin:20260105T090000\nDURATION:PT1H\n"
                                                "RRULE:FREQ=WEEKLY;COUNT=4\n"
                                                "EXDATE;TZID=Europe/Berlin:20260112T090000\n")));
    const Series series = seriesOf(calendar, QStringLiteral("weekly"));
    const QDateTime first = utc("2026-01-05T08:00:00Z");
    const auto refused = [](const Result<SeriesEditResult>& result, ErrorCode code) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == code);
        CHECK_FALSE(result.error().message.isEmpty());
        return result.error().message;
    };

    const QString wrongTime =
        refused(editOccurrence(series, utc("2026-01-05T09:00:00Z"), series.master, EditScope::ThisEvent, {}, kNow),
                ErrorCode::NotFound);
    CHECK(wrongTime.contains(QStringLiteral("2026-01-05T09:00:00Z")));
    refused(deleteOccurrence(series, utc("2026-01-12T08:00:00Z"), EditScope::ThisEvent, kNow), ErrorCode::NotFound);
    refused(deleteOccurrence(series, utc("2026-02-02T08:00:00Z"), EditScope::AllEvents, kNow), ErrorCode::NotFound);
    refused(deleteOccurrence(series, QDateTime(), EditScope::AllEvents, kNow), ErrorCode::InvalidArgument);
    refused(deleteOccurrence(series, first, EditScope::AllEvents, QDateTime()), ErrorCode::InvalidArgument);

    Event backwards = series.master;
    backwards.duration.reset();
    backwards.end = CalendarTime::zoned({2026, 1, 5}, {8, 0}, QStringLiteral("Europe/Berlin"));
    refused(editOccurrence(series, first, backwards, EditScope::AllEvents, {}, kNow), ErrorCode::InvalidArgument);
    Event noStart = series.master;
    noStart.start = {};
    refused(editOccurrence(series, first, noStart, EditScope::ThisEvent, {}, kNow), ErrorCode::InvalidArgument);
    Event badZone = series.master;
    badZone.start.timeZoneId = QStringLiteral("Nowhere/Special");
    refused(editOccurrence(series, first, badZone, EditScope::ThisEvent, {}, kNow), ErrorCode::InvalidArgument);
    Event badRule = series.master;
    badRule.recurrenceRules = {QStringLiteral("FREQ=SOMETIMES")};
    refused(editOccurrence(series, first, badRule, EditScope::AllEvents, {}, kNow), ErrorCode::InvalidArgument);
    Event allDay = series.master;
    allDay.start = CalendarTime::allDay({2026, 1, 19});
    allDay.duration = IcsDuration{1, 0};
    refused(editOccurrence(series, utc("2026-01-19T08:00:00Z"), allDay, EditScope::ThisEvent, {}, kNow),
            ErrorCode::Unsupported);
    for (const QString& uid : {QString(), QStringLiteral("weekly")}) {
        refused(
            editOccurrence(series, utc("2026-01-19T08:00:00Z"), series.master, EditScope::ThisAndFollowing, uid, kNow),
            ErrorCode::InvalidArgument);
    }
    Series orphan = series;
    orphan.master.recurrenceId = series.master.start;
    refused(deleteOccurrence(orphan, first, EditScope::ThisEvent, kNow), ErrorCode::InvalidArgument);
    // Moving a "last weekday of the month" series to another day cannot keep its rule.
    const IcsCalendar monthly =
        readOrFail(calendarText(event("last", "DTSTART:20260130T090000Z\nDURATION:PT1H\n"
                                              "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1\n")));
    const Series lastWorkday = seriesOf(monthly, QStringLiteral("last"));
    Event earlier = lastWorkday.master;
    earlier.start = CalendarTime::utc({2026, 2, 26}, {9, 0});
    refused(editOccurrence(lastWorkday, utc("2026-02-27T09:00:00Z"), earlier, EditScope::AllEvents, {}, kNow),
            ErrorCode::Unsupported);
}
