// XMPP backend benchmarks on a Prosody of its own (127.0.0.1): catching up on a room's archive
// after being away (messages/s into the cache, resident memory growth), and the latency of a
// live message from one client through the server to another. Prints medians and p95;
// run with `cmake --build <dir> --target run-bench_xmpp` (argument: archived messages).
#include "xmpp_test_accounts.h"

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
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

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

sync::BackendConfig configFor(const ProsodyServer& server, const QString& user, const QString& dir)
{
    return test::xmppAccount(server, user, QDir(dir).filePath(user));
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

std::unique_ptr<sync::SyncService> profile(const ProsodyServer& server, const QString& user, const QString& dir)
{
    sync::SyncEngine::Options options;
    options.backendName = QStringLiteral("xmpp");
    options.cachePath = QDir(dir).filePath(user + QStringLiteral("/cache.db"));
    options.backendConfig = configFor(server, user, dir);
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
        session.send(xmpp::XmlElement(QStringLiteral("message"), xmpp::ns::client.toString())
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

void catchUp(const ProsodyServer& server, const QString& dir, int messages)
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
    if (!QTest::qWaitFor([&] { return scalar(aliceCache, QStringLiteral("SELECT count(*) FROM outbox")) == 0; }, 20'000))
        die(QStringLiteral("the first message was not sent"));
    alice.reset();
    QString bobCache;
    {
        auto bob = profile(server, QStringLiteral("bob"), dir);
        bobCache = bob->cachePath();
        if (!QTest::qWaitFor([&] {
                return scalar(bobCache, QStringLiteral("SELECT count(*) FROM entries WHERE stream = 'channel:catchup'")) >= 1;
            }, 20'000))
            die(QStringLiteral("bob never saw the room"));
    }

    QElapsedTimer fill;
    fill.start();
    fillArchive(server, messages);
    std::printf("  archive filled: %d messages in %.1f s\n", messages, fill.nsecsElapsed() / 1e9);

    const auto [rssBefore, peakBefore] = memoryMiB();
    QElapsedTimer clock;
    clock.start();
    auto bob = profile(server, QStringLiteral("bob"), dir);
    const QString count = QStringLiteral("SELECT count(*) FROM entries WHERE stream = 'channel:catchup'");
    if (!QTest::qWaitFor([&] { return scalar(bobCache, count) >= messages + 1; }, 900'000))
        die(QStringLiteral("catch-up stopped at %1 of %2").arg(scalar(bobCache, count)).arg(messages + 1));
    const double seconds = clock.nsecsElapsed() / 1e9;
    const auto [rssAfter, peakAfter] = memoryMiB();
    std::printf("catch-up of %d archived messages into the cache (sign-in included): %.1f s, %.0f messages/s "
                "(target > 5000)\n",
                messages, seconds, messages / seconds);
    std::printf("  resident memory: %.1f -> %.1f MiB (growth %.1f MiB), peak %.1f -> %.1f MiB (growth %.1f MiB; "
                "target < 50)\n",
                rssBefore, rssAfter, rssAfter - rssBefore, peakBefore, peakAfter, peakAfter - peakBefore);
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
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    sync::registerSyncMetaTypes();
    const int messages = argc > 1 ? std::max(1000, QByteArray(argv[1]).toInt()) : 100'000;
    if (!ProsodyServer::available())
        die(QStringLiteral("Prosody is not installed (tools/install-deps.sh installs it)"));
    ProsodyServer server;
    ProsodyServer::Options options = test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")});
    options.logLevel = QStringLiteral("warn");
    // Prosody answers at most 50 archived messages a query unless told otherwise; a server for
    // Convene should allow the 250 it asks for.
    // Archives in SQLite, as a production server keeps them: Prosody's file storage rereads a
    // room's whole archive for every page.
    options.extraConfig = QStringLiteral("max_archive_query_results = 250\n"
                                         "storage = \"sql\"\n"
                                         "sql = { driver = \"SQLite3\", database = \"prosody.sqlite\" }\n");
    if (!server.start(options))
        die(server.errorString());
    QTemporaryDir dir;
    std::printf("xmpp benchmarks (Prosody %s on 127.0.0.1)\n", "0.12");
    liveLatency(server, dir.path());
    catchUp(server, dir.path(), messages);
    return 0;
}
