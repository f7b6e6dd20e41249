#pragma once

#include <convene/calendar/calendar_snapshot.h>

#include <optional>

namespace convene::calendar {

struct FoundOccurrence {
    const StoredSeries* series = nullptr;
    qsizetype seriesIndex = -1;
    Occurrence occurrence;
};

// The occurrence a view row names: by the series' UID and the occurrence's recurrence id
// (invalid for a single event; for a series, invalid means its next occurrence after `now`).
// Nothing when the series is gone or the occurrence was removed.
std::optional<FoundOccurrence> findOccurrence(const CalendarSnapshot& snapshot, const QString& uid,
                                              const QDateTime& recurrenceId, const QDateTime& now);

// The event the occurrence shows (an override's own, else the master's) with the occurrence's
// start and end, in the master's kind of time — what an editor edits. Floating times are read in
// `floatingTimeZone`, the zone the snapshot was expanded in.
Event occurrenceEvent(const CalendarSnapshot& snapshot, const FoundOccurrence& found, const QString& floatingTimeZone);

} // namespace convene::calendar
