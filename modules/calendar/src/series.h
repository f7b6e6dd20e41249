#pragma once

#include "expansion_context.h"
#include "rule_iteration.h"

#include <convene/calendar/event.h>

#include <limits>
#include <optional>
#include <vector>

namespace convene::calendar {

// One recurring event with its overrides, prepared once: parsed rules, exclusions and overrides
// as instants, and the range its occurrences can fall in.
class RecurringSeries {
public:
    // `overrides`: indices of the events with this uid and a RECURRENCE-ID.
    RecurringSeries(const QList<Event>& events, int masterIndex, const std::vector<int>& overrides,
                    const ExpansionContext& context);

    qint64 earliest() const { return m_earliest; } // UTC bounds of every occurrence
    qint64 latest() const { return m_latest; }

    void collect(qint64 from, qint64 to, const ExpansionContext& context, SpanSink& sink) const;

private:
    struct Override {
        int eventIndex = -1;
        qint64 key = 0; // recurrence id: UTC seconds, or wall seconds for all-day series
        Span span;
        bool cancelled = false;
        bool thisAndFuture = false;
        bool matchesOccurrence = false;
        qint64 wallShift = 0; // start moved by, in the series' wall clock (THISANDFUTURE)
        qint64 length = 0; // seconds, or days for all-day series
    };
    struct ExtraDate {
        qint64 key = 0;
        std::optional<qint64> endKey; // RDATE;VALUE=PERIOD
    };

    qint64 keyOfWall(qint64 wall) const;
    qint64 keyOf(const CalendarTime& time, const ExpansionContext& context) const;
    Span spanOf(qint64 key, const Override* range) const;
    bool excluded(qint64 key, qint64 wall) const;
    std::vector<qint64> candidateKeys(qint64 from, qint64 to, const ExpansionContext& context, SpanSink* sink) const;
    void problem(SpanSink& sink, const QString& message) const;

    const Event* m_master = nullptr;
    int m_masterIndex = -1;
    bool m_allDay = false;
    ZoneClock m_clock;
    ZoneClock m_floating;
    RuleOrigin m_origin;
    std::vector<PreparedRule> m_rules;
    std::vector<ExtraDate> m_extraDates; // RDATE, sorted by key
    std::vector<qint64> m_excludedKeys; // EXDATE, sorted
    std::vector<qint64> m_excludedDays; // EXDATE;VALUE=DATE of a timed series: local days, sorted
    std::vector<Override> m_overrides; // sorted by key
    std::vector<const Override*> m_rangeOverrides; // THISANDFUTURE, sorted by key

    // Occurrence length: exact seconds after DTEND, nominal days plus seconds after DURATION.
    bool m_exactLength = true;
    qint64 m_lengthSeconds = 0;
    qint64 m_lengthDays = 0;
    qint64 m_reach = 0; // how far an occurrence can end after the original start it stems from
    qint64 m_reachBefore = 0; // and start before it (an override moved earlier)
    qint64 m_earliest = std::numeric_limits<qint64>::min();
    qint64 m_latest = std::numeric_limits<qint64>::max();
};

} // namespace convene::calendar
