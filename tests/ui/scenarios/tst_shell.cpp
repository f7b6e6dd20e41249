// Full-app scenarios for the shell: navigation, shortcuts, settings, policy, about, restart.
#include "app_controller.h"
#include "app_root.h"

#include <convene/chat/chat_controller.h>
#include <convene/sync/sync_service.h>
#include "scenario.h"

#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QFileOpenEvent>
#include <QQuickItem>
#include <QSettings>
#include <QTemporaryDir>
#include <QQuickWindow>
#include <QTest>

using convene::test::Scenario;

namespace {

QString textOf(Scenario& s, const QString& name)
{
    return s.find(name)->property("text").toString();
}

void openSettings(Scenario& s)
{
    s.click(QStringLiteral("openSettings"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
}

} // namespace

TEST_CASE("The shell opens on chat and every pane is reachable from the rail")
{
    Scenario s;
    CHECK(s.controller().currentView() == QStringLiteral("chat"));
    CHECK(s.isShown(QStringLiteral("chatPane")));
    CHECK(textOf(s, QStringLiteral("viewTitle")) == QStringLiteral("Chat"));

    const QStringList views{QStringLiteral("calendar"), QStringLiteral("docs"), QStringLiteral("calls"),
                            QStringLiteral("chat")};
    for (const QString& view : views) {
        INFO(view.toStdString());
        s.click(QStringLiteral("nav_") + view);
        CHECK(s.controller().currentView() == view);
        CHECK(s.waitFor([&] { return s.isShown(view + QStringLiteral("Pane")); }));
    }
    CHECK_FALSE(s.isShown(QStringLiteral("callsPane")));
}

TEST_CASE("Ctrl+1 to Ctrl+4 switch panes")
{
    Scenario s;
    s.press(QKeySequence(QStringLiteral("Ctrl+3")));
    CHECK(s.controller().currentView() == QStringLiteral("docs"));
    CHECK(textOf(s, QStringLiteral("viewTitle")) == QStringLiteral("Docs"));
    s.press(QKeySequence(QStringLiteral("Ctrl+4")));
    CHECK(s.controller().currentView() == QStringLiteral("calls"));
    s.press(QKeySequence(QStringLiteral("Ctrl+2")));
    CHECK(s.controller().currentView() == QStringLiteral("calendar"));
    s.press(QKeySequence(QStringLiteral("Ctrl+1")));
    CHECK(s.controller().currentView() == QStringLiteral("chat"));
}

TEST_CASE("--view opens a pane; otherwise the last pane and the window geometry come back after a restart")
{
    Scenario::Config config;
    config.options.view = QStringLiteral("calendar");
    Scenario s(config);
    CHECK(s.controller().currentView() == QStringLiteral("calendar"));
    CHECK(s.isShown(QStringLiteral("calendarPane")));

    s.click(QStringLiteral("nav_docs"));
    const QRect geometry(40, 50, 980, 640);
    s.window()->setGeometry(geometry);
    REQUIRE(s.waitFor([&] { return s.window()->geometry() == geometry; }));

    s.app().shutdown();
    Scenario::Config same;
    same.options.profileDir = s.profileDir();
    Scenario again(same);
    CHECK(again.controller().currentView() == QStringLiteral("docs"));
    CHECK(again.window()->geometry() == geometry);
}

TEST_CASE("Choosing the dark theme in settings switches the whole app at once")
{
    Scenario s;
    CHECK_FALSE(s.controller().darkMode());
    openSettings(s);

    s.click(QStringLiteral("themeSetting"));
    s.press(QKeySequence(Qt::Key_Down));
    s.press(QKeySequence(Qt::Key_Down));
    s.press(QKeySequence(Qt::Key_Return));
    CHECK(s.waitFor([&] { return s.controller().darkMode(); }));
    CHECK(s.app().settings().value(QStringLiteral("theme")).toString() == QStringLiteral("dark"));
    CHECK(s.window()->color() == QColor(QStringLiteral("#17181C")));

    s.press(QKeySequence(Qt::Key_Escape));
    CHECK(s.waitFor([&] { return !s.find(QStringLiteral("settingsDialog"))->property("visible").toBool(); }));
}

TEST_CASE("Ctrl+, opens settings; the display name changes the header")
{
    Scenario s;
    s.press(QKeySequence(QStringLiteral("Ctrl+,")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
    s.click(QStringLiteral("displayNameSetting"));
    s.press(QKeySequence::SelectAll); // the name given on first run
    s.typeText(QStringLiteral("Li Wei"));
    s.press(QKeySequence(Qt::Key_Return));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("userName")) == QStringLiteral("Li Wei"); }));
}

TEST_CASE("Settings managed by the organisation are locked and say so")
{
    Scenario::Config config;
    config.policy = {{QStringLiteral("theme"), QStringLiteral("dark")},
                     {QStringLiteral("backend"), QStringLiteral("local")}};
    Scenario s(config);
    CHECK(s.controller().darkMode());
    openSettings(s);

    CHECK_FALSE(s.item(QStringLiteral("themeSetting"))->isEnabled());
    CHECK(s.isShown(QStringLiteral("themeRow_managed")));
    CHECK_FALSE(s.item(QStringLiteral("backendSetting"))->isEnabled());
    CHECK(s.isShown(QStringLiteral("backendRow_managed")));
    // Not managed: editable and unmarked.
    CHECK(s.item(QStringLiteral("languageSetting"))->isEnabled());
    CHECK_FALSE(s.isShown(QStringLiteral("languageRow_managed")));
    CHECK(s.app().settings().setValue(QStringLiteral("theme"), QStringLiteral("light")).error().code ==
          convene::ErrorCode::PermissionDenied);
}

TEST_CASE("Changing the language takes effect at once and stays after a restart")
{
    Scenario s;
    openSettings(s);
    // The list opens (again if the focus moved meanwhile, which closes it) and 简体中文 is clicked.
    REQUIRE(s.waitFor(
        [&] {
            if (!s.isShown(QStringLiteral("languageSetting_option_2")))
                s.click(QStringLiteral("languageSetting"));
            return s.isShown(QStringLiteral("languageSetting_option_2"));
        },
        5000));
    s.click(QStringLiteral("languageSetting_option_2"));
    CHECK(s.waitFor([&] { return s.controller().language() == QStringLiteral("zh_CN"); }));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("消息"); }));
    CHECK(s.find(QStringLiteral("languageRow"))->property("hint").toString().isEmpty());

    s.restart();
    CHECK(s.controller().language() == QStringLiteral("zh_CN"));
    CHECK(textOf(s, QStringLiteral("nav_chat")) == QStringLiteral("消息"));
    CHECK(textOf(s, QStringLiteral("viewTitle")) == QStringLiteral("消息"));
}

TEST_CASE("About lists the versions of Qt, libvpx, libopus and SQLite")
{
    Scenario s;
    s.click(QStringLiteral("openAbout"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("aboutDialog"))->property("opened").toBool(); }));
    CHECK(textOf(s, QStringLiteral("version_Qt")) == QString::fromLatin1(qVersion()));
    for (const char* library : {"libvpx", "libopus", "SQLite", "Convene"}) {
        INFO(library);
        const QString version = textOf(s, QStringLiteral("version_") + QLatin1String(library));
        CHECK(version.contains(QLatin1Char('.')));
    }
    s.click(QStringLiteral("aboutDialog_close"));
    CHECK(s.waitFor([&] { return !s.find(QStringLiteral("aboutDialog"))->property("visible").toBool(); }));
}

TEST_CASE("The header shows the connection state: online, offline while the backend is away, online again")
{
    Scenario s;
    const QString status = QStringLiteral("connectionStatusText");
    REQUIRE(s.waitFor([&] { return textOf(s, status) == QStringLiteral("Online"); }, 5000));
    CHECK(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));

    s.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
    CHECK(s.waitFor([&] { return textOf(s, status) == QStringLiteral("Offline"); }, 5000));
    CHECK(s.find(QStringLiteral("connectionStatus"))
              ->property("hint")
              .toString()
              .contains(QStringLiteral("keep working")));

    s.app().sync().setBackendFaults({{QStringLiteral("offline"), false}});
    CHECK(s.waitFor([&] { return textOf(s, status) == QStringLiteral("Online"); }, 5000));
}

TEST_CASE("An unknown backend is reported in the header instead of failing silently")
{
    Scenario::Config config;
    config.options.backend = QStringLiteral("carrier-pigeon");
    Scenario s(config);
    REQUIRE(s.waitFor(
        [&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Connection problem"); },
        5000));
    CHECK(s.find(QStringLiteral("connectionStatus"))
              ->property("hint")
              .toString()
              .contains(QStringLiteral("carrier-pigeon")));
}

TEST_CASE("Command-line options cannot override settings the organisation locked")
{
    Scenario::Config config;
    config.policy = {{QStringLiteral("theme"), QStringLiteral("light")},
                     {QStringLiteral("backend"), QStringLiteral("local")}};
    config.options.theme = QStringLiteral("dark");
    config.options.backend = QStringLiteral("carrier-pigeon");
    Scenario s(config);
    CHECK_FALSE(s.controller().darkMode());
    CHECK(
        s.waitFor([&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Online"); }, 5000));
}

TEST_CASE("A convene:// link handed to the running app opens its view; others are ignored")
{
    Scenario s;
    QFileOpenEvent calendar(QUrl(QStringLiteral("convene://calendar")));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &calendar);
    CHECK(s.controller().currentView() == QStringLiteral("calendar"));
    QFileOpenEvent bogus(QUrl(QStringLiteral("https://example.com/calls")));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &bogus);
    CHECK(s.controller().currentView() == QStringLiteral("calendar"));
}

TEST_CASE("Testers can cut off the local backend from the profile's settings file")
{
    QTemporaryDir profile;
    {
        QSettings file(profile.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        file.setValue(QStringLiteral("testing/localBackendFaults"), QStringLiteral("offline=1"));
    }
    Scenario::Config config;
    config.options.profileDir = profile.path();
    Scenario s(config);
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Offline"); },
                    5000));
}

TEST_CASE("The chat pane lists the workspace's conversations from the cache")
{
    Scenario s;
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("channelList"))->property("count").toInt() >= 7; }, 5000));
    CHECK_FALSE(s.isShown(QStringLiteral("emptyStateTitle")));
    // A new member is in the demo channels and has a welcome DM from Li Wei.
    CHECK(s.waitFor([&] { return s.isShown(QStringLiteral("channel_channel:general")); }));
    const QString dm = convene::chat::directStream({QStringLiteral("demo-li-wei"), s.app().chat().userId()});
    CHECK(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + dm); }));
}
