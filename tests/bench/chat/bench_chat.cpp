// Chat benchmarks on a realistic cache: search latency (trigram index, the short-term scan
// fallback, in:/from: filters), opening and scrolling through a long channel (page latency,
// bounded memory) and the cold start of the chat models. Prints medians and p95.
//   bench_chat [messages in the cache, default 1000000] [of which in one long channel, default 100000]
// Run with `cmake --build <dir> --target run-bench_chat`. BENCH_CHAT_KEEP_CACHE=1 keeps the cache
// file (its path goes to stderr) for looking at query plans afterwards.
#include <convene/chat/channel_list_model.h>
#include <convene/chat/conversation_state.h>
#include <convene/chat/cache_reader.h>
#include <convene/chat/chat_events.h>
#include <convene/chat/directory.h>
#include <convene/chat/message_list_model.h>
#include <convene/chat/search_model.h>
#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/sync/cache_writer.h>

#include "bench_sentences.h"
#include "bench_stats.h"
#include "chat_cache_generator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

using namespace convene;

namespace {

using bench::author;
using bench::Channel;
using bench::Counts;
using bench::fail;
using bench::ingest;
using bench::kOtherChannels;
using bench::kUsers;
using bench::mergeIndex;
using bench::newEvent;
using bench::openCache;
using bench::sentence;

constexpr int kSearchRounds = 25; // runs of every search query, but a query stops after
constexpr double kSlowQueryMs = 15'000; // 3 runs once it has taken this long in all
constexpr int kOpenRuns = 20;
constexpr int kColdRuns = 10;

const QString kBench = bench::benchChannelId();

using bench::Stats;
using bench::stats;

const char* verdict(bool ok)
{
    return ok ? "ok" : "MISSED";
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

// Resident set size in MiB, from /proc/self/status.
double rssMb()
{
    std::FILE* file = std::fopen("/proc/self/status", "r");
    if (!file)
        return -1;
    char line[256];
    double kb = -1;
    while (std::fgets(line, sizeof line, file))
        if (std::strncmp(line, "VmRSS:", 6) == 0) {
            kb = std::atof(line + 6);
            break;
        }
    std::fclose(file);
    return kb / 1024;
}

// --- search -------------------------------------------------------------------------------

struct SearchCase {
    QString query;
    const char* group; // "indexed", "short", "filtered"
    const char* path; // how SearchModel answers it
    std::vector<double> times;
    int hits = -1;
    bool hitsContainText = true;
    double totalMs = 0;
};

std::vector<SearchCase> searchCases()
{
    return {
        {QStringLiteral("明天的会议"), "indexed", "trigram index", {}, -1, true},
        {QStringLiteral("明天会议"), "indexed", "trigram index", {}, -1, true},
        {QStringLiteral("客户反馈"), "indexed", "trigram index", {}, -1, true},
        {QStringLiteral("release"), "indexed", "trigram index", {}, -1, true},
        {QStringLiteral("deploy budget"), "indexed", "trigram index, 2 terms", {}, -1, true},
        {QStringLiteral("#4242"), "indexed", "trigram index, rare term", {}, -1, true},
        {QStringLiteral("会议"), "short", "scan fallback", {}, -1, true},
        {QStringLiteral("上线"), "short", "scan fallback", {}, -1, true},
        {QStringLiteral("你好"), "short", "scan fallback, no hits", {}, -1, true},
        {QStringLiteral("deploy in:#channel-3"), "filtered", "trigram index + channel", {}, -1, true},
        {QStringLiteral("会议 from:@user-7"), "filtered", "scan fallback + person", {}, -1, true},
        {QStringLiteral("release in:#bench from:@user-7"),
         "filtered",
         "trigram index + channel + person",
         {},
         -1,
         true},
    };
}

void runSearches(chat::SearchModel& search, std::vector<SearchCase>& cases, int rounds, bool indexedOnly)
{
    // Round robin, so that consecutive queries differ as they do when someone types.
    for (int round = 0; round < rounds; ++round)
        for (SearchCase& c : cases) {
            if (indexedOnly && std::strcmp(c.group, "indexed") != 0)
                continue;
            if (c.times.size() >= 3 && c.totalMs > kSlowQueryMs)
                continue;
            QElapsedTimer clock;
            clock.start();
            search.setQuery(c.query);
            // Answered on the search thread: the time is until the results are shown.
            while (search.searching())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            c.times.push_back(msSince(clock));
            c.totalMs += c.times.back();
            if (c.hits < 0) {
                c.hits = search.rowCount();
                // Outside the timing: every hit says what was searched for.
                const QString text = c.query.section(u' ', 0, 0);
                for (int row = 0; row < search.rowCount(); ++row)
                    if (!search.data(search.index(row), Qt::DisplayRole).toString().contains(text, Qt::CaseInsensitive))
                        c.hitsContainText = false;
            }
            search.setQuery(QString()); // so that the next setQuery of the same text runs again
        }
}

// `text` padded with spaces to `width` terminal columns (CJK characters take two).
QByteArray padded(const QString& text, int width)
{
    int columns = 0;
    for (const char32_t c : text.toUcs4())
        columns += c >= 0x2E80 ? 2 : 1;
    return (text + QString(std::max(0, width - columns), u' ')).toUtf8();
}

void printSearch(const std::vector<SearchCase>& cases, const char* group, const char* title, double budget)
{
    std::vector<double> all;
    for (const SearchCase& c : cases)
        if (std::strcmp(c.group, group) == 0)
            all.insert(all.end(), c.times.begin(), c.times.end());
    if (all.empty())
        return;
    const Stats s = stats(all);
    if (budget > 0)
        std::printf("search %-8s p50 %8.2f ms p95 %8.2f ms max %8.2f ms (%zu runs; budget p95 < %.0f ms: %s)\n", title,
                    s.p50, s.p95, s.max, s.n, budget, verdict(s.p95 < budget));
    else
        std::printf("search %-8s p50 %8.2f ms p95 %8.2f ms max %8.2f ms (%zu runs; no budget, reported as is)\n", title,
                    s.p50, s.p95, s.max, s.n);
    for (const SearchCase& c : cases)
        if (std::strcmp(c.group, group) == 0) {
            const Stats q = stats(c.times);
            const QByteArray quoted = padded(QLatin1Char('"') + c.query + QLatin1Char('"'), 34);
            std::printf("    %s p50 %8.2f ms p95 %8.2f ms  %2zu runs  %2d hits%s  [%s]\n", quoted.constData(), q.p50,
                        q.p95, q.n, c.hits, c.hitsContainText ? "" : " (A HIT LACKS THE TEXT)", c.path);
        }
}

// --- timeline -----------------------------------------------------------------------------

struct Scroll {
    std::vector<double> times;
    int64_t rows = 0; // rows that came into the window
    int maxRowCount = 0;
    double maxRss = 0;
    bool ordered = true; // every page continued the position order
    int64_t edited = 0, withReactions = 0, withReplies = 0;
};

// What a delegate reads of a row that scrolls into view (outside the timing).
void touch(const chat::MessageListModel& model, int row, Scroll& scroll)
{
    const QModelIndex index = model.index(row);
    if (model.data(index, chat::MessageListModel::EditedRole).toBool())
        ++scroll.edited;
    if (!model.data(index, chat::MessageListModel::ReactionsRole).toList().isEmpty())
        ++scroll.withReactions;
    if (model.data(index, chat::MessageListModel::ReplyCountRole).toInt() > 0)
        ++scroll.withReplies;
    (void)model.data(index, chat::MessageListModel::HtmlRole);
    (void)model.data(index, chat::MessageListModel::ShowHeaderRole);
}

int64_t posAt(const chat::MessageListModel& model, int row)
{
    return model.data(model.index(row), chat::MessageListModel::PosRole).toLongLong();
}

void reportProgress(const char* direction, const chat::MessageListModel& model, const Scroll& scroll, double rss0)
{
    const double rss = rssMb();
    std::printf("    %s %7lld rows: RSS %7.1f MiB (%+6.1f), rowCount %d\n", direction,
                static_cast<long long>(scroll.rows), rss, rss - rss0, model.rowCount());
}

Scroll scrollUp(chat::MessageListModel& model, double rss0)
{
    Scroll scroll;
    int64_t nextReport = 10'000;
    int64_t first = posAt(model, 0);
    while (model.hasOlder()) {
        QElapsedTimer clock;
        clock.start();
        const bool fetched = model.fetchOlder();
        const double ms = msSince(clock);
        if (!fetched)
            break;
        scroll.times.push_back(ms);
        const int inserted = model.rowOfPos(first);
        if (inserted <= 0) {
            scroll.ordered = false;
            break;
        }
        for (int row = 0; row < inserted; ++row) {
            if (posAt(model, row) >= posAt(model, row + 1))
                scroll.ordered = false;
            touch(model, row, scroll);
        }
        first = posAt(model, 0);
        scroll.rows += inserted;
        scroll.maxRowCount = std::max(scroll.maxRowCount, model.rowCount());
        scroll.maxRss = std::max(scroll.maxRss, rssMb());
        if (scroll.rows >= nextReport) {
            reportProgress("up  ", model, scroll, rss0);
            nextReport += 10'000;
        }
    }
    return scroll;
}

Scroll scrollDown(chat::MessageListModel& model, double rss0)
{
    Scroll scroll;
    int64_t nextReport = 10'000;
    int64_t last = posAt(model, model.rowCount() - 1);
    while (model.hasNewer()) {
        QElapsedTimer clock;
        clock.start();
        const bool fetched = model.fetchNewer();
        const double ms = msSince(clock);
        if (!fetched)
            break;
        scroll.times.push_back(ms);
        const int at = model.rowOfPos(last);
        const int count = model.rowCount();
        if (at < 0 || at == count - 1) {
            scroll.ordered = false;
            break;
        }
        for (int row = at + 1; row < count; ++row) {
            if (posAt(model, row - 1) >= posAt(model, row))
                scroll.ordered = false;
            touch(model, row, scroll);
        }
        last = posAt(model, count - 1);
        scroll.rows += count - 1 - at;
        scroll.maxRowCount = std::max(scroll.maxRowCount, count);
        scroll.maxRss = std::max(scroll.maxRss, rssMb());
        if (scroll.rows >= nextReport) {
            reportProgress("down", model, scroll, rss0);
            nextReport += 10'000;
        }
    }
    return scroll;
}

void printScroll(const char* what, const Scroll& scroll, double rss0, int windowLimit)
{
    const Stats s = stats(scroll.times);
    std::printf("%s: p50 %.2f ms p95 %.2f ms max %.2f ms over %zu pages, %lld rows (budget < 5 ms: p95 %s, max %s)\n",
                what, s.p50, s.p95, s.max, s.n, static_cast<long long>(scroll.rows), verdict(s.p95 < 5),
                verdict(s.max < 5));
    std::printf("    rowCount max %d (window limit %d: %s), RSS max %+.1f MiB over the %.1f MiB before opening, "
                "pages in order: %s\n",
                scroll.maxRowCount, windowLimit, verdict(scroll.maxRowCount <= windowLimit), scroll.maxRss - rss0, rss0,
                scroll.ordered ? "yes" : "NO");
    std::printf("    rows seen: %lld edited, %lld with reactions, %lld with thread replies\n",
                static_cast<long long>(scroll.edited), static_cast<long long>(scroll.withReactions),
                static_cast<long long>(scroll.withReplies));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int64_t total = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const int64_t channelSize = argc > 2 ? std::atoll(argv[2]) : 100'000;
    if (total < channelSize || channelSize < 2 * chat::MessageListModel::kPageSize) {
        std::fprintf(stderr, "usage: bench_chat [messages in the cache >= channel] [messages in one channel >= 120]\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.db"));
    if (qEnvironmentVariableIsSet("BENCH_CHAT_KEEP_CACHE")) { // to look at query plans afterwards
        dir.setAutoRemove(false);
        std::fprintf(stderr, "keeping the cache: %s\n", qPrintable(path));
    }

    std::vector<Channel> channels = bench::benchChannels(total, channelSize);

    std::printf("chat benchmarks (release build timings; medians and p95 of repeated runs)\n");
    std::printf(
        "  cache: %lld top-level messages in %d channels; #bench holds %lld of them, the other %d share the rest\n",
        static_cast<long long>(total), kOtherChannels + 1, static_cast<long long>(channelSize), kOtherChannels);

    auto writerDb = openCache(path);
    Counts counts = ingest(*writerDb, channels);
    std::printf(
        "  plus %lld thread replies, %lld reactions, %lld edits (%lld events, %d authors); mixed Chinese/English "
        "sentences as in bench_sync\n",
        static_cast<long long>(counts.replies), static_cast<long long>(counts.reactions),
        static_cast<long long>(counts.edits), static_cast<long long>(counts.events), kUsers + 1);
    std::printf("  ingest through CacheWriter::applyEvents in batches of %d: %.1f s (%.0f events/s)\n",
                bench::kCacheBatch, counts.ingestSeconds, double(counts.events) / counts.ingestSeconds);

    std::vector<SearchCase> cases = searchCases();
    {
        // Right after a bulk sync the full-text index is still in many segments.
        chat::CacheReader reader(path);
        store::ChangeNotifier notifier;
        chat::Directory directory(reader, notifier);
        chat::SearchModel search(reader, directory, {});
        std::vector<SearchCase> fresh = searchCases();
        runSearches(search, fresh, 5, true);
        printSearch(fresh, "indexed", "indexed, before the index merge:", 0);
        std::printf("    (the above: straight after ingest, index segments not yet merged; 5 runs each)\n");
    }
    mergeIndex(*writerDb, counts);
    writerDb.reset();
    std::printf("  full-text index merged as the idle engine does: %.1f s in %d slices; cache file %.0f MiB\n",
                counts.mergeSeconds, counts.mergeSlices, double(QFileInfo(path).size()) / (1024.0 * 1024.0));
    std::printf(
        "  (timings below with the cache file in the OS page cache; one read-only connection as in the app)\n\n");

    // 3. Cold start first: the first connection to the cache as it is after the merge.
    {
        std::vector<double> times;
        double first = 0;
        for (int run = 0; run < kColdRuns; ++run) {
            QElapsedTimer clock;
            clock.start();
            chat::CacheReader reader(path);
            store::ChangeNotifier notifier;
            chat::Directory directory(reader, notifier);
            chat::MessageListModel timeline(reader, notifier, directory, QStringLiteral("me"));
            timeline.open(kBench);
            const double ms = msSince(clock);
            if (timeline.rowCount() != chat::MessageListModel::kPageSize)
                std::printf("cold start: first page has %d rows\n", timeline.rowCount());
            if (run == 0)
                first = ms;
            times.push_back(ms);
        }
        const Stats s = stats(times);
        std::printf("cold start (CacheReader + Directory + MessageListModel + first page of #bench): first %.2f ms, "
                    "p50 %.2f ms p95 %.2f ms over %d runs\n",
                    first, s.p50, s.p95, kColdRuns);
    }

    // 1. Search.
    {
        chat::CacheReader reader(path);
        store::ChangeNotifier notifier;
        chat::Directory directory(reader, notifier);
        chat::SearchModel search(reader, directory, {});
        runSearches(search, cases, kSearchRounds, false);
        std::printf("search over %lld messages, LIMIT %d, SearchModel::setQuery wall time:\n",
                    static_cast<long long>(counts.messages + counts.replies), chat::SearchModel::kLimit);
        printSearch(cases, "indexed", "indexed", 20);
        printSearch(cases, "short", "short", 0);
        std::printf("    (terms under 3 characters cannot use the trigram index: SearchModel scans entries newest "
                    "first with instr())\n");
        printSearch(cases, "filtered", "filtered", 0);
        std::vector<double> indexedFiltered;
        for (const SearchCase& c : cases)
            if (std::strcmp(c.group, "filtered") == 0 && std::strncmp(c.path, "trigram", 7) == 0)
                indexedFiltered.insert(indexedFiltered.end(), c.times.begin(), c.times.end());
        const Stats f = stats(indexedFiltered);
        std::printf("search filtered+indexed p50 %.2f ms p95 %.2f ms (budget p95 < 20 ms: %s)\n", f.p50, f.p95,
                    verdict(f.p95 < 20));
    }

    // 2. The long channel.
    {
        chat::CacheReader reader(path);
        store::ChangeNotifier notifier;
        chat::Directory directory(reader, notifier);
        chat::MessageListModel timeline(reader, notifier, directory, QStringLiteral("me"));
        constexpr int kWindow = 400; // the model's default window limit

        std::vector<double> opens;
        for (int run = 0; run < kOpenRuns; ++run) {
            timeline.open(channels[1 + size_t(run) % kOtherChannels].id); // from another conversation
            QElapsedTimer clock;
            clock.start();
            timeline.open(kBench);
            opens.push_back(msSince(clock));
        }
        const Stats o = stats(opens);
        std::printf("open #bench (%lld messages): p50 %.2f ms p95 %.2f ms over %d runs (budget < 50 ms: %s)\n",
                    static_cast<long long>(channelSize), o.p50, o.p95, kOpenRuns, verdict(o.p50 < 50 && o.p95 < 50));

        timeline.close();
        const double rss0 = rssMb();
        std::printf("scroll #bench from the newest to the oldest message with fetchOlder() (window limit %d, page %d); "
                    "RSS before opening %.1f MiB\n",
                    kWindow, chat::MessageListModel::kPageSize, rss0);
        timeline.open(kBench);
        const int initial = timeline.rowCount();
        const Scroll up = scrollUp(timeline, rss0);
        printScroll("page fetch scrolling up (fetchOlder)", up, rss0, kWindow);
        const int64_t seen = initial + up.rows;
        // The position CacheWriter gave the stream's first event (a top-level message).
        int64_t oldest = -1;
        if (store::Database* db = reader.db()) {
            auto first = db->prepare(QStringLiteral("SELECT min(pos) FROM entries WHERE stream = ?"));
            if (!first)
                fail("oldest", first.error().message);
            (*first)->bind(1, kBench);
            if ((*first)->step().valueOr(false) && !(*first)->isNull(0))
                oldest = (*first)->int64(0);
            (*first)->reset();
        }
        std::printf("    reached the oldest message: %s (first pos %lld, stream's first event %lld), top-level "
                    "messages seen %lld of %lld\n",
                    !timeline.hasOlder() && posAt(timeline, 0) == oldest ? "yes" : "NO",
                    static_cast<long long>(posAt(timeline, 0)), static_cast<long long>(oldest),
                    static_cast<long long>(seen), static_cast<long long>(channelSize));

        const int atTop = timeline.rowCount();
        const Scroll down = scrollDown(timeline, rss0);
        printScroll("page fetch scrolling down (fetchNewer)", down, rss0, kWindow);
        std::printf("    reached the newest message: %s, top-level messages seen %lld of %lld\n",
                    timeline.hasNewer() ? "NO" : "yes", static_cast<long long>(atTop + down.rows),
                    static_cast<long long>(channelSize));
        std::printf("max RSS growth while scrolling: %+.1f MiB (rowCount stayed <= %d: %s)\n",
                    std::max(up.maxRss, down.maxRss) - rss0, kWindow,
                    verdict(std::max(up.maxRowCount, down.maxRowCount) <= kWindow));
    }

    // 3. A message arriving in the open conversation while the window is full, with the models
    //    that follow every message: conversation state, conversation list, timeline.
    {
        auto liveDb = openCache(path);
        sync::CacheWriter writer(*liveDb, QStringLiteral("me"));
        // New events get new server ids; the writer places them after everything cached.
        QList<sync::RemoteEvent> joins; // the user is in every channel, so all of them are listed
        for (Channel& channel : channels) {
            sync::RemoteEvent join = newEvent(channel.id, channel.events);
            join.kind = chat::kind::join;
            join.author = QStringLiteral("me");
            joins << join;
        }
        store::ChangeSet joined;
        if (const auto applied = writer.applyEvents(joins, joined); !applied)
            fail("joins", applied.error().message);

        chat::CacheReader reader(path);
        store::ChangeNotifier notifier;
        chat::Directory directory(reader, notifier);
        chat::ConversationState state(reader, notifier, QStringLiteral("me"));
        chat::ChannelListModel channelList(reader, notifier, directory, state);
        chat::MessageListModel timeline(reader, notifier, directory, QStringLiteral("me"));
        timeline.open(kBench);
        while (timeline.rowCount() < 400 && timeline.fetchOlder()) { }
        std::mt19937_64 random(7);
        Channel& bench = channels.front(); // #bench
        std::vector<double> updates;
        for (int run = 0; run < 30; ++run) {
            sync::RemoteEvent e = newEvent(bench.id, bench.events);
            e.kind = chat::kind::message;
            e.author = author(random);
            e.body = sentence(random);
            e.payload = chat::messagePayload(e.body);
            e.serverTime = QDateTime::currentMSecsSinceEpoch();
            store::ChangeSet changes;
            if (const auto applied = writer.applyEvents({e}, changes); !applied)
                fail("live message", applied.error().message);
            QElapsedTimer clock;
            clock.start();
            notifier.post(changes);
            QCoreApplication::processEvents();
            updates.push_back(msSince(clock));
        }
        const Stats u = stats(updates);
        std::printf("live message into the open #bench (%d rows shown, %d conversations listed): p50 %.2f ms "
                    "p95 %.2f ms over %zu messages\n",
                    timeline.rowCount(), channelList.rowCount(), u.p50, u.p95, updates.size());
    }
    return 0;
}
