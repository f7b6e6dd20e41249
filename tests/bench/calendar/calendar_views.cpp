#include "calendar_views.h"

#include "bench_stats.h"

#include <convene/calendar/calendar_data.h>
#include <convene/calendar/event_entries.h>
#include <convene/calendar/month_grid_model.h>
#include <convene/calendar/occurrence_rows.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace convene::bench {

namespace {

constexpr int kSnapshotRuns = 6; // the first read, then re-reads
const QString kZone = QStringLiteral("Europe/Berlin");

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "bench_calendar: %s\n", message.toUtf8().constData());
    std::exit(1);
}

// One event entry per series, as the calendar writes them, through sync's cache writer.
void fillCache(const QString& path, const calendar::IcsCalendar& calendar)
{
    auto db = store::Database::open(path);
    if (!db)
        fail(db.error().message);
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    if (Result<void> migrated = runner.migrate(**db); !migrated)
        fail(migrated.error().message);
    QHash<QString, QList<calendar::Event>> byUid;
    QStringList order;
    for (const calendar::Event& e : calendar.events) {
        if (!byUid.contains(e.uid))
            order << e.uid;
        byUid[e.uid] << e;
    }
    QList<sync::RemoteEvent> events;
    for (const QString& uid : order) {
        QList<calendar::Event>& series = byUid[uid];
        std::stable_partition(series.begin(), series.end(), [](const calendar::Event& e) { return !e.isOverride(); });
        Result<QByteArray> payload = calendar::encodeEventEntry(series);
        if (!payload)
            fail(payload.error().message);
        sync::RemoteEvent e;
        e.stream = QStringLiteral("calendar:team");
        e.serverId = QString::number(events.size() + 1);
        e.cursor = e.serverId;
        e.kind = QString::fromLatin1(calendar::kEventKind);
        e.author = QStringLiteral("organizer");
        e.payload = *payload;
        e.body = series.first().summary;
        e.serverTime = 1'767'225'600'000 + events.size();
        events << e;
    }
    sync::CacheWriter writer(**db, QStringLiteral("me"));
    store::ChangeSet changes;
    if (Result<void> written = writer.applyEvents(events, changes); !written)
        fail(written.error().message);
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

CalendarViewFigures measureCalendarViews(const calendar::IcsCalendar& ics)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    fillCache(path, ics);

    store::ChangeNotifier changes;
    calendar::CalendarData data(path, changes, kZone);
    CalendarViewFigures figures;
    std::vector<double> snapshotSamples;
    for (int i = 0; i < kSnapshotRuns; ++i) {
        QEventLoop loop;
        QObject::connect(&data, &calendar::CalendarData::changed, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        if (i > 0)
            data.reload();
        loop.exec();
        if (i > 0)
            snapshotSamples.push_back(msSince(clock));
        else
            figures.firstSnapshotMs = msSince(clock);
    }
    const auto snapshot = data.snapshot();
    if (!snapshot->problems.isEmpty())
        fail(snapshot->problems.first());

    figures.series = int(snapshot->series.size());
    figures.snapshotMs = stats(snapshotSamples).p50;
    const QTimeZone zone(kZone.toUtf8());
    std::vector<double> weeks, months;
    for (int i = 0; i < 52; ++i) {
        QElapsedTimer clock;
        clock.start();
        const calendar::RowRange range{QDate(2026, 1, 5).addDays(7 * i), 7, zone, QStringLiteral("me")};
        const QList<calendar::OccurrenceRow> timed = calendar::timedRows(*snapshot, range);
        const QList<calendar::OccurrenceRow> allDay = calendar::allDayRows(*snapshot, range);
        weeks.push_back(msSince(clock));
        if (timed.isEmpty() && allDay.isEmpty())
            fail(QStringLiteral("a week without events"));
    }
    calendar::MonthGridModel grid;
    for (int i = 0; i < 12; ++i) {
        QElapsedTimer clock;
        clock.start();
        const QDate month(2026, i + 1, 1);
        const QDate first = calendar::MonthGridModel::firstCell(month, Qt::Monday);
        const calendar::RowRange range{first, calendar::MonthGridModel::kDays, zone, QStringLiteral("me")};
        grid.reset({month, Qt::Monday, month, 3, {}}, calendar::agendaRows(*snapshot, range));
        months.push_back(msSince(clock));
    }
    const Stats week = stats(weeks);
    const Stats month = stats(months);
    figures.weekMs = week.p50;
    figures.weekP95Ms = week.p95;
    figures.monthMs = month.p50;
    figures.monthP95Ms = month.p95;
    return figures;
}

} // namespace convene::bench
