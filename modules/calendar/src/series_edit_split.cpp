#include "series_editor.h"

#include "ical_time.h"
#include "master_occurrences.h"
#include "rule_edits.h"

#include <algorithm>

namespace convene::calendar::series_editing {

Result<bool> Editor::isFirst() const
{
    const Event& master = m_series.master;
    const MasterOccurrences occurrences(master, m_zones);
    if (auto problem = occurrences.problem())
        return *problem;
    qint64 earliest = keyOf(master.start);
    for (const RecurrenceDate& date : master.recurrenceDates)
        earliest = std::min(earliest, keyOf(date.start));
    return !occurrences.startsWithin(earliest, m_key);
}

std::optional<Error> Editor::checkSplit(const QString& newUid, bool continues) const
{
    if (keyOf(m_series.master.start) == m_key)
        return unsupported(Text::tr("The series “%1” has dates before its start; it cannot be split at its start.")
                               .arg(m_series.master.uid));
    if (continues && (newUid.isEmpty() || newUid == m_series.master.uid))
        return invalid(Text::tr("The following occurrences need a new UID."));
    return std::nullopt;
}

// RFC 5545: UNTIL is in UTC when DTSTART has a zone or is in UTC, a date when it is a date.
CalendarTime Editor::untilBeforeSplit() const
{
    const CalendarTime& start = m_series.master.start;
    switch (start.kind) {
    case CalendarTime::Kind::Date: return CalendarTime::allDay(m_original.date.addDays(-1));
    case CalendarTime::Kind::Floating: return EditTimes::at(start, wallSecondsOf(m_original) - 1);
    case CalendarTime::Kind::Utc:
    case CalendarTime::Kind::Zoned: break;
    }
    return EditTimes::at(CalendarTime::utc({}, {}), m_key - 1);
}

// The series up to the occurrence: its rules end just before it, later dates and overrides go.
Series Editor::before() const
{
    Series series = m_series;
    Event& master = series.master;
    const CalendarTime until = untilBeforeSplit();
    for (QString& rule : master.recurrenceRules)
        rule = ruleEndingAt(rule, until, m_times, m_series.master.start);
    master.recurrenceDates.removeIf([&](const RecurrenceDate& d) { return keyOf(d.start) >= m_key; });
    master.exceptionDates.removeIf([&](const CalendarTime& d) { return keyOf(d) >= m_key; });
    series.overrides.removeIf([&](const Event& o) { return keyOf(*o.recurrenceId) >= m_key; });
    touch(master);
    return series;
}

// The rules from the occurrence on: COUNT less the occurrences before it; rules that ended before it go.
Result<QStringList> Editor::followingRules() const
{
    const Event& master = m_series.master;
    const qint64 start = keyOf(master.start);
    const qint64 originalWall = wallSecondsOf(m_original);
    QStringList rules;
    for (const QString& rule : master.recurrenceRules) {
        Event alone = master;
        alone.recurrenceRules = {rule};
        alone.recurrenceDates.clear();
        alone.exceptionDates.clear();
        const MasterOccurrences occurrences(alone, m_zones);
        const std::optional<CalendarTime> until = ruleUntil(rule);
        int passed = 0;
        if (ruleCount(rule) > 0) {
            Result<int> count = occurrences.countWithin(start, m_key);
            if (!count)
                return count.error();
            passed = *count;
        }
        const std::optional<QString> rest = ruleAfter(rule, passed);
        if (!rest || (until && m_times.untilWall(master.start, *until) < originalWall))
            continue;
        // The new series starts here: only a rule that gives this occurrence goes on the same from it.
        if (!occurrences.startsAt(m_key))
            return unsupported(Text::tr("This occurrence was added to the series by date, so the following ones "
                                        "cannot be changed from it; change all of them instead."));
        rules.append(*rest);
    }
    return rules;
}

// The series from the occurrence on, as it stands, under the old uid.
Result<Series> Editor::following() const
{
    Result<QStringList> rules = followingRules();
    if (!rules)
        return rules.error();
    Series series;
    series.master = m_times.movedTo(m_series.master, m_original);
    Event& master = series.master;
    master.recurrenceRules = *rules;
    master.recurrenceDates.removeIf([&](const RecurrenceDate& d) { return keyOf(d.start) <= m_key; });
    master.exceptionDates.removeIf([&](const CalendarTime& d) { return keyOf(d) < m_key; });
    for (const Event& o : m_series.overrides) {
        if (keyOf(*o.recurrenceId) >= m_key)
            series.overrides.append(o);
    }
    return series;
}

Result<SeriesEditResult> Editor::editFollowing(const Event& changed, const QString& newUid) const
{
    Result<bool> first = isFirst();
    if (!first)
        return first.error();
    if (*first)
        return editAll(changed);
    if (auto error = checkSplit(newUid, true))
        return *error;
    Result<Series> rest = following();
    if (!rest)
        return rest.error();
    int baseOverride = -1;
    for (int i = 0; i < int(rest->overrides.size()) && baseOverride < 0; ++i) {
        if (keyOf(*rest->overrides[i].recurrenceId) == m_key)
            baseOverride = i;
    }
    Result<Series> split = applied(*rest, baseOverride, changed);
    if (!split)
        return split.error();
    Series created = std::move(split).value();
    renew(created.master, newUid);
    for (Event& o : created.overrides)
        renew(o, newUid);
    return SeriesEditResult{before(), std::move(created)};
}

SeriesEditResult Editor::deleteThis() const
{
    Series series = m_series;
    series.master.exceptionDates.append(m_original);
    touch(series.master);
    if (m_override >= 0)
        series.overrides.removeAt(m_override);
    return {series, std::nullopt};
}

Result<SeriesEditResult> Editor::deleteFollowing() const
{
    Result<bool> first = isFirst();
    if (!first)
        return first.error();
    if (*first)
        return deleteAll();
    if (auto error = checkSplit({}, false))
        return *error;
    return SeriesEditResult{before(), std::nullopt};
}

SeriesEditResult Editor::deleteAll() const
{
    Series series = m_series;
    series.master.status = EventStatus::Cancelled;
    touch(series.master);
    for (Event& o : series.overrides) {
        if (o.status != EventStatus::Cancelled) {
            o.status = EventStatus::Cancelled;
            touch(o);
        }
    }
    return {series, std::nullopt};
}

} // namespace convene::calendar::series_editing
