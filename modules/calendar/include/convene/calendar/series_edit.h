#pragma once

#include <convene/calendar/event.h>
#include <convene/calendar/time_zones.h>
#include <convene/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace convene::calendar {

// Which occurrences of a recurring event an edit or a deletion applies to, as calendar apps ask.
enum class EditScope { ThisEvent, ThisAndFollowing, AllEvents };

// A series as stored: the master event (recurring or not) and its overrides (same uid, with recurrenceId).
struct Series {
    Event master;
    QList<Event> overrides;
};

// What an edit produced: the series that replaces the edited one, and, for ThisAndFollowing on a
// recurring event, a new series (new uid) that carries the edited occurrence and those after it.
struct SeriesEditResult {
    Series edited;
    std::optional<Series> split;
};

// How the occurrences were listed (see CalendarExpander): the zones the TZIDs resolve in, and the
// zone floating and all-day times were read in. Occurrence::recurrenceId depends on both.
struct SeriesZones {
    TimeZones timeZones;
    QString floatingTimeZone = QStringLiteral("UTC");
};

// Edits one occurrence, the occurrences from it on, or all of them, as RFC 5545 writes each.
// `occurrenceStart`: the recurrence id of the occurrence the user acted on (Occurrence::recurrenceId,
// UTC; invalid for a non-recurring event, where every scope means AllEvents). `changed`: that
// occurrence as the user edited it; its uid, recurrence id, RDATEs, EXDATEs and source text are
// not used, its recurrence rules replace the master's when they differ from them (callers pass the
// master's rules along with an occurrence they show). `newUid`: the uid of the series a
// ThisAndFollowing edit starts. Every event that changes gets SEQUENCE+1 and DTSTAMP and
// LAST-MODIFIED `now`; the new series starts at SEQUENCE 0. Overrides and events made from the
// master keep its source text, so that what Convene does not model goes with them.
Result<SeriesEditResult> editOccurrence(const Series& series, const QDateTime& occurrenceStart, const Event& changed,
                                        EditScope scope, const QString& newUid, const QDateTime& now,
                                        const SeriesZones& zones = {});

// Deletes one occurrence (an EXDATE), the occurrences from it on (the rules end before it), or the
// whole series (STATUS:CANCELLED on the master and its overrides, kept so that it syncs as an update).
Result<SeriesEditResult> deleteOccurrence(const Series& series, const QDateTime& occurrenceStart, EditScope scope,
                                          const QDateTime& now, const SeriesZones& zones = {});

} // namespace convene::calendar
