// Day layout: timed segments side by side in groups of overlapping ones (columns reused within a
// group, minimum visible length, longer first at equal starts) and all-day bars in lanes.
#include "catch_qt_strings.h"

#include <convene/calendar/day_layout.h>

using namespace convene::calendar;

namespace {

DaySegment at(int startHour, int startMinute, int endHour, int endMinute)
{
    return DaySegment{startHour * 60 + startMinute, endHour * 60 + endMinute};
}

// "start-end column/columns" per segment, in the order layoutDay leaves them.
QStringList described(const QList<DaySegment>& segments)
{
    QStringList lines;
    for (const DaySegment& s : segments)
        lines << QStringLiteral("%1-%2 %3/%4").arg(s.startMinute).arg(s.endMinute).arg(s.column).arg(s.columns);
    return lines;
}

QStringList described(const QList<DaySpan>& spans)
{
    QStringList lines;
    for (const DaySpan& s : spans)
        lines << QStringLiteral("%1+%2 lane %3").arg(s.firstDay).arg(s.dayCount).arg(s.lane);
    return lines;
}

} // namespace

TEST_CASE("Segments that do not overlap each take the whole width")
{
    QList<DaySegment> segments{at(13, 0, 14, 0), at(9, 0, 10, 0), at(10, 0, 11, 30)};
    layoutDay(segments);
    // Sorted by start; one ending when the next starts does not overlap it.
    CHECK(described(segments) == QStringList{"540-600 0/1", "600-690 0/1", "780-840 0/1"});
}

TEST_CASE("A chain of overlaps forms one group; a later segment reuses a column freed before it")
{
    // A overlaps B, B overlaps C, A ends before C starts.
    QList<DaySegment> segments{at(9, 0, 10, 0), at(9, 30, 11, 0), at(10, 30, 11, 30)};
    layoutDay(segments);
    CHECK(described(segments) == QStringList{"540-600 0/2", "570-660 1/2", "630-690 0/2"});
}

TEST_CASE("Groups are laid out independently")
{
    QList<DaySegment> segments{at(9, 0, 10, 0), at(9, 0, 9, 45), at(9, 15, 9, 50), at(12, 0, 13, 0)};
    layoutDay(segments);
    CHECK(described(segments) == QStringList{"540-600 0/3", "540-585 1/3", "555-590 2/3", "720-780 0/1"});
}

TEST_CASE("Short segments count as the minimum length, so they stay readable")
{
    QList<DaySegment> segments{at(10, 0, 10, 5), at(10, 15, 10, 30)};
    SECTION("20 minutes by default: the 5-minute one reaches past the next start")
    {
        layoutDay(segments);
        CHECK(described(segments) == QStringList{"600-605 0/2", "615-630 1/2"});
    }
    SECTION("a minimum of 10 minutes keeps them apart")
    {
        layoutDay(segments, 10);
        CHECK(described(segments) == QStringList{"600-605 0/1", "615-630 0/1"});
    }
    SECTION("a zero-length segment still takes the minimum")
    {
        QList<DaySegment> zero{at(10, 0, 10, 0), at(10, 10, 10, 40)};
        layoutDay(zero);
        CHECK(described(zero) == QStringList{"600-600 0/2", "610-640 1/2"});
    }
}

TEST_CASE("At equal starts the longer segment comes first and takes the left column")
{
    QList<DaySegment> segments{at(14, 0, 14, 30), at(14, 0, 16, 0), at(14, 0, 15, 0)};
    layoutDay(segments);
    CHECK(described(segments) == QStringList{"840-960 0/3", "840-900 1/3", "840-870 2/3"});
}

TEST_CASE("An empty day lays out nothing")
{
    QList<DaySegment> segments;
    layoutDay(segments);
    CHECK(segments.isEmpty());
    QList<DaySpan> spans;
    CHECK(layoutSpans(spans) == 0);
}

TEST_CASE("All-day bars take the lowest lane free on all their days")
{
    SECTION("lanes are reused once a bar has ended")
    {
        QList<DaySpan> spans{{0, 3}, {1, 2}, {3, 2}, {5, 1}, {2, 1}};
        CHECK(layoutSpans(spans) == 3);
        // Reported in the caller's order.
        CHECK(described(spans) == QStringList{"0+3 lane 0", "1+2 lane 1", "3+2 lane 0", "5+1 lane 0", "2+1 lane 2"});
    }
    SECTION("multi-day bars starting together: the longer one on top")
    {
        QList<DaySpan> spans{{2, 1}, {2, 4}, {3, 1}};
        CHECK(layoutSpans(spans) == 2);
        CHECK(described(spans) == QStringList{"2+1 lane 1", "2+4 lane 0", "3+1 lane 1"});
    }
    SECTION("a week of single days needs one lane")
    {
        QList<DaySpan> spans;
        for (int day = 6; day >= 0; --day)
            spans << DaySpan{day, 1};
        CHECK(layoutSpans(spans) == 1);
        for (const DaySpan& s : spans)
            CHECK(s.lane == 0);
    }
}
