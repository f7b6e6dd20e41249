// A damaged cache on startup: a screen that says so (not an empty window that looks normal),
// whose "Rebuild from server" keeps the damaged file aside, starts a new cache that syncs the
// workspace again, and sends what the damaged one still had queued.
#include "app_controller.h"
#include "app_root.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using convene::chat::MessageListModel;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

Scenario::Config member(const QString& profileDir, const QString& workspace)
{
    Scenario::Config config;
    config.options.profileDir = profileDir;
    config.options.workspace = workspace;
    config.options.language = QStringLiteral("en");
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Gail")}};
    return config;
}

int rowsWith(Scenario& s, const QString& text, const QString& state = {})
{
    const auto& model = *qobject_cast<MessageListModel*>(s.app().chat().timeline());
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (index.data(MessageListModel::TextRole).toString() == text &&
            (state.isEmpty() || index.data(MessageListModel::StateRole).toString() == state))
            ++rows;
    }
    return rows;
}

void openGeneral(Scenario& s)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + kGeneral); }, 10000));
    s.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == kGeneral; }));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// The damaged cache files kept aside (reading one leaves its -wal and -shm beside it).
QStringList setAside(const QString& profileDir)
{
    QStringList files = QDir(profileDir).entryList({QStringLiteral("cache.db.damaged-*")}, QDir::Files);
    files.removeIf([](const QString& name) { return name.endsWith(u"-wal") || name.endsWith(u"-shm"); });
    return files;
}

// The problem screen is up instead of the main window; Rebuild brings the main window.
void rebuild(Scenario& s)
{
    REQUIRE(s.window()->objectName() == QStringLiteral("cacheProblemWindow"));
    CHECK(s.controller().chat() == nullptr); // no workspace behind it
    CHECK(s.isShown(QStringLiteral("cacheProblemQuit")));
    s.click(QStringLiteral("cacheProblemRebuild"));
    REQUIRE(s.waitFor([&] { return s.window() && s.window()->objectName() == QStringLiteral("mainWindow"); }, 10000));
    REQUIRE(QTest::qWaitForWindowExposed(s.window()));
}

} // namespace

TEST_CASE("A cache that is not a database opens a problem screen; Rebuild syncs the workspace into a new one")
{
    QTemporaryDir profile;
    QTemporaryDir shared;
    const QString cache = QDir(profile.path()).filePath(QStringLiteral("cache.db"));
    QByteArray garbage;
    for (int i = 0; garbage.size() < 64 * 1024; ++i)
        garbage += QByteArray::number(i * 7919) + " is not a page of a database; ";
    writeFile(cache, garbage);

    Scenario s(member(profile.path(), QDir(shared.path()).filePath(QStringLiteral("team.convene"))));
    REQUIRE(s.window()->objectName() == QStringLiteral("cacheProblemWindow"));
    CHECK(s.isShown(QStringLiteral("cacheProblemTitle")));
    CHECK_FALSE(s.isShown(QStringLiteral("cacheProblemUnsent"))); // nothing could be read from it
    rebuild(s);
    openGeneral(s);
    REQUIRE(s.waitFor([&] { return s.app().chat().timeline()->rowCount() > 0; }, 10000)); // synced again

    // The damaged file was kept, as it was, under a new name.
    const QStringList aside = setAside(profile.path());
    REQUIRE(aside.size() == 1);
    QFile kept(QDir(profile.path()).filePath(aside.first()));
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == garbage);
    CHECK(s.app().sync().cachePath() == cache);
}

TEST_CASE("A cache cut short keeps its queued message: after Rebuild it is sent, once")
{
    QTemporaryDir profile;
    QTemporaryDir shared;
    const Scenario::Config config =
        member(profile.path(), QDir(shared.path()).filePath(QStringLiteral("team.convene")));
    const QString cache = QDir(profile.path()).filePath(QStringLiteral("cache.db"));
    const QString text = QStringLiteral("Queued before the cache broke 缓存坏了");
    {
        Scenario s(config);
        openGeneral(s);
        s.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
        REQUIRE(s.waitFor([&] { return s.app().sync().state() != convene::sync::ConnectionState::Online; }, 5000));
        s.window()->requestActivate();
        s.click(QStringLiteral("composer_input"));
        s.typeText(text);
        s.press(QKeySequence(Qt::Key_Return));
        REQUIRE(s.waitFor([&] { return rowsWith(s, text, QStringLiteral("pending")) == 1; }, 5000));
    } // the app closes

    // Cut the file short, as a copy or a disk that failed half-way would: its header then
    // promises pages the file does not have. The pages of the schema and the outbox stay.
    // First everything goes into the one file (the log stays when the last to close is a reader).
    int64_t pageSize = 0, pages = 0, needed = 0;
    {
        auto db = convene::store::Database::open(cache);
        REQUIRE(db.ok());
        REQUIRE((*db)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
        const auto scalar = [&](const QString& sql) {
            auto query = (*db)->prepare(sql);
            REQUIRE((*query)->step().valueOr(false));
            return (*query)->int64(0);
        };
        pageSize = scalar(QStringLiteral("PRAGMA page_size"));
        pages = scalar(QStringLiteral("PRAGMA page_count"));
        needed = scalar(QStringLiteral(
            "SELECT max(pageno) FROM dbstat WHERE name IN ('sqlite_schema', 'sqlite_master', 'outbox')"));
    }
    REQUIRE_FALSE(QFileInfo(cache + QStringLiteral("-wal")).size() > 0);
    REQUIRE(needed < pages);
    REQUIRE(QFile::resize(cache, needed * pageSize));

    Scenario s(config);
    REQUIRE(s.window()->objectName() == QStringLiteral("cacheProblemWindow"));
    CHECK(s.isShown(QStringLiteral("cacheProblemUnsent"))); // one change will be carried over
    rebuild(s);
    openGeneral(s);
    REQUIRE(s.waitFor([&] { return rowsWith(s, text, QStringLiteral("sent")) == 1; }, 10000));
    QTest::qWait(500); // a second copy would be here by now
    CHECK(rowsWith(s, text) == 1);
    CHECK(setAside(profile.path()).size() == 1);
}
