// What the offline banner relies on: "Retry now" connects without waiting out the backoff, the
// outbox's size is reported as it changes, and the workspace's name is remembered across a
// restart made while the backend is away.
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;

namespace {

// A profile whose reconnection backoff is far longer than any wait in these tests.
std::unique_ptr<sync::SyncService> startProfile(const QString& dir, bool offline)
{
    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir).filePath(QStringLiteral("profile/cache.db"));
    options.backendConfig.profileDir = QDir(dir).filePath(QStringLiteral("profile"));
    options.backendConfig.workspacePath = QDir(dir).filePath(QStringLiteral("team.convene"));
    options.backendConfig.displayName = QStringLiteral("Quinn");
    options.backendConfig.options.insert(QStringLiteral("faults"), QVariantMap{{QStringLiteral("offline"), offline}});
    options.reconnectBackoff = {600'000, 600'000};
    auto service = std::make_unique<sync::SyncService>(options);
    service->start();
    return service;
}

// Offline because a connection attempt failed, not merely not started yet.
bool wentOffline(const sync::SyncService& service)
{
    return service.state() == sync::ConnectionState::Offline && !service.stateReason().isEmpty();
}

sync::Mutation message(const QString& text)
{
    sync::Mutation m;
    m.stream = QStringLiteral("channel:general");
    m.kind = QStringLiteral("message");
    m.body = text;
    m.payload = QByteArray("{\"text\":\"") + text.toUtf8() + "\"}";
    return m;
}

} // namespace

TEST_CASE("Retry now connects at once instead of after the backoff, and the queued changes go out")
{
    QTemporaryDir dir;
    auto service = startProfile(dir.path(), true);
    REQUIRE(QTest::qWaitFor([&] { return wentOffline(*service); }, 5000));
    CHECK(service->stateReason().contains(QStringLiteral("unreachable")));

    for (int i = 0; i < 3; ++i)
        service->submit(message(QStringLiteral("queued %1").arg(i)));
    QTest::qWait(300);

    service->setBackendFaults({{QStringLiteral("offline"), false}});
    QTest::qWait(300);
    REQUIRE(service->state() == sync::ConnectionState::Offline); // the backoff has ten minutes to go
    service->reconnectNow();
    CHECK(QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 5000));
}

TEST_CASE("The number of changes waiting in the outbox is reported as it changes")
{
    QTemporaryDir dir;
    auto service = startProfile(dir.path(), true);
    REQUIRE(QTest::qWaitFor([&] { return wentOffline(*service); }, 5000));
    CHECK(service->queuedCount() == 0);
    int reports = 0;
    QObject::connect(service.get(), &sync::SyncService::queuedCountChanged, [&] { ++reports; });
    for (int i = 0; i < 3; ++i)
        service->submit(message(QStringLiteral("queued %1").arg(i)));
    CHECK(QTest::qWaitFor([&] { return service->queuedCount() == 3; }, 5000));
    CHECK(reports == 1); // submitted together, counted once

    service->setBackendFaults({{QStringLiteral("offline"), false}});
    service->reconnectNow();
    CHECK(QTest::qWaitFor([&] { return service->queuedCount() == 0; }, 10'000));
}

TEST_CASE("Retry now leaves a connected service alone")
{
    QTemporaryDir dir;
    auto service = startProfile(dir.path(), false);
    REQUIRE(QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 5000));
    int changes = 0;
    QObject::connect(service.get(), &sync::SyncService::stateChanged, [&] { ++changes; });
    service->reconnectNow();
    QTest::qWait(300);
    CHECK(changes == 0);
    CHECK(service->state() == sync::ConnectionState::Online);
}

TEST_CASE("The workspace's name is known while offline after a restart")
{
    QTemporaryDir dir;
    {
        auto online = startProfile(dir.path(), false);
        REQUIRE(QTest::qWaitFor([&] { return online->state() == sync::ConnectionState::Online; }, 5000));
        CHECK(online->workspaceName() == QStringLiteral("Convene Demo"));
    }
    auto offline = startProfile(dir.path(), true);
    REQUIRE(QTest::qWaitFor([&] { return wentOffline(*offline); }, 5000));
    CHECK(offline->workspaceName() == QStringLiteral("Convene Demo"));
}
