// Settings that show what is in effect and take effect at once: the command line's --lang and
// --theme shown as such, a language chosen in Settings applied without a restart (QML, the
// models' own text and dates), drop-down lists legible in both themes, and policy still winning.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "colour_contrast.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QColor>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>
#include <functional>

using convene::test::contrast;
using convene::test::luminance;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

// A profile whose user has a name, so that the workspace opens at once.
Scenario::Config named()
{
    Scenario::Config config;
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Quinn")}};
    return config;
}

QString textOf(Scenario& s, const QString& name)
{
    return s.find(name)->property("text").toString();
}

void openSettings(Scenario& s)
{
    s.click(QStringLiteral("openSettings"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
}

void closeSettings(Scenario& s)
{
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("settingsDialog"))->property("visible").toBool(); }));
}

bool popupOpen(Scenario& s, const QString& comboBox)
{
    auto* popup = s.find(comboBox)->property("popup").value<QObject*>();
    return popup && popup->property("opened").toBool();
}

// Opens a drop-down list; again if something else took the focus meanwhile (which closes it).
void openList(Scenario& s, const QString& comboBox)
{
    REQUIRE(s.waitFor(
        [&] {
            if (!popupOpen(s, comboBox))
                s.click(comboBox);
            return popupOpen(s, comboBox);
        },
        5000));
}

// Picks a choice with the mouse, as a person would.
void choose(Scenario& s, const QString& comboBox, int index)
{
    const QString option = comboBox + QStringLiteral("_option_") + QString::number(index);
    REQUIRE(s.waitFor(
        [&] {
            openList(s, comboBox);
            return s.isShown(option);
        },
        5000));
    s.click(option);
    REQUIRE(s.waitFor([&] { return !popupOpen(s, comboBox); }));
    REQUIRE(s.find(comboBox)->property("currentIndex").toInt() == index);
}

QString displayText(Scenario& s, const QString& comboBox)
{
    return s.find(comboBox)->property("displayText").toString();
}

void forEachItem(QQuickItem* item, const std::function<void(QQuickItem*)>& visit)
{
    visit(item);
    const auto children = item->childItems();
    for (QQuickItem* child : children)
        forEachItem(child, visit);
}

// The labels of the day separators the timeline shows.
QStringList daySeparators(Scenario& s)
{
    QStringList labels;
    forEachItem(s.window()->contentItem(), [&](QQuickItem* item) {
        if (QLatin1String(item->metaObject()->className()).startsWith(QLatin1String("DaySeparator")) &&
            item->isVisible())
            labels << item->property("label").toString();
    });
    return labels;
}

QColor colorOf(QObject* object)
{
    return object ? object->property("color").value<QColor>() : QColor();
}

// Opens a drop-down list and checks each of its choices as drawn: the text's colour against
// what is behind it (its own background where one shows, else the list's).
void checkListLegible(Scenario& s, const QString& comboBox)
{
    INFO(comboBox.toStdString());
    QObject* combo = s.find(comboBox);
    REQUIRE(combo);
    openList(s, comboBox);
    auto* popup = combo->property("popup").value<QObject*>();
    const QColor listBackground = colorOf(popup->property("background").value<QObject*>());
    auto* list = popup->property("contentItem").value<QQuickItem*>();
    REQUIRE(list);
    auto* content = list->property("contentItem").value<QQuickItem*>();
    REQUIRE(content);
    int checked = 0;
    const int count = combo->property("count").toInt();
    // Every choice highlighted in turn: the highlighted one is where white on white was.
    for (int highlighted = 0; highlighted < count; ++highlighted) {
        REQUIRE(popup->property("opened").toBool());
        const auto delegates = content->childItems();
        for (QQuickItem* option : delegates) {
            if (!option->property("highlighted").isValid() || !option->isVisible())
                continue;
            auto* text = option->property("contentItem").value<QQuickItem*>();
            auto* background = option->property("background").value<QQuickItem*>();
            const QColor behind = background && background->isVisible() && colorOf(background).alpha() > 0
                                      ? colorOf(background)
                                      : listBackground;
            INFO("choice " << option->property("text").toString().toStdString() << ", highlighted "
                           << option->property("highlighted").toBool());
            CHECK(contrast(colorOf(text), behind) >= 3.0);
            ++checked;
        }
        s.press(QKeySequence(Qt::Key_Down));
    }
    CHECK(checked >= count * count);
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popup->property("visible").toBool(); }));
}

void openGeneral(Scenario& s)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + kGeneral); }, 5000));
    s.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == kGeneral; }));
}

} // namespace

TEST_CASE("Started with --lang and --theme, Settings shows them and says the command line chose them")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = named();
    config.options.language = QStringLiteral("zh_CN");
    config.options.theme = QStringLiteral("dark");
    Scenario s(config);
    openSettings(s);

    CHECK(displayText(s, QStringLiteral("languageSetting")) == QStringLiteral("简体中文"));
    CHECK(s.find(QStringLiteral("themeSetting"))->property("currentIndex").toInt() == 2); // dark
    CHECK_FALSE(s.find(QStringLiteral("languageRow"))->property("hint").toString().isEmpty());
    CHECK_FALSE(s.find(QStringLiteral("themeRow"))->property("hint").toString().isEmpty());
    s.screenshot(QStringLiteral("settings_command_line_zh_dark"));

    // Choosing the theme here replaces the command line's choice, even the saved one: the note goes.
    choose(s, QStringLiteral("themeSetting"), 0); // follow the system (light here)
    CHECK(s.waitFor([&] { return !s.controller().darkMode(); }));
    CHECK(s.find(QStringLiteral("themeRow"))->property("hint").toString().isEmpty());
    CHECK(s.find(QStringLiteral("themeSetting"))->property("currentIndex").toInt() == 0);
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A language chosen in Settings is used at once, models and dates included")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = named();
    Scenario s(config);
    QQuickWindow* window = s.window();
    openGeneral(s);
    REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
    const QString text = QStringLiteral("Live language 实时切换");
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
    QQuickItem* general = s.item(QStringLiteral("channel_") + kGeneral);
    REQUIRE(s.waitFor([&] { return general->property("preview").toString() == QStringLiteral("You: ") + text; }, 5000));
    REQUIRE(s.waitFor([&] { return daySeparators(s).contains(QStringLiteral("Today")); }, 5000));
    CHECK(textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("Chat"));
    const QString englishPlaceholder = textOf(s, QStringLiteral("composer_placeholder"));

    openSettings(s);
    CHECK(displayText(s, QStringLiteral("languageSetting")) != QStringLiteral("简体中文"));
    choose(s, QStringLiteral("themeSetting"), 1); // light: not the first choice
    REQUIRE(s.find(QStringLiteral("themeSetting"))->property("currentIndex").toInt() == 1);
    choose(s, QStringLiteral("languageSetting"), 2);
    REQUIRE(s.waitFor([&] { return s.controller().language() == QStringLiteral("zh_CN"); }));
    CHECK(s.app().settings().value(QStringLiteral("language")).toString() == QStringLiteral("zh_CN"));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("消息"); }));
    CHECK(textOf(s, QStringLiteral("viewTitle")) == QStringLiteral("消息"));
    CHECK(s.find(QStringLiteral("settingsDialog"))->property("title").toString() == QStringLiteral("设置"));
    // The lists are made anew in the new language and still show what is chosen.
    CHECK(displayText(s, QStringLiteral("languageSetting")) == QStringLiteral("简体中文"));
    CHECK(s.find(QStringLiteral("themeSetting"))->property("currentIndex").toInt() == 1);
    s.screenshot(QStringLiteral("settings_switched_to_zh"));
    closeSettings(s);

    CHECK(textOf(s, QStringLiteral("composer_placeholder")) != englishPlaceholder);
    CHECK(s.waitFor([&] { return general->property("preview").toString() == QStringLiteral("你：") + text; }));
    CHECK(s.waitFor([&] { return daySeparators(s).contains(QStringLiteral("今天")); }));
    CHECK_FALSE(daySeparators(s).contains(QStringLiteral("Today")));
    CHECK(s.window() == window); // no restart
    s.screenshot(QStringLiteral("chat_after_switch_to_zh"));

    // And back, again without a restart.
    openSettings(s);
    choose(s, QStringLiteral("languageSetting"), 1);
    REQUIRE(s.waitFor([&] { return s.controller().language() == QStringLiteral("en"); }));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("Chat"); }));
    closeSettings(s);
    CHECK(textOf(s, QStringLiteral("composer_placeholder")) == englishPlaceholder);
    CHECK(s.waitFor([&] { return general->property("preview").toString() == QStringLiteral("You: ") + text; }));
    CHECK(s.waitFor([&] { return daySeparators(s).contains(QStringLiteral("Today")); }));

    // The choice holds after a restart.
    REQUIRE(s.app().settings().setValue(QStringLiteral("language"), QStringLiteral("zh_CN")).ok());
    s.restart();
    CHECK(s.controller().language() == QStringLiteral("zh_CN"));
    CHECK(textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("消息"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("Every drop-down list in Settings is legible in the light and the dark theme")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = named();
    config.options.language = QStringLiteral("en");
    config.options.theme = QStringLiteral("light");
    Scenario s(config);
    REQUIRE_FALSE(s.controller().darkMode());
    openSettings(s);
    for (const char* combo : {"themeSetting", "languageSetting", "backendSetting"})
        checkListLegible(s, QString::fromLatin1(combo));
    openList(s, QStringLiteral("themeSetting"));
    s.screenshot(QStringLiteral("settings_theme_list_light"));
    s.press(QKeySequence(Qt::Key_Escape));

    choose(s, QStringLiteral("themeSetting"), 2); // dark
    REQUIRE(s.waitFor([&] { return s.controller().darkMode(); }));
    for (const char* combo : {"themeSetting", "languageSetting", "backendSetting"})
        checkListLegible(s, QString::fromLatin1(combo));
    // The text inputs of the open dialog follow the theme too.
    for (const char* field : {"displayNameSetting", "serverUrlSetting", "proxySetting"}) {
        INFO(field);
        QObject* input = s.find(QString::fromLatin1(field));
        const QColor background = colorOf(input->property("background").value<QObject*>());
        CHECK(luminance(background) < 0.1);
        CHECK(contrast(input->property("placeholderTextColor").value<QColor>(), background) >= 3.0);
        CHECK(contrast(colorOf(input), background) >= 4.5);
    }
    openList(s, QStringLiteral("themeSetting"));
    s.screenshot(QStringLiteral("settings_theme_list_dark"));
    s.press(QKeySequence(Qt::Key_Escape));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A setting the organisation locks stays locked, whatever the command line says")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = named();
    config.options.theme = QStringLiteral("dark");
    config.options.language = QStringLiteral("zh_CN");
    config.policy.insert(QStringLiteral("theme"), QStringLiteral("light"));
    config.policy.insert(QStringLiteral("language"), QStringLiteral("en"));
    Scenario s(config);
    CHECK_FALSE(s.controller().darkMode());
    CHECK(s.controller().language() == QStringLiteral("en"));
    openSettings(s);
    CHECK_FALSE(s.item(QStringLiteral("themeSetting"))->isEnabled());
    CHECK_FALSE(s.item(QStringLiteral("languageSetting"))->isEnabled());
    CHECK(s.isShown(QStringLiteral("themeRow_managed")));
    CHECK(s.isShown(QStringLiteral("languageRow_managed")));
    CHECK(s.find(QStringLiteral("themeSetting"))->property("currentIndex").toInt() == 1); // light
    CHECK(displayText(s, QStringLiteral("languageSetting")) == QStringLiteral("English"));
    CHECK(s.find(QStringLiteral("themeRow"))->property("hint").toString().isEmpty());
    CHECK(s.find(QStringLiteral("languageRow"))->property("hint").toString().isEmpty());
    CHECK(s.app().settings().setValue(QStringLiteral("language"), QStringLiteral("zh_CN")).error().code ==
          convene::ErrorCode::PermissionDenied);
    QTest::qWait(100);
    CHECK(s.controller().language() == QStringLiteral("en"));
    CHECK(warnings.messages().isEmpty());
}
