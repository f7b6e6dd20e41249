// Renders the shell and its dialogs in both languages and themes to gallery/ in the screenshot
// directory, and checks the layout rules a reviewer would: dialogs inside the window, rows of
// settings stacked without overlap, nothing outside its dialog.
#include "app_controller.h"
#include "app_root.h"
#include "scenario.h"

#include "catch_qt_strings.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using convene::test::Scenario;

namespace {

QRectF sceneRect(const QQuickItem* item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

void checkInsideWindow(Scenario& s, const QString& dialogName)
{
    QObject* dialog = s.find(dialogName);
    REQUIRE(dialog);
    auto* background = dialog->property("background").value<QQuickItem*>();
    REQUIRE(background);
    const QRectF box = sceneRect(background);
    const QRectF window(0, 0, s.window()->width(), s.window()->height());
    INFO(dialogName.toStdString());
    CHECK(window.contains(box));
}

void checkRowsStacked(Scenario& s, const QStringList& rows)
{
    qreal bottom = -1;
    for (const QString& name : rows) {
        const QRectF rect = sceneRect(s.item(name));
        INFO(name.toStdString());
        CHECK(rect.top() >= bottom);
        CHECK(rect.height() > 0);
        bottom = rect.bottom();
    }
}

} // namespace

TEST_CASE("Gallery: shell, settings and about in English and Chinese, light and dark")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            Scenario::Config config;
            config.options.language = language;
            config.options.theme = theme;
            config.policy = {{QStringLiteral("backend"), QStringLiteral("local")}};
            Scenario s(config);
            const QString suffix = language + QLatin1Char('-') + theme;
            s.window()->resize(1200, 780);
            s.waitFor([&] { return s.window()->width() == 1200; });

            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/shell-") + suffix).isEmpty());

            s.click(QStringLiteral("openSettings"));
            REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
            checkInsideWindow(s, QStringLiteral("settingsDialog"));
            checkRowsStacked(s, {QStringLiteral("themeRow"), QStringLiteral("languageRow"),
                                 QStringLiteral("displayNameRow"), QStringLiteral("backendRow"),
                                 QStringLiteral("doNotDisturbRow")});
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/settings-") + suffix).isEmpty());
            s.press(QKeySequence(Qt::Key_Escape));
            REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("settingsDialog"))->property("visible").toBool(); }));

            s.click(QStringLiteral("openAbout"));
            REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("aboutDialog"))->property("opened").toBool(); }));
            checkInsideWindow(s, QStringLiteral("aboutDialog"));
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/about-") + suffix).isEmpty());
        }
    }
}

TEST_CASE("Gallery: the chat pane with a thread and with search, in English and Chinese, light and dark")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            Scenario::Config config;
            config.options.language = language;
            config.options.theme = theme;
            Scenario s(config);
            const QString suffix = language + QLatin1Char('-') + theme;
            s.window()->resize(1280, 800);
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_channel:engineering")); }, 5000));

            s.click(QStringLiteral("channel_channel:engineering"));
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("messageList")); }));
            auto* timeline = qobject_cast<convene::chat::MessageListModel*>(s.app().chat().timeline());
            qint64 root = 0;
            REQUIRE(s.waitFor([&] {
                for (int row = 0; row < timeline->rowCount(); ++row)
                    if (timeline->index(row).data(convene::chat::MessageListModel::ReplyCountRole).toInt() > 0)
                        root = timeline->index(row).data(convene::chat::MessageListModel::PosRole).toLongLong();
                return root > 0;
            }));
            s.click(QStringLiteral("threadSummary_") + QString::number(root));
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("threadPanel")); }));
            QTest::qWait(200);
            // The conversation and the thread sit side by side inside the window.
            const QRectF thread = sceneRect(s.item(QStringLiteral("threadPanel")));
            const QRectF composer = sceneRect(s.item(QStringLiteral("composer")));
            CHECK(composer.right() <= thread.left());
            CHECK(thread.right() <= s.window()->width());
            CHECK(composer.bottom() <= s.window()->height());
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/chat-thread-") + suffix).isEmpty());

            s.click(QStringLiteral("searchButton"));
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchField")); }));
            s.click(QStringLiteral("searchField"));
            s.typeText(QStringLiteral("会议"));
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchResult_0")); }));
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/chat-search-") + suffix).isEmpty());
            s.click(QStringLiteral("closeSearchButton"));

            s.click(QStringLiteral("switcherButton"));
            REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
            s.typeText(QStringLiteral("cptl"));
            REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("switcherItem_0")); }));
            checkInsideWindow(s, QStringLiteral("quickSwitcher"));
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/chat-switcher-") + suffix).isEmpty());
            s.press(QKeySequence(Qt::Key_Escape));
            REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("quickSwitcher"))->property("visible").toBool(); }));

            s.click(QStringLiteral("detailsButton"));
            REQUIRE(
                s.waitFor([&] { return s.find(QStringLiteral("channelDetailsDialog"))->property("opened").toBool(); }));
            checkInsideWindow(s, QStringLiteral("channelDetailsDialog"));
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/chat-details-") + suffix).isEmpty());
            s.press(QKeySequence(Qt::Key_Escape));
            REQUIRE(s.waitFor(
                [&] { return !s.find(QStringLiteral("channelDetailsDialog"))->property("visible").toBool(); }));

            QMetaObject::invokeMethod(s.find(QStringLiteral("chatPane")), "openEmojiPicker", Q_ARG(QVariant, QVariant(root)),
                                      Q_ARG(QVariant, QVariant::fromValue<QObject*>(nullptr)));
            REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("emojiPicker"))->property("opened").toBool(); }));
            checkInsideWindow(s, QStringLiteral("emojiPicker"));
            CHECK_FALSE(s.screenshot(QStringLiteral("gallery/chat-emoji-") + suffix).isEmpty());
        }
    }
}
