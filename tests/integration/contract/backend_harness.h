#pragma once

#include <convene/sync/backend_registry.h>

#include "catch_qt_strings.h"

#include <QSignalSpy>
#include <QTest>
#include <QTemporaryDir>

#include <memory>

namespace convene::test {

// One connected backend of a given kind on a shared temporary workspace, created through the
// registry exactly as the app creates it.
class BackendHarness {
public:
    BackendHarness(const QString& backendName, const QString& workspaceDir, const QString& userId)
    {
        sync::BackendConfig config;
        config.profileDir = workspaceDir + QStringLiteral("/profile-") + userId;
        config.workspacePath = workspaceDir + QStringLiteral("/workspace.convene");
        config.userId = userId;
        config.displayName = userId;
        auto created = sync::BackendRegistry().create(backendName, config);
        REQUIRE(created.ok());
        backend = std::move(created).value();
        connect();
    }

    void connect()
    {
        QSignalSpy connected(backend.get(), &sync::Backend::connected);
        backend->connectToServer();
        REQUIRE(connected.wait(5000));
    }

    sync::Ack submit(const sync::Mutation& m)
    {
        QSignalSpy acks(backend.get(), &sync::Backend::submitted);
        backend->submit(m);
        REQUIRE(acks.wait(5000));
        return acks.takeFirst().at(0).value<sync::Ack>();
    }

    sync::HistoryPage history(const sync::HistoryQuery& query)
    {
        QSignalSpy pages(backend.get(), &sync::Backend::historyFetched);
        backend->fetchHistory(++m_requests, query);
        REQUIRE(pages.wait(5000));
        return pages.takeFirst().at(1).value<sync::HistoryPage>();
    }

    std::unique_ptr<sync::Backend> backend;

private:
    quint64 m_requests = 0;
};

} // namespace convene::test
