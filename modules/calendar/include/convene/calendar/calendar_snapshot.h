#pragma once

#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/event.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>

namespace convene::calendar {

// One series as the cache holds it: the newest entry for its UID that its owner wrote.
struct StoredSeries {
    QString uid;
    QString stream; // the calendar it belongs to
    QString owner; // who created it; only they may change it
    QList<Event> events; // the master first, then the overrides
    enum class State { Sent, Pending, Failed };
    State state = State::Sent;
    QUuid clientId; // of the newest entry, while it is not sent
    QString error; // why it failed
};

struct Answer {
    ParticipationStatus status = ParticipationStatus::NeedsAction;
    QString note;
};

// Everything the calendar views show, read from the cache at one moment: immutable once built,
// shared between threads.
struct CalendarSnapshot {
    QList<StoredSeries> series;
    QHash<QString, qsizetype> byUid; // index into `series`
    QHash<QString, QHash<QString, Answer>> answers; // uid → user id → newest answer
    QStringList calendars; // the calendar streams, first the team's
    QStringList problems; // entries that could not be read, named

    // The occurrences of every series; expander().events() are the series' events in order,
    // and seriesOf(eventIndex) maps back.
    std::shared_ptr<const CalendarExpander> expander;
    TimeZones timeZones; // the IANA zones, and those entries define (VTIMEZONEs of imported files)
    QList<int> seriesIndex; // per expander event: index into `series`

    const StoredSeries* find(const QString& uid) const;
    // The colour slot of the calendar the series belongs to.
    int colorIndex(const StoredSeries& s) const
    {
        return static_cast<int>(std::max<qsizetype>(0, calendars.indexOf(s.stream)));
    }
    const StoredSeries& seriesOf(int eventIndex) const { return series.at(seriesIndex.at(eventIndex)); }
    // The answer of this member, when they are an attendee: their own entry, else the PARTSTAT
    // the organiser wrote.
    ParticipationStatus statusOf(const QString& uid, const QString& userId) const;
};

} // namespace convene::calendar
