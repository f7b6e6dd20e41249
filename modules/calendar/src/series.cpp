#include "series.h"

#include "civil_time.h"
#include "ical_handles.h"
#include "ical_time.h"
#include "ics_text.h"

#include <algorithm>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

constexpr qint64 kSlack = 2 * kSecondsPerDay; // wall clocks are at most a day off UTC, plus shifts
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kUntilMargin = 3 * 3600; // more than any DST shift

qint64 dayNumber(const QDate& date)
{
    return daysFromCivil(date.year(), date.month(), date.day());
}

} // namespace

RecurringSeries::RecurringSeries(const QList<Event>& events, int masterIndex, const std::vector<int>& overrides,
                                 const ExpansionContext& context)
    : m_master(&events[masterIndex]), m_masterIndex(masterIndex), m_floating(context.floating)
{
    const Event& event = *m_master;
    m_allDay = event.start.isAllDay();
    m_clock = m_allDay ? context.floating : context.clockFor(event.start);
    m_origin.isDate = m_allDay;
    m_origin.dtstart = icalTimeOf(event.start);
    m_origin.dtstart.zone = nullptr;
    m_origin.wall = wallSecondsOf(event.start);

    if (m_allDay) {
        m_exactLength = false;
        m_lengthDays = event.end ? dayNumber(event.end->date) - dayNumber(event.start.date)
                                 : (event.duration ? event.duration->days : 1);
    } else if (event.end) {
        m_lengthSeconds = context.utcOf(*event.end) - context.utcOf(event.start);
    } else if (event.duration) {
        m_exactLength = false;
        m_lengthDays = event.duration->days;
        m_lengthSeconds = event.duration->seconds;
    }

    for (const QString& text : event.recurrenceRules) {
        icalrecurrencetype rule = icalrecurrencetype_from_string(text.toUtf8().constData());
        if (rule.rscale)
            icalmemory_free_buffer(rule.rscale);
        rule.rscale = nullptr;
        if (rule.freq == ICAL_NO_RECURRENCE)
            continue;
        std::optional<qint64> untilKey;
        if (!icaltime_is_null_time(rule.until) && icaltime_is_utc(rule.until) && !m_allDay) {
            // UNTIL is an instant; libical compares wall times: stop a little later, then filter.
            const qint64 instant = icaltime_as_timet(rule.until);
            const bool zoned = event.start.kind == CalendarTime::Kind::Zoned;
            rule.until = icalTimeAt(zoned ? m_clock.toWall(instant) + kUntilMargin : instant, false, nullptr);
            if (zoned)
                untilKey = instant;
        }
        m_rules.push_back(prepareRule(rule, m_origin, context.limits.maxScanSteps));
        if (untilKey)
            m_rules.back().untilKey = *untilKey;
    }
    for (const RecurrenceDate& date : event.recurrenceDates) {
        ExtraDate extra{keyOf(date.start, context), std::nullopt};
        if (date.end)
            extra.endKey = keyOf(*date.end, context);
        m_extraDates.push_back(extra);
    }
    std::sort(m_extraDates.begin(), m_extraDates.end(),
              [](const ExtraDate& a, const ExtraDate& b) { return a.key < b.key; });
    for (const CalendarTime& date : event.exceptionDates) {
        if (!m_allDay && date.isAllDay())
            m_excludedDays.push_back(dayNumber(date.date));
        else
            m_excludedKeys.push_back(keyOf(date, context));
    }
    std::sort(m_excludedKeys.begin(), m_excludedKeys.end());
    std::sort(m_excludedDays.begin(), m_excludedDays.end());

    // How far from its original start an occurrence can reach.
    m_reach = m_exactLength ? m_lengthSeconds : m_lengthDays * 90'000 + m_lengthSeconds;
    for (const ExtraDate& extra : m_extraDates) {
        if (extra.endKey)
            m_reach = std::max(m_reach, *extra.endKey - extra.key);
    }

    for (int index : overrides) {
        const Event& o = events[index];
        Override item;
        item.eventIndex = index;
        item.key = keyOf(*o.recurrenceId, context);
        item.span = eventSpan(o, index, context);
        item.span.recurring = true;
        item.cancelled = o.status == EventStatus::Cancelled;
        item.thisAndFuture = o.thisAndFuture;
        const qint64 keyWall = m_allDay ? item.key : m_clock.toWall(item.key);
        if (m_allDay) {
            item.length = item.span.endDay - item.span.startDay;
            item.wallShift = item.span.startDay * kSecondsPerDay - keyWall;
            item.span.recurrenceId = m_floating.toUtc(item.key);
        } else {
            item.length = item.span.end - item.span.start;
            item.wallShift = m_clock.toWall(item.span.start) - keyWall;
            item.span.recurrenceId = item.key;
        }
        m_overrides.push_back(item);
    }
    std::stable_sort(m_overrides.begin(), m_overrides.end(),
                     [](const Override& a, const Override& b) { return a.key < b.key; });
    m_overrides.erase(std::unique(m_overrides.begin(), m_overrides.end(),
                                  [](const Override& a, const Override& b) { return a.key == b.key; }),
                      m_overrides.end());
    for (const Override& o : m_overrides) {
        if (!o.thisAndFuture)
            continue;
        m_rangeOverrides.push_back(&o);
        const qint64 length = m_allDay ? o.length * kSecondsPerDay : o.length;
        m_reach = std::max(m_reach, o.wallShift + length + kSlack);
        m_reachBefore = std::max(m_reachBefore, -o.wallShift + kSlack);
    }
    for (Override& o : m_overrides) {
        const qint64 utc = m_allDay ? m_floating.toUtc(o.key) : o.key;
        const std::vector<qint64> keys = candidateKeys(utc, utc + 1, context, nullptr);
        const qint64 wall = m_allDay ? o.key : m_clock.toWall(o.key);
        o.matchesOccurrence = std::binary_search(keys.begin(), keys.end(), o.key) && !excluded(o.key, wall);
    }

    // Bounds, to skip the series for ranges it cannot reach.
    const auto utcOfKey = [this](qint64 key) { return m_allDay ? m_floating.toUtc(key) : key; };
    qint64 first = utcOfKey(keyOfWall(m_origin.wall));
    qint64 last = first;
    for (const ExtraDate& extra : m_extraDates) {
        first = std::min(first, utcOfKey(extra.key));
        last = std::max(last, utcOfKey(extra.endKey.value_or(extra.key)));
    }
    for (const Override& o : m_overrides) {
        first = std::min(first, o.span.start);
        last = std::max(last, o.span.end);
    }
    bool endless = false;
    for (const PreparedRule& rule : m_rules) {
        if (!rule.canOccur)
            continue;
        if (rule.rule.count > 0) {
            if (!rule.countedInFull)
                endless = true;
            else if (!rule.counted.empty())
                last = std::max(last, utcOfKey(keyOfWall(rule.counted.back())));
        } else if (!icaltime_is_null_time(rule.rule.until)) {
            last = std::max(last, utcOfKey(keyOfWall(wallSecondsOf(rule.rule.until))) + kSlack);
        } else {
            endless = true;
        }
    }
    m_earliest = first == kMin ? kMin : first - m_reachBefore - kSlack;
    m_latest = endless ? kMax : last + m_reach + kSlack;
}

qint64 RecurringSeries::keyOfWall(qint64 wall) const
{
    return m_allDay ? wall : m_clock.toUtc(wall);
}

qint64 RecurringSeries::keyOf(const CalendarTime& time, const ExpansionContext& context) const
{
    if (m_allDay)
        return dayNumber(time.date) * kSecondsPerDay;
    if (time.isAllDay())
        return m_clock.toUtc(wallSecondsOf(time));
    return context.utcOf(time);
}

bool RecurringSeries::excluded(qint64 key, qint64 wall) const
{
    if (std::binary_search(m_excludedKeys.begin(), m_excludedKeys.end(), key))
        return true;
    return !m_excludedDays.empty() && std::binary_search(m_excludedDays.begin(), m_excludedDays.end(), dayOf(wall));
}

void RecurringSeries::problem(SpanSink& sink, const QString& message) const
{
    sink.problems.append(makeError(ErrorCode::TooLarge, message));
}

std::vector<qint64> RecurringSeries::candidateKeys(qint64 from, qint64 to, const ExpansionContext& context,
                                                   SpanSink* sink) const
{
    // Original starts whose occurrence can meet [from, to), as keys, sorted and unique.
    const qint64 low = from - m_reach - kSlack;
    const qint64 high = to + m_reachBefore + kSlack;
    const ZoneClock& clock = m_allDay ? m_floating : m_clock;
    const qint64 wallFrom = clock.toWall(low);
    const qint64 wallTo = clock.toWall(high);

    std::vector<qint64> keys;
    if (m_origin.wall >= wallFrom && m_origin.wall < wallTo)
        keys.push_back(keyOfWall(m_origin.wall));
    std::vector<qint64> walls;
    for (const PreparedRule& rule : m_rules) {
        qint64 searchedTo = 0;
        walls.clear();
        if (!ruleStarts(rule, m_origin, wallFrom, wallTo, context.limits.maxScanSteps, walls, searchedTo) && sink) {
            problem(*sink, Text::tr("The event “%1” repeats too often or too rarely to be listed after %2.")
                               .arg(m_master->uid, dateOfDay(dayOf(searchedTo)).toString(Qt::ISODate)));
        }
        for (qint64 wall : walls) {
            const qint64 key = keyOfWall(wall);
            if (key <= rule.untilKey)
                keys.push_back(key);
        }
    }
    const qint64 keyLow = m_allDay ? wallFrom : low;
    const qint64 keyHigh = m_allDay ? wallTo : high;
    for (const ExtraDate& extra : m_extraDates) {
        if (extra.key >= keyLow && extra.key < keyHigh)
            keys.push_back(extra.key);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

void RecurringSeries::collect(qint64 from, qint64 to, const ExpansionContext& context, SpanSink& sink) const
{
    if (m_master->status == EventStatus::Cancelled || to <= m_earliest || from >= m_latest)
        return;
    const int limit = context.limits.maxOccurrencesPerEvent;
    int count = 0;
    const auto add = [&](const Span& span) {
        if (!overlaps(span.start, span.end, from, to))
            return true;
        if (++count > limit) {
            problem(sink, Text::tr("The event “%1” has more than %2 occurrences in this period; only the first %2 are "
                                   "listed.")
                              .arg(m_master->uid)
                              .arg(limit));
            return false;
        }
        sink.spans.push_back(span);
        return true;
    };

    for (qint64 key : candidateKeys(from, to, context, &sink)) {
        const qint64 wall = m_allDay ? key : m_clock.toWall(key);
        if (excluded(key, wall))
            continue;
        const auto direct = std::lower_bound(m_overrides.begin(), m_overrides.end(), key,
                                             [](const Override& o, qint64 k) { return o.key < k; });
        if (direct != m_overrides.end() && direct->key == key)
            continue; // the override stands in for it, below
        const auto after = std::lower_bound(m_rangeOverrides.begin(), m_rangeOverrides.end(), key,
                                            [](const Override* o, qint64 k) { return o->key < k; });
        const Override* range = after == m_rangeOverrides.begin() ? nullptr : *(after - 1);
        if (range && range->cancelled)
            continue;

        Span span;
        span.eventIndex = range ? range->eventIndex : m_masterIndex;
        span.allDay = m_allDay;
        span.recurring = true;
        span.recurrenceId = m_allDay ? m_floating.toUtc(key) : key;
        const qint64 startWall = wall + (range ? range->wallShift : 0);
        const auto extra = std::lower_bound(m_extraDates.begin(), m_extraDates.end(), key,
                                            [](const ExtraDate& e, qint64 k) { return e.key < k; });
        const bool period = !range && extra != m_extraDates.end() && extra->key == key && extra->endKey;
        if (m_allDay) {
            span.startDay = dayOf(startWall);
            span.endDay = period ? dayOf(*extra->endKey) : span.startDay + (range ? range->length : m_lengthDays);
            span.start = m_floating.toUtc(span.startDay * kSecondsPerDay);
            span.end = m_floating.toUtc(span.endDay * kSecondsPerDay);
        } else {
            span.start = range ? m_clock.toUtc(startWall) : key;
            if (period)
                span.end = *extra->endKey;
            else if (range)
                span.end = span.start + range->length;
            else if (m_exactLength)
                span.end = span.start + m_lengthSeconds;
            else
                span.end = m_clock.toUtc(startWall + m_lengthDays * kSecondsPerDay) + m_lengthSeconds;
        }
        if (!add(span))
            return;
    }
    for (const Override& o : m_overrides) {
        if (o.matchesOccurrence && !o.cancelled && !add(o.span))
            return;
    }
}

} // namespace convene::calendar
