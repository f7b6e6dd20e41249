// Where the cursor goes when a conversation opens: into its composer, whichever way it was
// opened (the quick switcher, by full pinyin too; the conversation list; a search result; a
// notification), so that what the user types next is not lost.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>

using convene::chat::MessageListModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");
const QString kProduct = QStringLiteral("channel:product");
const QString kDesign = QStringLiteral("channel:design");
const QString kRandom = QStringLiteral("channel:random");

Scenario::Config english()
{
    Scenario::Config config;
    config.options.language = QStringLiteral("en");
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Flo")}};
    return config;
}

convene::chat::ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

QQuickItem* composerInput(Scenario& s)
{
    return s.item(QStringLiteral("composer_input"));
}

QString composerText(Scenario& s)
{
    return composerInput(s)->property("text").toString();
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

// As when the user clicked somewhere else since.
void takeCursorAway(Scenario& s)
{
    composerInput(s)->setFocus(false);
    REQUIRE_FALSE(composerInput(s)->hasActiveFocus());
}

// The app after start, with a conversation open and the cursor nowhere in particular.
void openWithoutFocus(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    chatOf(s).openConversation(stream);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == stream; }));
    focusWindow(s);
    takeCursorAway(s);
}

// Types as a person would and checks that it went into the open conversation's composer.
void typeIntoComposer(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return composerInput(s)->hasActiveFocus(); }));
    const QString text = QStringLiteral("typed right away 马上");
    s.typeText(text);
    CHECK(composerText(s) == text);
    CHECK(chatOf(s).currentStream() == stream);
}

qint64 newestPos(Scenario& s)
{
    auto& timeline = *qobject_cast<MessageListModel*>(chatOf(s).timeline());
    REQUIRE(s.waitFor([&] { return timeline.rowCount() > 0; }, 5000));
    return timeline.newestPos();
}

} // namespace

TEST_CASE("Ctrl+K, full pinyin, Enter: the channel opens with the cursor in its composer")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    openWithoutFocus(s, kGeneral);

    s.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("chanpin"));
    REQUIRE(s.waitFor([&] {
        return s.isShown(QStringLiteral("switcherItem_0")) &&
               s.find(QStringLiteral("switcherItem_0"))->property("streamId").toString() == kProduct;
    }));
    CHECK_FALSE(s.isShown(QStringLiteral("switcherItem_1"))); // nothing else reads chanpin
    s.screenshot(QStringLiteral("composer_focus_switcher_chanpin"));
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kProduct; }));
    REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("quickSwitcher"))->property("visible").toBool(); }));

    typeIntoComposer(s, kProduct);
    s.screenshot(QStringLiteral("composer_focus_after_switcher"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("In Chinese and dark: Ctrl+K, a name's full pinyin, Enter, and typing goes to the direct message")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = english();
    config.options.language = QStringLiteral("zh_CN");
    config.options.theme = QStringLiteral("dark");
    Scenario s(config);
    openWithoutFocus(s, kGeneral);

    s.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("wang fang"));
    REQUIRE(s.waitFor([&] {
        return s.isShown(QStringLiteral("switcherItem_0")) &&
               s.find(QStringLiteral("switcherItem_0"))->property("name").toString() == QStringLiteral(u"王芳");
    }));
    s.screenshot(QStringLiteral("composer_focus_switcher_wangfang_zh_dark"));
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentName() == QStringLiteral(u"王芳"); }, 5000));
    REQUIRE(s.waitFor([&] { return composerInput(s)->hasActiveFocus(); }, 5000));
    const QString text = QStringLiteral("你好，王芳");
    s.typeText(text);
    CHECK(composerText(s) == text);
    CHECK(chatOf(s).currentStream().startsWith(QStringLiteral("dm:")));
    s.screenshot(QStringLiteral("composer_focus_dm_zh_dark"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Ctrl+K with pinyin initials and with a name: the cursor lands in the composer each time")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    openWithoutFocus(s, kGeneral);

    s.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("chan'p"));
    REQUIRE(s.waitFor([&] {
        return s.isShown(QStringLiteral("switcherItem_0")) &&
               s.find(QStringLiteral("switcherItem_0"))->property("streamId").toString() == kProduct;
    }));
    s.press(QKeySequence(Qt::Key_Return));
    typeIntoComposer(s, kProduct);

    // On from that composer to another channel: the cursor follows, into an empty composer.
    s.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("rand"));
    REQUIRE(s.waitFor([&] {
        return s.isShown(QStringLiteral("switcherItem_0")) &&
               s.find(QStringLiteral("switcherItem_0"))->property("streamId").toString() == kRandom;
    }));
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kRandom; }));
    REQUIRE(s.waitFor([&] { return composerInput(s)->hasActiveFocus() && composerText(s).isEmpty(); }));
    s.typeText(QStringLiteral("coffee"));
    CHECK(composerText(s) == QStringLiteral("coffee"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Opening a conversation from the list puts the cursor in its composer")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    openWithoutFocus(s, kGeneral);

    s.click(QStringLiteral("channel_") + kDesign);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kDesign; }));
    typeIntoComposer(s, kDesign);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Opening a search result puts the cursor in its conversation's composer")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    openWithoutFocus(s, kGeneral);

    s.press(QKeySequence(QStringLiteral("Ctrl+F")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchField")); }));
    REQUIRE(s.clickToFocus(QStringLiteral("searchField")));
    s.typeText(QStringLiteral("football"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchResult_0")); }, 5000));
    s.click(QStringLiteral("searchResult_0"));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kRandom; }));
    typeIntoComposer(s, kRandom);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Opening a message from a notification puts the cursor in the composer")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    chatOf(s).openConversation(kDesign);
    const qint64 designPos = newestPos(s);
    openWithoutFocus(s, kGeneral);
    const qint64 generalPos = newestPos(s);

    // What clicking the notification of a new message does (see TrayIcon).
    s.controller().openChatMessage(kDesign, designPos, 0);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kDesign; }));
    typeIntoComposer(s, kDesign);

    // Also when the message is in the conversation already open.
    s.controller().openChatMessage(kGeneral, 0, 0);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kGeneral; }));
    takeCursorAway(s);
    s.controller().openChatMessage(kGeneral, generalPos, 0);
    typeIntoComposer(s, kGeneral);
    CHECK(warnings.messages().isEmpty());
}
