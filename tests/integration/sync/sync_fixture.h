#pragma once

#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace convene::test {

// One profile: a SyncService on the local backend with its cache under `dir/<name>/`, all
// profiles sharing `dir/workspace.convene`.
class SyncProfile {
public:
    SyncProfile(const QString& dir, const QString& name, QVariantMap faults = {})
    {
        sync::SyncEngine::Options options;
        options.cachePath = QDir(dir).filePath(name + QStringLiteral("/cache.db"));
        options.backendConfig.profileDir = QDir(dir).filePath(name);
        options.backendConfig.workspacePath = QDir(dir).filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.displayName = name;
        options.backendConfig.options.insert(QStringLiteral("faults"), faults);
        options.reconnectBackoff = {100, 400};
        options.submitBackoff = {20, 200};
        service = std::make_unique<sync::SyncService>(options);
        service->start();
    }

    bool waitForState(sync::ConnectionState state, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return service->state() == state; }, timeoutMs);
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

    int64_t count(const QString& sql, const QVariant& arg = {})
    {
        auto stmt = cache().prepare(sql);
        REQUIRE(stmt.ok());
        if (arg.isValid()) {
            if (arg.typeId() == QMetaType::QByteArray)
                (*stmt)->bind(1, arg.toByteArray());
            else
                (*stmt)->bind(1, arg.toString());
        }
        const bool row = (*stmt)->step().valueOr(false);
        const int64_t value = row ? (*stmt)->int64(0) : -1;
        (*stmt)->reset();
        return value;
    }

    QString text(const QString& sql)
    {
        auto stmt = cache().prepare(sql);
        REQUIRE(stmt.ok());
        const QString value = (*stmt)->step().valueOr(false) ? (*stmt)->text(0) : QString();
        (*stmt)->reset();
        return value;
    }

    sync::Mutation message(const QString& stream, const QString& text) const
    {
        sync::Mutation m;
        m.stream = stream;
        m.kind = QStringLiteral("message");
        m.body = text;
        m.payload = QByteArray("{\"text\":\"") + text.toUtf8() + "\"}";
        return m;
    }

    std::unique_ptr<sync::SyncService> service;

private:
    std::unique_ptr<store::Database> m_cache;
};

} // namespace convene::test
