#include "master_occurrences.h"

#include <algorithm>

namespace convene::calendar {

namespace {

Event alone(Event master)
{
    master.status = EventStatus::None;
    master.recurrenceId.reset();
    master.thisAndFuture = false;
    return master;
}

CalendarExpander::Options optionsFor(const SeriesZones& zones)
{
    CalendarExpander::Options options;
    options.floatingTimeZone = zones.floatingTimeZone;
    return options;
}

} // namespace

MasterOccurrences::MasterOccurrences(Event master, const SeriesZones& zones)
    : m_expander({alone(std::move(master))}, zones.timeZones, optionsFor(zones))
{ }

std::optional<Error> MasterOccurrences::problem() const
{
    const QList<Error>& problems = m_expander.preparationProblems();
    return problems.isEmpty() ? std::nullopt : std::optional(problems.front());
}

QList<qint64> MasterOccurrences::starts(qint64 from, qint64 to, QList<Error>* problems) const
{
    const Expansion expansion =
        m_expander.expand(QDateTime::fromSecsSinceEpoch(from, Qt::UTC), QDateTime::fromSecsSinceEpoch(to, Qt::UTC));
    if (problems)
        *problems = expansion.problems;
    QList<qint64> starts;
    for (const Occurrence& o : expansion.occurrences) {
        const qint64 start = o.start.toSecsSinceEpoch();
        if (start >= from && start < to)
            starts.append(start);
    }
    return starts;
}

bool MasterOccurrences::startsAt(qint64 utc) const
{
    return starts(utc, utc + 1, nullptr).contains(utc);
}

bool MasterOccurrences::startsWithin(qint64 from, qint64 to) const
{
    // Occurrences are listed from the earliest, so one found before a limit stopped the listing counts.
    return from < to && !starts(from, to, nullptr).isEmpty();
}

Result<int> MasterOccurrences::countWithin(qint64 from, qint64 to) const
{
    if (from >= to)
        return 0;
    QList<Error> problems;
    const QList<qint64> found = starts(from, to, &problems);
    if (!problems.isEmpty())
        return problems.front();
    return int(found.size());
}

} // namespace convene::calendar
