// Deleting a message takes its text out of every cache that holds it: the author's and the
// other members'. Two profiles on one local workspace; after the deletion both apps quit, and
// their cache files (with any write-ahead log left) are read byte by byte.
#include "catch_qt_strings.h"

#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace convene;

namespace {

const QString kStream = QStringLiteral("channel:general");

std::unique_ptr<sync::SyncService> profile(const QTemporaryDir& dir, const QString& name)
{
    sync::SyncEngine::Options options;
    options.cachePath = QDir(dir.path()).filePath(name + QStringLiteral("/cache.db"));
    options.backendConfig.profileDir = QDir(dir.path()).filePath(name);
    options.backendConfig.workspacePath = dir.filePath(QStringLiteral("workspace.convene"));
    options.backendConfig.userId = name;
    options.backendConfig.displayName = name;
    options.reconnectBackoff = {100, 400};
    options.submitBackoff = {20, 200};
    auto service = std::make_unique<sync::SyncService>(options);
    service->start();
    REQUIRE(QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 10000));
    return service;
}

QString text(const QString& cachePath, const QString& sql)
{
    auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto query = (*db)->prepare(sql);
    REQUIRE(query.ok());
    return (*query)->step().valueOr(false) ? (*query)->text(0) : QString();
}

// The cache file and its write-ahead log, as they are on the disk.
QByteArray bytesOf(const QString& cachePath)
{
    QByteArray bytes;
    for (const QString& path : {cachePath, cachePath + QStringLiteral("-wal")}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

sync::Mutation entry(const QString& kind, const QString& text, const QString& ref = {})
{
    sync::Mutation m;
    m.stream = kStream;
    m.kind = kind;
    m.body = text;
    m.payload = text.isEmpty() ? QByteArray() : QStringLiteral(R"({"text":"%1"})").arg(text).toUtf8();
    m.ref = ref;
    return m;
}

} // namespace

TEST_CASE("A deleted message's text, and its edits' text, leave every cache file and the search index", "[security]")
{
    QTemporaryDir dir;
    auto alice = profile(dir, QStringLiteral("alice"));
    auto bob = profile(dir, QStringLiteral("bob"));
    const QString aliceCache = alice->cachePath();
    const QString bobCache = bob->cachePath();

    // Long enough to spill into overflow pages, which a deletion frees rather than rewrites.
    const QString filler = QStringLiteral(" padding").repeated(1500);
    const QUuid sent =
        alice->submit(entry(QStringLiteral("message"), QStringLiteral("the vault code is ZEBRA-7781") + filler));
    QString serverId;
    REQUIRE(QTest::qWaitFor(
        [&] {
            serverId = text(aliceCache, QStringLiteral("SELECT server_id FROM entries WHERE client_id = X'%1'")
                                            .arg(QString::fromLatin1(sent.toRfc4122().toHex())));
            return !serverId.isEmpty();
        },
        10000));
    alice->submit(
        entry(QStringLiteral("message.edit"), QStringLiteral("the vault code is ZEBRA-7782") + filler, serverId));
    const QString edited = QStringLiteral("SELECT count(*) FROM entries WHERE body LIKE '%ZEBRA-7782%'");
    REQUIRE(QTest::qWaitFor([&] { return text(bobCache, edited) == u"1"; }, 10000));
    // Everything is on the disk, in both files, before the deletion.
    for (const QString& cache : {aliceCache, bobCache})
        CHECK(text(cache, QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%ZEBRA-778%'")) == u"2");

    alice->submit(entry(QStringLiteral("message.delete"), QString(), serverId));
    const QString erased =
        QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'message.delete' AND ref = '%1' AND pos IS NOT NULL")
            .arg(serverId);
    for (const QString& cache : {aliceCache, bobCache})
        REQUIRE(QTest::qWaitFor([&] { return text(cache, erased) == u"1"; }, 10000));

    for (const QString& cache : {aliceCache, bobCache}) {
        INFO(cache.toStdString());
        CHECK(text(cache, QStringLiteral("SELECT count(*) FROM entries WHERE body LIKE '%ZEBRA%' OR "
                                         "CAST(payload AS TEXT) LIKE '%ZEBRA%'")) == u"0");
        CHECK(text(cache, QStringLiteral("SELECT count(*) FROM entries_fts WHERE body LIKE '%ZEBRA%'")) == u"0");
        // The message keeps its place in the conversation.
        CHECK(text(cache, QStringLiteral("SELECT pos IS NOT NULL FROM entries WHERE server_id = '%1'").arg(serverId)) ==
              u"1");
    }
    alice.reset();
    bob.reset();
    for (const QString& cache : {aliceCache, bobCache}) {
        INFO(cache.toStdString());
        const QByteArray bytes = bytesOf(cache);
        REQUIRE(bytes.size() > 4096);
        CHECK_FALSE(bytes.contains("ZEBRA-7781"));
        CHECK_FALSE(bytes.contains("ZEBRA-7782"));
        CHECK_FALSE(bytes.contains("vault code"));
    }
}
