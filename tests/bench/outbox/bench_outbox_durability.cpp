// What durability and the startup check cost on this machine.
//
// 1. The outbox commit: one message written the way SyncEngine::enqueue writes it (the pending
//    entry, its outbox row, the stream row, the full-text index) in one transaction, with
//    synchronous=NORMAL (the write connection's own setting: a power loss may take it back)
//    and FULL (Transaction::Durability::Full, what the outbox uses: the log is fsynced at the
//    commit). Interleaved, so both see the same disk; prints median, p95 and p99 in ms.
// 2. The cache check at startup (sync::checkCache) on a cache of 100,000 messages and on one
//    just under the size where the whole file is checked, next to opening the cache alone and
//    a whole-file PRAGMA quick_check, which is what the check avoids on large caches.
//
//   bench_outbox_durability [--dir DIR] [--commits N] [--messages N]
//
// The files go in DIR (default: the working directory), which must be on the disk whose cost is
// wanted: on a tmpfs an fsync costs nothing. Run with
// `cmake --build <dir> --target run-bench_outbox_durability`.
#include <convene/store/database.h>
#include <convene/store/transaction.h>
#include <convene/sync/cache_check.h>
#include <convene/sync/cache_writer.h>

#include "bench_sentences.h"
#include "bench_stats.h"
#include "chat_cache_generator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace convene;

namespace {

struct Options {
    QString dir = QDir::currentPath();
    int commits = 400;
    int messages = 100'000;
};

Options parse(const QStringList& args)
{
    Options options;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--dir")
            options.dir = args.at(i + 1);
        else if (args.at(i) == u"--commits")
            options.commits = args.at(i + 1).toInt();
        else if (args.at(i) == u"--messages")
            options.messages = args.at(i + 1).toInt();
    }
    return options;
}

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void print(const char* what, const std::vector<double>& samples)
{
    const bench::Stats s = bench::stats(samples);
    std::printf("  %-34s median %7.3f ms   p95 %7.3f ms   p99 %7.3f ms   (n=%zu)\n", what, s.p50, s.p95, s.p99, s.n);
}

// One message into the outbox, as SyncEngine::enqueue writes it.
double commitMessage(store::Database& db, sync::CacheWriter& writer, store::Transaction::Durability durability,
                     std::mt19937_64& random)
{
    const QString text = bench::sentence(random);
    const QByteArray id = QUuid::createUuid().toRfc4122();
    QElapsedTimer timer;
    timer.start();
    store::Transaction transaction(db, durability);
    const int64_t firstNew = writer.lastEntryId();
    auto entry = db.prepare(QStringLiteral(
        "INSERT INTO entries(stream, client_id, kind, author, body, payload, state, created_at, ref, ref_client) "
        "VALUES(?, ?, 'message', 'me', ?, ?, 1, ?, NULL, NULL)"));
    auto outbox = db.prepare(
        QStringLiteral("INSERT INTO outbox(client_id, stream, kind, payload, body, created_at, ref, ref_client) "
                       "VALUES(?, ?, 'message', ?, ?, ?, NULL, NULL)"));
    auto stream = db.prepare(QStringLiteral("INSERT OR IGNORE INTO streams(id) VALUES(?)"));
    const QString channel = QStringLiteral("channel:outbox");
    const QByteArray payload = "{\"text\":\"" + text.toUtf8() + "\"}";
    const int64_t now = QDateTime::currentMSecsSinceEpoch();
    bool ok = transaction.began() && entry && outbox && stream;
    ok = ok && (*entry)->bind(1, channel).bind(2, id).bind(3, text).bind(4, payload).bind(5, now).run().ok();
    ok = ok && (*outbox)->bind(1, id).bind(2, channel).bind(3, payload).bind(4, text).bind(5, now).run().ok();
    ok = ok && (*stream)->bind(1, channel).run().ok();
    ok = ok && writer.indexEntriesAfter(firstNew).ok();
    ok = ok && transaction.commit().ok();
    if (!ok)
        bench::fail("outbox commit", QStringLiteral("a write failed"));
    return msSince(timer);
}

void benchCommits(const QString& dir, int commits)
{
    const QString path = QDir(dir).filePath(QStringLiteral("outbox.db"));
    auto db = bench::openCache(path);
    sync::CacheWriter writer(*db, QStringLiteral("me"));
    std::mt19937_64 random(7);
    for (int i = 0; i < 20; ++i) // warm up: statements prepared, the log started
        commitMessage(*db, writer, store::Transaction::Durability::Normal, random);
    std::vector<double> normal;
    std::vector<double> full;
    for (int i = 0; i < commits; ++i) {
        normal.push_back(commitMessage(*db, writer, store::Transaction::Durability::Normal, random));
        full.push_back(commitMessage(*db, writer, store::Transaction::Durability::Full, random));
    }
    std::printf("Outbox commit of one message (%d of each, interleaved):\n", commits);
    print("synchronous=NORMAL (before)", normal);
    print("synchronous=FULL (the outbox now)", full);
    const bench::Stats n = bench::stats(normal);
    const bench::Stats f = bench::stats(full);
    std::printf("  the sync costs %.3f ms at the median, %.3f ms at p95\n\n", f.p50 - n.p50, f.p95 - n.p95);
}

std::vector<double> repeat(int runs, const std::function<void()>& work)
{
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples.push_back(msSince(timer));
    }
    return samples;
}

void benchCheck(const QString& dir, int messages, const char* label)
{
    const QString path = QDir(dir).filePath(QStringLiteral("cache-%1.db").arg(messages));
    {
        auto db = bench::openCache(path);
        std::vector<bench::Channel> channels = bench::benchChannels(messages, messages / 5);
        bench::Counts counts = bench::ingest(*db, channels);
        bench::mergeIndex(*db, counts);
        (void)db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const double mb = double(QFileInfo(path).size()) / (1024.0 * 1024.0);
    std::printf("Startup check, %s: %d messages, %.1f MB (whole file checked up to %.0f MB):\n", label, messages, mb,
                double(sync::kWholeFileCheckBytes) / (1024.0 * 1024.0));
    const int runs = 15;
    print("open the cache (the baseline)", repeat(runs, [&] {
              if (!store::Database::open(path, store::Database::Mode::ReadOnly))
                  bench::fail("open", path);
          }));
    print("sync::checkCache (added at start)", repeat(runs, [&] {
              if (sync::checkCache(path).damaged)
                  bench::fail("check", QStringLiteral("a healthy cache was reported damaged"));
          }));
    print("whole-file PRAGMA quick_check", repeat(3, [&] {
              auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
              if (!db || !(*db)->exec(QStringLiteral("PRAGMA quick_check")))
                  bench::fail("quick_check", path);
          }));
    std::printf("\n");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parse(QCoreApplication::arguments());
    QTemporaryDir dir(QDir(options.dir).filePath(QStringLiteral("bench-outbox-XXXXXX")));
    if (!dir.isValid())
        bench::fail("temporary directory", options.dir);
    const QStorageInfo storage(dir.path());
    std::printf("Files in %s (%s on %s)\n\n", qPrintable(dir.path()), storage.fileSystemType().constData(),
                storage.device().constData());
    benchCommits(dir.path(), options.commits);
    benchCheck(dir.path(), options.messages, "a large cache");
    benchCheck(dir.path(), 3'000, "a small cache");
    return 0;
}
