// The tray icon's menu speaks the language in use, and changes with it while the app runs.
#include "translations.h"
#include "tray_menu.h"

#include "map_policy_source.h"

#include <convene/core/settings.h>

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace convene;

namespace {

QStringList texts(const QMenu& menu)
{
    QStringList list;
    for (const QAction* action : menu.actions())
        if (!action->isSeparator())
            list << action->text();
    return list;
}

} // namespace

TEST_CASE("The tray menu is retranslated when the language changes")
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    int argc = 1;
    char name[] = "tst_app_tray_menu";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv); // menus are widgets

    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")),
                      std::make_unique<test::MapPolicySource>(QVariantMap{}));
    Translations translations(QStringLiteral("en"));
    bool opened = false;
    TrayMenu tray(settings, [&] { opened = true; });
    REQUIRE(tray.menu() != nullptr);
    CHECK(texts(*tray.menu()) ==
          QStringList{QStringLiteral("Open Convene"), QStringLiteral("Do not disturb"), QStringLiteral("Quit")});

    translations.setLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents(); // the language change arrives through the event loop
    QCoreApplication::processEvents();
    CHECK(texts(*tray.menu()) ==
          QStringList{QStringLiteral("打开 Convene"), QStringLiteral("勿扰模式"), QStringLiteral("退出")});

    translations.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    CHECK(texts(*tray.menu()).at(0) == QStringLiteral("Open Convene"));

    tray.menu()->actions().at(0)->trigger();
    CHECK(opened);
}
