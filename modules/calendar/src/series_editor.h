#pragma once

// The editor behind editOccurrence() and deleteOccurrence(), its jobs in one file each:
// series_edit.cpp (finding and checking), series_edit_apply.cpp (this occurrence, all of them),
// series_edit_split.cpp (this and the following ones; deleting).

#include <convene/calendar/series_edit.h>

#include "edit_times.h"

#include <QCoreApplication>

namespace convene::calendar::series_editing {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::SeriesEdit)
};

inline Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

inline Error unsupported(const QString& message)
{
    return makeError(ErrorCode::Unsupported, message);
}

// The edits of one series around one of its occurrences.
class Editor {
public:
    Editor(const Series& series, const SeriesZones& zones, const QDateTime& now);

    std::optional<Error> locate(const QDateTime& occurrenceStart);
    std::optional<Error> check(const Event& changed) const;
    bool recurring() const { return m_recurring; }

    Result<SeriesEditResult> editThis(const Event& changed) const;
    Result<SeriesEditResult> editFollowing(const Event& changed, const QString& newUid) const;
    Result<SeriesEditResult> editAll(const Event& changed) const;
    SeriesEditResult deleteThis() const;
    Result<SeriesEditResult> deleteFollowing() const;
    SeriesEditResult deleteAll() const;

private:
    std::optional<Error> checkSeries() const;
    std::optional<Error> checkRules(const Event& changed) const;
    Error notAnOccurrence(const QDateTime& start) const;
    void touch(Event& event) const;
    void renew(Event& event, const QString& uid) const;
    qint64 keyOf(const CalendarTime& time) const { return m_times.occurrenceKey(m_series.master.start, time); }

    Result<Series> applied(const Series& series, int baseOverride, const Event& changed) const;
    void takeLength(Event& event, const Event& changed) const;
    Result<QStringList> movedRules(const QStringList& rules, const SeriesMove& move) const;
    std::optional<Error> keepOccurring(Series& series) const;

    Result<bool> isFirst() const;
    std::optional<Error> checkSplit(const QString& newUid, bool continues) const;
    Series before() const;
    Result<Series> following() const;
    Result<QStringList> followingRules() const;
    CalendarTime untilBeforeSplit() const;

    const Series& m_series;
    SeriesZones m_zones;
    EditTimes m_times;
    QDateTime m_now;
    bool m_recurring = false;
    CalendarTime m_original; // the occurrence's original start, written as the master's DTSTART
    qint64 m_key = 0; // and as an instant
    int m_override = -1; // the override that shows it
};

} // namespace convene::calendar::series_editing
