// Layouts that hold at the window sizes people use, from the minimum (760×500) to full HD, in
// English and Chinese, light and dark: every pane (chat with search or a thread open, the
// calendar's week and month, a document, calls) is opened at each size, and no view's content
// may be narrower than the minimum it declares (`minimumContentWidth`), the timeline and the
// text of messages must keep a readable width, and nothing named may stick out of the window.
// Screenshots of each pane at each size go to layout/ in the screenshot directory.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/chat/channel_list_model.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/docs/docs_controller.h>
#include <convene/docs/document_list_model.h>
#include <convene/docs/document_session.h>

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>

using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

// Below this the timeline wraps a sentence word by word; a message's text needs a little less.
constexpr qreal kTimelineMinimum = 320;
constexpr qreal kMessageTextMinimum = 200;

const QString kChannel = QStringLiteral("channel:engineering");

struct WindowSize {
    int width;
    int height;
};

const WindowSize kSizes[] = {{760, 500}, {800, 600}, {1024, 700}, {1920, 1080}};

QRectF sceneRect(const QQuickItem* item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

bool shown(const QQuickItem* item)
{
    return item && item->isVisible() && item->opacity() > 0;
}

QString describe(const QQuickItem* item)
{
    const QString name = item->objectName();
    return (name.isEmpty() ? QString::fromLatin1(item->metaObject()->className()) : name) +
           QStringLiteral(" at x %1, %2 px wide").arg(sceneRect(item).x()).arg(item->width());
}

struct LayoutProblems {
    QStringList narrow; // narrower than declared
    QStringList outside; // sticking out of the window
    QStringList seen; // the views that declare a minimum, as found
};

// Walks the shown items: a view declaring `minimumContentWidth` must be at least that wide; a
// named item outside a scrolling view must lie within the window's width.
void inspect(const QQuickItem* item, qreal windowWidth, bool inFlickable, LayoutProblems& problems)
{
    if (!shown(item))
        return;
    const QVariant minimum = item->property("minimumContentWidth");
    if (minimum.isValid()) {
        problems.seen << describe(item);
        if (item->width() + 0.5 < minimum.toReal())
            problems.narrow << describe(item) + QStringLiteral(", needs %1").arg(minimum.toReal());
    }
    const QString name = item->objectName();
    if (name == QLatin1String("messageList") && item->width() + 0.5 < kTimelineMinimum)
        problems.narrow << describe(item) + QStringLiteral(", needs %1").arg(kTimelineMinimum);
    if (name == QLatin1String("messageText") && item->width() + 0.5 < kMessageTextMinimum)
        problems.narrow << describe(item) + QStringLiteral(", needs %1").arg(kMessageTextMinimum);
    if (!inFlickable && !name.isEmpty() && item->width() > 0) {
        const QRectF rect = sceneRect(item);
        if (rect.left() < -0.5 || rect.right() > windowWidth + 0.5)
            problems.outside << describe(item);
    }
    const bool flickable = item->inherits("QQuickFlickable");
    const auto children = item->childItems();
    for (const QQuickItem* child : children)
        inspect(child, windowWidth, inFlickable || flickable, problems);
}

void checkLayout(Scenario& s, const QString& what)
{
    // Layouts that follow the width a pass later, and panels sliding away, settle first.
    LayoutProblems problems;
    s.waitFor(
        [&] {
            problems = {};
            inspect(s.window()->contentItem(), s.window()->width(), false, problems);
            return problems.narrow.isEmpty() && problems.outside.isEmpty();
        },
        2000);
    INFO(what.toStdString() << " at " << s.window()->width() << "×" << s.window()->height());
    INFO("views declaring a minimum: " << problems.seen.join(QStringLiteral("; ")).toStdString());
    CHECK(problems.narrow.join(QStringLiteral("; ")).toStdString() == "");
    CHECK(problems.outside.join(QStringLiteral("; ")).toStdString() == "");
}

void resizeTo(Scenario& s, int width, int height)
{
    s.window()->resize(width, height);
    REQUIRE(s.waitFor([&] { return s.window()->width() == width && s.window()->height() == height; }));
    QTest::qWait(150);
}

QString shotName(const QString& pane, const WindowSize& size, const QString& suffix)
{
    return QStringLiteral("layout/%1-%2x%3-%4").arg(pane).arg(size.width).arg(size.height).arg(suffix);
}

qint64 messageWithReplies(Scenario& s)
{
    auto* timeline = qobject_cast<convene::chat::MessageListModel*>(s.app().chat().timeline());
    qint64 root = 0;
    s.waitFor(
        [&] {
            for (int row = 0; row < timeline->rowCount(); ++row)
                if (timeline->index(row).data(convene::chat::MessageListModel::ReplyCountRole).toInt() > 0)
                    root = timeline->index(row).data(convene::chat::MessageListModel::PosRole).toLongLong();
            return root > 0;
        },
        5000);
    return root;
}

void showView(Scenario& s, const QString& view)
{
    s.controller().setCurrentView(view);
    REQUIRE(s.waitFor([&] { return s.controller().currentView() == view; }));
    QTest::qWait(100);
}

void checkChat(Scenario& s, const WindowSize& size, const QString& suffix)
{
    showView(s, QStringLiteral("chat"));
    convene::chat::ChatController& chat = s.app().chat();
    chat.openConversation(kChannel);
    REQUIRE(s.waitFor([&] { return chat.currentStream() == kChannel && s.isShown(QStringLiteral("messageList")); }));
    checkLayout(s, QStringLiteral("chat"));
    s.screenshot(shotName(QStringLiteral("chat"), size, suffix));

    // Search, as Ctrl+F opens it, with results.
    s.press(QKeySequence(QStringLiteral("Ctrl+F")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchPanel")); }));
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("searchField"))->hasActiveFocus(); }));
    s.typeText(QStringLiteral("会议"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchResult_0")); }));
    checkLayout(s, QStringLiteral("chat with search"));
    s.screenshot(shotName(QStringLiteral("chat-search"), size, suffix));
    s.click(QStringLiteral("closeSearchButton"));
    REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("searchPanel")); }));

    // A thread.
    const qint64 root = messageWithReplies(s);
    REQUIRE(root > 0);
    chat.openThread(root);
    REQUIRE(
        s.waitFor([&] { return s.isShown(QStringLiteral("threadPanel")) && s.isShown(QStringLiteral("threadList")); }));
    checkLayout(s, QStringLiteral("chat with a thread"));
    s.screenshot(shotName(QStringLiteral("chat-thread"), size, suffix));

    // The conversation list is there, or folded into the rail; from there it opens over the
    // conversation, and Escape folds it again.
    CHECK((s.isShown(QStringLiteral("channelList")) || s.isShown(QStringLiteral("conversationRail"))));
    if (s.isShown(QStringLiteral("conversationRail"))) {
        s.click(QStringLiteral("showConversationsButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channelList")); }));
        CHECK(s.isShown(QStringLiteral("conversationDrawerScrim")));
        checkLayout(s, QStringLiteral("chat with the conversation list over it"));
        s.screenshot(shotName(QStringLiteral("chat-drawer"), size, suffix));
        s.press(QKeySequence(Qt::Key_Escape));
        REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("channelList")); }));
    }
    s.click(QStringLiteral("closeThreadButton"));
    REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("threadPanel")); }));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("messageList")); }));
}

// Week (1) or Month (2), from the toolbar's switch, or from its list when the window is narrow.
void chooseCalendarView(Scenario& s, const QString& name, int index)
{
    if (s.isShown(QStringLiteral("calendarViewChooser"))) {
        s.click(QStringLiteral("calendarViewChooser"));
        const QString option = QStringLiteral("calendarViewChooser_option_%1").arg(index);
        REQUIRE(s.waitFor([&] { return s.isShown(option); }));
        s.click(option);
    } else {
        s.click(QStringLiteral("calendarView") + name);
    }
    REQUIRE(s.waitFor([&] {
        return s.isShown(name == QLatin1String("Month") ? QStringLiteral("monthView") : QStringLiteral("weekView"));
    }));
}

void checkCalendar(Scenario& s, const WindowSize& size, const QString& suffix)
{
    showView(s, QStringLiteral("calendar"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
    chooseCalendarView(s, QStringLiteral("Week"), 1);
    checkLayout(s, QStringLiteral("calendar week"));
    // The mini month shows whenever there is room for it, however the window got its size.
    const qreal calendarWidth = s.item(QStringLiteral("calendarView"))->width();
    INFO("calendar " << calendarWidth << " px wide");
    CHECK(s.isShown(QStringLiteral("calendarSidebar")) == (calendarWidth >= 900));
    s.screenshot(shotName(QStringLiteral("calendar-week"), size, suffix));
    chooseCalendarView(s, QStringLiteral("Month"), 2);
    checkLayout(s, QStringLiteral("calendar month"));
    s.screenshot(shotName(QStringLiteral("calendar-month"), size, suffix));
}

void checkDocs(Scenario& s, const WindowSize& size, const QString& suffix)
{
    showView(s, QStringLiteral("docs"));
    convene::docs::DocsController* docs = s.controller().docs();
    REQUIRE(docs);
    REQUIRE(s.waitFor([&] { return docs->loaded() && docs->documents()->rowCount() > 0; }, 5000));
    if (!docs->current()) {
        docs->open(docs->documents()->index(0).data(convene::docs::DocumentListModel::StreamRole).toString());
        REQUIRE(s.waitFor([&] { return docs->current() && docs->current()->loaded(); }, 5000));
    }
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docEditorHost")); }));
    // A narrow pane's list slides away once a document opens: checked where it comes to rest.
    REQUIRE(s.waitFor([&] {
        const QQuickItem* list = s.item(QStringLiteral("docsSidebar"));
        return !shown(list) || list->x() == 0;
    }));
    checkLayout(s, QStringLiteral("docs with a document open"));
    s.screenshot(shotName(QStringLiteral("docs"), size, suffix));
}

void checkCalls(Scenario& s, const WindowSize& size, const QString& suffix)
{
    showView(s, QStringLiteral("calls"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("callsPane")); }, 5000));
    checkLayout(s, QStringLiteral("calls"));
    s.screenshot(shotName(QStringLiteral("calls"), size, suffix));
}

void runAtEverySize(const QString& language, const QString& theme)
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    config.options.language = language;
    config.options.theme = theme;
    Scenario s(config);
    const QString suffix = language + QLatin1Char('-') + theme;
    REQUIRE(s.waitFor([&] { return s.app().chat().channels()->rowCount() > 0; }, 5000));

    for (const WindowSize& size : kSizes) {
        resizeTo(s, size.width, size.height);
        checkChat(s, size, suffix);
        checkCalendar(s, size, suffix);
        checkDocs(s, size, suffix);
        checkCalls(s, size, suffix);
    }
    CHECK(warnings.messages().join(QLatin1Char('\n')).toStdString() == "");
}

} // namespace

TEST_CASE("Layout: the window keeps its minimum size of 760×500")
{
    Scenario s;
    CHECK(s.window()->minimumWidth() == 760);
    CHECK(s.window()->minimumHeight() == 500);
    s.window()->resize(600, 400);
    QTest::qWait(200);
    s.waitFor([&] { return s.window()->width() >= 760 && s.window()->height() >= 500; });
    CHECK(s.window()->width() >= 760);
    CHECK(s.window()->height() >= 500);
}

TEST_CASE("Layout: every pane holds from 760×500 to 1920×1080, in English and light")
{
    runAtEverySize(QStringLiteral("en"), QStringLiteral("light"));
}

TEST_CASE("Layout: every pane holds from 760×500 to 1920×1080, in Chinese and dark")
{
    runAtEverySize(QStringLiteral("zh_CN"), QStringLiteral("dark"));
}
