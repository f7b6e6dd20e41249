// The keyboard model, driven by keys alone: where the focus starts, F6 round the parts of the
// window, arrows and Enter in the lists, Escape closing the innermost panel and giving the
// keyboard back, Tab leaving the composer, and the Keyboard shortcuts dialog (Ctrl+/).
// With CONVENE_SCREENSHOT_DIR set, the focus ring on each kind of item is saved there.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/chat/channel_list_model.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>

using convene::chat::ChatController;
using convene::chat::MessageListModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

Scenario::Config english(const QString& theme = QStringLiteral("light"))
{
    Scenario::Config config;
    config.options.language = QStringLiteral("en");
    config.options.theme = theme;
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Flo")}};
    return config;
}

ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

QString focusName(Scenario& s)
{
    QQuickItem* item = s.window()->activeFocusItem();
    return item ? item->objectName() : QStringLiteral("(nothing)");
}

// Whether the keyboard is on the item named `name` or in it (a list passes it on to its current
// row).
bool focusIn(Scenario& s, const QString& name)
{
    for (QQuickItem* item = s.window()->activeFocusItem(); item; item = item->parentItem())
        if (item->objectName() == name)
            return true;
    return false;
}

// Waits for the keyboard to be on or in the item named `name`; says where it is otherwise.
bool focusOn(Scenario& s, const QString& name)
{
    const bool there = s.waitFor([&] { return focusIn(s, name); });
    UNSCOPED_INFO("focus on " << focusName(s).toStdString() << ", wanted " << name.toStdString());
    return there;
}

void press(Scenario& s, const char* keys)
{
    s.press(QKeySequence(QString::fromLatin1(keys)));
}

// The app started, the window active, a conversation open and the cursor in its composer.
void start(Scenario& s)
{
    REQUIRE(s.waitFor([&] { return !chatOf(s).currentStream().isEmpty(); }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + chatOf(s).currentStream()); }, 5000));
    s.window()->requestActivate();
    REQUIRE(s.waitFor([&] { return s.window()->isActive(); }, 1000));
    auto& timeline = *qobject_cast<MessageListModel*>(chatOf(s).timeline());
    REQUIRE(s.waitFor([&] { return timeline.rowCount() > 0; }, 5000));
    REQUIRE(focusOn(s, QStringLiteral("composer_input")));
}

int intOf(Scenario& s, const QString& name, const char* property)
{
    return s.item(name)->property(property).toInt();
}

// A focus ring shows on `item` or on something in it (a list's current row).
bool showsFocusRing(QQuickItem* item)
{
    if (item->objectName() == QStringLiteral("focusRing") && item->isVisible())
        return true;
    const auto children = item->childItems();
    for (QQuickItem* child : children)
        if (child->isVisible() && showsFocusRing(child))
            return true;
    return false;
}

QString composerText(Scenario& s)
{
    return s.item(QStringLiteral("composer_input"))->property("text").toString();
}

} // namespace

TEST_CASE("At launch the open conversation's composer has the keyboard")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);
    s.typeText(QStringLiteral("first words"));
    CHECK(composerText(s) == QStringLiteral("first words"));

    // Back from another view, the same.
    press(s, "Ctrl+2");
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarPane")); }, 5000));
    CHECK(s.waitFor([&] { return focusName(s) != QStringLiteral("composer_input"); }));
    press(s, "Ctrl+1");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("F6 and Shift+F6 go round the rail, the conversation list, the timeline, the composer and a side panel")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("nav_chat")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("channelList")));
    // On the open conversation.
    CHECK(intOf(s, QStringLiteral("channelList"), "currentIndex") == chatOf(s).channels()->indexOf(chatOf(s).currentStream()));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("messageList")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("nav_chat")));

    press(s, "Shift+F6");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    press(s, "Shift+F6");
    CHECK(focusOn(s, QStringLiteral("messageList")));
    press(s, "Shift+F6");
    CHECK(focusOn(s, QStringLiteral("channelList")));

    // A thread beside the conversation joins the round after the composer.
    auto& timeline = *qobject_cast<MessageListModel*>(chatOf(s).timeline());
    chatOf(s).openThread(timeline.newestPos());
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("threadPanel")); }));
    CHECK(focusOn(s, QStringLiteral("threadComposer_input")));
    press(s, "Shift+F6");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("threadComposer_input")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("nav_chat")));

    // So does search, in the thread's place.
    press(s, "Ctrl+F");
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchPanel")); }));
    CHECK(focusOn(s, QStringLiteral("searchField")));
    press(s, "Shift+F6");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("searchField")));

    // In another pane, the round is the rail and that pane.
    press(s, "Ctrl+2");
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarPane")); }, 5000));
    press(s, "F6");
    CHECK(focusOn(s, QStringLiteral("nav_calendar")));
    press(s, "F6");
    CHECK(s.waitFor([&] {
        for (QQuickItem* item = s.window()->activeFocusItem(); item; item = item->parentItem())
            if (item->objectName() == QStringLiteral("calendarPane"))
                return true;
        return false;
    }));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The conversation list: Tab reaches it, arrows, Home and End move in it, Enter opens")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);
    const QString opened = chatOf(s).currentStream();

    s.item(QStringLiteral("newConversationButton"))->forceActiveFocus(Qt::TabFocusReason);
    press(s, "Tab");
    REQUIRE(focusOn(s, QStringLiteral("channelList")));
    QQuickItem* list = s.item(QStringLiteral("channelList"));
    const int count = list->property("count").toInt();
    REQUIRE(count >= 3);
    const int openRow = chatOf(s).channels()->indexOf(opened);
    CHECK(list->property("currentIndex").toInt() == openRow);

    press(s, "End");
    CHECK(list->property("currentIndex").toInt() == count - 1);
    press(s, "Home");
    CHECK(list->property("currentIndex").toInt() == 0);
    press(s, "Down");
    press(s, "Down");
    CHECK(list->property("currentIndex").toInt() == 2);
    press(s, "Up");
    CHECK(list->property("currentIndex").toInt() == 1);
    if (openRow == 1)
        press(s, "Down");
    CHECK(chatOf(s).currentStream() == opened); // moving is not opening
    s.screenshot(QStringLiteral("keyboard_conversation_list"));

    const QString target = chatOf(s).channels()->streamAt(list->property("currentIndex").toInt());
    REQUIRE(target != opened);
    press(s, "Return");
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == target; }));
    CHECK(focusOn(s, QStringLiteral("composer_input")));

    // Enter on the conversation already open puts the cursor in its composer too.
    s.item(QStringLiteral("channelList"))->forceActiveFocus(Qt::TabFocusReason);
    REQUIRE(focusOn(s, QStringLiteral("channelList")));
    CHECK(list->property("currentIndex").toInt() == chatOf(s).channels()->indexOf(target));
    press(s, "Return");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    CHECK(chatOf(s).currentStream() == target);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The message list: the newest message first, arrows, Home and End, Enter opens its actions")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    press(s, "Shift+F6");
    REQUIRE(focusOn(s, QStringLiteral("messageList")));
    QQuickItem* list = s.item(QStringLiteral("messageList"));
    const auto current = [&] { return list->property("currentIndex").toInt(); };
    const auto currentPos = [&] {
        auto* item = list->property("currentItem").value<QQuickItem*>();
        return item ? item->property("pos").toDouble() : -1.0;
    };
    REQUIRE(list->property("count").toInt() > 2);
    CHECK(current() >= 0); // a message is selected at once

    auto& timeline = *qobject_cast<MessageListModel*>(chatOf(s).timeline());
    const double oldest = timeline.index(0).data(MessageListModel::PosRole).toDouble();
    press(s, "End");
    CHECK(s.waitFor([&] { return current() == list->property("count").toInt() - 1; }));
    const int newest = current();
    press(s, "Up");
    CHECK(current() == newest - 1);
    press(s, "Home");
    CHECK(s.waitFor([&] { return currentPos() == oldest; })); // older ones may load above it
    press(s, "End");
    CHECK(s.waitFor([&] { return current() == list->property("count").toInt() - 1; }));

    press(s, "Return");
    CHECK(s.waitFor([&] { return s.isShown(QStringLiteral("replyInThreadAction")); }));
    s.screenshot(QStringLiteral("keyboard_message_actions"));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("replyInThreadAction")); }));
    CHECK(focusOn(s, QStringLiteral("messageList")));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Escape closes search, from its field or its results, and gives the keyboard back")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    press(s, "Ctrl+F");
    REQUIRE(focusOn(s, QStringLiteral("searchField")));
    s.typeText(QStringLiteral("football"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchResult_0")); }, 5000));
    press(s, "Down");
    REQUIRE(focusOn(s, QStringLiteral("searchResults")));
    s.screenshot(QStringLiteral("keyboard_search_results"));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("searchPanel")); }));
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    // What is typed next goes to the composer, not into the hidden search field.
    s.typeText(QStringLiteral("x"));
    CHECK(composerText(s) == QStringLiteral("x"));
    CHECK(s.item(QStringLiteral("searchField"))->property("text").toString() == QStringLiteral("football"));

    // From the field, and back to where the keyboard was: the message list.
    press(s, "Shift+F6");
    REQUIRE(focusOn(s, QStringLiteral("messageList")));
    press(s, "Ctrl+F");
    REQUIRE(focusOn(s, QStringLiteral("searchField")));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("searchPanel")); }));
    CHECK(focusOn(s, QStringLiteral("messageList")));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Escape closes the thread, from its reply box or its messages, and gives the keyboard back")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    press(s, "Shift+F6");
    REQUIRE(focusOn(s, QStringLiteral("messageList")));
    press(s, "T"); // a thread on the selected message
    REQUIRE(s.waitFor([&] { return chatOf(s).threadRoot() > 0; }));
    REQUIRE(focusOn(s, QStringLiteral("threadComposer_input")));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return chatOf(s).threadRoot() == 0 && !s.isShown(QStringLiteral("threadPanel")); }));
    CHECK(focusOn(s, QStringLiteral("messageList")));

    press(s, "T");
    REQUIRE(s.waitFor([&] { return chatOf(s).threadRoot() > 0; }));
    s.item(QStringLiteral("threadList"))->forceActiveFocus(Qt::TabFocusReason);
    REQUIRE(focusOn(s, QStringLiteral("threadList")));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return chatOf(s).threadRoot() == 0; }));
    CHECK(focusOn(s, QStringLiteral("messageList")));

    // Escape while editing cancels the edit and leaves the thread open.
    press(s, "T");
    REQUIRE(focusOn(s, QStringLiteral("threadComposer_input")));
    s.typeText(QStringLiteral("a reply"));
    press(s, "Return");
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("threadComposer_input"))->property("text").toString().isEmpty(); }, 5000));
    press(s, "Up");
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("threadComposer"))->property("editing").toBool(); }));
    press(s, "Escape");
    CHECK_FALSE(s.item(QStringLiteral("threadComposer"))->property("editing").toBool());
    CHECK(chatOf(s).threadRoot() > 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Tab in the composer moves on to Send and Shift+Tab comes back; Ctrl+Tab writes a tab")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    s.typeText(QStringLiteral("hi"));
    press(s, "Tab");
    CHECK(focusOn(s, QStringLiteral("composer_send")));
    CHECK(composerText(s) == QStringLiteral("hi"));
    s.screenshot(QStringLiteral("keyboard_send_button"));
    press(s, "Shift+Tab");
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    press(s, "Ctrl+Tab");
    CHECK(composerText(s) == QStringLiteral("hi\t"));
    CHECK(focusName(s) == QStringLiteral("composer_input"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Ctrl+K and Enter on the conversation already open: the cursor goes to its composer")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);
    chatOf(s).openConversation(kGeneral);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == kGeneral; }));

    press(s, "Shift+F6");
    REQUIRE(focusOn(s, QStringLiteral("messageList")));
    press(s, "Ctrl+K");
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("general"));
    REQUIRE(s.waitFor([&] {
        return s.isShown(QStringLiteral("switcherItem_0")) &&
               s.find(QStringLiteral("switcherItem_0"))->property("streamId").toString() == kGeneral;
    }));
    press(s, "Return");
    REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("quickSwitcher"))->property("visible").toBool(); }));
    CHECK(focusOn(s, QStringLiteral("composer_input")));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Ctrl+/ shows every keyboard shortcut; Escape closes it and gives the keyboard back")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(english());
    start(s);

    press(s, "Ctrl+/");
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("shortcutsDialog"))->property("opened").toBool(); }));
    CHECK(focusOn(s, QStringLiteral("shortcutsList")));
    CHECK(s.find(QStringLiteral("shortcutsDialog"))->property("title").toString() == QStringLiteral("Keyboard shortcuts"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("shortcut_nextRegion")); }));
    CHECK(s.find(QStringLiteral("shortcut_nextRegion"))->property("keysText").toString() == QStringLiteral("F6"));
    CHECK(s.find(QStringLiteral("shortcut_shortcuts"))->property("keysText").toString() == QStringLiteral("Ctrl+/"));
    s.screenshot(QStringLiteral("keyboard_shortcuts_dialog"));
    press(s, "Escape");
    CHECK(s.waitFor([&] { return !s.find(QStringLiteral("shortcutsDialog"))->property("visible").toBool(); }));
    CHECK(focusOn(s, QStringLiteral("composer_input")));

    // From the About dialog too.
    s.click(QStringLiteral("openAbout"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("aboutDialog"))->property("opened").toBool(); }));
    s.click(QStringLiteral("showShortcutsButton"));
    CHECK(s.waitFor([&] { return s.find(QStringLiteral("shortcutsDialog"))->property("opened").toBool(); }));
    CHECK(s.waitFor([&] { return !s.find(QStringLiteral("aboutDialog"))->property("visible").toBool(); }));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The focus ring on each kind of item, light and dark")
{
    for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
        QmlWarnings warnings(QStringLiteral(".qml"));
        Scenario s(english(theme));
        start(s);
        const auto shot = [&](const char* kind) {
            s.screenshot(QStringLiteral("focus_ring_%1_%2").arg(QString::fromLatin1(kind), theme));
        };
        const auto ringShown = [&](QQuickItem* on) { return s.waitFor([&] { return showsFocusRing(on); }); };

        press(s, "F6");
        REQUIRE(focusOn(s, QStringLiteral("nav_chat")));
        CHECK(ringShown(s.item(QStringLiteral("nav_chat"))));
        shot("rail_button");
        s.item(QStringLiteral("openSettings"))->forceActiveFocus(Qt::TabFocusReason);
        CHECK(ringShown(s.item(QStringLiteral("openSettings"))));
        shot("rail_icon_button");

        s.item(QStringLiteral("searchButton"))->forceActiveFocus(Qt::TabFocusReason);
        CHECK(ringShown(s.item(QStringLiteral("searchButton"))));
        shot("search_button");

        s.item(QStringLiteral("channelList"))->forceActiveFocus(Qt::TabFocusReason);
        REQUIRE(focusOn(s, QStringLiteral("channelList")));
        CHECK(ringShown(s.item(QStringLiteral("channel_") + chatOf(s).currentStream())));
        shot("conversation_row");

        press(s, "F6");
        REQUIRE(focusOn(s, QStringLiteral("messageList")));
        CHECK(ringShown(s.item(QStringLiteral("messageList"))));
        shot("message");

        press(s, "Return");
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("replyInThreadAction")); }));
        press(s, "Down");
        QQuickItem* menuItem = s.item(QStringLiteral("replyInThreadAction"));
        CHECK(ringShown(menuItem->parentItem())); // on the item the arrow moved to
        shot("menu_item");
        press(s, "Escape");
        REQUIRE(focusOn(s, QStringLiteral("messageList")));

        press(s, "F6");
        REQUIRE(focusOn(s, QStringLiteral("composer_input")));
        press(s, "Tab");
        REQUIRE(focusOn(s, QStringLiteral("composer_send")));
        CHECK(ringShown(s.item(QStringLiteral("composer_send"))));
        shot("send_button");

        press(s, "Ctrl+F");
        REQUIRE(focusOn(s, QStringLiteral("searchField")));
        s.typeText(QStringLiteral("football"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchResult_0")); }, 5000));
        press(s, "Down");
        REQUIRE(focusOn(s, QStringLiteral("searchResults")));
        CHECK(ringShown(s.item(QStringLiteral("searchResult_0"))));
        shot("search_result");
        CHECK(warnings.messages().isEmpty());
    }
}
