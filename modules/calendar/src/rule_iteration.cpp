#include "rule_iteration.h"

#include "civil_time.h"
#include "ical_handles.h"
#include "ical_time.h"
#include "rule_check.h"

#include <algorithm>

namespace convene::calendar {

namespace {

// libical gives no occurrence after this.
const qint64 kLastWall = wallSeconds(2582, 12, 31, 23, 59, 59);

qint64 stepSeconds(const icalrecurrencetype& rule)
{
    qint64 unit = kSecondsPerDay;
    switch (rule.freq) {
    case ICAL_MINUTELY_RECURRENCE: unit = 60; break;
    case ICAL_HOURLY_RECURRENCE: unit = 3600; break;
    case ICAL_DAILY_RECURRENCE: unit = kSecondsPerDay; break;
    case ICAL_WEEKLY_RECURRENCE: unit = 7 * kSecondsPerDay; break;
    case ICAL_MONTHLY_RECURRENCE: unit = 31 * kSecondsPerDay; break;
    case ICAL_YEARLY_RECURRENCE: unit = 366 * kSecondsPerDay; break;
    default: break;
    }
    return unit * std::max<qint64>(1, rule.interval);
}

// Iterates `rule` from DTSTART, or from `from` on, stopping at `until` at the latest, so that
// libical never searches further than the caller asked. libical's set_start aligns hourly and
// minutely rules by the hour or minute of the day only (INTERVAL=7 drifts); those restart instead
// from a DTSTART moved by whole intervals to just before `from`, which yields the same set there.
template<typename Visit>
void iterate(icalrecurrencetype rule, const RuleOrigin& origin, qint64 from, qint64 until, Visit visit)
{
    const icaltimetype cap = icalTimeAt(until, origin.isDate, nullptr);
    if (icaltime_is_null_time(rule.until) || icaltime_compare(cap, rule.until) < 0)
        rule.until = cap;
    icaltimetype dtstart = origin.dtstart;
    const bool subDaily = rule.freq == ICAL_HOURLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE;
    const qint64 step = stepSeconds(rule);
    if (subDaily && rule.count == 0 && from - step > origin.wall)
        dtstart = icalTimeAt(origin.wall + (from - step - origin.wall) / step * step, false, nullptr);
    IcalIteratorPtr iterator(icalrecur_iterator_new(rule, dtstart));
    if (!iterator)
        return;
    if (!subDaily && rule.count == 0 && from > origin.wall)
        icalrecur_iterator_set_start(iterator.get(), icalTimeAt(from, origin.isDate, nullptr));
    for (icaltimetype t = icalrecur_iterator_next(iterator.get()); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(iterator.get())) {
        if (!visit(wallSecondsOf(t)))
            break;
    }
}

} // namespace

PreparedRule prepareRule(const icalrecurrencetype& rule, const RuleOrigin& origin, int maxScanSteps)
{
    PreparedRule prepared;
    prepared.rule = rule;
    prepared.rule.rscale = nullptr; // only Gregorian rules get here; the text stays with its owner
    prepared.canOccur = ruleCanOccur(rule, origin.dtstart);
    if (!prepared.canOccur || rule.count <= 0)
        return prepared;
    const qint64 limit = origin.wall + stepSeconds(rule) * maxScanSteps;
    prepared.countedUntil = std::min(limit, kLastWall);
    iterate(prepared.rule, origin, origin.wall, prepared.countedUntil, [&](qint64 wall) {
        prepared.counted.push_back(wall);
        return true;
    });
    prepared.countedInFull = int(prepared.counted.size()) >= rule.count || limit >= kLastWall;
    return prepared;
}

bool ruleStarts(const PreparedRule& rule, const RuleOrigin& origin, qint64 from, qint64 to, int maxScanSteps,
                std::vector<qint64>& out, qint64& searchedTo)
{
    searchedTo = to;
    if (!rule.canOccur || to <= origin.wall)
        return true;
    if (rule.rule.count > 0) {
        const auto first = std::lower_bound(rule.counted.begin(), rule.counted.end(), from);
        const auto last = std::lower_bound(first, rule.counted.end(), to);
        out.insert(out.end(), first, last);
        if (!rule.countedInFull && to > rule.countedUntil) {
            searchedTo = rule.countedUntil;
            return false;
        }
        return true;
    }
    const qint64 start = std::max(from, origin.wall);
    qint64 until = std::min(to, kLastWall);
    bool complete = true;
    const qint64 step = stepSeconds(rule.rule);
    if ((until - start) / step > maxScanSteps) {
        until = start + step * maxScanSteps;
        searchedTo = until;
        complete = false;
    }
    if (until <= start)
        return complete;
    iterate(rule.rule, origin, start, until, [&](qint64 wall) {
        if (wall >= to)
            return false;
        if (wall >= from)
            out.push_back(wall);
        return true;
    });
    return complete;
}

} // namespace convene::calendar
