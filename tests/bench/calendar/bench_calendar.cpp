// Calendar benchmarks on a generated shared calendar (calendar_generator.h): reading .ics files,
// preparing the expander, and expanding a week and a month of a 10,000-event calendar with 500
// recurring series, as a week or month view does; then the views' own work on the same calendar
// stored in a cache (calendar_views.h). Prints medians and p95.
//   bench_calendar [events in the large calendar, default 10000] [events in the import file, default 5000]
// Run with `cmake --build <dir> --target run-bench_calendar`.
#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/ics_reader.h>

#include "bench_stats.h"
#include "calendar_generator.h"
#include "calendar_views.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace convene;
using namespace convene::calendar;

namespace {

constexpr int kReadRuns = 7;
constexpr int kRounds = 3; // every week (month) of the year is expanded this often

const char* verdict(bool ok)
{
    return ok ? "ok" : "MISSED";
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "bench_calendar: %s\n", message.toUtf8().constData());
    std::exit(1);
}

IcsCalendar readTimed(const QByteArray& text, std::vector<double>& samples)
{
    QElapsedTimer clock;
    clock.start();
    Result<IcsCalendar> calendar = readIcs(text);
    samples.push_back(msSince(clock));
    if (!calendar)
        fail(calendar.error().message);
    return std::move(calendar).value();
}

bench::CalendarShape shapeWith(int events)
{
    bench::CalendarShape shape;
    shape.series = events / 20;
    shape.overrides = events / 100;
    shape.singles = events - shape.series - shape.overrides;
    return shape;
}

struct RangeRun {
    bench::Stats stats;
    double first = 0; // the very first query, before anything is warm
    double occurrences = 0; // on average
};

// Expands consecutive ranges over 2026, every one kRounds times.
RangeRun expandRanges(const CalendarExpander& expander, bool months)
{
    RangeRun run;
    std::vector<double> samples;
    qint64 found = 0;
    const QDateTime start(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC);
    const int ranges = months ? 12 : 52;
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < ranges; ++i) {
            const QDateTime from = months ? start.addMonths(i) : start.addDays(7 * i);
            const QDateTime to = months ? from.addMonths(1) : from.addDays(7);
            QElapsedTimer clock;
            clock.start();
            const Expansion expansion = expander.expand(from, to);
            const double ms = msSince(clock);
            if (!expansion.problems.isEmpty())
                fail(expansion.problems.front().message);
            if (round == 0 && i == 0)
                run.first = ms;
            samples.push_back(ms);
            found += expansion.occurrences.size();
        }
    }
    run.stats = bench::stats(samples);
    run.occurrences = double(found) / double(samples.size());
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int largeEvents = argc > 1 ? std::atoi(argv[1]) : 10'000;
    const int importEvents = argc > 2 ? std::atoi(argv[2]) : 5'000;
    const bench::CalendarShape largeShape = shapeWith(largeEvents);
    const QByteArray large = bench::generateCalendar(largeShape);
    const QByteArray import = bench::generateCalendar(shapeWith(importEvents));

    std::vector<double> importSamples, largeSamples;
    for (int i = 0; i < kReadRuns; ++i)
        readTimed(import, importSamples);
    IcsCalendar calendar;
    for (int i = 0; i < kReadRuns; ++i)
        calendar = readTimed(large, largeSamples);
    int series = 0, overrides = 0;
    for (const Event& event : calendar.events) {
        series += event.isRecurring();
        overrides += event.isOverride();
    }
    std::printf("calendar: %lld events (%d recurring series, %d overrides), %.1f MB; import file %d events, %.1f MB\n",
                qint64(calendar.events.size()), series, overrides, double(large.size()) / 1e6, importEvents,
                double(import.size()) / 1e6);

    const bench::Stats importStats = bench::stats(importSamples);
    std::printf("read %d-event .ics: median %.1f ms, max %.1f ms (target < 1000 ms) %s\n", importEvents,
                importStats.p50, importStats.max, verdict(importStats.p50 < 1000));
    const bench::Stats largeStats = bench::stats(largeSamples);
    std::printf("read %lld-event .ics: median %.1f ms\n", qint64(calendar.events.size()), largeStats.p50);

    std::vector<double> setupSamples;
    std::unique_ptr<CalendarExpander> expander;
    for (int i = 0; i < kReadRuns; ++i) {
        QElapsedTimer clock;
        clock.start();
        expander = std::make_unique<CalendarExpander>(calendar.events, calendar.timeZones);
        setupSamples.push_back(msSince(clock));
    }
    if (!expander->preparationProblems().isEmpty())
        fail(expander->preparationProblems().front().message);
    std::printf("prepare the expander: median %.1f ms (once per calendar change)\n", bench::stats(setupSamples).p50);

    const RangeRun week = expandRanges(*expander, false);
    std::printf("expand one week: median %.2f ms, p95 %.2f ms, max %.2f ms, first %.2f ms; %.0f occurrences on average "
                "(target < 30 ms) %s\n",
                week.stats.p50, week.stats.p95, week.stats.max, week.first, week.occurrences,
                verdict(week.stats.p50 < 30));
    const RangeRun month = expandRanges(*expander, true);
    std::printf(
        "expand one month: median %.2f ms, p95 %.2f ms, max %.2f ms; %.0f occurrences on average (target < 50 ms) %s\n",
        month.stats.p50, month.stats.p95, month.stats.max, month.occurrences, verdict(month.stats.p50 < 50));

    const bench::CalendarViewFigures views = bench::measureCalendarViews(calendar);
    std::printf(
        "read the cache's %d series into a snapshot (loader thread): first %.0f ms, after a change median %.0f ms\n",
        views.series, views.firstSnapshotMs, views.snapshotMs);
    std::printf("week view rows (expansion, layout, all-day lanes): median %.2f ms, p95 %.2f ms (target < 30 ms) %s\n",
                views.weekMs, views.weekP95Ms, verdict(views.weekMs < 30));
    std::printf("month view cells (expansion and 42 days): median %.2f ms, p95 %.2f ms (target < 50 ms) %s\n",
                views.monthMs, views.monthP95Ms, verdict(views.monthMs < 50));
    return 0;
}
