// Every dialog, menu and popup of the app, opened once the way a person opens it (the button,
// menu item, key or right click that opens it), seen open, screenshotted and closed again, with
// no QML warning on the way. The file dialogs are the real ones: offscreen, Qt Quick's own
// (non-native) FileDialog runs, with everything it loads at run time.
#include "app_controller.h"
#include "app_root.h"
#include "docs_scenario_support.h"
#include "qml_warnings.h"
#include "colour_contrast.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/occurrence_model.h>
#include <convene/call/call_controller.h>
#include <convene/chat/chat_controller.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using convene::calendar::CalendarController;
using convene::calendar::OccurrenceModel;
using convene::chat::ChatController;
using convene::test::contrast;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

// Every object in the window, QObject children and visual children alike.
void collect(QObject* object, QSet<QObject*>& seen, QList<QObject*>& out)
{
    if (!object || seen.contains(object))
        return;
    seen.insert(object);
    out << object;
    const auto children = object->children();
    for (QObject* child : children)
        collect(child, seen, out);
    if (auto* item = qobject_cast<QQuickItem*>(object)) {
        const auto childItems = item->childItems();
        for (QQuickItem* child : childItems)
            collect(child, seen, out);
    }
}

// A popup (dialog, menu, combo box list) is open; a Qt Quick Dialogs dialog (FileDialog) is
// visible. Tooltips come and go with the pointer and do not count.
bool isOpen(QObject* object)
{
    if (object->inherits("QQuickToolTip"))
        return false;
    if (object->inherits("QQuickPopup"))
        return object->property("opened").toBool();
    if (object->inherits("QQuickAbstractDialog"))
        return object->property("visible").toBool();
    return false;
}

QList<QObject*> openPopups(Scenario& s)
{
    QSet<QObject*> seen;
    QList<QObject*> all;
    collect(s.window(), seen, all);
    collect(s.window()->contentItem(), seen, all);
    QList<QObject*> open;
    for (QObject* object : std::as_const(all))
        if (isOpen(object))
            open << object;
    return open;
}

QString describe(QObject* popup)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(popup->metaObject()->className()), popup->objectName());
}

// Runs `open` (what a person does) and returns the popup that opened: the one named `name`, or
// when `name` is empty, the one of class `className` that was not open before. Fails if none did.
QObject* opens(Scenario& s, const QString& name, const char* className, const std::function<void()>& open)
{
    const QList<QObject*> before = openPopups(s);
    open();
    QObject* opened = nullptr;
    s.waitFor(
        [&] {
            for (QObject* popup : openPopups(s))
                if (name.isEmpty() ? !before.contains(popup) && popup->inherits(className)
                                   : popup->objectName() == name && popup->inherits(className))
                    opened = popup;
            return opened != nullptr;
        },
        5000);
    QStringList shown;
    for (QObject* popup : openPopups(s))
        shown << describe(popup);
    INFO("open now: " << shown.join(QStringLiteral(", ")).toStdString());
    REQUIRE(opened != nullptr);
    return opened;
}

bool stillOpen(Scenario& s, QObject* popup)
{
    return openPopups(s).contains(popup);
}

// Closes it as a person would, with Escape, and checks that it went.
void closeWithEscape(Scenario& s, QObject* popup)
{
    s.press(QKeySequence(Qt::Key_Escape));
    INFO("still open: " << describe(popup).toStdString());
    REQUIRE(s.waitFor([&] { return !stillOpen(s, popup); }));
}

// The QML file dialog Qt Quick Dialogs shows for a FileDialog where no native one is used.
QObject* quickFileDialogOf(Scenario& s)
{
    QObject* impl = nullptr;
    s.waitFor(
        [&] {
            for (QObject* popup : openPopups(s))
                if (popup->inherits("QQuickFileDialogImpl"))
                    impl = popup;
            return impl != nullptr;
        },
        5000);
    return impl;
}

QColor blend(const QColor& a, const QColor& b, double factor)
{
    return QColor::fromRgbF(float(a.redF() * (1 - factor) + b.redF() * factor),
                            float(a.greenF() * (1 - factor) + b.greenF() * factor),
                            float(a.blueF() * (1 - factor) + b.blueF() * factor));
}

// Opens a file dialog with `open`, checks that Qt Quick's own file dialog came up with it in one
// of the user's folders (not the directory the app was started from) with a selected row that
// reads (WCAG AA) in the current theme, and cancels it with Escape.
void fileDialogOpensAndCancels(Scenario& s, const QString& name, const QString& shot, const std::function<void()>& open)
{
    QObject* dialog = opens(s, name, "QQuickAbstractDialog", open);
    QObject* impl = quickFileDialogOf(s);
    REQUIRE(impl != nullptr);
    CHECK(impl->property("width").toReal() > 0);
    const QStringList userFolders = {QStandardPaths::writableLocation(QStandardPaths::HomeLocation),
                                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                     QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)};
    const QString folder = dialog->property("currentFolder").toUrl().toLocalFile();
    INFO("opened in " << folder.toStdString() << ", started from " << QDir::currentPath().toStdString());
    CHECK(userFolders.contains(folder));
    auto* palette = qvariant_cast<QObject*>(impl->property("palette"));
    REQUIRE(palette != nullptr);
    // As Qt Quick Dialogs' file list draws its selected row: in highlightedText, on the light
    // colour with 15 % of the highlight.
    const QColor light = palette->property("light").value<QColor>();
    const QColor highlight = palette->property("highlight").value<QColor>();
    const QColor row = blend(light, highlight, 0.15);
    const QColor highlightedText = palette->property("highlightedText").value<QColor>();
    INFO("selected row: " << highlightedText.name().toStdString() << " on " << row.name().toStdString());
    CHECK(contrast(highlightedText, row) >= 4.5);
    // Its folder bar: the folder names (flat buttons, in buttonText) on the bar's background.
    QSet<QObject*> seen;
    QList<QObject*> header;
    collect(qvariant_cast<QQuickItem*>(impl->property("header")), seen, header);
    const auto isFolderBar = [](QObject* object) { return object->metaObject()->indexOfProperty("upButton") >= 0; };
    const auto folderBarAt = std::find_if(header.cbegin(), header.cend(), isFolderBar);
    REQUIRE(folderBarAt != header.cend());
    QObject* folderBar = *folderBarAt;
    auto* barBackground = qvariant_cast<QQuickItem*>(folderBar->property("background"));
    auto* barPalette = qvariant_cast<QObject*>(folderBar->property("palette"));
    REQUIRE(barBackground != nullptr);
    REQUIRE(barPalette != nullptr);
    const QColor barColor = barBackground->property("color").value<QColor>();
    const QColor folderText = barPalette->property("buttonText").value<QColor>();
    INFO("folder bar: " << folderText.name().toStdString() << " on " << barColor.name().toStdString());
    CHECK(contrast(folderText, barColor) >= 4.5);
    s.screenshot(shot);
    closeWithEscape(s, impl);
    CHECK(s.waitFor([&] { return !dialog->property("visible").toBool(); }));
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

void rightClick(Scenario& s, QQuickItem* target)
{
    const QPoint center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
    QTest::mouseClick(s.window(), Qt::RightButton, Qt::NoModifier, center);
    QTest::qWait(20);
}

void hover(Scenario& s, QQuickItem* target)
{
    const QPoint center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
    QTest::mouseMove(s.window(), center - QPoint(3, 3));
    QTest::mouseMove(s.window(), center);
    QTest::qWait(20);
}

// The timeline's delegate of the message reading `text`.
QQuickItem* messageReading(Scenario& s, const QString& text)
{
    QSet<QObject*> seen;
    QList<QObject*> all;
    collect(s.window()->contentItem(), seen, all);
    for (QObject* object : std::as_const(all))
        if (object->objectName().startsWith(QLatin1String("message_")) && object->property("text").toString() == text)
            if (auto* item = qobject_cast<QQuickItem*>(object); item && item->isVisible())
                return item;
    return nullptr;
}

} // namespace

TEST_CASE("Every dialog and popup of the shell and of chat opens and closes without a QML warning")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s;
    focusWindow(s);
    REQUIRE(s.controller().chat() != nullptr);
    ChatController& chat = *s.controller().chat();
    REQUIRE(s.waitFor([&] { return !chat.currentStream().isEmpty(); }, 5000));

    SECTION("the shell")
    {
        QObject* settings =
            opens(s, QStringLiteral("settingsDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("openSettings")); });
        s.screenshot(QStringLiteral("dialogs-settings"));
        for (const char* setting : {"themeSetting", "languageSetting", "backendSetting"}) {
            INFO(setting);
            QObject* choices = opens(s, {}, "QQuickPopup", [&] { s.click(QString::fromLatin1(setting)); });
            s.screenshot(QStringLiteral("dialogs-settings-") + QString::fromLatin1(setting));
            closeWithEscape(s, choices);
        }
        closeWithEscape(s, settings);

        closeWithEscape(
            s, opens(s, QStringLiteral("aboutDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("openAbout")); }));
        closeWithEscape(s, opens(s, QStringLiteral("accountMenu"), "QQuickMenu",
                                 [&] { s.click(QStringLiteral("accountButton")); }));
    }

    SECTION("the sidebar: new conversation menu, its dialogs, a conversation's menu, the switcher")
    {
        QObject* menu = opens(s, {}, "QQuickMenu", [&] { s.click(QStringLiteral("newConversationButton")); });
        s.screenshot(QStringLiteral("dialogs-new-conversation-menu"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("createChannelMenuItem")); }));
        QObject* create = opens(s, QStringLiteral("createChannelDialog"), "QQuickPopup",
                                [&] { s.click(QStringLiteral("createChannelMenuItem")); });
        CHECK_FALSE(stillOpen(s, menu));
        s.screenshot(QStringLiteral("dialogs-create-channel"));
        closeWithEscape(s, create);

        opens(s, {}, "QQuickMenu", [&] { s.click(QStringLiteral("newConversationButton")); });
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("newMessageMenuItem")); }));
        QObject* newMessage = opens(s, QStringLiteral("newMessageDialog"), "QQuickPopup",
                                    [&] { s.click(QStringLiteral("newMessageMenuItem")); });
        s.screenshot(QStringLiteral("dialogs-new-message"));
        closeWithEscape(s, newMessage);

        const QString row = QStringLiteral("channel_") + chat.currentStream();
        closeWithEscape(s, opens(s, {}, "QQuickMenu", [&] { rightClick(s, s.item(row)); }));

        QObject* switcher = opens(s, QStringLiteral("quickSwitcher"), "QQuickPopup",
                                  [&] { s.click(QStringLiteral("switcherButton")); });
        s.screenshot(QStringLiteral("dialogs-quick-switcher"));
        closeWithEscape(s, switcher);
    }

    SECTION("the conversation: details, search, a message's menu, reactions, delete, completion")
    {
        QObject* details = opens(s, QStringLiteral("channelDetailsDialog"), "QQuickPopup",
                                 [&] { s.click(QStringLiteral("detailsButton")); });
        s.screenshot(QStringLiteral("dialogs-channel-details"));
        closeWithEscape(s, details);

        s.click(QStringLiteral("searchButton"));
        CHECK(s.waitFor([&] { return s.isShown(QStringLiteral("searchPanel")); }));
        s.click(QStringLiteral("closeSearchButton"));
        CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("searchPanel")); }));

        const QString text = QStringLiteral("Every dialog once");
        s.click(QStringLiteral("composer_input"));
        s.typeText(text);
        s.press(QKeySequence(Qt::Key_Return));
        QQuickItem* message = nullptr;
        REQUIRE(s.waitFor([&] { return (message = messageReading(s, text)) != nullptr; }, 5000));

        hover(s, message);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("reactButton")); }));
        QObject* picker =
            opens(s, QStringLiteral("emojiPicker"), "QQuickPopup", [&] { s.click(QStringLiteral("reactButton")); });
        s.screenshot(QStringLiteral("dialogs-emoji-picker"));
        closeWithEscape(s, picker);

        hover(s, message);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("moreActionsButton")); }));
        QObject* menu = opens(s, {}, "QQuickMenu", [&] { s.click(QStringLiteral("moreActionsButton")); });
        s.screenshot(QStringLiteral("dialogs-message-menu"));
        closeWithEscape(s, menu);

        opens(s, {}, "QQuickMenu", [&] { rightClick(s, message); });
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("deleteAction")); }));
        QObject* confirm = opens(s, QStringLiteral("deleteMessageDialog"), "QQuickPopup",
                                 [&] { s.click(QStringLiteral("deleteAction")); });
        s.screenshot(QStringLiteral("dialogs-delete-message"));
        closeWithEscape(s, confirm);
        CHECK(messageReading(s, text) != nullptr); // cancelled: still there

        QObject* completion = opens(s, QStringLiteral("completionPopup"), "QQuickPopup", [&] {
            s.click(QStringLiteral("composer_input"));
            s.typeText(QStringLiteral("@Li"));
        });
        s.screenshot(QStringLiteral("dialogs-completion"));
        closeWithEscape(s, completion);
    }

    SECTION("the paperclip's file dialog")
    {
        fileDialogOpensAndCancels(s, {}, QStringLiteral("dialogs-attach-files"),
                                  [&] { s.click(QStringLiteral("composer_attach")); });
        CHECK(s.find(QStringLiteral("upload_0"), 0) == nullptr); // cancelled: nothing attached
    }

    SECTION("a file picked with the paperclip is attached")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("agenda\n");
        file.close();
        const auto openPicker = [&] {
            return opens(s, QStringLiteral("attachFilesDialog"), "QQuickAbstractDialog",
                         [&] { s.click(QStringLiteral("composer_attach")); });
        };
        // Opened, closed and opened again: the picker made the first time is kept.
        QObject* first = openPicker();
        closeWithEscape(s, quickFileDialogOf(s));
        REQUIRE(s.waitFor([&] { return !first->property("visible").toBool(); }));
        CHECK(openPicker() == first);
        // As a person would: in the folder, the file selected, then Open.
        QObject* impl = quickFileDialogOf(s);
        REQUIRE(impl != nullptr);
        impl->setProperty("currentFolder", QUrl::fromLocalFile(dir.path()));
        impl->setProperty("selectedFile", QUrl::fromLocalFile(path));
        REQUIRE(QMetaObject::invokeMethod(impl, "accept"));
        QObject* upload = s.find(QStringLiteral("upload_0"));
        REQUIRE(upload != nullptr);
        CHECK(upload->property("name").toString() == QStringLiteral("notes.txt"));
    }

    CHECK(openPopups(s).isEmpty());
    CHECK(warnings.messages() == QStringList());
}

TEST_CASE("Every dialog and popup of the calendar opens and closes without a QML warning")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    config.options.view = QStringLiteral("calendar");
    config.options.theme = QStringLiteral("dark"); // the file dialogs' selected row in the dark theme
    Scenario s(config);
    focusWindow(s);
    REQUIRE(s.controller().calendar() != nullptr);
    CalendarController& calendar = *s.controller().calendar();

    // A new event with N: the editor. Saved, so it has details, and deleting it asks which events.
    const QString title = QStringLiteral("Dialog check");
    QObject* editor = opens(s, QStringLiteral("eventEditorDialog"), "QQuickPopup",
                            [&] { s.press(QKeySequence(QStringLiteral("N"))); });
    s.screenshot(QStringLiteral("dialogs-event-editor"));
    QObject* repeat = opens(s, {}, "QQuickPopup", [&] { s.click(QStringLiteral("eventRepeat")); });
    closeWithEscape(s, repeat);
    s.click(QStringLiteral("eventTitleField"));
    s.typeText(title);
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return !stillOpen(s, editor); }));

    QString block;
    REQUIRE(s.waitFor(
        [&] {
            const OccurrenceModel& timed = *calendar.timed();
            for (int r = 0; r < timed.rowCount(); ++r) {
                const QModelIndex i = timed.index(r);
                if (i.data(OccurrenceModel::TitleRole).toString() == title) {
                    block = QStringLiteral("timedEvent_%1_%2")
                                .arg(i.data(OccurrenceModel::UidRole).toString())
                                .arg(i.data(OccurrenceModel::DayRole).toInt());
                    s.item(QStringLiteral("weekGrid"))
                        ->setProperty("contentY", i.data(OccurrenceModel::StartMinuteRole).toInt() / 60 * 48);
                    return true;
                }
            }
            return false;
        },
        5000));
    REQUIRE(s.waitFor([&] { return s.isShown(block); }));
    QObject* details = opens(s, QStringLiteral("eventDetailsPopup"), "QQuickPopup", [&] { s.click(block); });
    s.screenshot(QStringLiteral("dialogs-event-details"));
    QObject* scope =
        opens(s, QStringLiteral("scopeDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("eventDetailsDelete")); });
    s.screenshot(QStringLiteral("dialogs-event-scope"));
    s.click(QStringLiteral("scopeCancelButton"));
    REQUIRE(s.waitFor([&] { return !stillOpen(s, scope); }));
    if (stillOpen(s, details))
        closeWithEscape(s, details);

    // The overflow menu, and the .ics file dialogs it opens.
    QObject* menu =
        opens(s, QStringLiteral("calendarMenu"), "QQuickMenu", [&] { s.click(QStringLiteral("calendarMoreButton")); });
    s.screenshot(QStringLiteral("dialogs-calendar-menu"));
    closeWithEscape(s, menu);
    fileDialogOpensAndCancels(s, QStringLiteral("importIcsDialog"), QStringLiteral("dialogs-ics-import"), [&] {
        s.click(QStringLiteral("calendarMoreButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("importIcsAction")); }));
        s.click(QStringLiteral("importIcsAction"));
    });
    fileDialogOpensAndCancels(s, QStringLiteral("exportIcsDialog"), QStringLiteral("dialogs-ics-export"), [&] {
        s.click(QStringLiteral("calendarMoreButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("exportIcsAction")); }));
        s.click(QStringLiteral("exportIcsAction"));
    });

    CHECK(openPopups(s).isEmpty());
    CHECK(warnings.messages() == QStringList());
}

TEST_CASE("Every dialog and popup of docs opens and closes without a QML warning")
{
    using docs_scenario::DocsController;
    using docs_scenario::docsOf;
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    config.options.view = QStringLiteral("docs");
    Scenario s(config);
    focusWindow(s);
    DocsController& docs = docsOf(s);
    REQUIRE(s.waitFor([&] { return docs.loaded() && docs.documents()->rowCount() > 0; }, 5000));

    // The list: its overflow menu and the import dialog; a document's menu and its dialogs.
    QObject* more =
        opens(s, QStringLiteral("docsMoreMenu"), "QQuickMenu", [&] { s.click(QStringLiteral("docsMoreButton")); });
    closeWithEscape(s, more);
    fileDialogOpensAndCancels(s, QStringLiteral("docImportFileDialog"), QStringLiteral("dialogs-docs-import"), [&] {
        s.click(QStringLiteral("docsMoreButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsImportAction")); }));
        s.click(QStringLiteral("docsImportAction"));
    });
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsRowMenuArea_0")); }));
    opens(s, QStringLiteral("docsRowMenu"), "QQuickMenu",
          [&] { rightClick(s, s.item(QStringLiteral("docsRowMenuArea_0"))); });
    s.screenshot(QStringLiteral("dialogs-docs-row-menu"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsMenuRename")); }));
    QObject* rename =
        opens(s, QStringLiteral("docRenameDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("docsMenuRename")); });
    s.screenshot(QStringLiteral("dialogs-docs-rename"));
    closeWithEscape(s, rename);

    // A document: its menus, the link, image, mention and export popups, history and its dialogs.
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsRow_0")); }));
    s.click(QStringLiteral("docsRow_0"));
    REQUIRE(s.waitFor([&] { return docs.current() && docs.current()->loaded(); }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docLinkButton")); }));

    // The paragraph style list, opened by the mouse from the text, takes the keys while open:
    // Escape closes it and the text has the keyboard again; so does a choice.
    const auto textHasFocus = [&] { return s.item(QStringLiteral("docEditorText"))->hasActiveFocus(); };
    s.item(QStringLiteral("docEditorText"))->forceActiveFocus();
    REQUIRE(s.waitFor(textHasFocus));
    QObject* block = opens(s, {}, "QQuickPopup", [&] { s.click(QStringLiteral("docBlockCombo")); });
    s.screenshot(QStringLiteral("dialogs-docs-paragraph-style"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docBlock_paragraph")); }));
    closeWithEscape(s, block);
    CHECK(s.waitFor(textHasFocus));
    block = opens(s, {}, "QQuickPopup", [&] { s.click(QStringLiteral("docBlockCombo")); });
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docBlock_paragraph")); }));
    s.click(QStringLiteral("docBlock_paragraph"));
    REQUIRE(s.waitFor([&] { return !stillOpen(s, block); }));
    CHECK(s.waitFor(textHasFocus));
    QObject* link =
        opens(s, QStringLiteral("docLinkDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("docLinkButton")); });
    s.screenshot(QStringLiteral("dialogs-docs-link"));
    closeWithEscape(s, link);
    QObject* mention = opens(s, QStringLiteral("docMentionPopup"), "QQuickPopup",
                             [&] { s.click(QStringLiteral("docMentionButton")); });
    s.screenshot(QStringLiteral("dialogs-docs-mention"));
    closeWithEscape(s, mention);
    fileDialogOpensAndCancels(s, QStringLiteral("docImageFileDialog"), QStringLiteral("dialogs-docs-image"),
                              [&] { s.click(QStringLiteral("docImageButton")); });

    QObject* exportMenu =
        opens(s, QStringLiteral("docExportMenu"), "QQuickMenu", [&] { s.click(QStringLiteral("docExportButton")); });
    closeWithEscape(s, exportMenu);
    fileDialogOpensAndCancels(s, QStringLiteral("docExportFileDialog"), QStringLiteral("dialogs-docs-export"), [&] {
        s.click(QStringLiteral("docExportButton"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docExportMarkdown")); }));
        s.click(QStringLiteral("docExportMarkdown"));
    });

    QObject* moreMenu =
        opens(s, QStringLiteral("docMoreMenu"), "QQuickMenu", [&] { s.click(QStringLiteral("docMoreButton")); });
    s.screenshot(QStringLiteral("dialogs-docs-more-menu"));
    closeWithEscape(s, moreMenu);

    s.click(QStringLiteral("docHistoryButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docHistoryPanel")); }));
    s.screenshot(QStringLiteral("dialogs-docs-history"));
    QObject* version = opens(s, QStringLiteral("docVersionNameDialog"), "QQuickPopup",
                             [&] { s.click(QStringLiteral("docSaveVersionButton")); });
    s.screenshot(QStringLiteral("dialogs-docs-version-name"));
    s.typeText(QStringLiteral("Checked"));
    s.click(QStringLiteral("docVersionNameDialog_accept"));
    REQUIRE(s.waitFor([&] { return !stillOpen(s, version); }));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docVersion_0")); }, 5000));
    s.click(QStringLiteral("docVersion_0"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docRestoreVersionButton")); }));
    QObject* restore = opens(s, QStringLiteral("docRestoreVersionDialog"), "QQuickPopup",
                             [&] { s.click(QStringLiteral("docRestoreVersionButton")); });
    s.screenshot(QStringLiteral("dialogs-docs-restore"));
    closeWithEscape(s, restore);

    // Only its author may delete a document: a new one of our own.
    const QStringList open = docs.openStreams();
    s.click(QStringLiteral("docsNewButton"));
    REQUIRE(s.waitFor([&] { return docs.openStreams().size() == open.size() + 1 && docs.current(); }));
    REQUIRE(s.waitFor([&] { return docs.current()->loaded(); }, 5000));
    QString created;
    for (const QString& stream : docs.openStreams())
        if (!open.contains(stream))
            created = stream;
    REQUIRE(s.waitFor([&] { return docs.isMine(created); }, 5000)); // once the list has it
    opens(s, QStringLiteral("docMoreMenu"), "QQuickMenu", [&] { s.click(QStringLiteral("docMoreButton")); });
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docDeleteAction")); }));
    QObject* remove =
        opens(s, QStringLiteral("docDeleteDialog"), "QQuickPopup", [&] { s.click(QStringLiteral("docDeleteAction")); });
    s.screenshot(QStringLiteral("dialogs-docs-delete"));
    closeWithEscape(s, remove);

    CHECK(openPopups(s).isEmpty());
    CHECK(warnings.messages() == QStringList());
}

TEST_CASE("The screen before a call, its device lists and the call's device menu open without a QML warning")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config;
    QTemporaryDir profile;
    {
        // Synthetic camera and voice, media only over loopback.
        QSettings state(profile.path() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        state.setValue(QStringLiteral("testing/syntheticMedia"), true);
        state.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
        state.setValue(QStringLiteral("call/videoHeight"), 360);
    }
    config.options.profileDir = profile.path();
    Scenario s(config);
    focusWindow(s);
    convene::call::CallController& calls = s.app().calls();

    s.controller().setCurrentView(QStringLiteral("calls"));
    REQUIRE(calls.prepareJoin(QStringLiteral("meeting:dialog-check")).isEmpty());
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinView")); }));
    s.screenshot(QStringLiteral("dialogs-pre-join"));
    for (const char* choice : {"preJoinCameraChoice", "preJoinMicrophoneChoice", "preJoinSpeakerChoice"}) {
        INFO(choice);
        closeWithEscape(s, opens(s, {}, "QQuickPopup", [&] { s.click(QString::fromLatin1(choice)); }));
    }

    s.click(QStringLiteral("preJoinJoinButton"));
    REQUIRE(s.waitFor([&] { return calls.stateName() == QLatin1String("inCall"); }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("callDeviceButton")); }));
    QObject* devices =
        opens(s, QStringLiteral("callDeviceMenu"), "QQuickPopup", [&] { s.click(QStringLiteral("callDeviceButton")); });
    s.screenshot(QStringLiteral("dialogs-call-devices"));
    closeWithEscape(s, devices);
    s.click(QStringLiteral("callLeaveButton"));
    REQUIRE(s.waitFor([&] { return calls.stateName() == QLatin1String("idle"); }, 5000));

    CHECK(openPopups(s).isEmpty());
    CHECK(warnings.messages() == QStringList());
}
