#pragma once

#include <convene/calendar/ics_limits.h>

#include <libical/ical.h>

#include <QString>

#include <optional>

namespace convene::calendar {

// Why Convene does not expand this RRULE (unsupported or over a limit), or nullopt. Checked
// before anything iterates a rule, so that libical never sees one it would loop on.
std::optional<QString> ruleProblem(const icalrecurrencetype& rule, const icaltimetype& dtstart,
                                   const IcsLimits& limits);

// Whether a rule yields any time at all. libical looks for the first day of a YEARLY or MONTHLY
// rule period by period up to the year 20000, which takes a noticeable time for rules that can
// never match (BYMONTH=2;BYMONTHDAY=30): those are answered here, from the 400-year Gregorian
// cycle, and never reach libical. Other frequencies are searched up to a bound by the caller.
bool ruleCanOccur(const icalrecurrencetype& rule, const icaltimetype& dtstart);

} // namespace convene::calendar
