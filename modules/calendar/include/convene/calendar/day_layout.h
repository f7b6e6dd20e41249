#pragma once

#include <QList>

namespace convene::calendar {

// A timed event's piece on one day, in minutes from that day's midnight (end exclusive).
struct DaySegment {
    int startMinute = 0;
    int endMinute = 0;
    int column = 0; // filled by layoutDay
    int columns = 1; // how many columns its group of overlapping events uses
};

// Lays out one day's segments side by side, as calendar apps do: segments that overlap,
// directly or through others, form a group; each takes the leftmost column free at its start,
// and all of a group share its column count. Segments shorter than `minimumMinutes` count as
// that long, so the short ones stay readable. Sorts `segments` by start, then longer first.
void layoutDay(QList<DaySegment>& segments, int minimumMinutes = 20);

// All-day (and multi-day) bars in a row of days: each takes the lowest lane free on all its
// days. Returns the number of lanes used.
struct DaySpan {
    int firstDay = 0;
    int dayCount = 1;
    int lane = 0; // filled by layoutSpans
};
int layoutSpans(QList<DaySpan>& spans);

} // namespace convene::calendar
