// At 200% scaling (QT_SCALE_FACTOR=2, set for this test by CTest) on a 1920×1080 screen, the
// window has 960×540 logical pixels. The chat, calendar and docs panes and the Settings dialog
// keep every label whole there: no text elided (Text.truncated) and none wider than the room it
// is given, in English and in Chinese.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

// Visible text items under `root`, popups' contents included when `root` is one.
void collectTexts(QQuickItem* root, QList<QQuickItem*>& out)
{
    if (!root || !root->isVisible() || root->opacity() == 0)
        return;
    if (root->inherits("QQuickText") && !root->property("text").toString().isEmpty())
        out << root;
    for (QQuickItem* child : root->childItems())
        collectTexts(child, out);
}

// Whether `item` sits inside the timeline's messages or a list's rows: people's own words and
// names, which may be elided by design.
bool userContent(const QQuickItem* item)
{
    for (const QQuickItem* up = item; up; up = up->parentItem()) {
        const QString name = up->objectName();
        for (const char* prefix : {"message_", "channel_", "timedEvent_", "allDayEvent_", "monthEvent_",
                                   "agendaEvent_", "docsRow_", "docTab_"})
            if (name.startsWith(QLatin1String(prefix)))
                return true;
        if (name == QLatin1String("messageList") || name == QLatin1String("threadList"))
            return true;
    }
    return false;
}

// "objectName or text: why" for each label that does not fit.
QStringList clipped(QQuickItem* root)
{
    QList<QQuickItem*> texts;
    collectTexts(root, texts);
    QStringList problems;
    for (QQuickItem* text : std::as_const(texts)) {
        if (userContent(text))
            continue;
        const QString what =
            text->objectName().isEmpty() ? text->property("text").toString().left(40) : text->objectName();
        if (text->property("truncated").toBool())
            problems << what + QStringLiteral(": elided");
        const bool wraps = text->property("wrapMode").toInt() != 0 && text->property("lineCount").toInt() > 0;
        if (!wraps && text->width() > 0 && text->implicitWidth() > text->width() + 0.5)
            problems << what + QStringLiteral(": %1 px wide in %2").arg(text->implicitWidth()).arg(text->width());
    }
    return problems;
}

void checkAtHalfOf1080p(const QString& language, const QString& theme)
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    config.options.language = language;
    config.options.theme = theme;
    Scenario s(config);
    REQUIRE(s.window()->devicePixelRatio() == 2.0); // the test means nothing unscaled
    s.window()->resize(960, 540);
    REQUIRE(
        s.waitFor([&] { return s.window()->width() == 960 && s.isShown(QStringLiteral("conversationTitle")); }, 5000));
    QTest::qWait(200); // the layout settles

    const QStringList chat = clipped(s.window()->contentItem());
    INFO("chat pane: " << chat.join(QStringLiteral("; ")).toStdString());
    CHECK(chat.isEmpty());
    s.screenshot(QStringLiteral("scale-200-chat-%1-%2").arg(language, theme));

    // The calendar's week and month, and the docs pane.
    s.press(QKeySequence(QStringLiteral("Ctrl+2")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("weekView")); }, 5000));
    QTest::qWait(200);
    for (const char* view : {"W", "M"}) {
        s.press(QKeySequence(QString::fromLatin1(view)));
        QTest::qWait(200);
        const QStringList calendar = clipped(s.window()->contentItem());
        INFO("calendar " << view << ": " << calendar.join(QStringLiteral("; ")).toStdString());
        CHECK(calendar.isEmpty());
        s.screenshot(QStringLiteral("scale-200-calendar-%1-%2-%3").arg(QString::fromLatin1(view), language, theme));
    }
    s.press(QKeySequence(QStringLiteral("Ctrl+3")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsSidebar")); }, 5000));
    QTest::qWait(200);
    const QStringList docs = clipped(s.window()->contentItem());
    INFO("docs: " << docs.join(QStringLiteral("; ")).toStdString());
    CHECK(docs.isEmpty());
    s.screenshot(QStringLiteral("scale-200-docs-%1-%2").arg(language, theme));
    s.press(QKeySequence(QStringLiteral("Ctrl+1")));

    s.click(QStringLiteral("openSettings"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
    auto* settings =
        qobject_cast<QQuickItem*>(s.find(QStringLiteral("settingsDialog"))->property("contentItem").value<QObject*>());
    REQUIRE(settings != nullptr);
    const QStringList dialog = clipped(settings->parentItem() ? settings->parentItem() : settings);
    INFO("settings: " << dialog.join(QStringLiteral("; ")).toStdString());
    CHECK(dialog.isEmpty());
    s.screenshot(QStringLiteral("scale-200-settings-%1-%2").arg(language, theme));
    CHECK(warnings.messages() == QStringList());
}

} // namespace

TEST_CASE("At 200% the panes and Settings keep their labels whole, in English")
{
    checkAtHalfOf1080p(QStringLiteral("en"), QStringLiteral("light"));
}

TEST_CASE("At 200% the panes and Settings keep their labels whole, in Chinese")
{
    checkAtHalfOf1080p(QStringLiteral("zh_CN"), QStringLiteral("dark"));
}
