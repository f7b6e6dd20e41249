// What a screen reader is told, read through Qt's accessibility interfaces as the platform
// bridge reads them: messages with their author, the time as shown, their text and links; search
// results with the matched text; the selected match, result, message and menu item; named dialogs
// and menus whose items can be pressed; combo boxes with their label and choice; and polite
// announcements of new messages from others.
#include "app_root.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QAccessible>
#include <QDesktopServices>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using convene::chat::MessageListModel;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(s.app().chat().timeline());
}

int rowOfText(const MessageListModel& model, const QString& text)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::TextRole).toString() == text)
            return row;
    return -1;
}

qint64 posAt(const MessageListModel& model, int row)
{
    return model.data(model.index(row), MessageListModel::PosRole).toLongLong();
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

void post(Scenario& s, const QString& text)
{
    focusWindow(s);
    s.click(QStringLiteral("composer_input"));
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
}

void openChannel(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    s.click(QStringLiteral("channel_") + stream);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == stream; }));
    REQUIRE(s.waitFor([&] { return timelineOf(s).rowCount() > 0; }, 5000));
}

QAccessibleInterface* accessible(QObject* object)
{
    QAccessibleInterface* iface = object ? QAccessible::queryAccessibleInterface(object) : nullptr;
    REQUIRE(iface);
    return iface;
}

QString nameOf(QObject* object)
{
    return accessible(object)->text(QAccessible::Name);
}

// The accessible objects under `root` (itself excluded), depth first, as a bridge walks them.
QList<QAccessibleInterface*> descendants(QAccessibleInterface* root)
{
    QList<QAccessibleInterface*> found;
    for (int i = 0; i < root->childCount(); ++i)
        if (QAccessibleInterface* child = root->child(i)) {
            found << child;
            found << descendants(child);
        }
    return found;
}

QList<QAccessibleInterface*> withRole(QAccessibleInterface* root, QAccessible::Role role)
{
    QList<QAccessibleInterface*> found;
    for (QAccessibleInterface* iface : descendants(root))
        if (iface->role() == role)
            found << iface;
    return found;
}

bool hasObjectNamed(QAccessibleInterface* root, const QString& name)
{
    const auto all = descendants(root);
    return std::any_of(all.cbegin(), all.cend(), [&](QAccessibleInterface* iface) {
        return iface->object() && iface->object()->objectName() == name;
    });
}

// The nearest accessible ancestor with `role`, or null.
QAccessibleInterface* ancestorWithRole(QAccessibleInterface* iface, QAccessible::Role role)
{
    for (QAccessibleInterface* parent = iface->parent(); parent; parent = parent->parent())
        if (parent->role() == role)
            return parent;
    return nullptr;
}

QStringList actionsOf(QObject* object)
{
    QAccessibleActionInterface* actions = accessible(object)->actionInterface();
    return actions ? actions->actionNames() : QStringList();
}

void press(QObject* object)
{
    QAccessibleActionInterface* actions = accessible(object)->actionInterface();
    REQUIRE(actions);
    actions->doAction(QAccessibleActionInterface::pressAction());
}

bool selected(QObject* object)
{
    return accessible(object)->state().selected;
}

} // namespace

// Receives the https links the app opens, instead of a browser.
class LinkCatcher : public QObject {
    Q_OBJECT
public:
    LinkCatcher() { QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "open"); }
    ~LinkCatcher() override { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); }
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

// Every name an announcer takes. Qt posts a NameChanged event to the accessibility bridge with
// each change of an item's accessible name (QQuickAccessibleAttached::setName); offscreen there is
// no bridge, so accessibility is never active and an update handler would receive nothing.
class AnnouncementLog : public QObject {
    Q_OBJECT
public:
    explicit AnnouncementLog(QQuickItem* announcer) : m_announcer(announcer)
    {
        const auto children = announcer->children();
        for (QObject* child : children)
            if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
                connect(child, SIGNAL(nameChanged()), this, SLOT(record()));
    }
    QStringList said; // in order; a name cleared to say the same again is no news
public slots:
    void record()
    {
        const QString name = QAccessible::queryAccessibleInterface(m_announcer)->text(QAccessible::Name);
        if (!name.isEmpty())
            said << name;
    }

private:
    QQuickItem* m_announcer;
};

TEST_CASE("A message from another member is announced, then read with its author, shown time, text and links")
{
    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario alice(Scenario::member(workspace, QStringLiteral("Alice")));
    Scenario bob(Scenario::member(workspace, QStringLiteral("Bob")));
    openChannel(alice, kGeneral);
    openChannel(bob, kGeneral);
    LinkCatcher links;
    QQuickItem* announcer = bob.item(QStringLiteral("messageAnnouncer"));
    AnnouncementLog announced(announcer);

    // Bob's own message is not news to him.
    post(bob, QStringLiteral("A note of my own"));
    REQUIRE(bob.waitFor([&] { return rowOfText(timelineOf(bob), QStringLiteral("A note of my own")) >= 0; }));

    const QString source = QStringLiteral("See **the plan** in [the docs](https://example.org/docs) today");
    const QString shown = QStringLiteral("See the plan in the docs today");
    post(alice, source);
    REQUIRE(bob.waitFor([&] { return rowOfText(timelineOf(bob), source) >= 0; }, 5000));

    // Said once it arrives, without moving the focus.
    REQUIRE(bob.waitFor([&] { return !announced.said.isEmpty(); }, 3000));
    CHECK(announced.said == QStringList{QStringLiteral("New message from Alice: ") + shown});
    CHECK(accessible(announcer)->role() == QAccessible::Notification);

    // The message: who, the time exactly as the screen shows it, and the text without its markup.
    const int row = rowOfText(timelineOf(bob), source);
    QQuickItem* message = bob.item(QStringLiteral("message_") + QString::number(posAt(timelineOf(bob), row)));
    QAccessibleInterface* item = accessible(message);
    CHECK(item->role() == QAccessible::ListItem);
    auto* timeLabel = message->findChild<QQuickItem*>(QStringLiteral("messageTime"));
    REQUIRE(timeLabel);
    const QString shownTime = timeLabel->property("text").toString();
    CHECK(!shownTime.isEmpty());
    CHECK(item->text(QAccessible::Name) == QStringLiteral("Alice, ") + shownTime + QStringLiteral(": ") + shown);
    CHECK_FALSE(item->text(QAccessible::Name).contains(QRegularExpression(QStringLiteral("\\d:\\d\\d:\\d\\d"))));

    // Its text as a text, not as the HTML it is drawn from.
    const auto texts = withRole(item, QAccessible::StaticText);
    CHECK(std::any_of(texts.cbegin(), texts.cend(), [&](QAccessibleInterface* text) {
        return text->object()->objectName() == QStringLiteral("messageText") && text->text(QAccessible::Name) == shown;
    }));

    // Its link: found, named by its text, and pressed through the app's link handling.
    const auto found = withRole(item, QAccessible::Link);
    REQUIRE(found.size() == 1);
    CHECK(found.first()->text(QAccessible::Name) == QStringLiteral("the docs"));
    QAccessibleActionInterface* linkActions = found.first()->actionInterface();
    REQUIRE(linkActions);
    CHECK(linkActions->actionNames().contains(QAccessibleActionInterface::pressAction()));
    linkActions->doAction(QAccessibleActionInterface::pressAction());
    CHECK(links.opened == QList<QUrl>{QUrl(QStringLiteral("https://example.org/docs"))});

    // The hover toolbar is in the tree only where it is shown: on the selected message.
    QQuickItem* list = bob.item(QStringLiteral("messageList"));
    focusWindow(bob);
    CHECK_FALSE(hasObjectNamed(accessible(list), QStringLiteral("moreActionsButton")));
    list->forceActiveFocus();
    list->setProperty("currentIndex", row);
    REQUIRE(bob.waitFor([&] { return selected(message); }));
    QQuickItem* before = bob.item(QStringLiteral("message_") + QString::number(posAt(timelineOf(bob), row - 1)));
    CHECK_FALSE(selected(before));
    CHECK(bob.waitFor([&] { return hasObjectNamed(item, QStringLiteral("moreActionsButton")); }));

    // Nothing else was announced to Bob: not his own message.
    CHECK(announced.said.size() == 1);
}

TEST_CASE("Search results, the quick switcher, menus and settings say what they are and what is selected")
{
    Scenario s(Scenario::member(QString(), QStringLiteral("Eve")));
    openChannel(s, kGeneral);
    focusWindow(s);

    SECTION("a search result is read with the matched text, and selected when it is the current one")
    {
        s.click(QStringLiteral("searchButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("searchPanel")); }));
        s.click(QStringLiteral("searchField"));
        s.typeText(QStringLiteral("全员会议"));
        // The results of the whole query, not of its first characters.
        QObject* search = s.app().chat().property("search").value<QObject*>();
        REQUIRE(s.waitFor(
            [&] {
                return search->property("query").toString() == QStringLiteral("全员会议") &&
                       !search->property("searching").toBool() && s.isShown(QStringLiteral("searchResult_0"));
            },
            3000));
        CHECK(accessible(s.item(QStringLiteral("searchResults")))->role() == QAccessible::List);
        QQuickItem* result = s.item(QStringLiteral("searchResult_0"));
        const QString prefix = result->property("authorName").toString() + QStringLiteral(", ") +
                               result->property("streamName").toString() + QStringLiteral(": ");
        const QString name = nameOf(result);
        CHECK(name.startsWith(prefix));
        CHECK(name.mid(prefix.size()).contains(QStringLiteral("全员会议")));
        CHECK_FALSE(name.contains(QLatin1Char('<'))); // no markup of the highlight
        CHECK_FALSE(selected(result));
        s.press(QKeySequence(Qt::Key_Down));
        QQuickItem* results = s.item(QStringLiteral("searchResults"));
        INFO("current result " << results->property("currentIndex").toInt() << ", list focused "
                               << results->hasActiveFocus());
        CHECK(s.waitFor([&] {
            QQuickItem* current = s.item(QStringLiteral("searchResult_0"));
            return current->property("highlighted").toBool() && selected(current);
        }));
    }

    SECTION("the quick switcher is a named dialog whose highlighted match is selected")
    {
        s.press(QKeySequence(QStringLiteral("Ctrl+K")));
        QObject* switcher = s.find(QStringLiteral("quickSwitcher"));
        REQUIRE(s.waitFor([&] { return switcher->property("opened").toBool(); }));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("switcherItem_1")); }));
        auto* content = switcher->property("contentItem").value<QQuickItem*>();
        REQUIRE(content);
        QAccessibleInterface* dialog = accessible(content->parentItem());
        CHECK(dialog->role() == QAccessible::Dialog);
        CHECK(dialog->text(QAccessible::Name) == QStringLiteral("Jump to a conversation or person"));
        CHECK(accessible(s.item(QStringLiteral("switcherList")))->role() == QAccessible::List);
        QQuickItem* first = s.item(QStringLiteral("switcherItem_0"));
        QQuickItem* second = s.item(QStringLiteral("switcherItem_1"));
        CHECK(selected(first));
        CHECK_FALSE(selected(second));
        s.press(QKeySequence(Qt::Key_Down));
        CHECK(s.waitFor([&] { return selected(second) && !selected(first); }));

        // Pressed through accessibility, a match opens its conversation.
        QQuickItem* other = first->property("streamId").toString() != s.app().chat().currentStream() ? first : second;
        const QString stream = other->property("streamId").toString();
        REQUIRE(other->property("kind").toString() != QStringLiteral("person"));
        REQUIRE(stream != s.app().chat().currentStream());
        press(other);
        CHECK(s.waitFor([&] { return !switcher->property("opened").toBool(); }));
        CHECK(s.waitFor([&] { return s.app().chat().currentStream() == stream; }));
    }

    SECTION("the message menu is named, its items are selected as highlighted and pressed to act")
    {
        MessageListModel& timeline = timelineOf(s);
        int row = timeline.rowCount() - 1;
        while (row > 0 && !timeline.data(timeline.index(row), MessageListModel::NoticeRole).toString().isEmpty())
            --row;
        const qint64 pos = posAt(timeline, row);
        QQuickItem* message = s.item(QStringLiteral("message_") + QString::number(pos));
        auto* text = message->findChild<QQuickItem*>(QStringLiteral("messageText"));
        REQUIRE(text);
        const QPointF inside = text->mapToScene(QPointF(8, text->height() / 2));
        QTest::mouseClick(s.window(), Qt::RightButton, Qt::NoModifier, inside.toPoint());
        QQuickItem* reply = s.item(QStringLiteral("replyInThreadAction"));
        REQUIRE(s.waitFor([&] { return reply->isVisible(); }));
        QAccessibleInterface* item = accessible(reply);
        CHECK(item->role() == QAccessible::MenuItem);
        CHECK(item->text(QAccessible::Name) == QStringLiteral("Reply in thread"));
        QAccessibleInterface* menu = ancestorWithRole(item, QAccessible::PopupMenu);
        REQUIRE(menu);
        CHECK(menu->text(QAccessible::Name) == QStringLiteral("Message actions"));

        reply->setProperty("highlighted", true);
        CHECK(selected(reply));
        CHECK(actionsOf(reply).contains(QAccessibleActionInterface::pressAction()));
        press(reply);
        CHECK(s.waitFor([&] { return s.app().chat().property("threadRoot").toLongLong() == pos; }));
        CHECK(s.waitFor([&] { return !reply->isVisible(); }));
    }

    SECTION("a settings combo box is named by its label and says its choice itself")
    {
        s.click(QStringLiteral("openSettings"));
        REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("settingsDialog"))->property("opened").toBool(); }));
        for (const auto& [objectName, label] :
             {std::pair{"themeSetting", "Theme"}, std::pair{"languageSetting", "Language"}}) {
            QQuickItem* combo = s.item(QString::fromLatin1(objectName));
            QAccessibleInterface* iface = accessible(combo);
            CHECK(iface->role() == QAccessible::ComboBox);
            CHECK(iface->text(QAccessible::Name) == QString::fromLatin1(label));
            CHECK(iface->text(QAccessible::Description) == combo->property("displayText").toString());
            CHECK_FALSE(iface->text(QAccessible::Description).isEmpty());
            CHECK(iface->childCount() == 0); // no text item that looks like an edit field
        }
    }
}

#include "tst_a11y_content.moc"
