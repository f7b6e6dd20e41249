#include "occurrence_lookup.h"

#include <QTimeZone>

namespace convene::calendar {

namespace {

// Any zone is within 14 hours of UTC: two days either side of a wall-clock time hold it.
constexpr qint64 kSlackSeconds = 2 * 24 * 3600;

QDateTime roughlyUtc(const CalendarTime& time)
{
    return QDateTime(time.date, time.time, Qt::UTC);
}

std::optional<Occurrence> occurrenceNear(const CalendarSnapshot& snapshot, qsizetype seriesIndex,
                                         const QDateTime& around, const QDateTime& recurrenceId)
{
    const Expansion found = snapshot.expander->expand(around.addSecs(-kSlackSeconds), around.addSecs(kSlackSeconds));
    for (const Occurrence& o : found.occurrences) {
        if (snapshot.seriesIndex.at(o.eventIndex) == seriesIndex && o.recurrenceId == recurrenceId)
            return o;
    }
    return std::nullopt;
}

CalendarTime asKindOf(const CalendarTime& master, const QDateTime& utc, QDate date, const QString& floatingTimeZone)
{
    switch (master.kind) {
    case CalendarTime::Kind::Date: return CalendarTime::allDay(date);
    case CalendarTime::Kind::Utc: return CalendarTime::utc(utc.date(), utc.time());
    case CalendarTime::Kind::Zoned: {
        const QDateTime local = utc.toTimeZone(QTimeZone(master.timeZoneId.toUtf8()));
        if (local.isValid())
            return CalendarTime::zoned(local.date(), local.time(), master.timeZoneId);
        break;
    }
    case CalendarTime::Kind::Floating: break;
    }
    // Floating times were expanded in the floating zone, not necessarily the system's.
    const QTimeZone floating(floatingTimeZone.toUtf8());
    const QDateTime local = floating.isValid() ? utc.toTimeZone(floating) : utc.toLocalTime();
    return CalendarTime::floating(local.date(), local.time());
}

// A series named without an occurrence (a chat invitation names only the UID): its next
// occurrence, else its last one within a year.
std::optional<FoundOccurrence> nextOccurrence(const CalendarSnapshot& snapshot, qsizetype seriesIndex,
                                              const QDateTime& now)
{
    constexpr qint64 kYear = 366 * 24 * 3600;
    std::optional<Occurrence> last;
    for (const Occurrence& o : snapshot.expander->expand(now.addSecs(-kYear), now.addSecs(kYear)).occurrences) {
        if (snapshot.seriesIndex.at(o.eventIndex) != seriesIndex)
            continue;
        if (o.end > now)
            return FoundOccurrence{&snapshot.series.at(seriesIndex), seriesIndex, o};
        last = o;
    }
    if (!last)
        return std::nullopt;
    return FoundOccurrence{&snapshot.series.at(seriesIndex), seriesIndex, *last};
}

} // namespace

std::optional<FoundOccurrence> findOccurrence(const CalendarSnapshot& snapshot, const QString& uid,
                                              const QDateTime& recurrenceId, const QDateTime& now)
{
    auto index = snapshot.byUid.constFind(uid);
    if (index == snapshot.byUid.cend() || !snapshot.expander)
        return std::nullopt;
    const StoredSeries& series = snapshot.series.at(*index);
    QList<QDateTime> places;
    if (recurrenceId.isValid())
        places << recurrenceId;
    // Where the master or an override has put it, if that is elsewhere.
    for (const Event& e : series.events) {
        if (!e.recurrenceId || roughlyUtc(*e.recurrenceId).secsTo(recurrenceId) / kSlackSeconds == 0)
            places << roughlyUtc(e.start);
    }
    for (const QDateTime& place : places) {
        if (auto o = occurrenceNear(snapshot, *index, place, recurrenceId))
            return FoundOccurrence{&series, *index, *o};
    }
    if (!recurrenceId.isValid() && series.events.first().isRecurring())
        return nextOccurrence(snapshot, *index, now);
    return std::nullopt;
}

Event occurrenceEvent(const CalendarSnapshot& snapshot, const FoundOccurrence& found, const QString& floatingTimeZone)
{
    Event event = snapshot.expander->events().at(found.occurrence.eventIndex);
    if (event.isOverride() || !event.isRecurring())
        return event;
    const Occurrence& o = found.occurrence;
    event.start = asKindOf(event.start, o.start, o.startDate, floatingTimeZone);
    event.end = asKindOf(event.start, o.end, o.endDate, floatingTimeZone);
    event.duration.reset();
    return event;
}

} // namespace convene::calendar
