// The chat views' finish, as a person sees it: QML that warns fails the scenario it warns in; the
// thread summary in Chinese, the hover toolbar over the gap above its message, themed menus and
// check boxes in dark mode, colour emoji in text fields and tooltips, and a timeline that lays
// itself out without loops while it pages and resizes, making a message's rarely shown parts only
// for the messages that show them.
#include "app_root.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QFontInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPointer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <functional>

using convene::chat::MessageListModel;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

Scenario::Config profile(const QString& language, const QString& theme)
{
    Scenario::Config config;
    config.options.language = language;
    config.options.theme = theme;
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Mei")}};
    return config;
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(s.app().chat().timeline());
}

void openChannel(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    s.click(QStringLiteral("channel_") + stream);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == stream; }));
    REQUIRE(s.waitFor([&] { return timelineOf(s).rowCount() > 0; }, 5000));
}

void hover(Scenario& s, QQuickItem* target, QPointF at)
{
    const QPoint point = target->mapToScene(at).toPoint();
    QTest::mouseMove(s.window(), point - QPoint(3, 3));
    QTest::mouseMove(s.window(), point);
    QTest::qWait(50);
}

// An item named `name` among the visual descendants of `root` (delegates are no QObject children).
QQuickItem* descendant(QQuickItem* root, const QString& name)
{
    if (!root)
        return nullptr;
    for (QQuickItem* child : root->childItems()) {
        if (child->objectName() == name)
            return child;
        if (QQuickItem* found = descendant(child, name))
            return found;
    }
    return nullptr;
}

QRectF sceneRect(const QQuickItem* item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

// The theme the app's views use (a QML singleton), read through a component of the app's engine.
QColor themeColor(Scenario& s, const char* name)
{
    QQmlComponent component(qmlEngine(s.window()));
    component.setData("import QtQml\nimport Convene.Ui\nQtObject { property QtObject theme: Theme }\n",
                      QUrl(QStringLiteral("qrc:/harness/probe/ThemeProbe.qml")));
    std::unique_ptr<QObject> probe(component.create());
    REQUIRE(probe);
    auto* theme = probe->property("theme").value<QObject*>();
    REQUIRE(theme);
    return theme->property(name).value<QColor>();
}

QColor colorOf(const QObject* object, const char* property = "color")
{
    return object->property(property).value<QColor>();
}

QQuickItem* itemProperty(const QObject* object, const char* name)
{
    return object->property(name).value<QQuickItem*>();
}

// Pixels whose colour is clearly not a grey: what colour emoji draw, and grey text never does.
int colourfulPixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::max({c.red(), c.green(), c.blue()}) - std::min({c.red(), c.green(), c.blue()}) > 60)
                ++count;
        }
    return count;
}

QImage grab(Scenario& s, const QQuickItem* item)
{
    const QImage window = s.window()->grabWindow();
    const qreal dpr = window.devicePixelRatio();
    const QRectF rect = sceneRect(item);
    return window.copy(QRectF(rect.topLeft() * dpr, rect.size() * dpr).toRect());
}

// Makes the app's QML engine evaluate a component whose bindings depend on each other.
void provokeBindingLoop(Scenario& s)
{
    QQmlEngine* engine = qmlEngine(s.window());
    QQmlComponent component(engine);
    component.setData("import QtQuick\nItem { width: height + 1; height: width + 1 }\n",
                      QUrl(QStringLiteral("qrc:/harness/probe/BindingLoop.qml")));
    std::unique_ptr<QObject> object(component.create());
    CHECK(object);
}

// The row of the first message with replies in the timeline, or -1.
int firstThreadRoot(MessageListModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::ReplyCountRole).toInt() > 0)
            return row;
    return -1;
}

QString posOf(MessageListModel& model, int row)
{
    return QString::number(model.data(model.index(row), MessageListModel::PosRole).toLongLong());
}

} // namespace

// The harness's own promise: these must fail, each for a QML warning and nothing else.
TEST_CASE("A QML warning while a scenario waits fails the test case", "[!shouldfail]")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("light")));
    provokeBindingLoop(s);
    s.waitFor([] { return false; }, 50);
}

TEST_CASE("A QML warning just before a scenario ends fails the test case", "[!shouldfail]")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("light")));
    provokeBindingLoop(s);
}

TEST_CASE("The thread summary shows its whole text in Chinese, light and dark")
{
    const QString engineering = QStringLiteral("channel:engineering"); // the demo's thread is there
    for (const QString& look : {QStringLiteral("dark"), QStringLiteral("light")}) {
        Scenario s(profile(QStringLiteral("zh_CN"), look));
        s.window()->resize(1024, 700);
        openChannel(s, engineering);
        MessageListModel& model = timelineOf(s);
        const int row = firstThreadRoot(model);
        REQUIRE(row >= 0);
        QQuickItem* list = s.item(QStringLiteral("messageList"));
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /* Center */));
        QQuickItem* summary = s.item(QStringLiteral("threadSummary_") + posOf(model, row));
        REQUIRE(s.waitFor([&] { return summary->isVisible() && summary->width() > 0; }));
        s.screenshot(QStringLiteral("polish-thread-summary-zh-") + look);
        for (const char* name : {"threadSummaryCount", "threadSummaryLastReply"}) {
            auto* label = summary->findChild<QQuickItem*>(QLatin1String(name));
            REQUIRE(label);
            INFO(name << ": " << label->property("text").toString().toStdString());
            CHECK(label->width() >= label->implicitWidth());
            CHECK(label->height() >= label->implicitHeight());
            // Inside the summary, clear of its rounded end.
            const QRectF text = sceneRect(label);
            const QRectF box = sceneRect(summary);
            CHECK(text.right() <= box.right() - 4);
            CHECK(text.top() >= box.top());
            CHECK(text.bottom() <= box.bottom());
        }
        auto* count = summary->findChild<QQuickItem*>(QStringLiteral("threadSummaryCount"));
        auto* lastReply = summary->findChild<QQuickItem*>(QStringLiteral("threadSummaryLastReply"));
        CHECK(count->property("text").toString().contains(QStringLiteral("条回复")));
        // Side by side, the count never under the time of the last reply.
        CHECK(sceneRect(lastReply).left() >= sceneRect(count).left() + count->implicitWidth());
    }
}

TEST_CASE("The hover toolbar sits above its message's text, also on the first and the last message")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("light")));
    s.window()->resize(1024, 700);
    openChannel(s, kGeneral);
    MessageListModel& model = timelineOf(s);
    QQuickItem* list = s.item(QStringLiteral("messageList"));
    const QRectF viewport = sceneRect(list);

    auto checkToolbarOn = [&](int row, const QString& what) {
        INFO(what.toStdString());
        const QString name = QStringLiteral("message_") + posOf(model, row);
        REQUIRE(s.waitFor([&] { return s.find(name, 0) && s.item(name)->isVisible(); }));
        QQuickItem* message = s.item(name);
        auto* text = message->findChild<QQuickItem*>(QStringLiteral("messageText"));
        REQUIRE(text);
        // The pointer on the message's text, near its start.
        hover(s, text, QPointF(8, 8));
        QQuickItem* react = nullptr;
        REQUIRE(s.waitFor([&] {
            react = qobject_cast<QQuickItem*>(s.find(QStringLiteral("reactButton"), 0));
            return react && react->isVisible() && react->parentItem() && message->isAncestorOf(react);
        }));
        QQuickItem* toolbar = react;
        while (toolbar->parentItem() && toolbar->parentItem()->parentItem() != message)
            toolbar = toolbar->parentItem();
        const QRectF bar = sceneRect(toolbar);
        const QRectF body = sceneRect(text);
        s.screenshot(QStringLiteral("polish-toolbar-") + what);
        CHECK(bar.bottom() <= body.top()); // over the gap above, never over the text it acts on
        CHECK(bar.top() >= viewport.top()); // and shown whole, the list's margins leave room
        CHECK(bar.bottom() <= viewport.bottom());
    };

    // The last message, at the bottom of the list: one of a group, under the author's first.
    s.window()->requestActivate();
    for (const QString& text : {QStringLiteral("First of two"), QStringLiteral("Second of two")}) {
        REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
        s.typeText(text);
        s.press(QKeySequence(Qt::Key_Return));
        REQUIRE(s.waitFor(
            [&] {
                return model.rowCount() > 0 &&
                       model.data(model.index(model.rowCount() - 1), MessageListModel::TextRole).toString() == text &&
                       model.data(model.index(model.rowCount() - 1), MessageListModel::StateRole).toString() ==
                           QStringLiteral("sent");
            },
            5000));
    }
    CHECK_FALSE(model.data(model.index(model.rowCount() - 1), MessageListModel::ShowHeaderRole).toBool());
    QMetaObject::invokeMethod(list, "positionViewAtEnd");
    QTest::qWait(50);
    checkToolbarOn(model.rowCount() - 1, QStringLiteral("last-grouped"));
    checkToolbarOn(model.rowCount() - 2, QStringLiteral("with-name"));
    // The first message, at the top of the list once the whole history is loaded.
    REQUIRE(s.waitFor(
        [&] {
            QMetaObject::invokeMethod(list, "positionViewAtBeginning");
            return !model.hasOlder();
        },
        10'000));
    QMetaObject::invokeMethod(list, "positionViewAtBeginning");
    QTest::qWait(50);
    checkToolbarOn(0, QStringLiteral("first"));
}

TEST_CASE("The new conversation menu and the people check boxes use the theme in dark mode")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("dark")));
    s.window()->resize(1024, 700);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("newConversationButton")); }, 5000));
    s.click(QStringLiteral("newConversationButton"));
    QObject* menu = s.find(QStringLiteral("newConversationMenu"));
    REQUIRE(menu);
    REQUIRE(s.waitFor([&] { return menu->property("opened").toBool(); }));
    s.screenshot(QStringLiteral("polish-new-conversation-menu-dark"));
    QQuickItem* background = itemProperty(menu, "background");
    REQUIRE(background);
    CHECK(colorOf(background) == themeColor(s, "surfaceRaised"));
    CHECK(colorOf(background->property("border").value<QObject*>()) == themeColor(s, "border"));
    QQuickItem* entry = s.item(QStringLiteral("newMessageMenuItem"));
    CHECK(colorOf(itemProperty(entry, "contentItem")) == themeColor(s, "text"));
    // The current entry (under the pointer, or chosen by the keys) is lit in the hover colour.
    menu->setProperty("currentIndex", 1);
    REQUIRE(s.waitFor([&] { return entry->property("highlighted").toBool(); }));
    CHECK(colorOf(itemProperty(entry, "background")) == themeColor(s, "hover"));

    s.click(entry);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("newMessageDialog")); }));
    QQuickItem* person = nullptr;
    REQUIRE(s.waitFor([&] {
        QQuickItem* people = s.item(QStringLiteral("peopleList"));
        for (QQuickItem* child : people->property("contentItem").value<QQuickItem*>()->childItems())
            if (child->objectName().startsWith(QStringLiteral("person_")) && child->isVisible())
                person = child;
        return person != nullptr;
    }));
    QQuickItem* box = itemProperty(person, "indicator");
    REQUIRE(box);
    CHECK(colorOf(box->property("border").value<QObject*>()) == themeColor(s, "textMuted"));
    s.click(person);
    REQUIRE(s.waitFor([&] { return person->property("checked").toBool(); }));
    CHECK(colorOf(box) == themeColor(s, "accent"));
    s.screenshot(QStringLiteral("polish-people-checked-dark"));
}

TEST_CASE("Emoji are in colour in the composer and in tooltips")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("light")));
    s.window()->resize(1024, 700);
    openChannel(s, kGeneral);
    s.window()->requestActivate();
    REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
    // U+1F600 is one that a monochrome font (DejaVu Sans) also has, and Qt would take from it.
    s.typeText(QStringLiteral("Great 😀"));
    QQuickItem* input = s.item(QStringLiteral("composer_input"));
    QTest::qWait(50);
    s.screenshot(QStringLiteral("polish-composer-emoji"));
    CHECK(colourfulPixels(grab(s, input)) > 30);
    // Only a fallback: the text itself keeps the UI font (an emoji font first would draw every
    // space and digit, wide).
    CHECK(QFontInfo(QGuiApplication::font()).family() != QStringLiteral("Noto Color Emoji"));

    // A reaction's tooltip names the emoji.
    MessageListModel& model = timelineOf(s);
    int row = -1;
    for (int r = model.rowCount() - 1; r >= 0 && row < 0; --r)
        if (!model.data(model.index(r), MessageListModel::ReactionsRole).toList().isEmpty())
            row = r;
    REQUIRE(row >= 0);
    const QString emoji = model.data(model.index(row), MessageListModel::ReactionsRole)
                              .toList()
                              .first()
                              .toMap()
                              .value(QStringLiteral("emoji"))
                              .toString();
    QQuickItem* list = s.item(QStringLiteral("messageList"));
    QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /* Center */));
    // The chip of that message (others may carry the same emoji), once the list has settled.
    QPointer<QQuickItem> chip;
    REQUIRE(s.waitFor([&] {
        QQuickItem* message = qobject_cast<QQuickItem*>(s.find(QStringLiteral("message_") + posOf(model, row), 0));
        chip = descendant(message, QStringLiteral("reaction_") + emoji);
        return chip && chip->isVisible() && chip->width() > 0;
    }));
    QTest::qWait(100);
    REQUIRE(chip);
    hover(s, chip, QPointF(chip->width() / 2, chip->height() / 2));
    // The tooltip: the one popup showing, in the window's overlay.
    QQuickItem* tip = nullptr;
    REQUIRE(s.waitFor(
        [&] {
            for (QQuickItem* layer : s.window()->contentItem()->childItems())
                if (QByteArray(layer->metaObject()->className()).contains("Overlay"))
                    for (QQuickItem* popup : layer->childItems())
                        if (popup->isVisible() && popup->width() > 0 && popup->height() > 0)
                            tip = popup;
            return tip != nullptr;
        },
        3000));
    s.screenshot(QStringLiteral("polish-tooltip-emoji"));
    CHECK(colourfulPixels(grab(s, tip)) > 20);
}

TEST_CASE("The timeline pages, grows and resizes without a layout loop")
{
    // Every QML warning fails this test case (the harness): the timeline's margins used to loop
    // through its layout when older messages arrived or rows grew once laid out.
    Scenario s(profile(QStringLiteral("zh_CN"), QStringLiteral("dark")));
    for (const QSize size : {QSize(800, 600), QSize(760, 500), QSize(1920, 1080), QSize(1024, 700)}) {
        s.window()->resize(size);
        openChannel(s, kGeneral);
        MessageListModel& model = timelineOf(s);
        QQuickItem* list = s.item(QStringLiteral("messageList"));
        s.waitFor(
            [&] {
                QMetaObject::invokeMethod(list, "positionViewAtBeginning");
                return !model.hasOlder();
            },
            5000);
        QMetaObject::invokeMethod(list, "positionViewAtEnd");
        QTest::qWait(50);
        CHECK(list->property("topMargin").toReal() >= 0);
    }
    s.screenshot(QStringLiteral("polish-timeline-zh-dark"));
}

TEST_CASE("Messages, conversations and the pane make their rarely shown parts only when they show them")
{
    Scenario s(profile(QStringLiteral("en"), QStringLiteral("light")));
    openChannel(s, QStringLiteral("channel:engineering")); // the demo's thread and reactions are there
    MessageListModel& model = timelineOf(s);
    QQuickItem* list = s.item(QStringLiteral("messageList"));
    const auto made = [](QObject* root, const char* type) {
        int count = 0;
        for (QObject* object : root->findChildren<QObject*>())
            count += QString::fromLatin1(object->metaObject()->className()).startsWith(QLatin1String(type));
        return count;
    };
    int plain = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        QQuickItem* message = descendant(list, QStringLiteral("message_") + posOf(model, row));
        if (!message)
            continue; // not made: outside the view
        const QModelIndex index = model.index(row);
        INFO("row " << row);
        const bool reactions = !model.data(index, MessageListModel::ReactionsRole).toList().isEmpty();
        const bool replies = model.data(index, MessageListModel::ReplyCountRole).toInt() > 0;
        CHECK(made(message, "ReactionBar") == (reactions ? 1 : 0));
        CHECK(made(message, "ThreadSummary") == (replies ? 1 : 0));
        CHECK(made(message, "MessageSendState") == 0);
        CHECK(made(message, "AttachmentList") == 0);
        plain += (!reactions && !replies) ? 1 : 0;
    }
    CHECK(plain > 0);
    // No conversation's menu and no reaction picker until asked for.
    int rows = 0; // the rows are no QObject children of the list: found through its items
    std::function<void(QQuickItem*)> visit = [&](QQuickItem* item) {
        for (QQuickItem* child : item->childItems()) {
            if (child->objectName().startsWith(QLatin1String("channel_"))) {
                ++rows;
                CHECK(made(child, "ChannelMenu") == 0);
            }
            visit(child);
        }
    };
    visit(s.item(QStringLiteral("channelList")));
    CHECK(rows > 0);
    CHECK(s.find(QStringLiteral("emojiPicker"), 0) == nullptr);
    const QVariant newest = model.data(model.index(model.rowCount() - 1), MessageListModel::PosRole);
    QMetaObject::invokeMethod(s.find(QStringLiteral("chatPane")), "openEmojiPicker", Q_ARG(QVariant, newest),
                              Q_ARG(QVariant, QVariant::fromValue<QObject*>(nullptr)));
    CHECK(s.waitFor([&] { return s.find(QStringLiteral("emojiPicker"))->property("opened").toBool(); }));
    // A row's menu, once asked for, names its conversation.
    QQuickItem* general = s.item(QStringLiteral("channel_channel:general"));
    QMetaObject::invokeMethod(general, "openMenu");
    CHECK(made(general, "ChannelMenu") == 1);
}
