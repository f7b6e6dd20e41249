// XMPP backend benchmarks on a Prosody of its own (127.0.0.1): catching up on a room's archive
// after being away (messages/s into the cache, resident memory growth, CPU of both sides), and
// the latency of a live message from one client through the server to another. Prints medians
// and p95; run with `cmake --build <dir> --target run-bench_xmpp` (arguments: archived messages,
// default 100000; catch-up rounds over the same archive, default 3, each from a fresh copy of
// the same profile and checked: every message once, in order). CONVENE_BENCH_PROSODY_CONFIG adds
// Prosody settings (see main()).
#include "xmpp_test_accounts.h"

#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/sync/backend_registry.h>
#include <convene/sync/sync_service.h>
#include <xml_element.h>
#include <xmpp_namespaces.h>
#include <xmpp_session.h>
#include <room_address.h>

#include "../common/bench_sentences.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace convene;
using convene::test::ProsodyServer;

namespace {

const QString kRoomStream = QStringLiteral("channel:catchup");

[[noreturn]] void die(const QString& why)
{
    std::fprintf(stderr, "bench_xmpp: %s\n", qPrintable(why));
    std::exit(1);
}

// Resident and peak resident memory of this process, in MiB.
std::pair<double, double> memoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0, peak = 0;
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray& line : status.readAll().split('\n')) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2 && parts[0] == "VmRSS:")
                rss = parts[1].toDouble() / 1024;
            if (parts.size() >= 2 && parts[0] == "VmHWM:")
                peak = parts[1].toDouble() / 1024;
        }
    return {rss, peak};
}

// Lets a round measure its own peak: freed heap goes back to the system and the peak resident
// size restarts from the current one.
void resetMemoryPeak()
{
    ::malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// CPU seconds (user + system) of this process, all threads.
double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The pid of the Prosody this process started (its pid file sits beside its config).
QByteArray serverPid(const ProsodyServer& server)
{
    QFile pidFile(QFileInfo(server.configFile()).dir().filePath(QStringLiteral("prosody.pid")));
    return pidFile.open(QIODevice::ReadOnly) ? pidFile.readAll().trimmed() : QByteArray();
}

// CPU seconds of that Prosody.
double serverCpuSeconds(const ProsodyServer& server)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(serverPid(server))));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields[11].toDouble() + fields[12].toDouble()) / double(::sysconf(_SC_CLK_TCK));
}

// Its resident memory, in MiB.
double serverResidentMiB(const ProsodyServer& server)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(QString::fromLatin1(serverPid(server))));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                return line.simplified().split(' ').value(1).toDouble() / 1024;
    return -1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

sync::BackendConfig configFor(const ProsodyServer& server, const QString& user, const QString& dir,
                              const QString& profileName = {})
{
    return test::xmppAccount(server, user, QDir(dir).filePath(profileName.isEmpty() ? user : profileName));
}

xmpp::SessionSettings sessionFor(const ProsodyServer& server, const QString& user)
{
    xmpp::SessionSettings s;
    s.domain = server.domain();
    s.username = user;
    s.password = test::testPassword(user);
    s.resource = QStringLiteral("bench");
    s.host = server.host();
    s.port = server.c2sPort();
    s.extraCaCertificates = server.caCertificates();
    return s;
}

int64_t scalar(const QString& cachePath, const QString& sql)
{
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!db)
        return -1;
    auto statement = (*db)->prepare(sql);
    if (!statement || !(*statement)->step().valueOr(false))
        return -1;
    return (*statement)->int64(0);
}

std::unique_ptr<sync::SyncService> profile(const ProsodyServer& server, const QString& user, const QString& dir,
                                           const QString& profileName = {})
{
    const QString name = profileName.isEmpty() ? user : profileName;
    sync::SyncEngine::Options options;
    options.backendName = QStringLiteral("xmpp");
    options.cachePath = QDir(dir).filePath(name + QStringLiteral("/cache.db"));
    options.backendConfig = configFor(server, user, dir, name);
    auto service = std::make_unique<sync::SyncService>(options);
    service->start();
    if (!QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 20'000))
        die(QStringLiteral("%1 could not sign in: %2").arg(user, service->stateReason()));
    return service;
}

// Fills the room's archive as fast as the server takes it: one session, groupchat messages
// written back to back (the reflections are read and dropped).
void fillArchive(const ProsodyServer& server, int messages)
{
    xmpp::XmppSession session(sessionFor(server, QStringLiteral("alice")));
    QSignalSpy connected(&session, &xmpp::XmppSession::connected);
    session.connectToServer();
    if (!connected.wait(20'000))
        die(QStringLiteral("the filler could not sign in"));
    const QString room = xmpp::roomNodeOfStream(kRoomStream) + QStringLiteral("@rooms.") + server.domain();
    int reflected = 0;
    QString refusal;
    QObject::connect(&session, &xmpp::XmppSession::stanzaReceived, [&](const xmpp::XmlElement& stanza) {
        if (stanza.name() == u"message" && stanza.attribute(u"type") == u"groupchat")
            ++reflected;
        else if (stanza.attribute(u"type") == u"error" && refusal.isEmpty())
            refusal = stanza.toXml(u"jabber:client");
    });
    session.send(xmpp::XmlElement(QStringLiteral("presence"), xmpp::ns::client.toString())
                     .withAttribute(QStringLiteral("to"), room + QStringLiteral("/filler"))
                     .withChild(xmpp::XmlElement(QStringLiteral("x"), xmpp::ns::muc.toString())));
    std::mt19937_64 random(7);
    for (int i = 0; i < messages; ++i) {
        const QString text = bench::sentence(random);
        session.send(
            xmpp::XmlElement(QStringLiteral("message"), xmpp::ns::client.toString())
                .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
                .withAttribute(QStringLiteral("to"), room)
                .withChild(xmpp::XmlElement(QStringLiteral("body"), xmpp::ns::client.toString()).withText(text)));
        // Let the socket and the reflections flow: at most 2000 messages ahead of the room.
        if (i % 500 == 499 && !QTest::qWaitFor([&] { return reflected >= i - 2000; }, 30'000))
            die(QStringLiteral("the room stopped reflecting messages at %1 (%2)").arg(reflected).arg(refusal));
    }
    if (!QTest::qWaitFor([&] { return reflected >= messages; }, 600'000))
        die(QStringLiteral("the room reflected only %1 of %2 messages").arg(reflected).arg(messages));
    session.disconnectFromServer();
}

bool copyDirectory(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo& file : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(file.fileName());
        if (file.isDir() ? !copyDirectory(file.filePath(), target) : !QFile::copy(file.filePath(), target))
            return false;
    }
    return true;
}

// The room's entries in the cache are the archive: after "before" (and what came before it),
// every filled message in the order it was sent, each once, with distinct server ids.
void verifyCache(const QString& cachePath, int messages)
{
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    if (!db)
        die(QStringLiteral("cannot open the cache to verify it"));
    auto rows = (*db)->prepare(QStringLiteral(
        "SELECT body, server_id FROM entries WHERE stream = 'channel:catchup' AND pos IS NOT NULL AND "
        "pos >= (SELECT pos FROM entries WHERE stream = 'channel:catchup' AND body = 'before') ORDER BY pos"));
    if (!rows)
        die(QStringLiteral("cannot read the cache to verify it"));
    std::mt19937_64 random(7);
    QSet<QString> serverIds;
    int n = 0;
    while ((*rows)->step().valueOr(false)) {
        const QString body = (*rows)->text(0);
        const QString expected = n == 0 ? QStringLiteral("before") : bench::sentence(random);
        if (n > messages || body != expected)
            die(QStringLiteral("entry %1 after \"before\" in the cache is \"%2\", expected \"%3\"")
                    .arg(n)
                    .arg(body, expected));
        serverIds.insert((*rows)->text(1));
        ++n;
    }
    (*rows)->reset();
    if (n != messages + 1 || serverIds.size() != n)
        die(QStringLiteral("the cache holds %1 entries from \"before\" on, with %2 server ids; expected %3")
                .arg(n)
                .arg(serverIds.size())
                .arg(messages + 1));
}

struct RoundResult {
    double seconds = 0; // sign-in included
    double signInSeconds = 0; // until the profile was online
    double rssGrowth = 0;
    double peakGrowth = 0;
    double ownCpu = 0;
    double serverCpu = 0;
};

RoundResult catchUpRound(const ProsodyServer& server, const QString& dir, const QString& snapshot, int messages,
                         int round)
{
    const QString name = QStringLiteral("bob-round%1").arg(round);
    if (!copyDirectory(QDir(dir).filePath(snapshot), QDir(dir).filePath(name)))
        die(QStringLiteral("cannot copy bob's profile"));
    auto opened =
        store::Database::open(QDir(dir).filePath(name + QStringLiteral("/cache.db")), store::Database::Mode::ReadOnly);
    if (!opened)
        die(QStringLiteral("cannot open bob's cache"));
    std::unique_ptr<store::Database> db = std::move(opened).value();
    // Positions in a stream are consecutive and grow at the newest end: the newest one tells
    // how many entries arrived, read from the index in O(log n) (a count(*) on every poll would
    // cost as much as the writes it watches).
    const auto newestPosition = [&]() -> int64_t {
        auto newest = db->prepare(QStringLiteral("SELECT max(pos) FROM entries WHERE stream = 'channel:catchup'"));
        if (!newest || !(*newest)->step().valueOr(false))
            return -1;
        const int64_t position = (*newest)->int64(0);
        (*newest)->reset();
        return position;
    };
    int64_t oldest = 0;
    if (auto query = db->prepare(QStringLiteral("SELECT min(pos) FROM entries WHERE stream = 'channel:catchup'"));
        query && (*query)->step().valueOr(false)) {
        oldest = (*query)->int64(0);
        (*query)->reset();
    }
    const auto placed = [&] { return newestPosition() - oldest + 1; };
    const int64_t known = placed(); // the newest page before the archive grew, up to "before"

    resetMemoryPeak();
    RoundResult r;
    const auto [rssBefore, peakBefore] = memoryMiB();
    const double ownBefore = ownCpuSeconds();
    const double serverBefore = serverCpuSeconds(server);
    QElapsedTimer clock;
    clock.start();
    auto bob = profile(server, QStringLiteral("bob"), dir, name);
    r.signInSeconds = clock.nsecsElapsed() / 1e9;
    // Checked when sync reports a commit (as the UI learns of new entries), not by polling.
    QEventLoop waiting;
    bool complete = false;
    const auto check = [&] {
        if (placed() >= known + messages) {
            complete = true;
            waiting.quit();
        }
    };
    QObject::connect(&bob->changes(), &store::ChangeNotifier::changed, &waiting, check);
    QTimer::singleShot(900'000, &waiting, &QEventLoop::quit);
    check();
    if (!complete)
        waiting.exec();
    if (!complete)
        die(QStringLiteral("catch-up stopped at %1 of %2").arg(placed() - known).arg(messages));
    r.seconds = clock.nsecsElapsed() / 1e9;
    r.ownCpu = ownCpuSeconds() - ownBefore;
    r.serverCpu = serverCpuSeconds(server) - serverBefore;
    const auto [rssAfter, peakAfter] = memoryMiB();
    const double serverResident = serverResidentMiB(server);
    r.rssGrowth = rssAfter - rssBefore;
    r.peakGrowth = peakAfter - peakBefore;
    db.reset();
    const QString cachePath = bob->cachePath();
    bob.reset();
    verifyCache(cachePath, messages);
    std::printf(
        "  round %d: %.2f s (sign-in %.2f s), %.0f messages/s; resident %.1f -> %.1f MiB, growth %.1f MiB, "
        "peak growth %.1f MiB; CPU: Convene %.2f s, Prosody %.2f s (Prosody resident %.0f MiB); cache verified\n",
        round, r.seconds, r.signInSeconds, messages / r.seconds, rssBefore, rssAfter, r.rssGrowth, r.peakGrowth,
        r.ownCpu, r.serverCpu, serverResident);
    std::fflush(stdout);
    QDir(QDir(dir).filePath(name)).removeRecursively();
    return r;
}

void catchUp(const ProsodyServer& server, const QString& dir, int messages, int rounds)
{
    // Bob knows the room (one message), then is away while the archive grows.
    auto alice = profile(server, QStringLiteral("alice"), dir);
    sync::Mutation first;
    first.stream = kRoomStream;
    first.kind = QStringLiteral("message");
    first.body = QStringLiteral("before");
    first.payload = "{\"text\":\"before\"}";
    alice->submit(first);
    const QString aliceCache = alice->cachePath();
    // Sent once the room confirmed it (the submission reaches the cache asynchronously: an empty
    // outbox alone does not say it was sent).
    const QString sent = QStringLiteral("SELECT count(*) FROM entries WHERE body = 'before' AND server_id IS NOT NULL");
    if (!QTest::qWaitFor([&] { return scalar(aliceCache, sent) == 1; }, 20'000))
        die(QStringLiteral("the first message was not sent"));
    alice.reset();
    {
        auto bob = profile(server, QStringLiteral("bob"), dir);
        const QString bobCache = bob->cachePath();
        if (!QTest::qWaitFor(
                [&] {
                    return scalar(bobCache, QStringLiteral("SELECT count(*) FROM entries WHERE body = 'before'")) == 1;
                },
                20'000))
            die(QStringLiteral("bob never saw the room"));
    }
    // Every round starts from this copy of bob's profile: the room known up to "before".

    QElapsedTimer fill;
    fill.start();
    fillArchive(server, messages);
    std::printf("  archive filled: %d messages in %.1f s\n", messages, fill.nsecsElapsed() / 1e9);
    std::fflush(stdout);

    std::vector<double> rates, totals, signIns, growths, peaks, ownCpu, serverCpu;
    for (int round = 1; round <= rounds; ++round) {
        const RoundResult r = catchUpRound(server, dir, QStringLiteral("bob"), messages, round);
        rates.push_back(messages / r.seconds);
        totals.push_back(r.seconds);
        signIns.push_back(r.signInSeconds);
        growths.push_back(r.rssGrowth);
        peaks.push_back(r.peakGrowth);
        ownCpu.push_back(r.ownCpu);
        serverCpu.push_back(r.serverCpu);
    }
    std::printf("catch-up of %d archived messages into the cache (sign-in included), median of %d: %.1f s, "
                "%.0f messages/s (target > 5000); sign-in %.2f s\n",
                messages, rounds, median(totals), median(rates), median(signIns));
    std::printf("  resident memory growth %.1f MiB, peak growth %.1f MiB (median; max %.1f; target < 50)\n",
                median(growths), median(peaks), *std::max_element(peaks.begin(), peaks.end()));
    std::printf("  CPU per 1000 messages (median): Convene %.1f ms, Prosody %.1f ms\n", median(ownCpu) * 1e6 / messages,
                median(serverCpu) * 1e6 / messages);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

void liveLatency(const ProsodyServer& server, const QString& dir)
{
    auto make = [&](const QString& user) {
        auto created = sync::BackendRegistry().create(QStringLiteral("xmpp"), configFor(server, user, dir));
        if (!created)
            die(created.error().message);
        std::unique_ptr<sync::Backend> backend = std::move(created).value();
        QSignalSpy connected(backend.get(), &sync::Backend::connected);
        backend->connectToServer();
        if (!connected.wait(20'000))
            die(QStringLiteral("%1 could not connect").arg(user));
        QSignalSpy listed(backend.get(), &sync::Backend::streamsListed);
        backend->listStreams();
        listed.wait(20'000);
        return backend;
    };
    auto alice = make(QStringLiteral("alice"));
    sync::Mutation opening;
    opening.clientId = QUuid::createUuid();
    opening.stream = kRoomStream;
    opening.kind = QStringLiteral("message");
    opening.body = QStringLiteral("opening");
    opening.payload = "{\"text\":\"opening\"}";
    QSignalSpy opened(alice.get(), &sync::Backend::submitted);
    alice->submit(opening); // the room exists from here on, and Bob finds it when he lists
    if (!opened.wait(20'000))
        die(QStringLiteral("the room could not be opened"));
    auto bob = make(QStringLiteral("bob"));
    std::vector<double> latencies;
    QElapsedTimer clock;
    QUuid expected;
    bool arrived = false;
    QObject::connect(bob.get(), &sync::Backend::eventsReceived, [&](const QList<sync::RemoteEvent>& events) {
        for (const sync::RemoteEvent& e : events)
            if (e.clientId == expected)
                arrived = true;
    });
    for (int i = 0; i < 220; ++i) {
        sync::Mutation m;
        m.clientId = QUuid::createUuid();
        m.stream = kRoomStream;
        m.kind = QStringLiteral("message");
        m.body = QStringLiteral("ping %1").arg(i);
        m.payload = "{\"text\":\"ping\"}";
        expected = m.clientId;
        arrived = false;
        QEventLoop loop; // not QTest::qWaitFor, whose 10 ms polling would round every figure
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        const auto quit = QObject::connect(bob.get(), &sync::Backend::eventsReceived, &loop, [&] {
            if (arrived)
                loop.quit();
        });
        clock.start();
        alice->submit(m);
        loop.exec();
        QObject::disconnect(quit);
        if (!arrived)
            die(QStringLiteral("a live message did not arrive"));
        if (i >= 20) // the first ones warm up the path
            latencies.push_back(clock.nsecsElapsed() / 1e6);
    }
    std::printf("live message Convene -> Prosody -> Convene (backend to backend, loopback, %zu messages): "
                "p50 %.2f ms, p95 %.2f ms\n",
                latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    sync::registerSyncMetaTypes();
    const int messages = argc > 1 ? std::max(1000, QByteArray(argv[1]).toInt()) : 100'000;
    const int rounds = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 3;
    if (!ProsodyServer::available())
        die(QStringLiteral("Prosody is not installed (tools/install-deps.sh installs it)"));
    ProsodyServer server;
    ProsodyServer::Options options = test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")});
    options.logLevel = QStringLiteral("warn");
    // Configured as the top-level README recommends for a production Prosody serving Convene:
    // - Prosody answers at most 50 archived messages a query unless told otherwise; a server for
    //   Convene should allow the 250 it asks for.
    // - Archives in SQLite, as a production server keeps them: Prosody's file storage rereads a
    //   room's whole archive for every page.
    // - The garbage collector of Lua's own default (a cycle when the heap has doubled) rather than
    //   Prosody's (at 5% growth), which spends most of Prosody's CPU on collecting while it serves
    //   an archive (prosody.im/doc/advanced_gc); Prosody then holds about 20 MB more.
    // - No total count in every archive page: Prosody counts the room's whole archive for each
    //   page it serves, which grows with the archive (a catch-up of n messages costs n^2); Convene
    //   does not use the count.
    const QString serverSettings = QStringLiteral("max_archive_query_results = 250\n"
                                                  "storage = \"sql\"\n"
                                                  "sql = { driver = \"SQLite3\", database = \"prosody.sqlite\" }\n"
                                                  "gc = { mode = \"incremental\", threshold = 200 }\n"
                                                  "muc_log_include_total = false\n");
    // Settings to compare, after these (Prosody's own defaults back:
    // CONVENE_BENCH_PROSODY_CONFIG='gc = { mode = "incremental" } muc_log_include_total = true').
    const QString extraSettings = QString::fromLocal8Bit(qgetenv("CONVENE_BENCH_PROSODY_CONFIG"));
    options.extraConfig = serverSettings + extraSettings + QLatin1Char('\n');
    if (!server.start(options))
        die(server.errorString());
    QTemporaryDir dir;
    std::printf("xmpp benchmarks (Prosody %s on 127.0.0.1; %s)\n", "0.12",
                qPrintable(QString(serverSettings + extraSettings).simplified()));
    liveLatency(server, dir.path());
    catchUp(server, dir.path(), messages, rounds);
    return 0;
}
