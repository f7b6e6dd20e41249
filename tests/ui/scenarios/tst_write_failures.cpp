// A full disk while the user works: a message stays in the composer with an error in the
// conversation and goes out once on Retry; other changes (starring a channel) are reported in
// the window, not dropped. The full disk is a SQLite VFS of the test's own (faulty_disk.h) that
// refuses writes to the profile's cache.
#include "app_root.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"
#include "faulty_disk.h"

#include <QAccessible>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using convene::chat::MessageListModel;
using convene::test::FaultyDisk;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

Scenario::Config member(const QString& name)
{
    Scenario::Config config;
    config.options.language = QStringLiteral("en");
    config.policy = {{QStringLiteral("displayName"), name}};
    return config;
}

convene::chat::ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(chatOf(s).timeline());
}

// Rows of the timeline showing `text`, and how many of them the server has.
int rowsWith(Scenario& s, const QString& text, bool sentOnly = false)
{
    const MessageListModel& model = timelineOf(s);
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (index.data(MessageListModel::TextRole).toString() == text &&
            (!sentOnly || index.data(MessageListModel::StateRole).toString() == QStringLiteral("sent")))
            ++rows;
    }
    return rows;
}

QString composerText(Scenario& s)
{
    return s.find(QStringLiteral("composer_input"))->property("text").toString();
}

QString accessibleName(QQuickItem* item)
{
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

void openGeneral(Scenario& s)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + kGeneral); }, 5000));
    s.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kGeneral; }));
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

} // namespace

TEST_CASE("A message the full disk refused stays in the composer with an error, and Retry sends it once")
{
    FaultyDisk& disk = FaultyDisk::install(); // before the app opens its cache
    Scenario s(member(QStringLiteral("Erin")));
    openGeneral(s);
    const QString cache = s.app().sync().cachePath();

    const QString text = QStringLiteral("Nothing typed is lost 一个字也不丢");
    s.click(QStringLiteral("composer_input"));
    s.typeText(text);
    disk.setFull(cache, true);
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return disk.refusedWrites(cache) > 0; }, 5000));
    QTest::qWait(200); // sync's answer reaches the window

    CHECK(composerText(s) == text);
    CHECK(rowsWith(s, text) == 0);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("writeFailureBanner")); }, 5000));
    QQuickItem* banner = s.item(QStringLiteral("writeFailureBanner"));
    CHECK(accessibleName(banner).contains(QStringLiteral("could not be saved")));
    CHECK(accessibleName(banner).contains(QStringLiteral("disk is full")));
    CHECK(s.isShown(QStringLiteral("writeFailureRetry")));

    // Enter again while the disk is still full: refused again, kept again.
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("writeFailureBanner")); }, 5000));
    QTest::qWait(200);
    CHECK(composerText(s) == text);
    CHECK(rowsWith(s, text) == 0);

    // Space again: Retry sends it, once, and the composer lets go of it.
    disk.setFull(cache, false);
    s.click(QStringLiteral("writeFailureRetry"));
    REQUIRE(s.waitFor([&] { return rowsWith(s, text, true) == 1; }, 10000));
    CHECK(composerText(s).isEmpty());
    CHECK_FALSE(s.isShown(QStringLiteral("writeFailureBanner")));
    QTest::qWait(500); // a second copy would be here by now
    CHECK(rowsWith(s, text) == 1);
    CHECK(disk.refusedWrites(cache) > 0); // the disk really was full meanwhile
}

TEST_CASE("Other changes the full disk refused are reported in the window and can be retried")
{
    FaultyDisk& disk = FaultyDisk::install();
    Scenario s(member(QStringLiteral("Finn")));
    openGeneral(s);
    const QString cache = s.app().sync().cachePath();
    REQUIRE_FALSE(chatOf(s).currentStarred());

    disk.setFull(cache, true);
    s.click(QStringLiteral("starButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("unsavedChangesBanner")); }, 5000));
    CHECK(accessibleName(s.item(QStringLiteral("unsavedChangesBanner"))).contains(QStringLiteral("disk is full")));
    CHECK_FALSE(chatOf(s).currentStarred());

    disk.setFull(cache, false);
    s.click(QStringLiteral("unsavedChangesRetry"));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStarred(); }, 5000));
    CHECK_FALSE(s.isShown(QStringLiteral("unsavedChangesBanner")));
}
