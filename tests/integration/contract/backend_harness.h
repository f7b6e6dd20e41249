#pragma once

#include "backend_environment.h"

#include <convene/sync/backend_registry.h>

#include "catch_qt_strings.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace convene::test {

// One connected backend for one user of an environment, created through the registry exactly
// as the app creates it.
class BackendHarness {
public:
    BackendHarness(const BackendEnvironment& environment, const QString& user)
    {
        auto created = sync::BackendRegistry().create(environment.backendName(), environment.configFor(user));
        REQUIRE(created.ok());
        backend = std::move(created).value();
        connect();
    }

    void connect()
    {
        QSignalSpy connected(backend.get(), &sync::Backend::connected);
        QSignalSpy failed(backend.get(), &sync::Backend::connectionFailed);
        backend->connectToServer();
        REQUIRE(QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 10000));
        if (!failed.isEmpty())
            FAIL(failed.first().at(0).value<Error>().message.toStdString());
        // Every stream a client may use is known to the backend once listed.
        QSignalSpy listed(backend.get(), &sync::Backend::streamsListed);
        backend->listStreams();
        REQUIRE(listed.wait(10000));
    }

    sync::Ack submit(const sync::Mutation& m)
    {
        QSignalSpy acks(backend.get(), &sync::Backend::submitted);
        QSignalSpy refused(backend.get(), &sync::Backend::rejected);
        QSignalSpy failed(backend.get(), &sync::Backend::submitFailed);
        backend->submit(m);
        REQUIRE(QTest::qWaitFor([&] { return !acks.isEmpty() || !refused.isEmpty() || !failed.isEmpty(); }, 10000));
        if (acks.isEmpty()) {
            const auto& args = refused.isEmpty() ? failed.first() : refused.first();
            FAIL(args.at(1).value<Error>().message.toStdString());
        }
        return acks.takeFirst().at(0).value<sync::Ack>();
    }

    sync::HistoryPage history(const sync::HistoryQuery& query)
    {
        QSignalSpy pages(backend.get(), &sync::Backend::historyFetched);
        QSignalSpy failed(backend.get(), &sync::Backend::requestFailed);
        backend->fetchHistory(++m_requests, query);
        REQUIRE(QTest::qWaitFor([&] { return !pages.isEmpty() || !failed.isEmpty(); }, 10000));
        if (pages.isEmpty())
            FAIL(failed.first().at(1).value<Error>().message.toStdString());
        return pages.takeFirst().at(1).value<sync::HistoryPage>();
    }

    std::unique_ptr<sync::Backend> backend;

private:
    quint64 m_requests = 0;
};

} // namespace convene::test
