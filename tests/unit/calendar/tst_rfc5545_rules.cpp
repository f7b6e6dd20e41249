// Every recurrence example of RFC 5545 section 3.8.5.3, with the occurrences the RFC lists. The
// examples are in America/New_York (from tzdata, no VTIMEZONE); the expected wall-clock times
// are compared after converting Convene's UTC results with Qt's own time zone data.
#include "calendar_test_support.h"

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

const QTimeZone newYork("America/New_York");

QString stamp(QDate date, const char* time)
{
    return date.toString(QStringLiteral("yyyyMMdd")) + u'T' + QString::fromLatin1(time);
}

// The given days of one month at a time of day.
QStringList on(int year, int month, std::initializer_list<int> days, const char* time = "090000")
{
    QStringList out;
    for (int day : days)
        out.append(stamp(QDate(year, month, day), time));
    return out;
}

// Every `step` days from first to last, inclusive.
QStringList everyDays(QDate first, QDate last, int step = 1, const char* time = "090000")
{
    QStringList out;
    for (QDate d = first; d <= last; d = d.addDays(step))
        out.append(stamp(d, time));
    return out;
}

// Times of one day, every `minutes` from `from` to `to` (hh:mm), inclusive.
QStringList times(QDate date, QTime from, QTime to, int minutes)
{
    QStringList out;
    for (QTime t = from; t <= to && t.isValid(); t = t.addSecs(minutes * 60)) {
        out.append(date.toString(QStringLiteral("yyyyMMdd")) + u'T' + t.toString(QStringLiteral("HHmmss")));
        if (t.addSecs(minutes * 60) < t)
            break;
    }
    return out;
}

struct Example {
    const char* name;
    const char* dtstart; // New York wall-clock time
    const char* rule;
    QStringList expected; // every occurrence from DTSTART's day to the day after the last one listed
    const char* exdate = nullptr;
};

QStringList expand(const Example& example)
{
    QByteArray event = "BEGIN:VEVENT\nUID:example\nDTSTAMP:20240101T000000Z\nDTSTART;TZID=America/New_York:" +
                       QByteArray(example.dtstart) + "\nDURATION:PT1M\nRRULE:" + example.rule + "\n";
    if (example.exdate)
        event += "EXDATE;TZID=America/New_York:" + QByteArray(example.exdate) + "\n";
    event += "END:VEVENT\n";
    const IcsCalendar calendar = readOrFail(calendarText(event));
    const QDate first = QDate::fromString(QString::fromLatin1(example.dtstart).left(8), QStringLiteral("yyyyMMdd"));
    const QDate last = QDate::fromString(example.expected.last().left(8), QStringLiteral("yyyyMMdd"));
    const QDateTime from(first, QTime(0, 0), newYork);
    const QDateTime to(last.addDays(1), QTime(0, 0), newYork);
    const Expansion expansion = convene::calendar::test::expand(calendar, from.toUTC(), to.toUTC());
    REQUIRE(expansion.problems.isEmpty());
    return localStarts(expansion, newYork);
}

} // namespace

TEST_CASE("RFC 5545 daily and weekly examples")
{
    const std::vector<Example> examples{
        {"Daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10", everyDays({1997, 9, 2}, {1997, 9, 11})},
        {"Daily until December 24, 1997", "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z",
         everyDays({1997, 9, 2}, {1997, 12, 23})},
        {"Every other day - forever", "19970902T090000", "FREQ=DAILY;INTERVAL=2",
         everyDays({1997, 9, 2}, {1997, 12, 3}, 2)},
        {"Every 10 days, 5 occurrences", "19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5",
         on(1997, 9, {2, 12, 22}) + on(1997, 10, {2, 12})},
        {"Every day in January, for 3 years (yearly)", "19980101T090000",
         "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
         everyDays({1998, 1, 1}, {1998, 1, 31}) + everyDays({1999, 1, 1}, {1999, 1, 31}) +
             everyDays({2000, 1, 1}, {2000, 1, 31})},
        {"Every day in January, for 3 years (daily)", "19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
         everyDays({1998, 1, 1}, {1998, 1, 31}) + everyDays({1999, 1, 1}, {1999, 1, 31}) +
             everyDays({2000, 1, 1}, {2000, 1, 31})},
        {"Weekly for 10 occurrences", "19970902T090000", "FREQ=WEEKLY;COUNT=10",
         on(1997, 9, {2, 9, 16, 23, 30}) + on(1997, 10, {7, 14, 21, 28}) + on(1997, 11, {4})},
        {"Weekly until December 24, 1997", "19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z",
         on(1997, 9, {2, 9, 16, 23, 30}) + on(1997, 10, {7, 14, 21, 28}) + on(1997, 11, {4, 11, 18, 25}) +
             on(1997, 12, {2, 9, 16, 23})},
        {"Every other week - forever", "19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
         on(1997, 9, {2, 16, 30}) + on(1997, 10, {14, 28}) + on(1997, 11, {11, 25}) + on(1997, 12, {9, 23}) +
             on(1998, 1, {6, 20}) + on(1998, 2, {3, 17})},
        {"Weekly on Tuesday and Thursday for five weeks (UNTIL)", "19970902T090000",
         "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
         on(1997, 9, {2, 4, 9, 11, 16, 18, 23, 25, 30}) + on(1997, 10, {2})},
        {"Weekly on Tuesday and Thursday for five weeks (COUNT)", "19970902T090000",
         "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
         on(1997, 9, {2, 4, 9, 11, 16, 18, 23, 25, 30}) + on(1997, 10, {2})},
        {"Every other week on Monday, Wednesday, and Friday until December 24, 1997", "19970901T090000",
         "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
         on(1997, 9, {1, 3, 5, 15, 17, 19, 29}) + on(1997, 10, {1, 3, 13, 15, 17, 27, 29, 31}) +
             on(1997, 11, {10, 12, 14, 24, 26, 28}) + on(1997, 12, {8, 10, 12, 22})},
        {"Every other week on Tuesday and Thursday, for 8 occurrences", "19970902T090000",
         "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
         on(1997, 9, {2, 4, 16, 18, 30}) + on(1997, 10, {2, 14, 16})},
        {"WKST=MO", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
         on(1997, 8, {5, 10, 19, 24})},
        {"WKST=SU", "19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
         on(1997, 8, {5, 17, 19, 31})},
    };
    for (const Example& example : examples) {
        INFO(example.name << ": " << example.rule);
        CHECK(expand(example) == example.expected);
    }
}

TEST_CASE("RFC 5545 monthly examples")
{
    const std::vector<Example> examples{
        {"Monthly on the first Friday for 10 occurrences", "19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
         on(1997, 9, {5}) + on(1997, 10, {3}) + on(1997, 11, {7}) + on(1997, 12, {5}) + on(1998, 1, {2}) +
             on(1998, 2, {6}) + on(1998, 3, {6}) + on(1998, 4, {3}) + on(1998, 5, {1}) + on(1998, 6, {5})},
        {"Monthly on the first Friday until December 24, 1997", "19970905T090000",
         "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR",
         on(1997, 9, {5}) + on(1997, 10, {3}) + on(1997, 11, {7}) + on(1997, 12, {5})},
        {"Every other month on the first and last Sunday, 10 occurrences", "19970907T090000",
         "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
         on(1997, 9, {7, 28}) + on(1997, 11, {2, 30}) + on(1998, 1, {4, 25}) + on(1998, 3, {1, 29}) +
             on(1998, 5, {3, 31})},
        {"Monthly on the second-to-last Monday for 6 months", "19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
         on(1997, 9, {22}) + on(1997, 10, {20}) + on(1997, 11, {17}) + on(1997, 12, {22}) + on(1998, 1, {19}) +
             on(1998, 2, {16})},
        {"Monthly on the third-to-the-last day, forever", "19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3",
         on(1997, 9, {28}) + on(1997, 10, {29}) + on(1997, 11, {28}) + on(1997, 12, {29}) + on(1998, 1, {29}) +
             on(1998, 2, {26})},
        {"Monthly on the 2nd and 15th, 10 occurrences", "19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
         on(1997, 9, {2, 15}) + on(1997, 10, {2, 15}) + on(1997, 11, {2, 15}) + on(1997, 12, {2, 15}) +
             on(1998, 1, {2, 15})},
        {"Monthly on the first and last day, 10 occurrences", "19970930T090000",
         "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
         on(1997, 9, {30}) + on(1997, 10, {1, 31}) + on(1997, 11, {1, 30}) + on(1997, 12, {1, 31}) +
             on(1998, 1, {1, 31}) + on(1998, 2, {1})},
        {"Every 18 months on the 10th thru 15th, 10 occurrences", "19970910T090000",
         "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
         on(1997, 9, {10, 11, 12, 13, 14, 15}) + on(1999, 3, {10, 11, 12, 13})},
        {"Every Tuesday, every other month", "19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
         on(1997, 9, {2, 9, 16, 23, 30}) + on(1997, 11, {4, 11, 18, 25}) + on(1998, 1, {6, 13, 20, 27}) +
             on(1998, 3, {3, 10, 17, 24, 31})},
        {"Every Friday the 13th, forever", "19970902T090000", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
         on(1998, 2, {13}) + on(1998, 3, {13}) + on(1998, 11, {13}) + on(1999, 8, {13}) + on(2000, 10, {13}),
         "19970902T090000"},
        {"The first Saturday that follows the first Sunday of the month", "19970913T090000",
         "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
         on(1997, 9, {13}) + on(1997, 10, {11}) + on(1997, 11, {8}) + on(1997, 12, {13}) + on(1998, 1, {10}) +
             on(1998, 2, {7}) + on(1998, 3, {7}) + on(1998, 4, {11}) + on(1998, 5, {9}) + on(1998, 6, {13})},
        {"The third instance of Tuesday, Wednesday or Thursday, for 3 months", "19970904T090000",
         "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", on(1997, 9, {4}) + on(1997, 10, {7}) + on(1997, 11, {6})},
        {"The second-to-last weekday of the month", "19970929T090000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
         on(1997, 9, {29}) + on(1997, 10, {30}) + on(1997, 11, {27}) + on(1997, 12, {30}) + on(1998, 1, {29}) +
             on(1998, 2, {26}) + on(1998, 3, {30})},
        {"An invalid date (February 30) is ignored", "20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
         on(2007, 1, {15, 30}) + on(2007, 2, {15}) + on(2007, 3, {15, 30})},
    };
    for (const Example& example : examples) {
        INFO(example.name << ": " << example.rule);
        CHECK(expand(example) == example.expected);
    }
}

TEST_CASE("RFC 5545 yearly examples")
{
    QStringList thursdaysInSummer;
    for (int year : {1997, 1998, 1999}) {
        for (QDate d(year, 6, 1); d.month() <= 8; d = d.addDays(1)) {
            if (d.dayOfWeek() == Qt::Thursday && d >= QDate(1997, 6, 5))
                thursdaysInSummer.append(stamp(d, "090000"));
        }
    }
    const std::vector<Example> examples{
        {"Yearly in June and July for 10 occurrences", "19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
         on(1997, 6, {10}) + on(1997, 7, {10}) + on(1998, 6, {10}) + on(1998, 7, {10}) + on(1999, 6, {10}) +
             on(1999, 7, {10}) + on(2000, 6, {10}) + on(2000, 7, {10}) + on(2001, 6, {10}) + on(2001, 7, {10})},
        {"Every other year on January, February, and March, 10 occurrences", "19970310T090000",
         "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
         on(1997, 3, {10}) + on(1999, 1, {10}) + on(1999, 2, {10}) + on(1999, 3, {10}) + on(2001, 1, {10}) +
             on(2001, 2, {10}) + on(2001, 3, {10}) + on(2003, 1, {10}) + on(2003, 2, {10}) + on(2003, 3, {10})},
        {"Every third year on the 1st, 100th, and 200th day, 10 occurrences", "19970101T090000",
         "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
         on(1997, 1, {1}) + on(1997, 4, {10}) + on(1997, 7, {19}) + on(2000, 1, {1}) + on(2000, 4, {9}) +
             on(2000, 7, {18}) + on(2003, 1, {1}) + on(2003, 4, {10}) + on(2003, 7, {19}) + on(2006, 1, {1})},
        {"Every 20th Monday of the year, forever", "19970519T090000", "FREQ=YEARLY;BYDAY=20MO",
         on(1997, 5, {19}) + on(1998, 5, {18}) + on(1999, 5, {17})},
        {"Monday of week number 20, forever", "19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
         on(1997, 5, {12}) + on(1998, 5, {11}) + on(1999, 5, {17})},
        {"Every Thursday in March, forever", "19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
         on(1997, 3, {13, 20, 27}) + on(1998, 3, {5, 12, 19, 26}) + on(1999, 3, {4, 11, 18, 25})},
        {"Every Thursday, but only during June, July, and August, forever", "19970605T090000",
         "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", thursdaysInSummer},
        {"Every 4 years, the first Tuesday after a Monday in November (election day)", "19961105T090000",
         "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
         on(1996, 11, {5}) + on(2000, 11, {7}) + on(2004, 11, {2})},
    };
    for (const Example& example : examples) {
        INFO(example.name << ": " << example.rule);
        CHECK(expand(example) == example.expected);
    }
}

TEST_CASE("RFC 5545 hourly and minutely examples")
{
    const QDate day(1997, 9, 2);
    const std::vector<Example> examples{
        // The RFC lists 15:00 as well, but 15:00 EDT is 19:00 UTC, after UNTIL=17:00Z.
        {"Every 3 hours from 9:00 AM until 17:00 UTC", "19970902T090000",
         "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", times(day, QTime(9, 0), QTime(12, 0), 180)},
        {"Every 3 hours from 9:00 AM to 5:00 PM (UNTIL in UTC)", "19970902T090000",
         "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", times(day, QTime(9, 0), QTime(15, 0), 180)},
        {"Every 15 minutes for 6 occurrences", "19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
         times(day, QTime(9, 0), QTime(10, 15), 15)},
        {"Every hour and a half for 4 occurrences", "19970902T090000", "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
         times(day, QTime(9, 0), QTime(13, 30), 90)},
        {"Every 20 minutes from 9:00 AM to 4:40 PM every day (daily)", "19970902T090000",
         "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
         times(day, QTime(9, 0), QTime(16, 40), 20) + times(day.addDays(1), QTime(9, 0), QTime(16, 40), 20)},
        {"Every 20 minutes from 9:00 AM to 4:40 PM every day (minutely)", "19970902T090000",
         "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
         times(day, QTime(9, 0), QTime(16, 40), 20) + times(day.addDays(1), QTime(9, 0), QTime(16, 40), 20)},
    };
    for (const Example& example : examples) {
        INFO(example.name << ": " << example.rule);
        CHECK(expand(example) == example.expected);
    }
}
