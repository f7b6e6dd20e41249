#pragma once
// One member's SyncService and DocsController on a shared local workspace in a temporary
// directory, for the docs tests.
#include <convene/docs/docs_controller.h>
#include <convene/sync/sync_service.h>

#include <QDir>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>

namespace docs_test {

inline QString nameOf(const QString& id)
{
    static const QHash<QString, QString> names{{QStringLiteral("ana"), QStringLiteral("Ana Lima")},
                                               {QStringLiteral("bo"), QStringLiteral("Bo Li")},
                                               {QStringLiteral("cy"), QStringLiteral("陈一")}};
    return names.value(id, id);
}

struct Profile {
    std::unique_ptr<convene::sync::SyncService> sync;
    std::unique_ptr<convene::docs::DocsController> docs;
    QString userId;
    QString dir;

    Profile(const QString& root, const QString& id) : userId(id), dir(QDir(root).filePath(id))
    {
        convene::sync::SyncEngine::Options options;
        options.cachePath = QDir(dir).filePath(QStringLiteral("cache.db"));
        options.backendConfig.profileDir = dir;
        options.backendConfig.workspacePath = QDir(root).filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.userId = id;
        options.backendConfig.displayName = nameOf(id);
        options.reconnectBackoff = {50, 200};
        options.submitBackoff = {20, 200};
        sync = std::make_unique<convene::sync::SyncService>(options);
        sync->start();
        REQUIRE(QTest::qWaitFor([&] { return sync->state() == convene::sync::ConnectionState::Online; }, 10000));
        startDocs();
    }

    void startDocs()
    {
        convene::docs::DocsController::Setup setup;
        setup.userId = userId;
        setup.userName = nameOf(userId);
        setup.profileDir = dir;
        setup.nameOf = nameOf;
        setup.memberIds = [] { return QStringList{QStringLiteral("ana"), QStringLiteral("bo"), QStringLiteral("cy")}; };
        docs = std::make_unique<convene::docs::DocsController>(*sync, setup);
        REQUIRE(QTest::qWaitFor([&] { return docs->loaded(); }, 10000));
    }

    convene::docs::DocumentSession* openLoaded(const QString& stream)
    {
        docs->open(stream);
        convene::docs::DocumentSession* session = docs->session(stream);
        REQUIRE(session);
        REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
        return session;
    }

    QString waitForDocument(const QString& title)
    {
        QString stream;
        const bool found = QTest::qWaitFor(
            [&] {
                for (const auto& row : docs->documents()->documents()) {
                    if (row.title == title)
                        stream = row.stream;
                }
                return !stream.isEmpty();
            },
            10000);
        return found ? stream : QString();
    }
};

inline QString plain(convene::docs::DocumentSession* session)
{
    return QString::fromStdU16String(session->text().toU16String());
}

inline std::vector<convene::crdt::DeltaOp> insertAt(uint64_t at, const std::u16string& text)
{
    std::vector<convene::crdt::DeltaOp> delta;
    if (at > 0)
        delta.push_back({convene::crdt::DeltaOp::Kind::Retain, {}, {}, {}, at, {}});
    delta.push_back({convene::crdt::DeltaOp::Kind::Insert, text, {}, {}, 0, {}});
    return delta;
}

} // namespace docs_test
