// Renders the shell and its dialogs in both languages and themes to gallery/ in the screenshot
// directory, and checks the layout rules a reviewer would: dialogs inside the window, rows of
// settings stacked without overlap, nothing outside its dialog.
#include "app_controller.h"
#include "scenario.h"

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>

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
