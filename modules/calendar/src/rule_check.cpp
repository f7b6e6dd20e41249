#include "rule_check.h"

#include "civil_time.h"
#include "ics_text.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <numeric>
#include <vector>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

bool has(const short* values)
{
    return values[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

template<size_t N>
std::vector<int> valuesOf(const short (&values)[N])
{
    std::vector<int> out;
    for (size_t i = 0; i < N && values[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
        out.push_back(values[i]);
    return out;
}

bool hasOrdinalDay(const icalrecurrencetype& rule)
{
    for (int value : valuesOf(rule.by_day)) {
        if (icalrecurrencetype_day_position(short(value)) != 0)
            return true;
    }
    return false;
}

// Days of one period (a month, or a year), 1-based, as libical's expansion would produce them.
using DaySet = std::bitset<367>;

// The days of a month (1-based day numbers `offset + 1 … offset + length` of the period) that match
// BYDAY, ordinals counted within the month; weekday of the first day given (0 = Sunday).
void addWeekdays(DaySet& set, const std::vector<int>& byDay, int offset, int length, int firstWeekday)
{
    for (int value : byDay) {
        const int weekday = icalrecurrencetype_day_day_of_week(short(value)) - 1; // 0 = Sunday
        const int position = icalrecurrencetype_day_position(short(value));
        const int first = 1 + (weekday - firstWeekday + 7) % 7;
        const int count = (length - first) / 7 + 1;
        if (position == 0) {
            for (int day = first; day <= length; day += 7)
                set.set(size_t(offset) + size_t(day));
        } else if (position > 0 && position <= count) {
            set.set(size_t(offset) + size_t(first + 7 * (position - 1)));
        } else if (position < 0 && -position <= count) {
            set.set(size_t(offset) + size_t(first + 7 * (count + position)));
        }
    }
}

bool survivesSetPos(const DaySet& set, const std::vector<int>& setPos)
{
    if (setPos.empty())
        return set.any();
    const int total = int(set.count());
    for (int p : setPos) {
        if ((p > 0 && p <= total) || (p < 0 && -p <= total))
            return true;
    }
    return false;
}

struct Parts {
    std::vector<int> byMonth, byMonthDay, byYearDay, byWeekNo, byDay, bySetPos;
    int startMonth = 1, startDay = 1;
};

Parts partsOf(const icalrecurrencetype& rule, const icaltimetype& dtstart)
{
    Parts p;
    p.byMonth = valuesOf(rule.by_month);
    p.byMonthDay = valuesOf(rule.by_month_day);
    p.byYearDay = valuesOf(rule.by_year_day);
    p.byWeekNo = valuesOf(rule.by_week_no);
    p.byDay = valuesOf(rule.by_day);
    p.bySetPos = valuesOf(rule.by_set_pos);
    p.startMonth = dtstart.month;
    p.startDay = dtstart.day;
    return p;
}

void addMonthDays(DaySet& set, const std::vector<int>& monthDays, int offset, int length)
{
    for (int md : monthDays) {
        const int day = md > 0 ? md : length + 1 + md;
        if (day >= 1 && day <= length)
            set.set(size_t(offset) + size_t(day));
    }
}

bool monthYields(const Parts& p, int year, int month)
{
    const int length = daysInMonth(year, month);
    DaySet set;
    addMonthDays(set, p.byMonthDay.empty() ? std::vector<int>{p.startDay} : p.byMonthDay, 0, length);
    if (!p.byDay.empty()) {
        DaySet weekdays;
        addWeekdays(weekdays, p.byDay, 0, length, dayOfWeek(daysFromCivil(year, month, 1)));
        set = p.byMonthDay.empty() ? weekdays : (set & weekdays);
    }
    return survivesSetPos(set, p.bySetPos);
}

bool yearYields(const Parts& p, int year)
{
    const int length = isLeapYear(year) ? 366 : 365;
    const auto monthOffset = [year](int month) {
        return int(daysFromCivil(year, month, 1) - daysFromCivil(year, 1, 1));
    };
    DaySet set;
    if (!p.byYearDay.empty()) {
        for (int yd : p.byYearDay) {
            const int day = yd > 0 ? yd : length + 1 + yd;
            if (day >= 1 && day <= length)
                set.set(size_t(day));
        }
    } else if (!p.byWeekNo.empty()) {
        // With BYDAY and without BYMONTH or BYSETPOS (see ruleProblem), any existing week gives days.
        const qint64 jan1 = daysFromCivil(year, 1, 1);
        const int weekday = dayOfWeek(jan1);
        const int weeks = (weekday == 4 || (weekday == 3 && isLeapYear(year))) ? 53 : 52;
        for (int w : p.byWeekNo) {
            if ((w > 0 && w <= weeks) || (w < 0 && -w <= weeks))
                return true;
        }
        return false;
    } else {
        for (int month : p.byMonth.empty() ? std::vector<int>{p.startMonth} : p.byMonth)
            addMonthDays(set, p.byMonthDay.empty() ? std::vector<int>{p.startDay} : p.byMonthDay, monthOffset(month),
                         daysInMonth(year, month));
    }
    if (!p.byDay.empty()) {
        DaySet weekdays;
        if (!p.byMonth.empty()) {
            for (int month : p.byMonth)
                addWeekdays(weekdays, p.byDay, monthOffset(month), daysInMonth(year, month),
                            dayOfWeek(daysFromCivil(year, month, 1)));
        } else {
            addWeekdays(weekdays, p.byDay, 0, length, dayOfWeek(daysFromCivil(year, 1, 1)));
        }
        const bool limiting = !p.byYearDay.empty() || !p.byMonthDay.empty();
        set = limiting ? (set & weekdays) : weekdays;
    }
    return survivesSetPos(set, p.bySetPos);
}

} // namespace

std::optional<QString> ruleProblem(const icalrecurrencetype& rule, const icaltimetype& dtstart, const IcsLimits& limits)
{
    const icalrecurrencetype_frequency freq = rule.freq;
    if (freq == ICAL_NO_RECURRENCE)
        return Text::tr("the rule has no FREQ.");
    if (freq == ICAL_SECONDLY_RECURRENCE)
        return Text::tr("rules that repeat every second (FREQ=SECONDLY) are not supported.");
    if (rule.rscale && *rule.rscale && qstricmp(rule.rscale, "GREGORIAN") != 0)
        return Text::tr("calendar systems other than the Gregorian (RSCALE) are not supported.");
    if (rule.interval < 1)
        return Text::tr("INTERVAL must be at least 1.");
    if (rule.count > limits.maxRecurrenceCount)
        return Text::tr("COUNT=%1 is more than the limit of %2.").arg(rule.count).arg(limits.maxRecurrenceCount);
    if (dtstart.year > 2582)
        return Text::tr("recurring events must start before the year 2583.");
    if (has(rule.by_week_no) && freq != ICAL_YEARLY_RECURRENCE)
        return Text::tr("BYWEEKNO can only be used with FREQ=YEARLY.");
    if (has(rule.by_year_day) &&
        (freq == ICAL_DAILY_RECURRENCE || freq == ICAL_WEEKLY_RECURRENCE || freq == ICAL_MONTHLY_RECURRENCE))
        return Text::tr("BYYEARDAY cannot be used with FREQ=DAILY, WEEKLY or MONTHLY.");
    if (has(rule.by_month_day) && freq == ICAL_WEEKLY_RECURRENCE)
        return Text::tr("BYMONTHDAY cannot be used with FREQ=WEEKLY.");
    if (has(rule.by_year_day) && (has(rule.by_week_no) || has(rule.by_month) || has(rule.by_month_day)))
        return Text::tr("BYYEARDAY combined with BYWEEKNO, BYMONTH or BYMONTHDAY is not supported.");
    // libical expands BYWEEKNO correctly only with BYDAY and without other day parts.
    if (has(rule.by_week_no) &&
        (has(rule.by_month) || has(rule.by_month_day) || has(rule.by_set_pos) || !has(rule.by_day)))
        return Text::tr("BYWEEKNO is supported only with BYDAY, and not with BYMONTH, BYMONTHDAY or BYSETPOS.");
    if (hasOrdinalDay(rule) &&
        (has(rule.by_week_no) || (freq != ICAL_MONTHLY_RECURRENCE && freq != ICAL_YEARLY_RECURRENCE)))
        return Text::tr("numbered BYDAY values (such as 2MO) need FREQ=MONTHLY or YEARLY, without BYWEEKNO.");
    return std::nullopt;
}

bool ruleCanOccur(const icalrecurrencetype& rule, const icaltimetype& dtstart)
{
    if (rule.freq != ICAL_YEARLY_RECURRENCE && rule.freq != ICAL_MONTHLY_RECURRENCE)
        return true;
    if (dtstart.month < 1 || dtstart.month > 12 || dtstart.day < 1 || dtstart.day > 31)
        return false; // no start date, nothing to repeat
    const Parts parts = partsOf(rule, dtstart);
    const int interval = std::max<int>(1, rule.interval);
    if (rule.freq == ICAL_YEARLY_RECURRENCE) {
        // A year's days depend only on whether it is a leap year and on the weekday of 1 January.
        std::array<std::array<int, 7>, 2> known{};
        const int periods = 400 / std::gcd(interval, 400);
        for (int k = 0; k < periods; ++k) {
            const int year = dtstart.year + k * interval;
            int& answer = known[isLeapYear(year)][size_t(dayOfWeek(daysFromCivil(year, 1, 1)))];
            if (answer == 0)
                answer = yearYields(parts, year) ? 1 : -1;
            if (answer > 0)
                return true;
        }
        return false;
    }
    // A month's days depend on its length and on the weekday of its first day.
    std::array<std::array<int, 7>, 4> known{};
    const int periods = 4800 / std::gcd(interval, 4800);
    const qint64 firstMonth = qint64(dtstart.year) * 12 + dtstart.month - 1;
    for (int k = 0; k < periods; ++k) {
        const qint64 index = firstMonth + qint64(k) * interval;
        const int year = int(index / 12);
        const int month = int(index % 12) + 1;
        if (!parts.byMonth.empty() &&
            std::find(parts.byMonth.begin(), parts.byMonth.end(), month) == parts.byMonth.end())
            continue;
        int& answer = known[size_t(daysInMonth(year, month) - 28)][size_t(dayOfWeek(daysFromCivil(year, month, 1)))];
        if (answer == 0)
            answer = monthYields(parts, year, month) ? 1 : -1;
        if (answer > 0)
            return true;
    }
    return false;
}

} // namespace convene::calendar
