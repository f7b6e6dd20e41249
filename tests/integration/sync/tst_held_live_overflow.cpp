// Live events of a stream that is still catching up: the engine holds them back until the stream
// is up to date, so that its cached order is the server's without holes; past kMaxHeldLive (5000)
// it drops them and catches up once more from the cursor it reached.
//
// Driven end to end (SyncService, the engine's thread, the real cache) against a scripted backend
// of the test's own: an in-memory server whose history pages wait until the test releases them.
// The backend comes from a static plugin defined here (QT_STATICPLUGIN + Q_IMPORT_PLUGIN), which
// the engine's BackendRegistry finds by name like any other backend.
#include "catch_qt_strings.h"

#include <convene/store/database.h>
#include <convene/sync/backend.h>
#include <convene/sync/sync_service.h>

#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>
#include <QTest>
#include <QtPlugin>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace convene::test {

// The server behind the scripted backend: each stream's events in server order, with server ids
// and cursors "e1", "e2", … . Used by the test (main thread) and by the backend (sync thread).
class ScriptedServer {
public:
    enum class AsOf {
        Request, // the page as it was when the engine asked (the answer was on its way)
        Release, // the page as it is now
        Empty, // an empty page: the history does not have the stream's events (yet)
        Unreadable, // the page as it is now, but none of its items is an event (e.g. notices)
    };
    struct Request {
        quint64 id = 0;
        sync::HistoryQuery query;
        qsizetype sizeAtRequest = 0; // events the stream had when asked
        bool answered = false;
    };

    static inline ScriptedServer* current = nullptr; // the one the plugin's backends talk to

    ScriptedServer() { current = this; }
    ~ScriptedServer() { current = nullptr; }
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    // --- the test's side ---

    // Adds `count` events to the stream's history without delivering them live.
    void append(const QString& stream, int count)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_events.contains(stream))
            m_order << stream;
        QList<sync::RemoteEvent>& events = m_events[stream];
        for (int i = 0; i < count; ++i) {
            const int n = int(events.size()) + 1;
            sync::RemoteEvent e;
            e.stream = stream;
            e.serverId = e.cursor = QStringLiteral("e%1").arg(n);
            e.kind = QStringLiteral("message");
            e.author = QStringLiteral("bob");
            e.body = QStringLiteral("%1 %2").arg(stream).arg(n);
            e.payload = "{}";
            e.serverTime = 1'700'000'000'000 + n;
            events << e;
        }
    }

    // Delivers events first..last (1-based, existing) live, `chunk` per eventsReceived.
    void deliver(const QString& stream, int first, int last, int chunk = 1)
    {
        QList<sync::RemoteEvent> events;
        {
            QMutexLocker lock(&m_mutex);
            if (last > m_events.value(stream).size())
                FAIL("no such events");
            events = m_events.value(stream).mid(first - 1, last - first + 1);
        }
        for (qsizetype at = 0; at < events.size(); at += chunk) {
            const QList<sync::RemoteEvent> batch = events.mid(at, chunk);
            onBackend([batch](sync::Backend& backend) { emit backend.eventsReceived(batch); });
        }
    }

    // New events that the server sends live as they happen.
    void deliverNew(const QString& stream, int count, int chunk = 1)
    {
        const int first = int(size(stream)) + 1;
        append(stream, count);
        deliver(stream, first, first + count - 1, chunk);
    }

    qsizetype size(const QString& stream) const
    {
        QMutexLocker lock(&m_mutex);
        return m_events.value(stream).size();
    }

    // On: history requests are answered at once (as of when they are asked), and so are the
    // pending ones (as of now). Off: they wait for release().
    void setAutoAnswer(bool on)
    {
        QList<quint64> pending;
        {
            QMutexLocker lock(&m_mutex);
            m_autoAnswer = on;
            for (const Request& r : std::as_const(m_requests))
                if (!r.answered)
                    pending << r.id;
        }
        if (on)
            for (quint64 id : std::as_const(pending))
                release(id, AsOf::Release);
    }

    void release(quint64 requestId, AsOf asOf)
    {
        sync::HistoryPage page;
        {
            QMutexLocker lock(&m_mutex);
            Request* request = nullptr;
            for (Request& r : m_requests)
                if (r.id == requestId)
                    request = &r;
            REQUIRE(request);
            REQUIRE(!request->answered);
            request->answered = true;
            const QList<sync::RemoteEvent>& events = m_events[request->query.stream];
            const qsizetype size = asOf == AsOf::Request ? request->sizeAtRequest
                                   : asOf == AsOf::Empty ? 0
                                                         : events.size();
            page = pageOf(events, size, request->query);
            if (asOf == AsOf::Unreadable)
                page.events.clear(); // it still ended where it ended
        }
        onBackend([requestId, page](sync::Backend& backend) { emit backend.historyFetched(requestId, page); });
    }

    QList<Request> requests(const QString& stream) const
    {
        QMutexLocker lock(&m_mutex);
        QList<Request> result;
        for (const Request& r : m_requests)
            if (r.query.stream == stream)
                result << r;
        return result;
    }

    std::optional<Request> findRequest(const QString& stream, sync::HistoryQuery::Direction direction,
                                       const QString& cursor) const
    {
        for (const Request& r : requests(stream))
            if (r.query.direction == direction && r.query.cursor == cursor)
                return r;
        return std::nullopt;
    }

    std::optional<Request> waitForRequest(const QString& stream, sync::HistoryQuery::Direction direction,
                                          const QString& cursor, int timeoutMs = 5000) const
    {
        if (!QTest::qWaitFor([&] { return findRequest(stream, direction, cursor).has_value(); }, timeoutMs))
            return std::nullopt;
        return findRequest(stream, direction, cursor);
    }

    // The stream's requests so far, for failure messages.
    std::string describeRequests(const QString& stream) const
    {
        QStringList lines;
        for (const Request& r : requests(stream))
            lines << QStringLiteral("%1 %2 limit %3%4")
                         .arg(r.query.direction == sync::HistoryQuery::Direction::After ? u"after" : u"before",
                              r.query.cursor.isEmpty() ? QStringLiteral("the end") : r.query.cursor)
                         .arg(r.query.limit)
                         .arg(r.answered ? QString() : QStringLiteral(" (pending)"));
        return "requests for " + stream.toStdString() + ": " + lines.join(QStringLiteral("; ")).toStdString();
    }

    // On: the stream list waits for releaseListing().
    void setHoldListing(bool on)
    {
        QMutexLocker lock(&m_mutex);
        m_holdListing = on;
    }

    bool listingAsked() const
    {
        QMutexLocker lock(&m_mutex);
        return m_listingAsked;
    }

    void releaseListing()
    {
        const QList<sync::StreamInfo> list = streams();
        onBackend([list](sync::Backend& backend) { emit backend.streamsListed(list); });
    }

    void clearRequests()
    {
        QMutexLocker lock(&m_mutex);
        m_requests.clear();
    }

    // Waits until the backend's thread has handled everything posted to it so far, and with it
    // the engine has handled everything the backend emitted (the engine lives on that thread,
    // so it takes the backend's signals directly).
    bool settle()
    {
        auto done = std::make_shared<std::atomic_bool>(false);
        onBackend([done](sync::Backend&) { *done = true; });
        return QTest::qWaitFor([&] { return done->load(); }, 5000);
    }

    // --- the backend's side (sync thread) ---

    void attach(sync::Backend* backend)
    {
        QMutexLocker lock(&m_mutex);
        m_backend = backend;
    }

    void detach(sync::Backend* backend)
    {
        // Under the lock: nothing is posted to a backend being destroyed (its QObject destructor,
        // which runs after this, drops what was posted before).
        QMutexLocker lock(&m_mutex);
        if (m_backend == backend)
            m_backend = nullptr;
    }

    // Whether the stream list is to be sent now (else it waits for releaseListing()).
    bool listNow()
    {
        QMutexLocker lock(&m_mutex);
        m_listingAsked = true;
        return !m_holdListing;
    }

    QList<sync::StreamInfo> streams() const
    {
        QMutexLocker lock(&m_mutex);
        QList<sync::StreamInfo> result;
        for (const QString& id : m_order) {
            const QList<sync::RemoteEvent>& events = m_events[id];
            result << sync::StreamInfo{id,
                                       QStringLiteral("channel"),
                                       id.section(u':', 1),
                                       {},
                                       events.isEmpty() ? QString() : events.constLast().cursor};
        }
        return result;
    }

    // Records a history request; with auto-answer on, returns its page at once.
    std::optional<sync::HistoryPage> request(quint64 requestId, const sync::HistoryQuery& query)
    {
        QMutexLocker lock(&m_mutex);
        const QList<sync::RemoteEvent>& events = m_events[query.stream];
        m_requests << Request{requestId, query, events.size(), m_autoAnswer};
        if (!m_autoAnswer)
            return std::nullopt;
        return pageOf(events, events.size(), query);
    }

    // A submitted change becomes the stream's newest event.
    sync::RemoteEvent accept(const sync::Mutation& m, const QString& author)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_events.contains(m.stream))
            m_order << m.stream;
        QList<sync::RemoteEvent>& events = m_events[m.stream];
        sync::RemoteEvent e;
        e.stream = m.stream;
        e.serverId = e.cursor = QStringLiteral("e%1").arg(events.size() + 1);
        e.clientId = m.clientId;
        e.kind = m.kind;
        e.author = author;
        e.payload = m.payload;
        e.body = m.body;
        e.serverTime = m.createdAt;
        e.ref = m.ref;
        events << e;
        return e;
    }

private:
    // The first `size` events of a stream answering `query`.
    static sync::HistoryPage pageOf(const QList<sync::RemoteEvent>& events, qsizetype size,
                                    const sync::HistoryQuery& query)
    {
        sync::HistoryPage page;
        page.stream = query.stream;
        qsizetype bound = -1; // the cursor's event number
        if (!query.cursor.isEmpty()) {
            bool ok = false;
            bound = query.cursor.startsWith(u'e') ? query.cursor.mid(1).toLongLong(&ok) : 0;
            if (!ok || bound < 1 || bound > size) {
                page.cursorLost = true;
                return page;
            }
        }
        const qsizetype limit = std::max(1, query.limit);
        qsizetype begin = 0;
        qsizetype end = 0;
        if (query.direction == sync::HistoryQuery::Direction::After) {
            begin = bound < 0 ? 0 : bound;
            end = std::min(size, begin + limit);
            page.more = end < size;
        } else {
            end = bound < 0 ? size : bound - 1;
            begin = std::max<qsizetype>(0, end - limit);
            page.more = begin > 0;
        }
        page.events = events.mid(begin, end - begin);
        if (end > begin)
            page.endCursor = events.at(end - 1).cursor;
        return page;
    }

    // Runs `f` on the backend's thread, after everything posted before.
    void onBackend(std::function<void(sync::Backend&)> f)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_backend)
            FAIL("the engine has no scripted backend");
        sync::Backend* backend = m_backend;
        QMetaObject::invokeMethod(
            backend, [backend, f = std::move(f)] { f(*backend); }, Qt::QueuedConnection);
    }

    mutable QMutex m_mutex;
    QStringList m_order;
    QHash<QString, QList<sync::RemoteEvent>> m_events;
    QList<Request> m_requests;
    bool m_autoAnswer = true;
    bool m_holdListing = false;
    bool m_listingAsked = false;
    sync::Backend* m_backend = nullptr;
};

// Talks to ScriptedServer::current; every result comes later, as a signal, like a network's.
class ScriptedBackend final : public sync::Backend {
    Q_OBJECT

public:
    ScriptedBackend(ScriptedServer* server, sync::BackendConfig config, QObject* parent)
        : Backend(parent), m_server(server), m_config(std::move(config))
    {
        m_server->attach(this);
    }
    ~ScriptedBackend() override { m_server->detach(this); }

    QString name() const override { return QStringLiteral("scripted"); }
    sync::Capabilities capabilities() const override { return {}; }

    void connectToServer() override
    {
        later([this] { emit connected({m_config.userId, m_config.displayName, QStringLiteral("Scripted")}); });
    }
    void disconnectFromServer() override { }
    void listStreams() override
    {
        if (!m_server->listNow())
            return;
        later([this, streams = m_server->streams()] { emit streamsListed(streams); });
    }
    void submit(const sync::Mutation& mutation) override
    {
        const sync::RemoteEvent event = m_server->accept(mutation, m_config.userId);
        later([this, event] {
            emit submitted({event.clientId, event.stream, event.serverId, event.serverTime});
            emit eventsReceived({event});
        });
    }
    void fetchHistory(quint64 requestId, const sync::HistoryQuery& query) override
    {
        if (std::optional<sync::HistoryPage> page = m_server->request(requestId, query))
            later([this, requestId, page = *page] { emit historyFetched(requestId, page); });
    }
    void sendEphemeral(const sync::EphemeralMessage&) override { }
    void uploadBlob(quint64 requestId, const QByteArray&, const QString&) override { unsupported(requestId); }
    void downloadBlob(quint64 requestId, const QString&) override { unsupported(requestId); }

private:
    template<typename F>
    void later(F f)
    {
        QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
    }
    void unsupported(quint64 requestId)
    {
        later([this, requestId] {
            emit requestFailed(requestId, makeError(ErrorCode::Unsupported, QStringLiteral("no blobs here")));
        });
    }

    ScriptedServer* m_server;
    sync::BackendConfig m_config;
};

class ScriptedBackendPlugin final : public QObject, public sync::BackendPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConveneBackendPlugin_iid)
    Q_INTERFACES(convene::sync::BackendPlugin)

public:
    QString name() const override { return QStringLiteral("scripted"); }
    sync::Backend* create(const sync::BackendConfig& config, QObject* parent) override
    {
        Q_ASSERT(ScriptedServer::current);
        return new ScriptedBackend(ScriptedServer::current, config, parent);
    }
};

// One session of one profile on the scripted backend, its cache in `dir`.
class Client {
public:
    Client(const QString& dir, int historyPageSize)
    {
        sync::SyncEngine::Options options;
        options.cachePath = QDir(dir).filePath(QStringLiteral("cache.db"));
        options.backendName = QStringLiteral("scripted");
        options.backendConfig.profileDir = dir;
        options.backendConfig.displayName = QStringLiteral("Alice");
        options.pluginDirs = {QDir(dir).filePath(QStringLiteral("no-plugins"))}; // the static ones only
        options.reconnectBackoff = {50, 200};
        options.submitBackoff = {20, 200};
        options.historyPageSize = historyPageSize;
        service = std::make_unique<sync::SyncService>(options);
        service->start();
    }

    bool waitOnline()
    {
        return QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 5000);
    }

    // A read-only view of the cache, as the UI thread's models have.
    store::Database& cache()
    {
        if (!m_cache) {
            auto db = store::Database::open(service->cachePath(), store::Database::Mode::ReadOnly);
            REQUIRE(db.ok());
            m_cache = std::move(db).value();
        }
        return *m_cache;
    }

    int64_t count(const QString& stream)
    {
        auto stmt = cache().prepare(QStringLiteral("SELECT count(*) FROM entries WHERE stream = ?"));
        REQUIRE(stmt.ok());
        (*stmt)->bind(1, stream);
        const int64_t value = (*stmt)->step().valueOr(false) ? (*stmt)->int64(0) : -1;
        (*stmt)->reset();
        return value;
    }

    bool waitForCount(const QString& stream, int64_t n, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return count(stream) >= n; }, timeoutMs);
    }

    // How the stream's cache differs from e1..e`n`, each once, in server order, at consecutive
    // positions; empty when it does not.
    QString differenceFrom(const QString& stream, int n)
    {
        auto stmt = cache().prepare(
            QStringLiteral("SELECT server_id, pos FROM entries WHERE stream = ? ORDER BY pos IS NULL, pos, id"));
        REQUIRE(stmt.ok());
        (*stmt)->bind(1, stream);
        QString difference;
        int row = 0;
        int64_t firstPos = 0;
        while ((*stmt)->step().valueOr(false)) {
            const QString id = (*stmt)->text(0);
            const QString expected = QStringLiteral("e%1").arg(row + 1);
            if (difference.isEmpty()) {
                if ((*stmt)->isNull(1))
                    difference = QStringLiteral("%1 is not placed").arg(id);
                else if (row == 0)
                    firstPos = (*stmt)->int64(1);
                else if ((*stmt)->int64(1) != firstPos + row)
                    difference = QStringLiteral("a hole in the positions before %1").arg(id);
                if (difference.isEmpty() && id != expected)
                    difference = QStringLiteral("entry %1 is %2, expected %3").arg(row + 1).arg(id, expected);
            }
            ++row;
        }
        (*stmt)->reset();
        if (row != n)
            difference += QStringLiteral(" (%1 entries, expected %2)").arg(row).arg(n);
        return difference.trimmed();
    }

    std::unique_ptr<sync::SyncService> service;

private:
    std::unique_ptr<store::Database> m_cache; // declared after service: closed first
};

} // namespace convene::test

#include "tst_held_live_overflow.moc"
Q_IMPORT_PLUGIN(ScriptedBackendPlugin)

using namespace convene;
using convene::test::Client;
using convene::test::ScriptedServer;
using Direction = sync::HistoryQuery::Direction;

namespace {

const QString kBusy = QStringLiteral("channel:busy");
const QString kQuiet = QStringLiteral("channel:quiet");
constexpr int kMaxHeldLive = 5000; // as in sync_engine.cpp

// An earlier session cached e1..e5 of the busy stream and all three events of the quiet one;
// since then the busy stream got `backlog` more on the server. From here on, history requests
// wait for the test.
void seedEarlierSession(ScriptedServer& server, const QString& dir, int backlog)
{
    server.append(kBusy, 5);
    server.append(kQuiet, 3);
    {
        Client earlier(dir, 500);
        REQUIRE(earlier.waitOnline());
        REQUIRE(QTest::qWaitFor([&] { return earlier.count(kBusy) == 5 && earlier.count(kQuiet) == 3; }, 5000));
        REQUIRE(earlier.differenceFrom(kBusy, 5) == QString());
    }
    server.append(kBusy, backlog);
    server.setAutoAnswer(false);
    server.clearRequests();
}

} // namespace

TEST_CASE("Live events that arrive while a stream catches up are held, then placed after its history")
{
    QTemporaryDir dir;
    ScriptedServer server;
    seedEarlierSession(server, dir.path(), 25); // e6..e30 to catch up on
    Client client(dir.path(), 500);
    REQUIRE(client.waitOnline());
    const auto first = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e5"));
    REQUIRE(first.has_value());

    server.deliverNew(kBusy, 10); // e31..e40, while the catch-up page is on its way
    REQUIRE(server.settle());
    CHECK(client.count(kBusy) == 5); // held back, not written after e5

    server.release(first->id, ScriptedServer::AsOf::Request); // e6..e30, no more
    REQUIRE(client.waitForCount(kBusy, 40));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 40) == QString());
    // Caught up by one page: no further round.
    CHECK(server.requests(kBusy).size() == 1);

    // Once caught up, live events go straight in, without asking for history.
    server.deliverNew(kBusy, 2);
    REQUIRE(client.waitForCount(kBusy, 42));
    CHECK(client.differenceFrom(kBusy, 42) == QString());
    CHECK(server.requests(kBusy).size() == 1);
    CHECK(server.requests(kQuiet).isEmpty()); // cached up to its head: nothing to fetch
}

TEST_CASE("Exactly kMaxHeldLive held live events are all kept: no extra round")
{
    QTemporaryDir dir;
    ScriptedServer server;
    seedEarlierSession(server, dir.path(), 25);
    Client client(dir.path(), 500);
    REQUIRE(client.waitOnline());
    const auto first = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e5"));
    REQUIRE(first.has_value());

    server.deliverNew(kBusy, kMaxHeldLive, 100); // e31..e5030
    REQUIRE(server.settle());
    CHECK(client.count(kBusy) == 5);

    server.release(first->id, ScriptedServer::AsOf::Request);
    REQUIRE(client.waitForCount(kBusy, 30 + kMaxHeldLive));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 30 + kMaxHeldLive) == QString());
    CHECK(server.requests(kBusy).size() == 1);
}

TEST_CASE("Past kMaxHeldLive held live events, the engine catches up once more from the cursor it reached")
{
    // One event per signal (as XMPP delivers), in batches, and all at once.
    const int chunk = GENERATE(1, 100, 5100);
    CAPTURE(chunk);
    QTemporaryDir dir;
    ScriptedServer server;
    seedEarlierSession(server, dir.path(), 25); // e6..e30 to catch up on, one page
    Client client(dir.path(), 500);
    REQUIRE(client.waitOnline());
    const auto first = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e5"));
    REQUIRE(first.has_value());

    server.deliverNew(kBusy, 5100, chunk); // e31..e5130: more than can be held
    // Holding is per stream: the quiet one, up to date, takes its live events at once.
    server.deliverNew(kQuiet, 2);
    REQUIRE(client.waitForCount(kQuiet, 5));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kQuiet, 5) == QString());
    CHECK(client.count(kBusy) == 5);

    // The first round ends at e30, as the server was when asked.
    server.release(first->id, ScriptedServer::AsOf::Request);
    const auto again = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e30"));
    INFO(server.describeRequests(kBusy));
    REQUIRE(again.has_value()); // one more round, from the cursor the first one reached
    CHECK(again->id != first->id);
    CHECK(again->query.limit == 500);
    CHECK(server.requests(kBusy).size() == 2);
    // What was held when it overflowed is not written: the second round fetches it, in order.
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 30) == QString());

    // Live events during the second round are held again and follow it.
    server.deliverNew(kBusy, 3); // e5131..e5133
    REQUIRE(server.settle());
    CHECK(client.count(kBusy) == 30);
    server.setAutoAnswer(true);
    REQUIRE(client.waitForCount(kBusy, 5133));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 5133) == QString());
    // Every further request pages on from where the one before ended; none starts over.
    const QList<ScriptedServer::Request> requests = server.requests(kBusy);
    for (qsizetype i = 2; i < requests.size(); ++i) {
        CAPTURE(i, requests.at(i).query.cursor);
        CHECK(requests.at(i).query.direction == Direction::After);
        CHECK(requests.at(i).query.cursor.mid(1).toInt() > requests.at(i - 1).query.cursor.mid(1).toInt());
    }

    // Caught up now: live events go straight in, without asking for history.
    server.setAutoAnswer(false);
    const qsizetype asked = server.requests(kBusy).size();
    server.deliverNew(kBusy, 5);
    REQUIRE(client.waitForCount(kBusy, 5138));
    CHECK(client.differenceFrom(kBusy, 5138) == QString());
    CHECK(server.requests(kBusy).size() == asked);
}

TEST_CASE("Live events that a catch-up page also returned are stored once")
{
    QTemporaryDir dir;
    ScriptedServer server;
    seedEarlierSession(server, dir.path(), 25); // e6..e30
    Client client(dir.path(), 10); // pages of ten: e6..e15, e16..e25, …
    REQUIRE(client.waitOnline());
    const auto first = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e5"));
    REQUIRE(first.has_value());

    server.deliverNew(kBusy, 10); // e31..e40, held
    server.append(kBusy, 3); // e41..e43: on the server, their live delivery still on its way
    REQUIRE(server.settle());
    CHECK(client.count(kBusy) == 5);

    // Each page as the server has it now: the later ones overlap what is held.
    server.release(first->id, ScriptedServer::AsOf::Release);
    for (const char* cursor : {"e15", "e25", "e35"}) {
        const auto next = server.waitForRequest(kBusy, Direction::After, QString::fromLatin1(cursor));
        REQUIRE(next.has_value());
        server.release(next->id, ScriptedServer::AsOf::Release);
    }
    REQUIRE(client.waitForCount(kBusy, 43));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 43) == QString());
    CHECK(server.requests(kBusy).size() == 4);

    // Their live copies arrive after all, then a redelivery together with a new event.
    server.deliver(kBusy, 41, 43);
    server.append(kBusy, 1); // e44
    server.deliver(kBusy, 38, 44, 7);
    REQUIRE(client.waitForCount(kBusy, 44));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kBusy, 44) == QString());
    CHECK(server.requests(kBusy).size() == 4);
}

// The round that overflowed cached nothing (the stream's first page was empty: the history did
// not have yet the events that came live): the extra round pages from the oldest event, so the
// dropped events are fetched.
TEST_CASE("Past kMaxHeldLive with nothing cached yet, the extra round pages from the oldest event")
{
    QTemporaryDir dir;
    ScriptedServer server;
    const QString kNew = QStringLiteral("channel:new");
    server.append(kNew, 0); // listed, still empty, in the earlier session
    {
        Client earlier(dir.path(), 500);
        REQUIRE(earlier.waitOnline());
        REQUIRE(QTest::qWaitFor([&] { return server.listingAsked(); }, 5000));
        REQUIRE(server.settle());
    }
    REQUIRE(server.requests(kNew).isEmpty());
    server.setAutoAnswer(false);
    server.setHoldListing(true); // its events come live before the stream list does
    Client client(dir.path(), 500);
    REQUIRE(client.waitOnline());
    server.deliverNew(kNew, 1);
    const auto first = server.waitForRequest(kNew, Direction::Before, QString());
    REQUIRE(first.has_value());
    server.deliverNew(kNew, 5100, 100); // e2..e5101: more than can be held
    server.release(first->id, ScriptedServer::AsOf::Empty);
    REQUIRE(server.settle());
    INFO(server.describeRequests(kNew));
    REQUIRE(server.requests(kNew).size() == 2); // another round, from the oldest event
    CHECK(server.requests(kNew).constLast().query.direction == Direction::After);
    CHECK(server.requests(kNew).constLast().query.cursor.isEmpty());

    server.releaseListing();
    server.setAutoAnswer(true);
    server.deliverNew(kNew, 1);
    REQUIRE(client.waitForCount(kNew, 5102));
    REQUIRE(server.settle());
    CHECK(client.differenceFrom(kNew, 5102) == QString());
}

TEST_CASE("A catch-up page with nothing readable in it does not end the catch-up")
{
    QTemporaryDir dir;
    ScriptedServer server;
    seedEarlierSession(server, dir.path(), 25); // e6..e30 to catch up on
    Client client(dir.path(), 10);
    REQUIRE(client.waitOnline());
    const auto first = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e5"));
    REQUIRE(first.has_value());
    server.release(first->id, ScriptedServer::AsOf::Unreadable); // e6..e15 are no events, more follow
    const auto second = server.waitForRequest(kBusy, Direction::After, QStringLiteral("e15"));
    REQUIRE(second.has_value());
    server.setAutoAnswer(true);
    REQUIRE(client.waitForCount(kBusy, 20)); // e1..e5 and e16..e30
    REQUIRE(server.settle());
    CHECK(client.count(kBusy) == 20);
}
