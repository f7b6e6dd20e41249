// The tray icon as the app drives it, through a tray that records what it is told (the real one,
// on Qt Widgets, is exercised with a real tray in tests/integration/tray).
#include "translations.h"
#include "tray_icon.h"

#include "map_policy_source.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

#include <QGuiApplication>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace convene;

namespace {

struct RecordingTray final : SystemTrayPort {
    explicit RecordingTray(SystemTrayEvents& events) : events(events) { }
    void setIcon(const QIcon& icon) override { icons << icon.cacheKey(); }
    void setToolTip(const QString& text) override { toolTip = text; }
    void setMenuTexts(const SystemTrayMenuTexts& texts) override
    {
        menu = {texts.open, texts.doNotDisturb, texts.quit};
    }
    void setDoNotDisturb(bool on) override { doNotDisturb = on; }
    void showMessage(const QString& title, const QString& body, const QIcon&, int) override
    {
        messages << title + u'|' + body;
    }

    SystemTrayEvents& events;
    QList<qint64> icons;
    QString toolTip;
    QStringList menu;
    bool doNotDisturb = false;
    QStringList messages;
};

struct Fixture {
    explicit Fixture(QVariantMap policy = {})
        : settings(dir.filePath(QStringLiteral("settings.ini")),
                   std::make_unique<test::MapPolicySource>(std::move(policy))),
          icon(settings, nullptr, [this](SystemTrayEvents& events) {
              auto made = std::make_unique<RecordingTray>(events);
              tray = made.get();
              return made;
          })
    { }

    QTemporaryDir dir;
    Settings settings;
    RecordingTray* tray = nullptr;
    TrayIcon icon;
};

void settle()
{
    QCoreApplication::processEvents(); // a language change arrives through the event loop
    QCoreApplication::processEvents();
}

const QString dnd = QString::fromLatin1(SettingKey::DoNotDisturb);

} // namespace

TEST_CASE("The tray's menu and tooltip speak the language in use, and change with it")
{
    Translations translations(QStringLiteral("en"));
    Fixture f;
    REQUIRE(f.icon.isShown());
    CHECK(f.tray->menu ==
          QStringList{QStringLiteral("Open Convene"), QStringLiteral("Do not disturb"), QStringLiteral("Quit")});
    CHECK(f.tray->toolTip == QStringLiteral("Convene"));

    translations.setLanguage(QStringLiteral("zh_CN"));
    settle();
    CHECK(f.tray->menu ==
          QStringList{QStringLiteral("打开 Convene"), QStringLiteral("勿扰模式"), QStringLiteral("退出")});

    translations.setLanguage(QStringLiteral("en"));
    settle();
    CHECK(f.tray->menu.at(0) == QStringLiteral("Open Convene"));
}

TEST_CASE("The unread count shows in the tray's tooltip, and a badge while anything is unread")
{
    Translations translations(QStringLiteral("en"));
    QPixmap appIcon(64, 64);
    appIcon.fill(Qt::blue);
    QGuiApplication::setWindowIcon(QIcon(appIcon));
    Fixture f;
    REQUIRE(f.tray->icons.size() == 1);
    const qint64 plain = f.tray->icons.constLast();

    f.icon.setUnread(3);
    CHECK(f.tray->toolTip == QStringLiteral("Convene — 3 unread"));
    REQUIRE(f.tray->icons.size() == 2);
    CHECK(f.tray->icons.constLast() != plain);

    f.icon.setUnread(5); // still badged: the icon is not made again
    CHECK(f.tray->toolTip == QStringLiteral("Convene — 5 unread"));
    CHECK(f.tray->icons.size() == 2);

    f.icon.setUnread(0);
    CHECK(f.tray->toolTip == QStringLiteral("Convene"));
    REQUIRE(f.tray->icons.size() == 3);
}

TEST_CASE("Do not disturb in the tray's menu and in the settings are one")
{
    Fixture f;
    CHECK_FALSE(f.tray->doNotDisturb);

    f.tray->events.trayDoNotDisturbChosen(true);
    CHECK(f.settings.value(dnd).toBool());
    CHECK(f.tray->doNotDisturb);

    REQUIRE(f.settings.setFromUi(dnd, false).isEmpty());
    CHECK_FALSE(f.tray->doNotDisturb);
}

TEST_CASE("Do not disturb locked by policy stays as the policy says when chosen in the tray")
{
    Fixture f(QVariantMap{{dnd, true}});
    CHECK(f.tray->doNotDisturb);

    f.tray->events.trayDoNotDisturbChosen(false); // the menu had unchecked itself
    CHECK(f.settings.value(dnd).toBool());
    CHECK(f.tray->doNotDisturb);
}

TEST_CASE("A clicked notification asks for its conversation; one about none does not")
{
    Fixture f;
    QSignalSpy clicked(&f.icon, &TrayIcon::notificationClicked);

    f.icon.showNotification(QStringLiteral("Ana in #design"), QStringLiteral("**Ship** it"),
                            QStringLiteral("channel:design"), 42, 7);
    REQUIRE(f.tray->messages.size() == 1);
    CHECK(f.tray->messages.constFirst().startsWith(QStringLiteral("Ana in #design|")));
    f.tray->events.trayMessageClicked();
    REQUIRE(clicked.size() == 1);
    CHECK(clicked.at(0) == QVariantList{QStringLiteral("channel:design"), qint64(42), qint64(7)});

    f.icon.showNotification(QStringLiteral("Ana is calling"), QStringLiteral("#design"), {}, 0, 0);
    f.tray->events.trayMessageClicked();
    CHECK(clicked.size() == 1);
}

TEST_CASE("Quit in the tray's menu ends the app")
{
    Fixture f;
    QTimer::singleShot(0, [&f] { f.tray->events.trayQuitChosen(); });
    QTimer failsafe;
    failsafe.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&failsafe, &QTimer::timeout, [&timedOut] {
        timedOut = true;
        QCoreApplication::exit(1);
    });
    failsafe.start(5000);
    CHECK(QCoreApplication::exec() == 0);
    CHECK_FALSE(timedOut);
}

TEST_CASE("Without a tray nothing is shown, and notifications go nowhere without harm")
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")), std::make_unique<test::MapPolicySource>());
    TrayIcon none(settings, nullptr, [](SystemTrayEvents&) { return std::unique_ptr<SystemTrayPort>(); });
    CHECK_FALSE(none.isShown());
    none.setUnread(2);
    none.showNotification(QStringLiteral("t"), QStringLiteral("b"), QStringLiteral("channel:x"), 1, 0);
    TrayIcon noFactory(settings, nullptr, TrayFactory());
    CHECK_FALSE(noFactory.isShown());
}
