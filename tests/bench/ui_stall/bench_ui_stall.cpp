// UI-thread stalls while the chat models work on a big cache: the longest time the UI thread's
// event loop could not run while
//   (a) someone types search queries (SearchModel::setQuery on every keystroke),
//   (b) someone scrolls a long channel back and forth (MessageListModel::fetchOlder/fetchNewer,
//       called as the QML ListView calls them near its ends),
//   (c) a burst of 2,000 messages arrives through sync (CacheWriter on the sync thread, as
//       SyncService runs SyncEngine, and store::ChangeNotifier to the UI thread's models), batched
//       as the local backend, the XMPP backend and a catch-up after reconnecting hand them over;
//       then one name change in the directory.
// A 1 ms Qt::PreciseTimer on the UI thread records the gap between its ticks: stall = gap − 1 ms.
// Every synchronous call the benchmark makes on the UI thread is timed too, and each notifier
// delivery is split by model, and the UI thread's SQL statements are traced. Prints median, p95,
// p99 and max per scenario (target: max < 16 ms, one frame at 60 Hz), also counting only the UI
// thread's CPU time, which tells the app's own work from other processes on the machine.
//   bench_ui_stall [messages in the cache, default 1000000]
// Run with `cmake --build <dir> --target run-bench_ui_stall`. Generating the cache comes first
// (20-30 s for 1M messages on a 2-CPU VM). BENCH_UI_STALL_CACHE=<file>: keep the cache in that file, and
// reuse it when it exists (skipping the generation; for profiling, e.g. under perf).
#include <convene/chat/cache_reader.h>
#include <convene/chat/channel_list_model.h>
#include <convene/chat/chat_events.h>
#include <convene/chat/conversation_state.h>
#include <convene/chat/directory.h>
#include <convene/chat/message_list_model.h>
#include <convene/chat/people_model.h>
#include <convene/chat/search_model.h>
#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/sync/cache_writer.h>

#include "bench_stats.h"
#include "chat_cache_generator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <random>
#include <utility>
#include <vector>

using namespace convene;

namespace {

constexpr double kTargetMs = 16; // one frame at 60 Hz
constexpr int kMonitorIntervalMs = 1;
constexpr double kLongStallMs = 2; // stalls from this long on are kept for attribution
constexpr int kKeystrokeMs = 80; // a fast typist
constexpr int kVisibleRows = 15; // rows a list shows at once
constexpr int kScrollRows = 20'000; // rows scrolled up, then down again
constexpr int kRowsPerFrame = 8; // ~500 rows/s: dragging fast through the history
constexpr int kFrameMs = 16;
constexpr int kPrefetchRows = 10; // MessageTimeline fetches within 600 px (~10 rows) of an end
constexpr int kBurst = 2000;
constexpr int kHistoryPage = 500; // SyncEngine::Options::historyPageSize
constexpr int kLocalPoll = 2000; // LocalBackend::poll hands over up to this many events at once
constexpr int kIndexIdleMs = 1500; // SyncEngine merges the index once writes pause this long
const QString kMe = QStringLiteral("me");

QElapsedTimer g_clock; // one clock for every timestamp

int64_t nowNs()
{
    return g_clock.nsecsElapsed();
}

double msBetween(int64_t from, int64_t to)
{
    return double(to - from) / 1e6;
}

// The calling thread's CPU time and context switches so far: a stall the thread spent off the
// CPU was another process or thread running (this machine's other work) or a wait (a lock, a
// busy database, the disk), not the thread's own work.
struct ThreadUsage {
    int64_t cpuNs = 0;
    long voluntary = 0; // waits
    long involuntary = 0; // preempted
    long faults = 0; // page faults (minor and major; the process's, not only the thread's)

    static ThreadUsage now()
    {
        ThreadUsage u;
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        u.cpuNs = int64_t(cpu.tv_sec) * 1'000'000'000 + cpu.tv_nsec;
        rusage usage{};
        getrusage(RUSAGE_THREAD, &usage);
        u.voluntary = usage.ru_nvcsw;
        u.involuntary = usage.ru_nivcsw;
        u.faults = usage.ru_minflt + usage.ru_majflt;
        return u;
    }
};

using bench::Stats;
using bench::stats;

const char* verdict(double maxMs)
{
    return maxMs < kTargetMs ? "ok" : "MISSED";
}

// --- what runs on the UI thread ---------------------------------------------------------------

// Everything timed on the UI thread during one scenario: the calls by kind (for their
// statistics), and each call with its details (to tell what a long stall was).
struct Log {
    struct Op {
        QString what;
        int64_t start = 0, end = 0;
    };
    std::vector<Op> ops;
    std::vector<std::pair<QString, std::vector<double>>> byKind; // in order of first appearance

    void clear();
    std::vector<double>& kind(const QString& kind)
    {
        for (auto& [name, times] : byKind)
            if (name == kind)
                return times;
        byKind.emplace_back(kind, std::vector<double>{});
        return byKind.back().second;
    }
    void record(const QString& kindName, const QString& what, int64_t start, int64_t end)
    {
        kind(kindName).push_back(msBetween(start, end));
        ops.push_back({what, start, end});
    }
    template<typename F>
    double time(const QString& kindName, const QString& what, F&& f)
    {
        const int64_t start = nowNs();
        f();
        const int64_t end = nowNs();
        record(kindName, what, start, end);
        return msBetween(start, end);
    }
};

Log g_log;

// Every statement the UI thread's cache connection runs, from its first step to its reset (the
// rows are read in between), to name the queries behind the long calls.
struct SqlTrace {
    struct Run {
        const char* sql = nullptr; // sqlite3_sql() of a statement the connection keeps prepared
        int64_t start = 0, end = 0;
    };
    std::vector<Run> runs;
    QHash<void*, int64_t> started;

    void install(store::Database& db)
    {
        sqlite3_trace_v2(
            db.handle(), SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE,
            [](unsigned event, void* context, void* statement, void*) {
                auto* self = static_cast<SqlTrace*>(context);
                const int64_t now = nowNs();
                if (event == SQLITE_TRACE_STMT) {
                    self->started.insert(statement, now);
                } else {
                    // SQLite's own elapsed time counts whole milliseconds: our clock instead.
                    const int64_t start = self->started.take(statement);
                    self->runs.push_back(
                        {sqlite3_sql(static_cast<sqlite3_stmt*>(statement)), start ? start : now, now});
                }
                return 0;
            },
            this);
    }
    // The statement's beginning and its end (its conditions), `width` characters in all.
    static QString text(const char* sql, int width = 150)
    {
        const QString simple = QString::fromUtf8(sql).simplified();
        if (simple.size() <= width)
            return simple;
        const int head = width / 3;
        return simple.left(head) + QStringLiteral(" … ") + simple.right(width - head - 3);
    }
    // The longest statement within [from, to], or nullptr.
    const Run* longestWithin(int64_t from, int64_t to) const
    {
        const Run* longest = nullptr;
        for (const Run& run : runs)
            if (run.start < to && run.end > from && (!longest || run.end - run.start > longest->end - longest->start))
                longest = &run;
        return longest;
    }
};

SqlTrace g_sql;

void Log::clear()
{
    ops.clear();
    byKind.clear();
    g_sql.runs.clear();
}

// A 1 ms precise timer on the UI thread; the time between two ticks beyond the interval is the
// time the event loop could not run.
class StallMonitor {
public:
    struct Stall {
        int64_t end = 0;
        double ms = 0;
        double cpuMs = 0; // of which the UI thread was on a CPU
        long voluntary = 0, involuntary = 0, faults = 0;
    };

    StallMonitor()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kMonitorIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_stalls.clear();
        m_onCpu.clear();
        m_long.clear();
        m_last = nowNs();
        m_lastUsage = ThreadUsage::now();
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    const std::vector<double>& stalls() const { return m_stalls; }
    // Each stall cut down to the UI thread's CPU time within it.
    const std::vector<double>& onCpu() const { return m_onCpu; }
    const std::vector<Stall>& longStalls() const { return m_long; }

private:
    void tick()
    {
        const int64_t now = nowNs();
        const ThreadUsage usage = ThreadUsage::now();
        const double stall = std::max(0.0, msBetween(m_last, now) - kMonitorIntervalMs);
        const double cpu = msBetween(m_lastUsage.cpuNs, usage.cpuNs);
        m_stalls.push_back(stall);
        m_onCpu.push_back(std::min(stall, cpu));
        if (stall >= kLongStallMs)
            m_long.push_back({now, stall, cpu, usage.voluntary - m_lastUsage.voluntary,
                              usage.involuntary - m_lastUsage.involuntary, usage.faults - m_lastUsage.faults});
        m_last = now;
        m_lastUsage = usage;
    }

    QTimer m_timer;
    int64_t m_last = 0;
    ThreadUsage m_lastUsage;
    std::vector<double> m_stalls;
    std::vector<double> m_onCpu;
    std::vector<Stall> m_long;
};

// Runs the UI thread's event loop for `ms`.
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `done` (the monitor's ticks wake it up), at most `timeoutMs`.
bool runUntil(const std::function<bool()>& done, int timeoutMs = 120'000)
{
    const int64_t deadline = nowNs() + int64_t(timeoutMs) * 1'000'000;
    while (!done()) {
        if (nowNs() > deadline)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// What a delegate binds: every role of the row.
void readRow(const QAbstractItemModel& model, int row, const QList<int>& roles)
{
    const QModelIndex index = model.index(row, 0);
    for (const int role : roles)
        (void)model.data(index, role);
}

QList<int> rolesOf(const QAbstractItemModel& model)
{
    return model.roleNames().keys();
}

QString quoted(const QString& text)
{
    return u'"' + text + u'"';
}

struct SummaryRow {
    QString scenario;
    Stats wall, onCpu;
};
std::vector<SummaryRow> g_summary;

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

void printStalls(const char* indent, const StallMonitor& monitor, const QString& scenario)
{
    const Stats s = stats(monitor.stalls());
    std::printf("%sUI-thread stall: median %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms (target < %.0f ms: %s)  "
                "[%zu ticks of the 1 ms monitor]\n",
                indent, s.p50, s.p95, s.p99, s.max, kTargetMs, verdict(s.max), s.n);
    const Stats c = stats(monitor.onCpu());
    std::printf("%s  the same counting only the UI thread's CPU time in each stall: median %.2f ms  p95 %.2f ms  "
                "p99 %.2f ms  max %.2f ms\n",
                indent, c.p50, c.p95, c.p99, c.max);
    g_summary.push_back({scenario, s, c});
}

// The UI thread's statements that took longest, by the longest run of each.
void printStatements(const char* indent, int count = 5)
{
    struct Total {
        const char* sql = nullptr;
        int runs = 0;
        double totalMs = 0, maxMs = 0;
    };
    QHash<const char*, Total> bySql;
    for (const SqlTrace::Run& run : g_sql.runs) {
        Total& t = bySql[run.sql];
        t.sql = run.sql;
        ++t.runs;
        const double ms = msBetween(run.start, run.end);
        t.totalMs += ms;
        t.maxMs = std::max(t.maxMs, ms);
    }
    std::vector<Total> totals(bySql.cbegin(), bySql.cend());
    std::sort(totals.begin(), totals.end(), [](const Total& a, const Total& b) { return a.maxMs > b.maxMs; });
    if (totals.empty())
        return;
    std::printf("%sthe UI thread's slowest statements (%zu runs in all):\n", indent, g_sql.runs.size());
    for (int i = 0; i < count && i < int(totals.size()); ++i) {
        const Total& t = totals[size_t(i)];
        std::printf("%s  max %6.2f ms  mean %5.2f ms  %5d runs  %s\n", indent, t.maxMs, t.totalMs / t.runs, t.runs,
                    qPrintable(SqlTrace::text(t.sql, 130)));
    }
}

void printCalls(const char* indent)
{
    std::printf("%ssynchronous work on the UI thread, per call:\n", indent);
    for (const auto& [kind, times] : g_log.byKind) {
        const Stats s = stats(times);
        std::printf("%s  %-44s median %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms  (%zu calls)\n", indent,
                    qPrintable(kind), s.p50, s.p95, s.p99, s.max, s.n);
    }
}

// The longest stalls, each with the longest timed call that overlapped it.
void printWorst(const char* indent, const StallMonitor& monitor, int count = 5)
{
    std::vector<StallMonitor::Stall> worst = monitor.longStalls();
    std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.ms > b.ms; });
    if (worst.empty()) {
        std::printf("%sno stall reached %.0f ms\n", indent, kLongStallMs);
        return;
    }
    std::printf("%slongest stalls and the longest timed call within each:\n", indent);
    for (int i = 0; i < count && i < int(worst.size()); ++i) {
        const auto& stall = worst[size_t(i)];
        const int64_t from = stall.end - int64_t((stall.ms + kMonitorIntervalMs) * 1e6);
        const Log::Op* longest = nullptr;
        for (const Log::Op& op : g_log.ops)
            if (op.start < stall.end && op.end > from &&
                (!longest || op.end - op.start > longest->end - longest->start))
                longest = &op;
        const QByteArray cpu = QStringLiteral("on CPU %1 ms, %2 waits, %3 preemptions, %4 page faults")
                                   .arg(stall.cpuMs, 0, 'f', 1)
                                   .arg(stall.voluntary)
                                   .arg(stall.involuntary)
                                   .arg(stall.faults)
                                   .toUtf8();
        if (longest)
            std::printf("%s  %7.2f ms (%s)  <- %s (%.2f ms)\n", indent, stall.ms, cpu.constData(),
                        qPrintable(longest->what), msBetween(longest->start, longest->end));
        else
            std::printf("%s  %7.2f ms (%s)  <- no timed call\n", indent, stall.ms, cpu.constData());
        if (const SqlTrace::Run* sql = g_sql.longestWithin(from, stall.end))
            std::printf("%s             longest statement in it: %.2f ms  %s\n", indent,
                        msBetween(sql->start, sql->end), qPrintable(SqlTrace::text(sql->sql)));
    }
}

// --- the sync thread ---------------------------------------------------------------------------

// Stands in for the engine thread of SyncService ("convene-sync"): a connection of its own to the
// cache and a CacheWriter that applies batches as SyncEngine::applyLive / onHistoryFetched do,
// each posting its changes to the UI thread's ChangeNotifier; once writes pause for 1.5 s it
// merges the full-text index a slice at a time, as the engine's index timer does.
class SyncThread {
public:
    enum class Source { Live, HistoryPage };

    SyncThread(const QString& path, store::ChangeNotifier& notifier) : m_notifier(notifier)
    {
        m_thread.setObjectName(QStringLiteral("convene-sync"));
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_context,
            [this, path] {
                m_db = bench::openCache(path);
                m_writer = std::make_unique<sync::CacheWriter>(*m_db, kMe);
                m_indexTimer = new QTimer(m_context);
                m_indexTimer->setSingleShot(true);
                QObject::connect(m_indexTimer, &QTimer::timeout, m_context, [this] { mergeSlice(); });
            },
            Qt::BlockingQueuedConnection);
    }

    ~SyncThread()
    {
        QMetaObject::invokeMethod(
            m_context,
            [this] {
                m_indexTimer->stop();
                m_writer.reset();
                m_db.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Applies `batches` one after another on the sync thread. `written` then runs on the UI
    // thread (after the deliveries of every change posted before), `merged` once the index
    // maintenance that follows is done. applyMs/mergeMs may be read from `written`/`merged` on.
    void apply(QList<QList<sync::RemoteEvent>> batches, Source source, QObject* receiver, std::function<void()> written,
               std::function<void()> merged)
    {
        QMetaObject::invokeMethod(m_context, [=, this, batches = std::move(batches)] {
            applyMs.clear();
            mergeMs = 0;
            mergeSlices = 0;
            m_receiver = receiver;
            m_merged = merged;
            for (const QList<sync::RemoteEvent>& batch : batches) {
                store::ChangeSet changes;
                const int64_t start = nowNs();
                const Result<void> applied =
                    m_writer->applyEvents(batch, changes, sync::CacheWriter::Placement::Newest);
                applyMs.push_back(msBetween(start, nowNs()));
                if (!applied)
                    bench::fail("burst", applied.error().message);
                m_indexTimer->start(kIndexIdleMs); // SyncEngine::scheduleIndexMaintenance
                if (source == Source::HistoryPage) { // SyncEngine::onHistoryFetched
                    changes.streams.insert(batch.constFirst().stream);
                    changes.tables.insert(QStringLiteral("streams"));
                }
                m_notifier.post(changes);
            }
            QMetaObject::invokeMethod(receiver, written, Qt::QueuedConnection);
        });
    }

    // Posts changes as SyncEngine::onStreamsListed does after (re)connecting.
    void postStreamsListed(const QSet<QString>& ids)
    {
        QMetaObject::invokeMethod(m_context, [this, ids] { m_notifier.post({{QStringLiteral("streams")}, ids}); });
    }

    std::vector<double> applyMs;
    double mergeMs = 0;
    int mergeSlices = 0;

private:
    void mergeSlice()
    {
        const int64_t start = nowNs();
        const Result<bool> more = m_writer->mergeIndex();
        mergeMs += msBetween(start, nowNs());
        ++mergeSlices;
        if (more && *more)
            m_indexTimer->start(10);
        else if (m_merged)
            QMetaObject::invokeMethod(m_receiver, std::exchange(m_merged, nullptr), Qt::QueuedConnection);
    }

    store::ChangeNotifier& m_notifier;
    QThread m_thread;
    QObject* m_context;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<sync::CacheWriter> m_writer;
    QTimer* m_indexTimer = nullptr;
    QObject* m_receiver = nullptr;
    std::function<void()> m_merged;
};

// --- the UI thread's chat models, wired as ChatController wires them ---------------------------

// Notifier deliveries, split by the slots in the order they are connected.
struct Deliveries {
    static constexpr int kParts = 5;
    static constexpr const char* kNames[kParts] = {"Directory", "ConversationState", "ChannelListModel (+ its view)",
                                                   "MessageListModel timeline (+ its view)", "MessageListModel thread"};
    int64_t start = 0;
    int64_t marks[kParts] = {};
    int part = 0;
    QString summary;
    std::vector<std::array<double, kParts + 1>> times; // total, then each part
    bool enabled = false;
};

struct Models {
    chat::CacheReader reader;
    store::ChangeNotifier notifier;
    Deliveries deliveries;
    std::unique_ptr<chat::Directory> directory;
    std::unique_ptr<chat::ConversationState> state;
    std::unique_ptr<chat::ChannelListModel> channels;
    std::unique_ptr<chat::MessageListModel> timeline;
    std::unique_ptr<chat::MessageListModel> thread;
    std::unique_ptr<chat::SearchModel> search;
    std::unique_ptr<chat::PeopleModel> members;
    std::unique_ptr<chat::PeopleModel> people;
    bool followTimeline = false; // a view at the end of the timeline reads what changes

    explicit Models(const QString& path) : reader(path)
    {
        if (!reader.db())
            bench::fail("cache", QStringLiteral("cannot read %1").arg(path));
        g_sql.install(*reader.db());
        Deliveries& d = deliveries;
        QObject::connect(&notifier, &store::ChangeNotifier::changed, [&d](const store::ChangeSet& set) {
            d.start = nowNs();
            d.part = 0;
            d.summary = QStringLiteral("%1 streams").arg(set.streams.size());
        });
        const auto mark = [this, &d] {
            QObject::connect(&notifier, &store::ChangeNotifier::changed, [&d] { d.marks[d.part++] = nowNs(); });
        };
        // The same order as ChatController: Directory, ConversationState, ChannelListModel,
        // timeline, thread; a mark after each.
        directory = std::make_unique<chat::Directory>(reader, notifier);
        mark();
        state = std::make_unique<chat::ConversationState>(reader, notifier, kMe);
        mark();
        channels = std::make_unique<chat::ChannelListModel>(reader, notifier, *directory, *state);
        mark();
        timeline = std::make_unique<chat::MessageListModel>(reader, notifier, *directory, kMe);
        mark();
        thread = std::make_unique<chat::MessageListModel>(reader, notifier, *directory, kMe);
        mark();
        QObject::connect(&notifier, &store::ChangeNotifier::changed, [&d] {
            if (!d.enabled)
                return;
            std::array<double, Deliveries::kParts + 1> t{};
            t[0] = msBetween(d.start, d.marks[Deliveries::kParts - 1]);
            int64_t from = d.start;
            for (int i = 0; i < Deliveries::kParts; ++i) {
                t[size_t(i) + 1] = msBetween(from, d.marks[i]);
                from = d.marks[i];
            }
            d.times.push_back(t);
            g_log.record(QStringLiteral("ChangeNotifier delivery (all models)"),
                         QStringLiteral("ChangeNotifier delivery of %1: Directory %2, ConversationState %3, "
                                        "ChannelListModel %4, timeline %5, thread %6 ms")
                             .arg(d.summary)
                             .arg(t[1], 0, 'f', 2)
                             .arg(t[2], 0, 'f', 2)
                             .arg(t[3], 0, 'f', 2)
                             .arg(t[4], 0, 'f', 2)
                             .arg(t[5], 0, 'f', 2),
                         d.start, d.marks[Deliveries::kParts - 1]);
        });
        search = std::make_unique<chat::SearchModel>(reader, *directory,
                                                     [this](const QString& id) { return channels->displayName(id); });
        members = std::make_unique<chat::PeopleModel>(*directory, *state);
        people = std::make_unique<chat::PeopleModel>(*directory, *state);

        // The views: the conversation list shows every row; the timeline, when followed, its
        // last rows (stuck to the newest message); search results, the first rows.
        const auto readChannels = [this] {
            const QList<int> roles = rolesOf(*channels);
            for (int row = 0; row < channels->rowCount(); ++row)
                readRow(*channels, row, roles);
        };
        QObject::connect(channels.get(), &QAbstractItemModel::dataChanged, readChannels);
        QObject::connect(channels.get(), &QAbstractItemModel::modelReset, readChannels);
        QObject::connect(timeline.get(), &QAbstractItemModel::rowsInserted,
                         [this](const QModelIndex&, int first, int last) {
                             if (!followTimeline)
                                 return;
                             const QList<int> roles = rolesOf(*timeline);
                             for (int row = std::max(first, timeline->rowCount() - kVisibleRows); row <= last; ++row)
                                 readRow(*timeline, row, roles);
                         });
        QObject::connect(timeline.get(), &QAbstractItemModel::dataChanged,
                         [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                             if (!followTimeline)
                                 return;
                             const QList<int> read = roles.isEmpty() ? rolesOf(*timeline) : roles;
                             for (int row = std::max(topLeft.row(), timeline->rowCount() - kVisibleRows);
                                  row <= bottomRight.row(); ++row)
                                 readRow(*timeline, row, read);
                         });
        QObject::connect(timeline.get(), &QAbstractItemModel::modelReset, [this] {
            if (!followTimeline)
                return;
            const QList<int> roles = rolesOf(*timeline);
            for (int row = std::max(0, timeline->rowCount() - kVisibleRows); row < timeline->rowCount(); ++row)
                readRow(*timeline, row, roles);
        });
    }
};

// --- (a) search as someone types ---------------------------------------------------------------

struct Typed {
    QString text;
    const char* about;
};

void typeQueries(Models& m, StallMonitor& monitor)
{
    const Typed queries[] = {
        {QStringLiteral("明天的会议"), "Chinese; 1-2 characters scan, 3+ use the trigram index"},
        {QStringLiteral("deploy budget"), "English, two terms"},
        {QStringLiteral("客户反馈 in:#channel-3"), "Chinese, then a channel filter"},
        {QStringLiteral("from:@user-7 会议"), "a person filter, then a 2-character term"},
        {QStringLiteral("release in:#bench from:@user-7"), "English, channel and person filters"},
        {QStringLiteral("上线"), "a 2-character term only"},
        {QStringLiteral("#4242"), "a rare term"},
    };
    chat::SearchModel& search = *m.search;
    int64_t resultsStart = 0;
    QString current;
    const QMetaObject::Connection reset =
        QObject::connect(&search, &QAbstractItemModel::modelAboutToBeReset, [&] { resultsStart = nowNs(); });
    const QMetaObject::Connection shown = QObject::connect(&search, &chat::SearchModel::resultsChanged, [&] {
        // The results view: delegates for the first rows.
        const QList<int> roles = rolesOf(search);
        for (int row = 0; row < std::min(kVisibleRows, search.rowCount()); ++row)
            readRow(search, row, roles);
        g_log.record(QStringLiteral("results shown (onFound + reset + view)"),
                     QStringLiteral("results of %1 shown (%2 rows)").arg(quoted(current)).arg(search.rowCount()),
                     resultsStart, nowNs());
    });

    g_log.clear();
    std::vector<double> latencies;
    struct Slowest {
        double ms = 0;
        QString text;
    } slowest;
    int keystrokes = 0;
    monitor.start();
    runFor(200);
    for (const Typed& query : queries) {
        g_log.time(QStringLiteral("SearchModel::setQuery (clear)"), QStringLiteral("setQuery(\"\")"),
                   [&] { search.setQuery(QString()); });
        runFor(300); // a moment before typing the next one
        for (qsizetype length = 1; length <= query.text.size(); ++length) {
            current = query.text.left(length);
            const int64_t key = nowNs();
            g_log.time(QStringLiteral("SearchModel::setQuery"), QStringLiteral("setQuery(%1)").arg(quoted(current)),
                       [&] { search.setQuery(current); });
            ++keystrokes;
            if (!runUntil([&] { return !search.searching(); }))
                bench::fail("search", QStringLiteral("no results for %1").arg(current));
            const double latency = msBetween(key, nowNs());
            latencies.push_back(latency);
            if (latency > slowest.ms)
                slowest = {latency, current};
            const int left = kKeystrokeMs - int(latency);
            if (left > 0)
                runFor(left);
        }
        runFor(300);
    }
    monitor.stop();
    QObject::disconnect(shown);
    QObject::disconnect(reset);
    search.setQuery(QString());

    std::printf("\n(a) search as someone types: %d keystrokes in %zu queries, one every %d ms or once the previous "
                "results are shown\n",
                keystrokes, std::size(queries), kKeystrokeMs);
    for (const Typed& q : queries)
        std::printf("      %s  (%s)\n", quoted(q.text).toUtf8().constData(), q.about);
    printStalls("    ", monitor, QStringLiteral("(a) search as someone types"));
    printCalls("    ");
    const Stats l = stats(latencies);
    std::printf("    keystroke to results shown (the query runs on the search thread): median %.1f ms  p95 %.1f ms  "
                "max %.1f ms (%s)\n",
                l.p50, l.p95, l.max, quoted(slowest.text).toUtf8().constData());
    printWorst("    ", monitor);
    printStatements("    ");
}

// --- (b) scrolling a long channel --------------------------------------------------------------

int64_t posAt(const chat::MessageListModel& model, int row)
{
    return model.data(model.index(row), chat::MessageListModel::PosRole).toLongLong();
}

struct ScrollRun {
    int64_t rows = 0;
    int pages = 0;
    bool ended = false; // reached the end of the history before kScrollRows
};

// Moves a view of kVisibleRows rows by kRowsPerFrame rows a frame towards the older (up) or
// newer (down) end of the timeline; the delegates of the rows that come into view read their
// roles, and a page is fetched on the next turn of the event loop whenever the view is within
// kPrefetchRows of the end of the window, as MessageTimeline's fetch timers do.
// `edge`: the position of the view's first row in the scrolling direction (its top row going up,
// its bottom row going down); the view's top row when done.
ScrollRun scroll(chat::MessageListModel& model, bool up, int64_t rows, int64_t& edge)
{
    ScrollRun run;
    const QList<int> roles = rolesOf(model);
    bool fetchQueued = false;
    bool done = false;
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(kFrameMs);
    QObject::connect(&frame, &QTimer::timeout, [&] {
        const int at = model.rowOfPos(edge);
        if (at < 0)
            bench::fail("scroll", QStringLiteral("the view's row left the window"));
        const int to = up ? std::max(0, at - kRowsPerFrame) : std::min(model.rowCount() - 1, at + kRowsPerFrame);
        g_log.time(QStringLiteral("delegates of the rows scrolled into view"),
                   QStringLiteral("delegates of %1 rows").arg(std::abs(to - at)), [&] {
                       for (int row = std::min(at, to); row <= std::max(at, to); ++row)
                           if (row != at)
                               readRow(model, row, roles);
                   });
        run.rows += std::abs(to - at);
        edge = posAt(model, to);
        const bool nearEnd = up ? to < kPrefetchRows : to >= model.rowCount() - kPrefetchRows;
        const bool more = up ? model.hasOlder() : model.hasNewer();
        if (run.rows >= rows || (!more && (up ? to == 0 : to == model.rowCount() - 1))) {
            run.ended = run.rows < rows;
            done = true;
            return;
        }
        if (nearEnd && more && !fetchQueued) {
            fetchQueued = true;
            QTimer::singleShot(0, &frame, [&] {
                fetchQueued = false;
                const char* name = up ? "MessageListModel::fetchOlder" : "MessageListModel::fetchNewer";
                g_log.time(QString::fromLatin1(name),
                           QStringLiteral("%1 (page %2)").arg(QLatin1String(name)).arg(run.pages + 1),
                           [&] { up ? model.fetchOlder() : model.fetchNewer(); });
                ++run.pages;
            });
        }
    });
    frame.start();
    runUntil([&] { return done; }, 600'000);
    frame.stop();
    if (!up) // the top row
        edge = posAt(model, std::max(0, model.rowOfPos(edge) - (kVisibleRows - 1)));
    return run;
}

void scrollChannel(Models& m, StallMonitor& monitor, int64_t channelSize)
{
    chat::MessageListModel& timeline = *m.timeline;
    g_log.clear();
    monitor.start();
    runFor(100);
    g_log.time(QStringLiteral("MessageListModel::open"), QStringLiteral("open #bench"),
               [&] { timeline.open(bench::benchChannelId()); });
    runFor(100);
    // The view shows the last kVisibleRows rows.
    int64_t edge = posAt(timeline, std::max(0, timeline.rowCount() - kVisibleRows));
    const ScrollRun up = scroll(timeline, true, kScrollRows, edge);
    runFor(100);
    edge = posAt(timeline, std::min(timeline.rowCount() - 1, timeline.rowOfPos(edge) + kVisibleRows - 1));
    const ScrollRun down = scroll(timeline, false, up.rows, edge);
    runFor(100);
    monitor.stop();

    std::printf("\n(b) scrolling #bench (%lld messages) from the newest message %lld rows up and back down: %d rows "
                "a %d ms frame, a page of %d fetched near either end of the %d-row window\n",
                static_cast<long long>(channelSize), static_cast<long long>(up.rows), kRowsPerFrame, kFrameMs,
                chat::MessageListModel::kPageSize, 400 /* the model's default window limit */);
    std::printf("    up: %lld rows, %d pages%s; down: %lld rows, %d pages%s; back at the newest: %s\n",
                static_cast<long long>(up.rows), up.pages, up.ended ? " (reached the oldest)" : "",
                static_cast<long long>(down.rows), down.pages, down.ended ? " (reached the newest)" : "",
                timeline.hasNewer() ? "no" : "yes");
    printStalls("    ", monitor, QStringLiteral("(b) scrolling #bench up and down"));
    printCalls("    ");
    printWorst("    ", monitor);
    printStatements("    ");
}

// --- (c) a burst of messages through sync ------------------------------------------------------

struct BurstEvents {
    QList<sync::RemoteEvent> events;
    bench::Counts counts;
    int channelsHit = 0;
    int inOpen = 0;
};

// kBurst new events spread evenly over the channels (the generator's mix: mostly messages, with
// replies, reactions and edits to recent ones), timed now.
BurstEvents burstEvents(std::vector<bench::Channel>& channels, std::mt19937_64& random)
{
    BurstEvents burst;
    QSet<QString> hit;
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < kBurst; ++i) {
        bench::Channel& channel = channels[random() % channels.size()];
        sync::RemoteEvent e = bench::makeEvent(channel, random, burst.counts, i);
        e.serverTime = now - (kBurst - i) * 5;
        hit.insert(channel.id);
        burst.inOpen += channel.id == bench::benchChannelId();
        burst.events << e;
    }
    burst.channelsHit = int(hit.size());
    return burst;
}

struct BurstVariant {
    const char* name;
    const char* batching;
    SyncThread::Source source;
    int batchSize; // live events handed over at once (pages: kHistoryPage per stream)
};

void receiveBurst(Models& m, SyncThread& writer, StallMonitor& monitor, const BurstVariant& variant,
                  const BurstEvents& burst)
{
    QList<QList<sync::RemoteEvent>> batches;
    if (variant.source == SyncThread::Source::HistoryPage) {
        // Catching up after a reconnect: a page of at most kHistoryPage events per stream.
        QHash<QString, QList<sync::RemoteEvent>> byStream;
        QStringList order;
        for (const sync::RemoteEvent& e : burst.events) {
            if (!byStream.contains(e.stream))
                order << e.stream;
            byStream[e.stream] << e;
        }
        for (const QString& stream : order) {
            const QList<sync::RemoteEvent>& events = byStream[stream];
            for (qsizetype i = 0; i < events.size(); i += kHistoryPage)
                batches << events.mid(i, kHistoryPage);
        }
    } else {
        for (qsizetype i = 0; i < burst.events.size(); i += variant.batchSize)
            batches << burst.events.mid(i, variant.batchSize);
    }

    QObject receiver;
    g_log.clear();
    m.deliveries.times.clear();
    m.deliveries.enabled = true;
    m.followTimeline = true;
    monitor.start();
    runFor(100);
    bool written = false, merged = false;
    int64_t writtenAt = 0, mergedAt = 0;
    const int64_t start = nowNs();
    if (variant.source == SyncThread::Source::HistoryPage) {
        QSet<QString> ids;
        for (const auto& batch : batches)
            ids.insert(batch.constFirst().stream);
        writer.postStreamsListed(ids);
    }
    writer.apply(
        batches, variant.source, &receiver,
        [&] {
            written = true;
            writtenAt = nowNs();
        },
        [&] {
            merged = true;
            mergedAt = nowNs();
        });
    if (!runUntil([&] { return written; }))
        bench::fail("burst", QStringLiteral("not written"));
    const bool mergeDone = runUntil([&] { return merged; }, 60'000);
    runFor(100);
    monitor.stop();
    m.followTimeline = false;
    m.deliveries.enabled = false;

    const double writeMs = [&] {
        double sum = 0;
        for (double ms : writer.applyMs)
            sum += ms;
        return sum;
    }();
    const Stats apply = stats(writer.applyMs);
    std::printf("\n(c) %s: %s\n", variant.name, variant.batching);
    printStalls("    ", monitor,
                QStringLiteral("(c) burst, %1 (%2 ms)")
                    .arg(QLatin1String(variant.name))
                    .arg(msBetween(start, writtenAt), 0, 'f', 0));
    std::printf("    burst: %lld events in %lld batches; the models on the UI thread showed the last of them %.0f ms "
                "after the first batch was handed to the sync thread\n",
                static_cast<long long>(burst.events.size()), static_cast<long long>(batches.size()),
                msBetween(start, writtenAt));
    std::printf("    sync thread (not the UI thread): CacheWriter::applyEvents %.0f ms in all, per batch median %.2f  "
                "max %.2f ms; index merge %s %.0f ms in %d slices, done %.0f ms after the burst\n",
                writeMs, apply.p50, apply.max, mergeDone ? "afterwards" : "NOT FINISHED,", writer.mergeMs,
                writer.mergeSlices, mergeDone ? msBetween(writtenAt, mergedAt) : -1.0);
    const auto& times = m.deliveries.times;
    std::printf("    ChangeNotifier deliveries on the UI thread: %zu (posts made while one is pending merge into it), "
                "per delivery:\n",
                times.size());
    for (int part = 0; part <= Deliveries::kParts; ++part) {
        std::vector<double> values;
        for (const auto& t : times)
            values.push_back(t[size_t(part)]);
        const Stats s = stats(values);
        std::printf("      %-44s median %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms\n",
                    part == 0 ? "all models" : Deliveries::kNames[part - 1], s.p50, s.p95, s.p99, s.max);
    }
    printWorst("    ", monitor);
    printStatements("    ");
}

// A name change in the directory stream while #bench is open: every shown row renders again.
void receiveProfileChange(Models& m, SyncThread& writer, StallMonitor& monitor)
{
    int64_t counter = 1'000'000; // after the generator's directory events
    sync::RemoteEvent e = bench::newEvent(chat::kDirectoryStream, counter);
    e.kind = chat::kind::profile;
    e.author = QStringLiteral("user-7");
    e.payload = chat::jsonPayload({{QStringLiteral("name"), QStringLiteral("Member Seven")},
                                   {QStringLiteral("title"), QStringLiteral("Engineer")}});
    e.serverTime = QDateTime::currentMSecsSinceEpoch();
    QObject receiver;
    g_log.clear();
    m.deliveries.times.clear();
    m.deliveries.enabled = true;
    m.followTimeline = true;
    monitor.start();
    runFor(100);
    bool written = false;
    writer.apply({{e}}, SyncThread::Source::Live, &receiver, [&] { written = true; }, {});
    runUntil([&] { return written; });
    runFor(100);
    monitor.stop();
    m.followTimeline = false;
    m.deliveries.enabled = false;
    std::printf("\n(c) a name change in the directory while #bench is open (Directory::changed renders the %d shown "
                "rows again)\n",
                m.timeline->rowCount());
    printStalls("    ", monitor, QStringLiteral("(c) a name change in the directory"));
    for (const auto& t : m.deliveries.times)
        std::printf(
            "    delivery %.2f ms: Directory (with the re-render it triggers) %.2f ms, ChannelListModel %.2f ms, "
            "timeline %.2f ms\n",
            t[0], t[1], t[3], t[4]);
    printStatements("    ", 3);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    g_clock.start();
    const int64_t total = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const int64_t channelSize = std::max<int64_t>(total / 10, 2 * chat::MessageListModel::kPageSize);
    if (total < channelSize + bench::kOtherChannels) {
        std::fprintf(stderr, "usage: bench_ui_stall [messages in the cache, >= 140]\n");
        return 2;
    }
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    const QString kept = qEnvironmentVariable("BENCH_UI_STALL_CACHE");
    if (!kept.isEmpty())
        path = QFileInfo(kept).absoluteFilePath();
    const bool reuse = !kept.isEmpty() && QFileInfo::exists(path);

#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "DEBUG BUILD, timings not representative";
#endif
    std::printf("UI-thread stall benchmark: the longest time the UI thread's event loop could not run while the chat "
                "models work (%s)\n",
                build);
    std::printf("  monitor: a %d ms Qt::PreciseTimer on the UI thread; stall = gap between two ticks - %d ms. Every "
                "synchronous call made on the UI thread is timed as well.\n",
                kMonitorIntervalMs, kMonitorIntervalMs);
    std::printf("  %d CPUs; sync runs as in the app: SyncService moves SyncEngine to a thread of its own "
                "(\"convene-sync\"), so CacheWriter\n  writes there and only the ChangeNotifier delivery (the models' "
                "refresh) runs on the UI thread; search queries run on SearchModel's own thread.\n",
                QThread::idealThreadCount());
    std::printf("  load average at the start: %s (other work on this machine shows as stalls: see (idle))\n",
                qPrintable(loadAverage()));

    std::vector<bench::Channel> channels = bench::benchChannels(total, channelSize);
    if (reuse) {
        // Server ids continue after the cached ones.
        auto db = bench::openCache(path);
        auto last = db->prepare(QStringLiteral(
            "SELECT max(CAST(substr(server_id, length(stream) + 2) AS INTEGER)) FROM entries WHERE stream = ?"));
        for (bench::Channel& c : channels) {
            (*last)->bind(1, c.id);
            if ((*last)->step().valueOr(false))
                c.events = (*last)->int64(0);
            (*last)->reset();
        }
        std::printf("  cache: reusing %s (%.0f MiB), made for %lld messages\n", qPrintable(path),
                    double(QFileInfo(path).size()) / (1024.0 * 1024.0), static_cast<long long>(total));
    } else {
        QElapsedTimer clock;
        clock.start();
        auto db = bench::openCache(path);
        bench::Counts counts = bench::ingest(*db, channels);
        bench::mergeIndex(*db, counts);
        std::printf("  cache: %lld top-level messages in %d channels (#bench holds %lld), plus %lld thread replies, "
                    "%lld reactions, %lld edits; %d authors\n",
                    static_cast<long long>(counts.messages), int(channels.size()), static_cast<long long>(channelSize),
                    static_cast<long long>(counts.replies), static_cast<long long>(counts.reactions),
                    static_cast<long long>(counts.edits), bench::kUsers + 1);
        std::printf(
            "  generated in %.1f s (CacheWriter::applyEvents %.1f s in batches of %d, index merge %.1f s); cache "
            "file %.0f MiB\n",
            double(clock.nsecsElapsed()) / 1e9, counts.ingestSeconds, bench::kCacheBatch, counts.mergeSeconds,
            double(QFileInfo(path).size()) / (1024.0 * 1024.0));
        if (!kept.isEmpty())
            std::printf("  kept in %s\n", qPrintable(path));
    }
    std::fflush(stdout);
    {
        // The user is in every channel, so all of them are listed.
        auto db = bench::openCache(path);
        sync::CacheWriter writer(*db, kMe);
        QList<sync::RemoteEvent> joins;
        for (bench::Channel& channel : channels) {
            sync::RemoteEvent join = bench::newEvent(channel.id, channel.events);
            join.kind = chat::kind::join;
            join.author = kMe;
            join.serverTime = QDateTime::currentMSecsSinceEpoch();
            joins << join;
        }
        store::ChangeSet changes;
        if (const auto applied = writer.applyEvents(joins, changes); !applied)
            bench::fail("joins", applied.error().message);
    }

    QElapsedTimer startup;
    startup.start();
    Models models(path);
    models.members->setStreamId(bench::benchChannelId());
    std::printf("  chat models created (as ChatController creates them) in %.0f ms; %d conversations listed\n",
                double(startup.nsecsElapsed()) / 1e6, models.channels->rowCount());
    StallMonitor monitor;

    {
        // What the machine alone does to the monitor (other processes, the scheduler).
        g_log.clear();
        monitor.start();
        runFor(3000);
        monitor.stop();
        std::printf("\n(idle) the event loop with nothing to do for 3 s: the noise floor of this machine\n");
        printStalls("    ", monitor, QStringLiteral("(idle) nothing to do"));
        printWorst("    ", monitor, 3);
    }
    std::fflush(stdout);
    typeQueries(models, monitor);
    std::fflush(stdout);
    scrollChannel(models, monitor, channelSize);
    std::fflush(stdout);

    {
        SyncThread writer(path, models.notifier);
        models.timeline->open(bench::benchChannelId()); // at the newest message, the view stuck to the end
        std::mt19937_64 random(99);
        const BurstVariant variants[] = {
            {"local backend",
             "LocalBackend::poll hands over up to 2,000 new events at once: one batch, one "
             "applyEvents, one post (SyncEngine::applyLive)",
             SyncThread::Source::Live, kLocalPoll},
            {"xmpp",
             "XmppBackend emits every message stanza on its own: 2,000 batches of one event, each applied and "
             "posted (SyncEngine::applyLive)",
             SyncThread::Source::Live, 1},
            {"catch-up after a reconnect",
             "history pages of up to 500 events of one stream each, applied and posted "
             "as SyncEngine::onHistoryFetched does, after the stream list's post",
             SyncThread::Source::HistoryPage, kHistoryPage},
        };
        for (const BurstVariant& variant : variants) {
            const BurstEvents burst = burstEvents(channels, random);
            std::printf("\n%d new events across %d channels (%lld messages, %lld thread replies, %lld reactions, %lld "
                        "edits), %d of them in #bench, which is open at its newest message",
                        kBurst, burst.channelsHit, static_cast<long long>(burst.counts.messages),
                        static_cast<long long>(burst.counts.replies), static_cast<long long>(burst.counts.reactions),
                        static_cast<long long>(burst.counts.edits), burst.inOpen);
            receiveBurst(models, writer, monitor, variant, burst);
            std::fflush(stdout);
        }
        receiveProfileChange(models, writer, monitor);
    }

    std::printf("\nsummary: UI-thread stalls (wall clock; then counting only the UI thread's CPU time), target: max < "
                "%.0f ms; load average at the end %s\n",
                kTargetMs, qPrintable(loadAverage()));
    for (const SummaryRow& row : g_summary)
        std::printf(
            "  %-52s median %5.2f  p95 %5.2f  p99 %6.2f  max %6.2f ms (%s)   on CPU: p99 %6.2f  max %6.2f ms (%s)\n",
            qPrintable(row.scenario), row.wall.p50, row.wall.p95, row.wall.p99, row.wall.max, verdict(row.wall.max),
            row.onCpu.p99, row.onCpu.max, verdict(row.onCpu.max));
    return 0;
}
