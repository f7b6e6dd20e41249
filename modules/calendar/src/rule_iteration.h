#pragma once

#include <libical/ical.h>

#include <QtGlobal>

#include <limits>
#include <vector>

namespace convene::calendar {

// An RRULE parsed once, ready to be iterated from the series' DTSTART.
struct PreparedRule {
    icalrecurrencetype rule{};
    bool canOccur = true; // see ruleCanOccur()
    // COUNT rules are expanded once, from DTSTART: the wall-clock starts of their occurrences,
    // complete up to countedUntil (the scan limit, or the end of libical's range).
    std::vector<qint64> counted;
    qint64 countedUntil = 0;
    bool countedInFull = true;
    // UNTIL as an instant (UTC seconds, or wall seconds for all-day series): libical iterates wall
    // times only (see RuleOrigin) and stops a little after UNTIL; the caller drops what lies beyond.
    qint64 untilKey = std::numeric_limits<qint64>::max();
};

// libical starts iterating at DTSTART; times are wall-clock seconds in the series' zone. DTSTART
// is handed over without a zone: with one, libical (built with ICU) moves the occurrences after a
// skipped wall time (02:30 on the spring-forward day) to the shifted time on the following days
// too. Convene turns wall times into instants itself (ZoneClock).
struct RuleOrigin {
    icaltimetype dtstart{}; // floating
    qint64 wall = 0;
    bool isDate = false;
};

PreparedRule prepareRule(const icalrecurrencetype& rule, const RuleOrigin& origin, int maxScanSteps);

// Appends the wall-clock starts in [from, to) the rule yields. Returns false if the search had to
// stop early (maxScanSteps candidate periods), with `searchedTo` where it stopped.
bool ruleStarts(const PreparedRule& rule, const RuleOrigin& origin, qint64 from, qint64 to, int maxScanSteps,
                std::vector<qint64>& out, qint64& searchedTo);

} // namespace convene::calendar
