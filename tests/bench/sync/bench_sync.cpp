// Sync and cache benchmarks: ingest of remote history including the full-text index, outbox
// submit throughput, delivery after an outage, cold open of a large cache, search latency.
// Prints medians; run with `cmake --build <dir> --target run-bench_sync`.
#include <convene/store/database.h>
#include <convene/store/full_text.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>
#include <convene/sync/sync_service.h>

#include "../common/bench_sentences.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace convene;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

using bench::sentence;

std::unique_ptr<store::Database> openCache(const QString& path)
{
    auto db = store::Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        std::exit(1);
    }
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    if (auto migrated = runner.migrate(**db); !migrated) {
        std::fprintf(stderr, "%s\n", qPrintable(migrated.error().message));
        std::exit(1);
    }
    return std::move(db).value();
}

// Returns messages per second.
double ingest(const QString& path, int messages, int streams)
{
    auto db = openCache(path);
    sync::CacheWriter writer(*db, QStringLiteral("me"));
    std::mt19937_64 random(42);
    QList<sync::RemoteEvent> batch;
    batch.reserve(5000);
    // Only the cache writes are timed, not making up the messages.
    qint64 writingNs = 0;
    for (int i = 0; i < messages; ++i) {
        sync::RemoteEvent e;
        const int s = i % streams;
        e.stream = QStringLiteral("channel:bench-%1").arg(s);
        e.serverId = QStringLiteral("evt-%1").arg(i);
        e.cursor = QString::number(i);
        e.clientId = QUuid::createUuidV5(QUuid(), QString::number(i));
        e.kind = QStringLiteral("message");
        e.author = QStringLiteral("user-%1").arg(random() % 50);
        e.body = sentence(random);
        e.serverTime = 1'700'000'000'000 + i;
        batch << e;
        if (batch.size() == 5000 || i + 1 == messages) {
            store::ChangeSet changes;
            QElapsedTimer clock;
            clock.start();
            const auto applied = writer.applyEvents(batch, changes);
            writingNs += clock.nsecsElapsed();
            if (!applied) {
                std::fprintf(stderr, "ingest failed: %s\n", qPrintable(applied.error().message));
                std::exit(1);
            }
            batch.clear();
        }
    }
    return messages / (writingNs / 1e9);
}

double coldOpenMs(const QString& path)
{
    QElapsedTimer clock;
    clock.start();
    auto db = openCache(path);
    auto page = db->prepare(QStringLiteral("SELECT id, author, body, server_time FROM entries WHERE stream = "
                                           "'channel:bench-3' ORDER BY pos DESC LIMIT 50"));
    int rows = 0;
    while ((*page)->step().valueOr(false))
        ++rows;
    (*page)->reset();
    if (rows != 50)
        std::fprintf(stderr, "cold open read %d rows\n", rows);
    return clock.nsecsElapsed() / 1e6;
}

std::pair<double, double> searchMs(const QString& path)
{
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    auto query = (*db)->prepare(
        QStringLiteral("SELECT e.id, e.stream, e.body FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
                       "WHERE entries_fts.body LIKE ? ORDER BY entries_fts.rowid DESC LIMIT 50"));
    const QStringList terms{QStringLiteral("明天会议"), QStringLiteral("release"), QStringLiteral("budget"),
                            QStringLiteral("客户反馈"), QStringLiteral("#4242"),   QStringLiteral("deploy")};
    std::vector<double> times;
    for (int round = 0; round < 10; ++round)
        for (const QString& term : terms) {
            QElapsedTimer clock;
            clock.start();
            (*query)->bind(1, store::fullTextQuery(term).indexedPatterns.constFirst());
            while ((*query)->step().valueOr(false)) { }
            (*query)->reset();
            times.push_back(clock.nsecsElapsed() / 1e6);
        }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[times.size() * 95 / 100]};
}

struct OutboxResult {
    double submitPerSecond;
    double deliverPerSecond;
};

int64_t outboxCount(const QString& path)
{
    auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!db)
        return -1;
    auto count = (*db)->prepare(QStringLiteral("SELECT count(*) FROM outbox"));
    if (!count || !(*count)->step().valueOr(false))
        return -1;
    return (*count)->int64(0);
}

OutboxResult outbox(const QString& dir, int mutations)
{
    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir).filePath(QStringLiteral("profile/cache.db"));
    options.backendConfig.profileDir = QDir(dir).filePath(QStringLiteral("profile"));
    options.backendConfig.displayName = QStringLiteral("bench");
    options.backendConfig.options.insert(QStringLiteral("faults"), QVariantMap{{QStringLiteral("offline"), true}});
    options.reconnectBackoff = {20, 50};
    sync::SyncService service(options);
    service.start();
    if (!QTest::qWaitFor([&] { return service.state() == sync::ConnectionState::Offline; }, 5000))
        std::fprintf(stderr, "backend never reported offline\n");

    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < mutations; ++i) {
        sync::Mutation m;
        m.stream = QStringLiteral("channel:out-%1").arg(i % 4);
        m.kind = QStringLiteral("message");
        m.body = QStringLiteral("queued message %1").arg(i);
        m.payload = QByteArray("{\"text\":\"queued\"}");
        service.submit(m);
        if (i % 1000 == 999)
            QCoreApplication::processEvents(); // a UI thread keeps running while someone types
    }
    if (!QTest::qWaitFor([&] { return outboxCount(service.cachePath()) == mutations; }, 120'000))
        std::fprintf(stderr, "not everything reached the outbox\n");
    const double submitSeconds = clock.nsecsElapsed() / 1e9;

    clock.restart();
    service.setBackendFaults({{QStringLiteral("offline"), false}});
    if (!QTest::qWaitFor([&] { return outboxCount(service.cachePath()) == 0; }, 300'000))
        std::fprintf(stderr, "the outbox did not drain\n");
    const double deliverSeconds = clock.nsecsElapsed() / 1e9;
    service.stop();
    return {mutations / submitSeconds, mutations / deliverSeconds};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    sync::registerSyncMetaTypes();
    const int messages = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const int mutations = argc > 3 ? std::atoi(argv[3]) : 100'000;
    QTemporaryDir dir;
    std::printf("sync benchmarks (%d messages, %d runs, medians)\n", messages, runs);

    std::vector<double> ingestRates;
    const QString cachePath = dir.filePath(QStringLiteral("ingest-0.db"));
    for (int run = 0; run < runs; ++run)
        ingestRates.push_back(ingest(dir.filePath(QStringLiteral("ingest-%1.db").arg(run)), messages, 20));
    std::printf("  ingest remote messages incl. trigram FTS : %9.0f messages/s   (target > 100000)\n",
                median(ingestRates));

    std::vector<double> opens;
    for (int i = 0; i < 7; ++i)
        opens.push_back(coldOpenMs(cachePath));
    std::printf("  open cache with %d messages + first page: %9.2f ms           (target < 100)\n", messages,
                median(opens));

    const auto [p50, p95] = searchMs(cachePath);
    std::printf("  full-text search, LIMIT 50               : p50 %.2f ms, p95 %.2f ms\n", p50, p95);

    std::vector<double> submits, delivers;
    for (int run = 0; run < runs && mutations > 0; ++run) {
        QTemporaryDir outboxDir;
        const OutboxResult r = outbox(outboxDir.path(), mutations);
        submits.push_back(r.submitPerSecond);
        delivers.push_back(r.deliverPerSecond);
    }
    if (!submits.empty()) {
        std::printf("  outbox submit (optimistic apply + queue)  : %9.0f mutations/s  (target > 20000)\n",
                    median(submits));
        std::printf("  outbox delivery to the local backend      : %9.0f mutations/s\n", median(delivers));
    }
    return 0;
}
