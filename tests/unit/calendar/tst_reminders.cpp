// Reminders: which alarms fall due between two checks (before and after the start, RELATED=END,
// all-day events in the floating zone, recurring series, overrides), missed ones after a restart,
// declined events, the next time to wake up, and the clock that reports them and keeps "last
// checked".
#include "calendar_test_support.h"

#include <convene/calendar/reminder_clock.h>
#include <convene/calendar/reminder_plan.h>

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QByteArray alarm(const char* trigger, const char* action = "DISPLAY")
{
    return "BEGIN:VALARM\nACTION:" + QByteArray(action) + "\nDESCRIPTION:Reminder\nTRIGGER" + trigger +
           "\nEND:VALARM\n";
}

QByteArray event(const char* uid, const QByteArray& lines)
{
    return "BEGIN:VEVENT\nUID:" + QByteArray(uid) + "\nDTSTAMP:20260101T000000Z\n" + lines + "END:VEVENT\n";
}

CalendarExpander expanderOf(const QByteArray& events, const CalendarExpander::Options& options = {})
{
    const IcsCalendar calendar = readOrFail(calendarText(events));
    CalendarExpander expander(calendar.events, calendar.timeZones, options);
    REQUIRE(expander.preparationProblems().isEmpty());
    return expander;
}

ReminderQuery query(const char* since, const char* now)
{
    ReminderQuery q;
    if (since)
        q.since = utc(since);
    q.now = utc(now);
    return q;
}

// "uid fireAt", with " missed" for missed ones.
QStringList described(const CalendarExpander& expander, const QList<DueReminder>& due)
{
    QStringList lines;
    for (const DueReminder& reminder : due) {
        lines.append(expander.events()[reminder.eventIndex].uid + u' ' + reminder.fireAt.toString(Qt::ISODate) +
                     (reminder.missed ? QStringLiteral(" missed") : QString()));
    }
    return lines;
}

QStringList dueBetween(const CalendarExpander& expander, const char* since, const char* now)
{
    return described(expander, dueReminders(expander, query(since, now)));
}

const QByteArray kStandup = event("standup", "DTSTART:20260310T100000Z\nDTEND:20260310T103000Z\n" + alarm(":-PT15M"));

} // namespace

TEST_CASE("A reminder 15 minutes before is due once, at its time")
{
    const CalendarExpander expander = expanderOf(kStandup);
    CHECK(dueBetween(expander, "2026-03-10T09:40:00Z", "2026-03-10T09:44:59Z").isEmpty());

    const QList<DueReminder> due = dueReminders(expander, query("2026-03-10T09:44:59Z", "2026-03-10T09:45:00Z"));
    REQUIRE(due.size() == 1);
    CHECK(due[0].eventIndex == 0);
    CHECK(due[0].fireAt == utc("2026-03-10T09:45:00Z"));
    CHECK(due[0].occurrenceStart == utc("2026-03-10T10:00:00Z"));
    CHECK_FALSE(due[0].recurrenceId.isValid());
    CHECK(due[0].offsetSeconds == -15 * 60);
    CHECK_FALSE(due[0].relativeToEnd);
    CHECK_FALSE(due[0].missed);

    // The next check starts where this one ended.
    CHECK(dueBetween(expander, "2026-03-10T09:45:00Z", "2026-03-10T09:46:00Z").isEmpty());
    CHECK(dueBetween(expander, "2026-03-10T09:46:00Z", "2026-03-10T12:00:00Z").isEmpty());
}

TEST_CASE("Without a last check only reminders from now on count")
{
    const CalendarExpander expander = expanderOf(kStandup);
    CHECK(dueBetween(expander, nullptr, "2026-03-10T09:50:00Z").isEmpty());
    CHECK(dueBetween(expander, nullptr, "2026-03-10T09:45:00Z").isEmpty());
    // A last check in the future (the clock was set back) reports nothing either.
    CHECK(dueBetween(expander, "2026-03-10T11:00:00Z", "2026-03-10T09:50:00Z").isEmpty());
}

TEST_CASE("After a restart, reminders of the last day come out marked missed, older ones not at all")
{
    const CalendarExpander expander = expanderOf(
        event("two-days-ago", "DTSTART:20260308T120000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) +
        event("yesterday-early", "DTSTART:20260309T110000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) +
        event("yesterday-late", "DTSTART:20260309T130000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) +
        event("this-morning", "DTSTART:20260310T090000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) +
        event("just-now", "DTSTART:20260310T121500Z\nDURATION:PT1H\n" + alarm(":-PT15M") + alarm(":-PT15M", "AUDIO")) +
        event("coming", "DTSTART:20260310T123000Z\nDURATION:PT1H\n" + alarm(":-PT15M")));

    // Closed for three days: the last 24 hours count, and the one that fell due 30 s ago is on time.
    CHECK(dueBetween(expander, "2026-03-07T12:00:00Z", "2026-03-10T12:00:30Z") ==
          QStringList{
              "yesterday-late 2026-03-09T12:45:00Z missed",
              "this-morning 2026-03-10T08:45:00Z missed",
              "just-now 2026-03-10T12:00:00Z",
          });
    // Closed since yesterday 11:00: the one before is not reported again.
    CHECK(dueBetween(expander, "2026-03-09T11:00:00Z", "2026-03-10T12:01:01Z") ==
          QStringList{
              "yesterday-late 2026-03-09T12:45:00Z missed",
              "this-morning 2026-03-10T08:45:00Z missed",
              "just-now 2026-03-10T12:00:00Z missed",
          });

    ReminderQuery generous = query("2026-03-07T12:00:00Z", "2026-03-10T12:00:30Z");
    generous.maxMissedAgeSeconds = 3 * 24 * 3600;
    generous.missedGraceSeconds = 10;
    CHECK(described(expander, dueReminders(expander, generous)) == QStringList{
                                                                       "two-days-ago 2026-03-08T11:45:00Z missed",
                                                                       "yesterday-early 2026-03-09T10:45:00Z missed",
                                                                       "yesterday-late 2026-03-09T12:45:00Z missed",
                                                                       "this-morning 2026-03-10T08:45:00Z missed",
                                                                       "just-now 2026-03-10T12:00:00Z missed",
                                                                   });
}

TEST_CASE("A daily series has one reminder per occurrence, with its recurrence id")
{
    const CalendarExpander expander =
        expanderOf(event("daily", "DTSTART:20260310T090000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=5\n" +
                                      alarm(":-PT10M") + alarm(";RELATED=START:-PT10M")));

    ReminderQuery lastWeek = query("2026-03-10T00:00:00Z", "2026-03-12T08:50:00Z");
    lastWeek.maxMissedAgeSeconds = 7 * 24 * 3600;
    const QList<DueReminder> due = dueReminders(expander, lastWeek);
    CHECK(described(expander, due) == QStringList{
                                          "daily 2026-03-10T08:50:00Z missed",
                                          "daily 2026-03-11T08:50:00Z missed",
                                          "daily 2026-03-12T08:50:00Z",
                                      });
    REQUIRE(due.size() == 3);
    CHECK(due[1].recurrenceId == utc("2026-03-11T09:00:00Z"));
    CHECK(due[1].occurrenceStart == utc("2026-03-11T09:00:00Z"));

    // Checked every minute, each occurrence's reminder comes out exactly once.
    int count = 0;
    const QDateTime end = utc("2026-03-16T00:00:00Z");
    for (QDateTime t = utc("2026-03-10T00:00:00Z"); t < end; t = t.addSecs(60)) {
        ReminderQuery q;
        q.since = t;
        q.now = t.addSecs(60);
        count += int(dueReminders(expander, q).size());
    }
    CHECK(count == 5);
}

TEST_CASE("Overrides remind at their own time with their own alarms")
{
    const CalendarExpander expander = expanderOf(
        event("daily", "DTSTART:20260310T090000Z\nDURATION:PT30M\nRRULE:FREQ=DAILY;COUNT=3\n" + alarm(":-PT10M")) +
        event("daily", "RECURRENCE-ID:20260311T090000Z\nDTSTART:20260311T140000Z\nDURATION:PT30M\n" + alarm(":-PT1H")));

    const QList<DueReminder> due = dueReminders(expander, query("2026-03-11T00:00:00Z", "2026-03-11T23:00:00Z"));
    REQUIRE(due.size() == 1);
    CHECK(due[0].eventIndex == 1);
    CHECK(due[0].fireAt == utc("2026-03-11T13:00:00Z"));
    CHECK(due[0].recurrenceId == utc("2026-03-11T09:00:00Z"));
}

TEST_CASE("Alarms after the start and relative to the end fire after the occurrence begins")
{
    const CalendarExpander expander = expanderOf(
        event("review", "DTSTART:20260310T100000Z\nDTEND:20260310T110000Z\n" + alarm(":PT10M") +
                            alarm(";RELATED=END:-PT5M") + alarm(";RELATED=END:PT5M") + alarm(";RELATED=END:PT0S")));

    const QList<DueReminder> due = dueReminders(expander, query("2026-03-10T10:00:00Z", "2026-03-10T11:05:00Z"));
    CHECK(described(expander, due) == QStringList{
                                          "review 2026-03-10T10:10:00Z missed",
                                          "review 2026-03-10T10:55:00Z missed",
                                          "review 2026-03-10T11:00:00Z missed",
                                          "review 2026-03-10T11:05:00Z",
                                      });
    REQUIRE(due.size() == 4);
    CHECK_FALSE(due[0].relativeToEnd);
    CHECK(due[3].relativeToEnd);
    CHECK(due[3].offsetSeconds == 300);
    CHECK(due[3].occurrenceStart == utc("2026-03-10T10:00:00Z"));

    // Checked long after the occurrence ended, within the day.
    CHECK(dueBetween(expander, "2026-03-10T11:04:00Z", "2026-03-10T20:00:00Z") ==
          QStringList{"review 2026-03-10T11:05:00Z missed"});
}

TEST_CASE("All-day reminders count from midnight in the floating zone")
{
    const QByteArray holiday =
        event("holiday", "DTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260311\n" + alarm(":-PT15H"));
    const CalendarExpander inUtc = expanderOf(holiday);
    CHECK(dueBetween(inUtc, "2026-03-09T08:59:00Z", "2026-03-09T09:00:00Z") ==
          QStringList{"holiday 2026-03-09T09:00:00Z"});

    CalendarExpander::Options berlin;
    berlin.floatingTimeZone = QStringLiteral("Europe/Berlin");
    const CalendarExpander inBerlin = expanderOf(holiday, berlin);
    // 9:00 the day before in Berlin (UTC+1).
    const QList<DueReminder> due = dueReminders(inBerlin, query("2026-03-09T07:59:00Z", "2026-03-09T08:00:00Z"));
    REQUIRE(due.size() == 1);
    CHECK(due[0].fireAt == utc("2026-03-09T08:00:00Z"));
    CHECK(due[0].occurrenceStart == utc("2026-03-09T23:00:00Z"));
    CHECK(dueBetween(inBerlin, "2026-03-09T08:00:00Z", "2026-03-09T09:00:00Z").isEmpty());
}

TEST_CASE("Declined events, e-mail alarms and duplicate triggers do not remind twice")
{
    const CalendarExpander expander = expanderOf(
        kStandup +
        event("declined", "DTSTART:20260310T100000Z\nDURATION:PT1H\n"
                          "ATTENDEE;PARTSTAT=DECLINED:mailto:me@convene.example\n" +
                              alarm(":-PT15M")) +
        event("mailed", "DTSTART:20260310T100000Z\nDURATION:PT1H\n" + alarm(":-PT15M", "EMAIL")) +
        event("cancelled", "DTSTART:20260310T100000Z\nDURATION:PT1H\nSTATUS:CANCELLED\n" + alarm(":-PT15M")) +
        event("doubled", "DTSTART:20260310T100000Z\nDURATION:PT1H\n" + alarm(":-PT15M") + alarm(":-PT15M", "AUDIO") +
                             alarm(":-PT900S")));

    auto declined = [&expander](int index) {
        const QList<Attendee>& attendees = expander.events()[index].attendees;
        return std::any_of(attendees.begin(), attendees.end(), [](const Attendee& a) {
            return a.address == QStringLiteral("mailto:me@convene.example") &&
                   a.status == ParticipationStatus::Declined;
        });
    };
    ReminderQuery q = query("2026-03-10T09:44:00Z", "2026-03-10T09:45:00Z");
    CHECK(described(expander, dueReminders(expander, q)) ==
          QStringList{"declined 2026-03-10T09:45:00Z", "doubled 2026-03-10T09:45:00Z", "standup 2026-03-10T09:45:00Z"});
    q.skip = declined;
    CHECK(described(expander, dueReminders(expander, q)) ==
          QStringList{"doubled 2026-03-10T09:45:00Z", "standup 2026-03-10T09:45:00Z"});
}

TEST_CASE("The next reminder time is the first strictly after, within the horizon")
{
    const CalendarExpander expander = expanderOf(
        kStandup + event("review", "DTSTART:20260310T100000Z\nDTEND:20260310T110000Z\n" + alarm(";RELATED=END:PT5M")) +
        event("weekly", "DTSTART:20260302T080000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY\n" + alarm(":-P1D")) +
        event("far", "DTSTART:20270101T080000Z\nDURATION:PT1H\n" + alarm(":-PT5M")) +
        event("silent", "DTSTART:20260310T093000Z\nDURATION:PT1H\n"));

    CHECK(nextReminderTime(expander, utc("2026-03-10T09:00:00Z"), {}) == utc("2026-03-10T09:45:00Z"));
    CHECK(nextReminderTime(expander, utc("2026-03-10T09:45:00Z"), {}) == utc("2026-03-10T11:05:00Z"));
    // The weekly series reminds the day before, 8:00 on Sundays.
    CHECK(nextReminderTime(expander, utc("2026-03-10T11:05:00Z"), {}) == utc("2026-03-15T08:00:00Z"));
    auto skipWeekly = [&expander](int index) { return expander.events()[index].uid == QStringLiteral("weekly"); };
    CHECK_FALSE(nextReminderTime(expander, utc("2026-03-10T11:05:00Z"), skipWeekly).isValid());
    CHECK(nextReminderTime(expander, utc("2026-12-25T08:00:00Z"), skipWeekly) == utc("2027-01-01T07:55:00Z"));
    CHECK_FALSE(nextReminderTime(expander, QDateTime(), {}).isValid());
}

TEST_CASE("Reminders far from their occurrence are not considered")
{
    const CalendarExpander expander =
        expanderOf(event("conference", "DTSTART:20260610T090000Z\nDURATION:PT8H\n" + alarm(":-P60D") + alarm(":-P7D")));
    CHECK(dueBetween(expander, "2026-04-11T08:00:00Z", "2026-04-11T10:00:00Z").isEmpty());
    CHECK(dueBetween(expander, "2026-06-03T08:00:00Z", "2026-06-03T10:00:00Z") ==
          QStringList{"conference 2026-06-03T09:00:00Z missed"});
}

namespace {

// A ReminderClock with an in-memory "last checked" and a clock the test sets.
struct ClockFixture {
    explicit ClockFixture(const QByteArray& events)
        : expander(expanderOf(events)),
          clock([this] { return &expander; }, {},
                {[this] { return lastChecked; },
                 [this](const QDateTime& t) {
                     lastChecked = t;
                     ++saves;
                 }})
    {
        clock.setClock([this] { return now; });
        QObject::connect(&clock, &ReminderClock::remindersDue, [this](const QList<DueReminder>& due) {
            reports.append(due);
            lastCheckedWhenReported.append(lastChecked);
        });
    }

    CalendarExpander expander;
    QDateTime now;
    QDateTime lastChecked;
    int saves = 0;
    QList<QList<DueReminder>> reports;
    QList<QDateTime> lastCheckedWhenReported;
    ReminderClock clock;
};

} // namespace

TEST_CASE("The reminder clock reports due reminders once and saves when it last checked")
{
    ClockFixture f(kStandup);
    f.now = utc("2026-03-10T09:40:00Z");
    f.clock.recheck(); // not started: nothing happens
    CHECK(f.saves == 0);

    f.clock.start();
    CHECK(f.reports.isEmpty());
    CHECK(f.lastChecked == f.now);
    CHECK(f.clock.nextCheck() == utc("2026-03-10T09:45:00Z"));

    f.now = utc("2026-03-10T09:45:00Z");
    f.clock.recheck();
    REQUIRE(f.reports.size() == 1);
    REQUIRE(f.reports[0].size() == 1);
    CHECK(f.reports[0][0].fireAt == utc("2026-03-10T09:45:00Z"));
    CHECK_FALSE(f.reports[0][0].missed);
    // Saved only after the receivers had it.
    CHECK(f.lastCheckedWhenReported[0] == utc("2026-03-10T09:40:00Z"));
    CHECK(f.lastChecked == utc("2026-03-10T09:45:00Z"));
    CHECK_FALSE(f.clock.nextCheck().isValid());

    f.now = utc("2026-03-10T09:46:00Z");
    f.clock.recheck();
    CHECK(f.reports.size() == 1);
    CHECK(f.lastChecked == f.now);
}

TEST_CASE("On start the reminder clock reports what fell due while the app was closed, as missed")
{
    ClockFixture f(event("early", "DTSTART:20260310T090000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) +
                   event("last-week", "DTSTART:20260303T090000Z\nDURATION:PT1H\n" + alarm(":-PT15M")) + kStandup);
    f.lastChecked = utc("2026-03-01T18:00:00Z");
    f.now = utc("2026-03-10T09:45:10Z");
    f.clock.start();
    REQUIRE(f.reports.size() == 1);
    CHECK(described(f.expander, f.reports[0]) ==
          QStringList{"early 2026-03-10T08:45:00Z missed", "standup 2026-03-10T09:45:00Z"});
    CHECK(f.lastChecked == f.now);
}

TEST_CASE("The reminder clock keeps the last check while no events are loaded")
{
    QDateTime lastChecked = utc("2026-03-10T08:00:00Z");
    int reports = 0;
    ReminderClock clock(
        [] { return nullptr; }, {},
        {[&lastChecked] { return lastChecked; }, [&lastChecked](const QDateTime& t) { lastChecked = t; }});
    clock.setClock([] { return utc("2026-03-10T09:00:00Z"); });
    QObject::connect(&clock, &ReminderClock::remindersDue, [&reports] { ++reports; });
    clock.start();
    CHECK(reports == 0);
    CHECK(lastChecked == utc("2026-03-10T08:00:00Z"));
    CHECK_FALSE(clock.nextCheck().isValid());
}

TEST_CASE("The reminder clock's timer fires when the next reminder falls due")
{
    ClockFixture f(kStandup);
    QElapsedTimer elapsed;
    elapsed.start();
    const QDateTime started = utc("2026-03-10T09:45:00Z").addMSecs(-300);
    f.clock.setClock([&] { return started.addMSecs(elapsed.elapsed()); });

    QEventLoop loop;
    QObject::connect(&f.clock, &ReminderClock::remindersDue, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    f.clock.start();
    CHECK(f.clock.nextCheck() == utc("2026-03-10T09:45:00Z"));
    loop.exec();

    REQUIRE(f.reports.size() == 1);
    REQUIRE(f.reports[0].size() == 1);
    CHECK_FALSE(f.reports[0][0].missed);
    CHECK(elapsed.elapsed() >= 300);
    CHECK(elapsed.elapsed() < 4000);
    CHECK(f.lastChecked >= utc("2026-03-10T09:45:00Z"));
}
