#include <convene/calendar/calendar_expander.h>

#include "civil_time.h"
#include "expansion_context.h"
#include "ical_time.h"
#include "ics_text.h"
#include "rule_check.h"
#include "series.h"

#include <QHash>

#include <algorithm>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

// Single occurrences longer than this are checked one by one; shorter ones are found by their start.
constexpr qint64 kShortSpan = 7 * kSecondsPerDay;

std::optional<QString> unusableBecause(const Event& event, const TimeZoneTable& zones)
{
    std::vector<const CalendarTime*> times{&event.start};
    if (event.end)
        times.push_back(&*event.end);
    if (event.recurrenceId)
        times.push_back(&*event.recurrenceId);
    for (const RecurrenceDate& date : event.recurrenceDates) {
        times.push_back(&date.start);
        if (date.end)
            times.push_back(&*date.end);
    }
    for (const CalendarTime& date : event.exceptionDates)
        times.push_back(&date);
    for (const CalendarTime* time : times) {
        if (!time->isValid())
            return Text::tr("it has a date or time that is not valid.");
        if (time->kind == CalendarTime::Kind::Zoned && !zones.find(time->timeZoneId))
            return Text::tr("its time zone “%1” is unknown.").arg(time->timeZoneId);
    }
    for (const QString& text : event.recurrenceRules) {
        icalrecurrencetype rule = icalrecurrencetype_from_string(text.toUtf8().constData());
        const bool gregorian = !rule.rscale;
        if (rule.rscale)
            icalmemory_free_buffer(rule.rscale);
        rule.rscale = nullptr;
        if (rule.freq == ICAL_NO_RECURRENCE)
            return Text::tr("its rule “%1” cannot be read.").arg(text);
        if (!gregorian)
            return Text::tr("calendar systems other than the Gregorian (RSCALE) are not supported.");
        if (auto problem = ruleProblem(rule, icalTimeOf(event.start), IcsLimits()))
            return *problem;
    }
    return std::nullopt;
}

} // namespace

struct ExpansionIndex {
    QList<Event> events;
    TimeZones zones;
    ExpansionContext context;
    QList<Error> problems;
    std::vector<Span> shortSingles; // sorted by start
    std::vector<Span> longSingles;
    std::vector<RecurringSeries> series;
};

CalendarExpander::CalendarExpander(QList<Event> events, TimeZones timeZones)
    : CalendarExpander(std::move(events), std::move(timeZones), Options())
{ }

CalendarExpander::CalendarExpander(QList<Event> events, TimeZones timeZones, const Options& options)
    : d(std::make_unique<ExpansionIndex>())
{
    d->events = std::move(events);
    d->zones = std::move(timeZones);
    const TimeZoneTable& zones = d->zones.table();
    d->context.zones = &zones;
    d->context.limits = options.limits;
    icaltimezone* floating = zones.find(options.floatingTimeZone);
    if (!floating) {
        d->problems.append(makeError(
            ErrorCode::InvalidArgument,
            Text::tr("The time zone “%1” is unknown; floating times are read as UTC.").arg(options.floatingTimeZone)));
    }
    d->context.floating = ZoneClock(floating);

    struct Group {
        int master = -1;
        std::vector<int> overrides;
    };
    QHash<QString, Group> groups;
    std::vector<QString> order; // uids in the order they first appear
    for (int i = 0; i < int(d->events.size()); ++i) {
        const Event& event = d->events[i];
        if (auto problem = unusableBecause(event, zones)) {
            d->problems.append(makeError(ErrorCode::Unsupported,
                                         Text::tr("The event “%1” cannot be shown: %2").arg(event.uid, *problem)));
            continue;
        }
        auto it = groups.find(event.uid);
        if (it == groups.end()) {
            it = groups.insert(event.uid, Group());
            order.push_back(event.uid);
        }
        if (event.recurrenceId) {
            it->overrides.push_back(i);
        } else if (it->master < 0) {
            it->master = i;
        } else {
            d->problems.append(
                makeError(ErrorCode::Corrupt,
                          Text::tr("A second event has the UID “%1”; only the first is shown.").arg(event.uid)));
        }
    }

    for (const QString& uid : order) {
        const Group& group = groups[uid];
        const Event* master = group.master >= 0 ? &d->events[group.master] : nullptr;
        if (master && (master->isRecurring() || !group.overrides.empty())) {
            d->series.emplace_back(d->events, group.master, group.overrides, d->context);
            continue;
        }
        // Overrides without their series still show where they are.
        std::vector<int> singles = group.overrides;
        if (master)
            singles.push_back(group.master);
        for (int index : singles) {
            if (d->events[index].status == EventStatus::Cancelled)
                continue;
            const Span span = eventSpan(d->events[index], index, d->context);
            (span.end - span.start <= kShortSpan ? d->shortSingles : d->longSingles).push_back(span);
        }
    }
    std::sort(d->shortSingles.begin(), d->shortSingles.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
}

CalendarExpander::~CalendarExpander() = default;
CalendarExpander::CalendarExpander(CalendarExpander&&) noexcept = default;
CalendarExpander& CalendarExpander::operator=(CalendarExpander&&) noexcept = default;

const QList<Event>& CalendarExpander::events() const
{
    return d->events;
}

const QList<Error>& CalendarExpander::preparationProblems() const
{
    return d->problems;
}

Expansion CalendarExpander::expand(const QDateTime& fromTime, const QDateTime& toTime) const
{
    Expansion result;
    if (!fromTime.isValid() || !toTime.isValid())
        return result;
    const qint64 from = fromTime.toSecsSinceEpoch();
    const qint64 to = toTime.toSecsSinceEpoch();
    if (to <= from)
        return result;

    SpanSink sink;
    const auto first = std::lower_bound(d->shortSingles.begin(), d->shortSingles.end(), from - kShortSpan,
                                        [](const Span& s, qint64 t) { return s.start < t; });
    for (auto it = first; it != d->shortSingles.end() && it->start < to; ++it) {
        if (overlaps(it->start, it->end, from, to))
            sink.spans.push_back(*it);
    }
    for (const Span& span : d->longSingles) {
        if (overlaps(span.start, span.end, from, to))
            sink.spans.push_back(span);
    }
    for (const RecurringSeries& series : d->series)
        series.collect(from, to, d->context, sink);

    const QList<Event>& events = d->events;
    std::sort(sink.spans.begin(), sink.spans.end(), [&events](const Span& a, const Span& b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.eventIndex != b.eventIndex) {
            const int byUid = events[a.eventIndex].uid.compare(events[b.eventIndex].uid);
            if (byUid != 0)
                return byUid < 0;
        }
        if (a.end != b.end)
            return a.end < b.end;
        return a.eventIndex < b.eventIndex;
    });

    result.occurrences.reserve(qsizetype(sink.spans.size()));
    for (const Span& span : sink.spans) {
        Occurrence occurrence;
        occurrence.eventIndex = span.eventIndex;
        occurrence.start = QDateTime::fromSecsSinceEpoch(span.start, Qt::UTC);
        occurrence.end = QDateTime::fromSecsSinceEpoch(span.end, Qt::UTC);
        occurrence.allDay = span.allDay;
        if (span.allDay) {
            occurrence.startDate = dateOfDay(span.startDay);
            occurrence.endDate = dateOfDay(span.endDay);
        }
        if (span.recurring)
            occurrence.recurrenceId = QDateTime::fromSecsSinceEpoch(span.recurrenceId, Qt::UTC);
        result.occurrences.append(occurrence);
    }
    result.problems = std::move(sink.problems);
    return result;
}

} // namespace convene::calendar
