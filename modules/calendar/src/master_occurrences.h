#pragma once

#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/series_edit.h>

#include <optional>

namespace convene::calendar {

// The original starts (UTC seconds, as Occurrence::recurrenceId) of the occurrences a master
// event gives by itself: DTSTART, its rules and RDATEs less its EXDATEs, without overrides, even
// when it is cancelled; listed by CalendarExpander.
class MasterOccurrences {
public:
    MasterOccurrences(Event master, const SeriesZones& zones);

    std::optional<Error> problem() const; // why the event cannot be expanded
    bool startsAt(qint64 utc) const;
    bool startsWithin(qint64 from, qint64 to) const; // [from, to)
    Result<int> countWithin(qint64 from, qint64 to) const;

private:
    QList<qint64> starts(qint64 from, qint64 to, QList<Error>* problems) const;

    CalendarExpander m_expander;
};

} // namespace convene::calendar
