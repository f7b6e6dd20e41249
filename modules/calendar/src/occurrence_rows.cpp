#include <convene/calendar/occurrence_rows.h>

#include <convene/calendar/day_layout.h>
#include <convene/calendar/event_entries.h>

namespace convene::calendar {

namespace {

// The views draw no event shorter than half an hour, so the layout counts none shorter either.
constexpr int kShortestMinutes = 30;

QDateTime rangeStart(const RowRange& range)
{
    return QDateTime(range.firstDay, QTime(0, 0), range.zone).toUTC();
}

QDateTime rangeEnd(const RowRange& range)
{
    return QDateTime(range.firstDay.addDays(range.dayCount), QTime(0, 0), range.zone).toUTC();
}

OccurrenceRow baseRow(const CalendarSnapshot& snapshot, const Occurrence& o, const RowRange& range)
{
    const Event& event = snapshot.expander->events().at(o.eventIndex);
    const StoredSeries& series = snapshot.seriesOf(o.eventIndex);
    OccurrenceRow row;
    row.eventIndex = o.eventIndex;
    row.uid = series.uid;
    row.recurrenceId = o.recurrenceId;
    row.title = event.summary;
    row.location = event.location;
    row.allDay = o.allDay;
    if (o.allDay) {
        row.start = QDateTime(o.startDate, QTime(0, 0), range.zone);
        row.end = QDateTime(o.endDate, QTime(0, 0), range.zone);
    } else {
        row.start = o.start.toTimeZone(range.zone);
        row.end = o.end.toTimeZone(range.zone);
    }
    row.recurring = o.recurrenceId.isValid();
    row.hasCall = !event.meetingId.isEmpty();
    row.cancelled = event.status == EventStatus::Cancelled;
    row.pending = series.state == StoredSeries::State::Pending;
    row.failed = series.state == StoredSeries::State::Failed;
    row.mine = series.owner == range.userId;
    row.myStatus = row.mine ? ParticipationStatus::Accepted : snapshot.statusOf(series.uid, range.userId);
    row.invited = !row.mine && attendeeOf(series.events.first(), range.userId);
    row.colorIndex = snapshot.colorIndex(series);
    return row;
}

QList<Occurrence> occurrencesIn(const CalendarSnapshot& snapshot, const RowRange& range)
{
    if (!snapshot.expander || range.dayCount <= 0)
        return {};
    return snapshot.expander->expand(rangeStart(range), rangeEnd(range)).occurrences;
}

// On the day's hour grid: wall-clock minutes, not elapsed ones (a day the clocks change has 23 or
// 25 hours).
int minutesInto(const QDateTime& time, QDate day, const QTimeZone& zone)
{
    const QDateTime local = time.toTimeZone(zone);
    if (local.date() != day)
        return local.date() < day ? 0 : 24 * 60;
    return local.time().hour() * 60 + local.time().minute();
}

} // namespace

QList<OccurrenceRow> timedRows(const CalendarSnapshot& snapshot, const RowRange& range)
{
    QList<QList<OccurrenceRow>> days(range.dayCount);
    for (const Occurrence& o : occurrencesIn(snapshot, range)) {
        if (o.allDay)
            continue;
        const OccurrenceRow row = baseRow(snapshot, o, range);
        const int first = static_cast<int>(std::max<qint64>(0, range.firstDay.daysTo(row.start.date())));
        // An end at midnight belongs to the day before.
        const QDateTime lastInstant = row.end > row.start ? row.end.addSecs(-1) : row.start;
        const int last =
            static_cast<int>(std::min<qint64>(range.dayCount - 1, range.firstDay.daysTo(lastInstant.date())));
        for (int day = first; day <= last; ++day) {
            OccurrenceRow piece = row;
            const QDate date = range.firstDay.addDays(day);
            piece.day = day;
            piece.startMinute = minutesInto(row.start, date, range.zone);
            piece.endMinute = std::max(piece.startMinute, minutesInto(row.end, date, range.zone));
            days[day] << piece;
        }
    }
    QList<OccurrenceRow> rows;
    for (QList<OccurrenceRow>& day : days) {
        // In layoutDay's order already, so its stable sort keeps segments and rows aligned.
        std::stable_sort(day.begin(), day.end(), [](const OccurrenceRow& a, const OccurrenceRow& b) {
            return a.startMinute != b.startMinute ? a.startMinute < b.startMinute : a.endMinute > b.endMinute;
        });
        QList<DaySegment> segments;
        segments.reserve(day.size());
        for (const OccurrenceRow& r : day)
            segments << DaySegment{r.startMinute, r.endMinute};
        layoutDay(segments, kShortestMinutes);
        for (qsizetype i = 0; i < day.size(); ++i) {
            day[i].column = segments.at(i).column;
            day[i].columns = segments.at(i).columns;
        }
        rows << day;
    }
    return rows;
}

QList<OccurrenceRow> allDayRows(const CalendarSnapshot& snapshot, const RowRange& range, int* laneCount)
{
    QList<OccurrenceRow> rows;
    QList<DaySpan> spans;
    for (const Occurrence& o : occurrencesIn(snapshot, range)) {
        if (!o.allDay)
            continue;
        OccurrenceRow row = baseRow(snapshot, o, range);
        const int first = static_cast<int>(std::max<qint64>(0, range.firstDay.daysTo(o.startDate)));
        const int end = static_cast<int>(std::min<qint64>(range.dayCount, range.firstDay.daysTo(o.endDate)));
        row.day = first;
        row.dayCount = std::max(1, end - first);
        rows << row;
        spans << DaySpan{row.day, row.dayCount};
    }
    const int lanes = layoutSpans(spans);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        rows[i].column = spans.at(i).lane;
        rows[i].columns = lanes;
    }
    if (laneCount)
        *laneCount = lanes;
    return rows;
}

QList<OccurrenceRow> agendaRows(const CalendarSnapshot& snapshot, const RowRange& range)
{
    QList<OccurrenceRow> rows;
    for (const Occurrence& o : occurrencesIn(snapshot, range)) {
        OccurrenceRow row = baseRow(snapshot, o, range);
        row.day = static_cast<int>(std::max<qint64>(0, range.firstDay.daysTo(row.start.date())));
        // The month grid draws all-day events on each of their visible days.
        if (o.allDay)
            row.dayCount = std::max(
                1, static_cast<int>(std::min<qint64>(range.dayCount, range.firstDay.daysTo(o.endDate))) - row.day);
        rows << row;
    }
    // The expander orders by UTC start; all-day ones come first on their day.
    std::stable_sort(rows.begin(), rows.end(), [](const OccurrenceRow& a, const OccurrenceRow& b) {
        return a.day != b.day ? a.day < b.day : a.allDay > b.allDay;
    });
    return rows;
}

} // namespace convene::calendar
