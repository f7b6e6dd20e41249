#pragma once

#include <convene/calendar/event.h>
#include <convene/calendar/ics_limits.h>
#include <convene/calendar/occurrence.h>
#include <convene/calendar/time_zones.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace convene::calendar {

struct ExpansionIndex;

// Lists the occurrences of a set of events in a UTC range. Built once per set of events (rules
// are parsed, single events sorted, series bounded), then queried for any range; const queries
// may run on several threads at once.
class CalendarExpander {
public:
    struct Options {
        QString floatingTimeZone = QStringLiteral("UTC"); // IANA id for floating and all-day times
        ExpansionLimits limits;
    };

    CalendarExpander(QList<Event> events, TimeZones timeZones, const Options& options);
    CalendarExpander(QList<Event> events, TimeZones timeZones);
    ~CalendarExpander();
    CalendarExpander(CalendarExpander&&) noexcept;
    CalendarExpander& operator=(CalendarExpander&&) noexcept;

    // Occurrences that overlap [from, to): start < to and end > from (or start == from for
    // occurrences without duration). Cancelled events and cancelled occurrences are left out.
    Expansion expand(const QDateTime& from, const QDateTime& to) const;

    const QList<Event>& events() const;
    // Events that cannot be expanded (say, a TZID no zone resolves), with the reason.
    const QList<Error>& preparationProblems() const;

private:
    std::unique_ptr<ExpansionIndex> d;
};

} // namespace convene::calendar
