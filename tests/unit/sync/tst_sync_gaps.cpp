// A gap the backend cannot fill: the local backend's `headBeyond` fault lists every stream's
// head past its last event and answers pages after it with "more" and nothing new, as an
// archive that lost its newest part. Sync must back off instead of asking again at once, say
// which conversations have the gap, and keep showing what arrives live.
#include "catch_qt_strings.h"

#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace convene;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

// Counts the history requests sync makes, per stream, from its debug log ("fetching <stream> …").
class FetchCounter {
public:
    FetchCounter()
    {
        current = this;
        QLoggingCategory::setFilterRules(QStringLiteral("convene.sync.debug=true"));
        m_previous = qInstallMessageHandler(&FetchCounter::handle);
    }
    ~FetchCounter()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        current = nullptr;
    }

    int count(const QString& stream) const
    {
        QMutexLocker lock(&m_mutex);
        return m_counts.value(stream);
    }
    int total() const
    {
        QMutexLocker lock(&m_mutex);
        int sum = 0;
        for (int n : m_counts)
            sum += n;
        return sum;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_counts.clear();
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (current && message.startsWith(QLatin1String("fetching \""))) {
            const QString stream = message.section(u'"', 1, 1);
            QMutexLocker lock(&current->m_mutex);
            ++current->m_counts[stream];
            return;
        }
        if (type != QtDebugMsg && current && current->m_previous)
            current->m_previous(type, context, message);
    }

    static inline FetchCounter* current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QHash<QString, int> m_counts;
};

std::unique_ptr<sync::SyncService> profile(const QTemporaryDir& dir, const QString& name, const QVariantMap& faults)
{
    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir.path()).filePath(name + QStringLiteral("/cache.db"));
    options.backendConfig.profileDir = QDir(dir.path()).filePath(name);
    options.backendConfig.workspacePath = dir.filePath(QStringLiteral("workspace.convene"));
    options.backendConfig.userId = name;
    options.backendConfig.displayName = name;
    options.backendConfig.options.insert(QStringLiteral("faults"), faults);
    options.reconnectBackoff = {100, 400};
    options.submitBackoff = {20, 200};
    auto service = std::make_unique<sync::SyncService>(options);
    service->start();
    REQUIRE(QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 10000));
    return service;
}

int64_t count(const QString& cachePath, const QString& sql)
{
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto query = (*db)->prepare(sql);
    REQUIRE(query.ok());
    return (*query)->step().valueOr(false) ? (*query)->int64(0) : -1;
}

// A first session while nothing is wrong, until #general is cached: the next one catches up
// after what this one cached.
void cacheWorkspace(const QTemporaryDir& dir, const QString& name)
{
    auto first = profile(dir, name, {});
    REQUIRE(QTest::qWaitFor(
        [&] {
            return count(first->cachePath(),
                         QStringLiteral("SELECT count(*) FROM streams WHERE id = 'channel:general' AND newest_cursor "
                                        "IS NOT NULL")) == 1;
        },
        10000));
}

} // namespace

TEST_CASE("A history gap the backend cannot fill is retried with backoff and reported, not fetched in a loop")
{
    QTemporaryDir dir;
    cacheWorkspace(dir, QStringLiteral("alice"));

    FetchCounter fetches;
    auto alice = profile(dir, QStringLiteral("alice"), {{QStringLiteral("headBeyond"), 3}});
    QSignalSpy reported(alice.get(), &sync::SyncService::incompleteStreamsChanged);
    REQUIRE(QTest::qWaitFor([&] { return alice->incompleteStreams().contains(kGeneral); }, 10000));
    QTest::qWait(4000);
    // Backing off from one second: a handful of tries per stream, where a loop makes thousands.
    INFO("requests for #general in about 4 s: " << fetches.count(kGeneral) << ", for all streams: " << fetches.total());
    CHECK(fetches.count(kGeneral) >= 2); // it does try again
    CHECK(fetches.count(kGeneral) <= 10);
    CHECK(alice->incompleteStreams().contains(kGeneral));
    CHECK(alice->state() == sync::ConnectionState::Online);

    // The stream stays live: what Bob writes now shows, after what could be loaded.
    auto bob = profile(dir, QStringLiteral("bob"), {});
    sync::Mutation hello;
    hello.stream = kGeneral;
    hello.kind = QStringLiteral("message");
    hello.body = QStringLiteral("still live after the gap");
    hello.payload = R"({"text":"still live after the gap"})";
    bob->submit(hello);
    REQUIRE(QTest::qWaitFor(
        [&] {
            return count(alice->cachePath(),
                         QStringLiteral("SELECT count(*) FROM entries WHERE body = 'still live after the gap'")) == 1;
        },
        15000));
}

TEST_CASE("A gap that is filled later is no longer reported")
{
    QTemporaryDir dir;
    cacheWorkspace(dir, QStringLiteral("alice"));
    auto alice = profile(dir, QStringLiteral("alice"), {{QStringLiteral("headBeyond"), 2}});
    REQUIRE(QTest::qWaitFor([&] { return alice->incompleteStreams().contains(kGeneral); }, 10000));
    // The backend heals: the next try (after its backoff) finds the history complete.
    alice->setBackendFaults({{QStringLiteral("headBeyond"), 0}});
    REQUIRE(QTest::qWaitFor([&] { return alice->incompleteStreams().isEmpty(); }, 20000));
}
