#pragma once

// What the contract tests share: a backend's environment, entries to submit, and what a client
// is listed.
#include "backend_harness.h"

#include <convene/core/uuid_v7.h>
#include <convene/sync/sync_service.h>

namespace convene::test {

inline UuidV7Generator& contractIds()
{
    static UuidV7Generator generator;
    return generator;
}

// The environment of one backend; the test fails, saying why, where it cannot run here.
inline std::unique_ptr<BackendEnvironment> environment(const QString& backend)
{
    QString why;
    auto env = BackendEnvironment::make(backend, &why);
    if (!env)
        FAIL("cannot run the " << backend.toStdString() << " backend here: " << why.toStdString());
    return env;
}

inline sync::Mutation entryOf(const QString& stream, const QString& kind, const QByteArray& payload)
{
    sync::Mutation m;
    m.clientId = contractIds().next();
    m.stream = stream;
    m.kind = kind;
    m.payload = payload;
    m.createdAt = 1;
    return m;
}

// Whether the backend lists `stream` to `client`.
inline bool listed(BackendHarness& client, const QString& stream)
{
    QSignalSpy lists(client.backend.get(), &sync::Backend::streamsListed);
    client.backend->listStreams();
    REQUIRE(lists.wait(10000));
    for (const sync::StreamInfo& info : lists.takeFirst().at(0).value<QList<sync::StreamInfo>>())
        if (info.id == stream)
            return true;
    return false;
}

} // namespace convene::test
