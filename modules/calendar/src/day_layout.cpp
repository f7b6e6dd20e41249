#include <convene/calendar/day_layout.h>

#include <algorithm>

namespace convene::calendar {

namespace {

void finishGroup(QList<DaySegment>& segments, qsizetype first, qsizetype last, int columns)
{
    for (qsizetype i = first; i < last; ++i)
        segments[i].columns = columns;
}

} // namespace

void layoutDay(QList<DaySegment>& segments, int minimumMinutes)
{
    std::stable_sort(segments.begin(), segments.end(), [](const DaySegment& a, const DaySegment& b) {
        return a.startMinute != b.startMinute ? a.startMinute < b.startMinute : a.endMinute > b.endMinute;
    });
    const auto visibleEnd = [minimumMinutes](const DaySegment& s) {
        return std::max(s.endMinute, s.startMinute + minimumMinutes);
    };
    QList<int> columnEnds; // per column of the current group: where its last segment ends
    qsizetype groupStart = 0;
    int groupEnd = 0;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        DaySegment& s = segments[i];
        if (i > groupStart && s.startMinute >= groupEnd) {
            finishGroup(segments, groupStart, i, static_cast<int>(columnEnds.size()));
            columnEnds.clear();
            groupStart = i;
        }
        auto free = std::find_if(columnEnds.begin(), columnEnds.end(), [&](int end) { return end <= s.startMinute; });
        if (free == columnEnds.end()) {
            s.column = static_cast<int>(columnEnds.size());
            columnEnds << visibleEnd(s);
        } else {
            s.column = static_cast<int>(free - columnEnds.begin());
            *free = visibleEnd(s);
        }
        groupEnd = i == groupStart ? visibleEnd(s) : std::max(groupEnd, visibleEnd(s));
    }
    finishGroup(segments, groupStart, segments.size(), static_cast<int>(columnEnds.size()));
}

int layoutSpans(QList<DaySpan>& spans)
{
    QList<int> order(spans.size());
    for (qsizetype i = 0; i < spans.size(); ++i)
        order[i] = static_cast<int>(i);
    // Longer bars first within a start day, so they stay on top as the week reads.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return spans[a].firstDay != spans[b].firstDay ? spans[a].firstDay < spans[b].firstDay
                                                      : spans[a].dayCount > spans[b].dayCount;
    });
    QList<int> laneEnds; // first day after the last bar of each lane
    for (int i : order) {
        DaySpan& s = spans[i];
        auto free = std::find_if(laneEnds.begin(), laneEnds.end(), [&](int end) { return end <= s.firstDay; });
        if (free == laneEnds.end()) {
            s.lane = static_cast<int>(laneEnds.size());
            laneEnds << s.firstDay + s.dayCount;
        } else {
            s.lane = static_cast<int>(free - laneEnds.begin());
            *free = s.firstDay + s.dayCount;
        }
    }
    return static_cast<int>(laneEnds.size());
}

} // namespace convene::calendar
