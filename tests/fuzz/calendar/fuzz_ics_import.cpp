// Feeds arbitrary bytes to .ics import. A file is read completely or refused with a message; what
// is read expands without crashing into sorted, well-formed occurrences, within the limits, and
// is written back into a file that reads again to the same events.
#include "fuzz_support.h"

#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/ics_reader.h>
#include <convene/calendar/ics_writer.h>

#include <QHash>

#include <cstdint>
#include <cstdlib>

using namespace convene;
using namespace convene::calendar;

using fuzz::check;

namespace {

IcsLimits fuzzLimits()
{
    IcsLimits limits;
    limits.maxFileBytes = 256 * 1024;
    limits.maxComponents = 500;
    limits.maxRecurrenceCount = 300;
    limits.maxRecurrenceDates = 300;
    return limits;
}

void checkExpansion(const CalendarExpander& expander, const QDateTime& from, const QDateTime& to, int perEvent)
{
    const Expansion expansion = expander.expand(from, to);
    const QList<Event>& events = expander.events();
    QDateTime previous;
    for (const Occurrence& o : expansion.occurrences) {
        check(o.eventIndex >= 0 && o.eventIndex < events.size());
        check(o.start.isValid() && o.end.isValid() && o.start <= o.end);
        check(o.start < to && (o.end > from || (o.end == o.start && o.start >= from)));
        check(!previous.isValid() || previous <= o.start);
        check(!o.allDay || (o.startDate.isValid() && o.startDate <= o.endDate));
        previous = o.start;
    }
    for (const Error& problem : expansion.problems)
        check(!problem.message.isEmpty());
    // Each event (a series counts with its overrides) stays within the limit.
    QHash<QString, int> eventsPerUid, occurrencesPerUid;
    for (const Event& event : events)
        ++eventsPerUid[event.uid];
    for (const Occurrence& o : expansion.occurrences)
        ++occurrencesPerUid[events[o.eventIndex].uid];
    for (auto it = occurrencesPerUid.cbegin(); it != occurrencesPerUid.cend(); ++it)
        check(it.value() <= perEvent * eventsPerUid.value(it.key()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const IcsLimits limits = fuzzLimits();
    const Result<IcsCalendar> calendar = readIcs(bytes, limits);
    if (!calendar) {
        check(!calendar.error().message.isEmpty());
        return 0;
    }

    CalendarExpander::Options options;
    options.limits.maxOccurrencesPerEvent = 200;
    options.limits.maxScanSteps = 2000;
    const CalendarExpander expander(calendar->events, calendar->timeZones, options);
    const QDateTime month(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    checkExpansion(expander, month, month.addMonths(1), options.limits.maxOccurrencesPerEvent);
    for (qsizetype i = 0; i < std::min<qsizetype>(2, calendar->events.size()); ++i) {
        const CalendarTime& start = calendar->events[i].start;
        const QDateTime around(start.date, QTime(0, 0), Qt::UTC);
        checkExpansion(expander, around.addDays(-3), around.addDays(40), options.limits.maxOccurrencesPerEvent);
    }

    const Result<QByteArray> written = writeIcs(*calendar);
    if (written) {
        const Result<IcsCalendar> again = readIcs(*written, IcsLimits());
        check(again.ok());
        check(again->events.size() == calendar->events.size());
        for (qsizetype i = 0; i < again->events.size(); ++i) {
            check(again->events[i].uid == calendar->events[i].uid);
            check(again->events[i].start == calendar->events[i].start);
            check(again->events[i].recurrenceRules == calendar->events[i].recurrenceRules);
        }
    }
    return 0;
}
