// The docs pane as people use it, on the demo workspace: the seeded welcome document opens from
// the list; a new document gets a title and text typed with real key events, Markdown shortcuts,
// the toolbar and undo, and the document's CRDT holds exactly what was typed, formatting
// included. Search finds a closed document by a Chinese word; delete, undo the delete, star and
// rename; a named version in the history, shown read-only; every dialog and popup of the views;
// composing with an input method. Screenshots in English and Chinese, light and dark, wide and
// narrow. No QML warning may be logged on the way.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "docs_scenario_support.h"
#include "scenario.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/docs_controller.h>
#include <convene/docs/document_list_model.h>
#include <convene/docs/document_session.h>
#include <convene/docs/version_list_model.h>

#include <crdt/doc.h>
#include <crdt/ytext.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QInputMethodEvent>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using convene::docs::DocsController;
using convene::docs::DocumentListModel;
using convene::docs::DocumentSession;
using convene::docs::VersionListModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

using namespace docs_scenario;

namespace {

const QString kWelcome = QStringLiteral("Welcome to Convene");

Scenario::Config demo(const QString& language = QStringLiteral("en"), const QString& theme = {})
{
    Scenario::Config config;
    config.options.language = language;
    config.options.theme = theme;
    config.options.view = QStringLiteral("docs");
    return config;
}

QString rowName(int row)
{
    return QStringLiteral("docsRow_%1").arg(row);
}

// Waits for the list to show `title` and opens it with a click.
DocumentSession* openFromList(Scenario& s, const QString& title)
{
    DocsController& docs = docsOf(s);
    REQUIRE(s.waitFor([&] { return docs.loaded() && rowTitled(s, title) >= 0; }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(rowName(rowTitled(s, title))); }));
    s.click(rowName(rowTitled(s, title)));
    REQUIRE(s.waitFor([&] { return docs.current() && docs.current()->title() == title; }));
    DocumentSession* session = docs.current();
    REQUIRE(s.waitFor([&] { return session->loaded(); }, 5000));
    return session;
}

void rightClick(Scenario& s, const QString& name)
{
    QQuickItem* target = s.item(name);
    const QPoint center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
    QTest::mouseClick(s.window(), Qt::RightButton, Qt::NoModifier, center);
    QTest::qWait(20);
}

// Clicks a menu's item once the menu has it laid out.
void choose(Scenario& s, const QString& menu, const QString& item)
{
    REQUIRE(s.waitFor([&] { return popupOpen(s, menu) && s.isShown(item); }));
    s.click(item);
    REQUIRE(s.waitFor([&] { return !popupOpen(s, menu); }));
}

bool dialogVisible(Scenario& s, const QString& name)
{
    QObject* dialog = s.find(name, 0);
    return dialog && dialog->property("visible").toBool();
}

// The version list's row named `name`; -1: none.
int versionNamed(Scenario& s, const QString& name)
{
    const VersionListModel& versions = *docsOf(s).versions();
    for (int r = 0; r < versions.rowCount(); ++r)
        if (versions.index(r).data(VersionListModel::NameRole).toString() == name)
            return r;
    return -1;
}

// Counts the updates a document's CRDT makes while it lives.
class UpdateCounter {
public:
    explicit UpdateCounter(DocumentSession* session) : m_doc(session->doc())
    {
        m_handle = m_doc.onUpdate([this](const std::vector<uint8_t>&, const void*) { ++m_count; });
    }
    ~UpdateCounter() { m_doc.off(m_handle); }
    UpdateCounter(const UpdateCounter&) = delete;
    UpdateCounter& operator=(const UpdateCounter&) = delete;
    int count() const { return m_count; }

private:
    convene::crdt::Doc& m_doc;
    int m_handle = 0;
    int m_count = 0;
};

// An input method's event: `preedit` being composed, or `commit` done.
void compose(QQuickItem* item, const QString& preedit, const QString& commit = {})
{
    QList<QInputMethodEvent::Attribute> attributes;
    attributes << QInputMethodEvent::Attribute(QInputMethodEvent::Cursor, int(preedit.size()), 1);
    QInputMethodEvent event(preedit, attributes);
    if (!commit.isEmpty())
        event.setCommitString(commit);
    QCoreApplication::sendEvent(item, &event);
    QTest::qWait(10);
}

// Creates a document with the New button, types its title and goes on to the text.
DocumentSession* newDocument(Scenario& s, const QString& title)
{
    DocsController& docs = docsOf(s);
    const QStringList before = docs.openStreams();
    s.click(QStringLiteral("docsNewButton"));
    REQUIRE(s.waitFor([&] { return docs.openStreams().size() == before.size() + 1 && docs.current(); }));
    DocumentSession* session = docs.current();
    REQUIRE(s.waitFor([&] { return session->loaded(); }, 5000));
    QQuickItem* titleField = s.item(QStringLiteral("docTitleField"));
    REQUIRE(s.waitFor([&] { return titleField->hasActiveFocus(); }));
    type(s, title);
    key(s, Qt::Key_Return);
    REQUIRE(s.waitFor([&] { return session->title() == title; }, 5000));
    REQUIRE(s.waitFor([&] { return editorText(s)->hasActiveFocus(); }));
    return session;
}

} // namespace

TEST_CASE("The welcome document opens from the list; a new one is typed with Markdown shortcuts, the toolbar and undo")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario::Config config = demo();
    config.options.view = QStringLiteral("chat");
    Scenario s(config);
    focusWindow(s);
    s.click(QStringLiteral("nav_docs"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsView")); }, 5000));
    CHECK(s.controller().currentView() == QStringLiteral("docs"));

    // The seeded document, from the list.
    DocumentSession* welcome = openFromList(s, kWelcome);
    CHECK(textOf(s, QStringLiteral("docTitleField")) == kWelcome);
    CHECK(s.waitFor([&] { return editorDocument(s)->toPlainText().contains(QStringLiteral("离线时也能阅读")); }));
    CHECK(editorDocument(s)->toPlainText().startsWith(
        QStringLiteral("Chat, calendar, documents and calls in one app that keeps working offline.")));
    CHECK(shownDelta(s) == editorView(welcome));

    // A new document: the title, then the text with Markdown shortcuts.
    DocumentSession* session = newDocument(s, QStringLiteral("Roadmap 路线图"));
    type(s, QStringLiteral("# Goals"));
    key(s, Qt::Key_Return);
    type(s, QStringLiteral("We ship **docs** now"));
    key(s, Qt::Key_Return);
    type(s, QStringLiteral("- tests"));
    INFO(deltaOf(session));
    CHECK(deltaOf(session) == R"([{"insert":"Goals"},{"insert":"\n","attributes":{"header":1}},{"insert":"We ship "},)"
                              R"({"insert":"docs","attributes":{"bold":true}},{"insert":" now\ntests"},)"
                              R"({"insert":"\n","attributes":{"list":"bullet"}}])");
    CHECK(shownDelta(s) == editorView(session));
    const std::string typed = deltaOf(session);

    // The toolbar: "tests" selected with the keyboard, made bold with the button.
    key(s, Qt::Key_Home, Qt::ShiftModifier);
    REQUIRE(editorText(s)->property("selectedText").toString() == QStringLiteral("tests"));
    s.click(QStringLiteral("docBoldButton"));
    const std::string bold = R"([{"insert":"Goals"},{"insert":"\n","attributes":{"header":1}},{"insert":"We ship "},)"
                             R"({"insert":"docs","attributes":{"bold":true}},{"insert":" now\n"},)"
                             R"({"insert":"tests","attributes":{"bold":true}},)"
                             R"({"insert":"\n","attributes":{"list":"bullet"}}])";
    CHECK(deltaOf(session) == bold);
    CHECK(shownDelta(s) == bold);
    CHECK(s.waitFor([&] { return s.find(QStringLiteral("docBoldButton"))->property("active").toBool(); }));
    CHECK(editorText(s)->hasActiveFocus());

    // Ctrl+Z takes back the last change, the bold; Ctrl+Shift+Z brings it back.
    key(s, Qt::Key_Z, Qt::ControlModifier);
    CHECK(deltaOf(session) == typed);
    CHECK(shownDelta(s) == typed);
    key(s, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(deltaOf(session) == bold);
    CHECK(shownDelta(s) == bold);
    CHECK(QmlWarnings::messages() == QStringList());
}

// Known to fail: DocumentSession::toggleFormat at a caret formats a cursor of its own, not the
// text item's, so what is typed next is plain and the button does not light up (the QML
// TextEdit's cursor cannot be reached from C++; the binding would have to carry a typing format,
// as it does to end a Markdown run). Runs in every build, and passes once that is fixed.
TEST_CASE("Search finds a closed document by a Chinese word; it is deleted and brought back, starred and renamed")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(demo());
    focusWindow(s);
    DocsController& docs = docsOf(s);
    REQUIRE(s.waitFor([&] { return docs.loaded(); }, 5000));
    const QString title = QStringLiteral("Quarterly plan");
    DocumentSession* session = newDocument(s, title);
    const QString stream = session->stream();
    type(s, QStringLiteral("下季度的产品路线图 is ready"));
    REQUIRE(plainOf(session) == QStringLiteral("下季度的产品路线图 is ready"));

    // Closed with Ctrl+W; its text is found by a word of it (the title has none of it).
    key(s, Qt::Key_W, Qt::ControlModifier);
    REQUIRE(s.waitFor([&] { return !docs.openStreams().contains(stream); }));
    CHECK(s.isShown(QStringLiteral("docsEmptyState")));
    CHECK_FALSE(s.isShown(QStringLiteral("docTabStrip"))); // no tabs, no strip above the empty state
    REQUIRE(s.clickToFocus(QStringLiteral("docsSearchField")));
    type(s, QStringLiteral("路线图"));
    REQUIRE(s.waitFor([&] { return docs.documents()->searching() && docs.documents()->rowCount() == 1; }, 5000));
    CHECK(rowTitled(s, title) == 0);
    CHECK(
        docs.documents()->index(0).data(DocumentListModel::ExcerptRole).toString().contains(QStringLiteral("路线图")));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("docsSearchSummary")) == QStringLiteral("1 match"); }));
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("docsRowDetails_0")).contains(QStringLiteral("路线图")); }));
    s.click(rowName(0));
    REQUIRE(s.waitFor([&] { return docs.current() && docs.current()->stream() == stream; }));
    session = docs.current();
    REQUIRE(s.waitFor([&] { return session->loaded(); }, 5000));
    CHECK(plainOf(session) == QStringLiteral("下季度的产品路线图 is ready"));
    CHECK(s.isShown(QStringLiteral("docTabStrip")));
    s.click(QStringLiteral("docsSearchClear"));
    REQUIRE(s.waitFor([&] { return !docs.documents()->searching(); }));

    // Deleted from the editor's menu, after the question; the notice's Undo brings it back.
    s.click(QStringLiteral("docMoreButton"));
    choose(s, QStringLiteral("docMoreMenu"), QStringLiteral("docDeleteAction"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docDeleteDialog")); }));
    CHECK(textOf(s, QStringLiteral("docDeleteDialog_message")).contains(title));
    s.click(QStringLiteral("docDeleteDialog_confirm"));
    REQUIRE(s.waitFor([&] { return !docs.openStreams().contains(stream); }));
    REQUIRE(s.waitFor([&] { return rowTitled(s, title) < 0; }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsUndoDeleteButton")); }));
    CHECK(textOf(s, QStringLiteral("docsToastText")) == QStringLiteral("“Quarterly plan” deleted"));
    s.click(QStringLiteral("docsUndoDeleteButton"));
    REQUIRE(s.waitFor([&] { return rowTitled(s, title) >= 0; }, 5000));
    REQUIRE(s.waitFor([&] { return docs.current() && docs.current()->stream() == stream; }));
    CHECK_FALSE(s.isShown(QStringLiteral("docsToast")));
    session = docs.current();
    REQUIRE(s.waitFor([&] { return session->loaded(); }, 5000));
    CHECK(plainOf(session) == QStringLiteral("下季度的产品路线图 is ready"));

    // Starred with the row's star; the Starred filter lists it alone.
    const auto starred = [&] {
        const int row = rowTitled(s, title);
        return row >= 0 && docs.documents()->index(row).data(DocumentListModel::StarredRole).toBool();
    };
    CHECK_FALSE(starred());
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsStar_%1").arg(rowTitled(s, title))); }));
    s.click(QStringLiteral("docsStar_%1").arg(rowTitled(s, title)));
    REQUIRE(s.waitFor(starred, 5000));
    s.click(QStringLiteral("docsFilterCombo"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docsFilterStarred")); }));
    s.click(QStringLiteral("docsFilterStarred"));
    REQUIRE(s.waitFor([&] { return docs.documents()->filter() == DocumentListModel::Filter::Starred; }));
    CHECK(s.waitFor([&] { return docs.documents()->rowCount() == 1 && rowTitled(s, title) == 0; }));

    // Renamed from the list's menu (a right click on the row).
    rightClick(s, QStringLiteral("docsRowMenuArea_0"));
    choose(s, QStringLiteral("docsRowMenu"), QStringLiteral("docsMenuRename"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docRenameDialog")); }));
    QQuickItem* field = s.item(QStringLiteral("docRenameDialog_field"));
    REQUIRE(s.waitFor([&] { return field->hasActiveFocus(); }));
    CHECK(field->property("selectedText").toString() == title);
    const QString renamed = QStringLiteral("Plan for Q3 第三季度计划");
    type(s, renamed);
    s.click(QStringLiteral("docRenameDialog_accept"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("docRenameDialog")); }));
    CHECK(s.waitFor([&] { return rowTitled(s, renamed) == 0; }, 5000));
    CHECK(session->title() == renamed);
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("docHeaderTitle")) == renamed; }));
    CHECK(textOf(s, QStringLiteral("docTitleField")) == renamed);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("History: a named version is saved, listed, shown read-only and restored")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(demo());
    focusWindow(s);
    DocsController& docs = docsOf(s);
    REQUIRE(s.waitFor([&] { return docs.loaded(); }, 5000));
    DocumentSession* session = newDocument(s, QStringLiteral("Release notes"));
    type(s, QStringLiteral("Version one 第一版"));

    s.click(QStringLiteral("docHistoryButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docHistoryPanel")); }));
    s.click(QStringLiteral("docSaveVersionButton"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docVersionNameDialog")); }));
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("docVersionNameDialog_field"))->hasActiveFocus(); }));
    const QString name = QStringLiteral("First draft 初稿");
    type(s, name);
    s.click(QStringLiteral("docVersionNameDialog_accept"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("docVersionNameDialog")); }));
    REQUIRE(s.waitFor([&] { return versionNamed(s, name) >= 0; }, 5000));
    const QString row = QStringLiteral("docVersion_%1").arg(versionNamed(s, name));
    REQUIRE(s.waitFor([&] { return s.isShown(row); }));

    // More text after the version.
    REQUIRE(s.clickToFocus(QStringLiteral("docEditorText")));
    key(s, Qt::Key_End, Qt::ControlModifier);
    type(s, QStringLiteral(", then more"));
    REQUIRE(plainOf(session) == QStringLiteral("Version one 第一版, then more"));

    // The version, picked from the list, shows read-only; the document cannot be edited meanwhile.
    s.click(QStringLiteral("docVersion_%1").arg(versionNamed(s, name)));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docVersionText")); }));
    QQuickItem* version = s.item(QStringLiteral("docVersionText"));
    CHECK(version->property("readOnly").toBool());
    CHECK(s.waitFor([&] { return textOf(s, QStringLiteral("docVersionTitle")) == name; }));
    CHECK(s.waitFor([&] {
        auto* quick = version->property("textDocument").value<QQuickTextDocument*>();
        return quick && quick->textDocument()->toPlainText() == QStringLiteral("Version one 第一版");
    }));
    CHECK(s.waitFor([&] { return s.find(QStringLiteral("docRestoreVersionButton"))->property("enabled").toBool(); }));
    CHECK_FALSE(s.find(QStringLiteral("docBoldButton"))->property("enabled").toBool());
    s.screenshot(QStringLiteral("docs-version-shown"));

    // Restored after the question: the document is the version again.
    s.click(QStringLiteral("docRestoreVersionButton"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docRestoreVersionDialog")); }));
    CHECK(textOf(s, QStringLiteral("docRestoreVersionDialog_message")).contains(name));
    s.click(QStringLiteral("docRestoreVersionDialog_confirm"));
    REQUIRE(s.waitFor([&] { return plainOf(session) == QStringLiteral("Version one 第一版"); }, 5000));
    CHECK(s.waitFor(
        [&] { return textOf(s, QStringLiteral("docsToastText")) == QStringLiteral("Restored “%1”").arg(name); }));
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("docHistoryPanel")); }));
    CHECK(shownDelta(s) == editorView(session));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("The link dialog, the mention popup and the file dialogs")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(demo());
    focusWindow(s);
    DocsController& docs = docsOf(s);
    REQUIRE(s.waitFor([&] { return docs.loaded(); }, 5000));
    DocumentSession* session = newDocument(s, QStringLiteral("Links"));
    type(s, QStringLiteral("See the plan today"));

    // A link on a word selected with the keyboard.
    key(s, Qt::Key_Left, Qt::NoModifier, 6);
    key(s, Qt::Key_Left, Qt::ShiftModifier, 4);
    REQUIRE(editorText(s)->property("selectedText").toString() == QStringLiteral("plan"));
    s.click(QStringLiteral("docLinkButton"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docLinkDialog")); }));
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("docLinkUrlField"))->hasActiveFocus(); }));
    CHECK_FALSE(s.isShown(QStringLiteral("docLinkTextField"))); // the selection is the text
    type(s, QStringLiteral("example.com/plan"));
    s.screenshot(QStringLiteral("docs-link-dialog"));
    s.click(QStringLiteral("docLinkApplyButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("docLinkDialog")); }));
    const std::string linked =
        R"([{"insert":"See the "},{"insert":"plan","attributes":{"link":"https://example.com/plan"}},)"
        R"({"insert":" today"}])";
    CHECK(deltaOf(session) == linked);
    CHECK(s.waitFor([&] { return editorText(s)->hasActiveFocus(); }));
    CHECK(s.waitFor([&] { return s.find(QStringLiteral("docLinkButton"))->property("active").toBool(); }));

    // A mention: "@" opens the people to mention, typing narrows them, Enter picks one.
    key(s, Qt::Key_End);
    type(s, QStringLiteral(" with @"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("docMentionPopup")); }));
    type(s, QStringLiteral("Li"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("docMentionCandidate_0")); }));
    QObject* popup = s.find(QStringLiteral("docMentionPopup"));
    CHECK(s.waitFor([&] { return popup->property("count").toInt() == 1; }));
    s.screenshot(QStringLiteral("docs-mention-popup"));
    key(s, Qt::Key_Return);
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("docMentionPopup")); }));
    CHECK(deltaOf(session) ==
          R"([{"insert":"See the "},{"insert":"plan","attributes":{"link":"https://example.com/plan"}},)"
          R"({"insert":" today with "},{"insert":"@Li Wei","attributes":{"mention":"demo-li-wei"}},{"insert":" "}])");
    CHECK(shownDelta(s) == editorView(session));

    // Export: the menu, then the file dialog (Qt Quick's own, offscreen). Cancelled once, then
    // pointed at a folder of ours, where the document goes under its title.
    s.click(QStringLiteral("docExportButton"));
    choose(s, QStringLiteral("docExportMenu"), QStringLiteral("docExportMarkdown"));
    REQUIRE(s.waitFor([&] { return dialogVisible(s, QStringLiteral("docExportFileDialog")); }));
    QObject* exportDialog = s.find(QStringLiteral("docExportFileDialog"));
    QMetaObject::invokeMethod(exportDialog, "reject");
    REQUIRE(s.waitFor([&] { return !dialogVisible(s, QStringLiteral("docExportFileDialog")); }));
    QTemporaryDir dir;
    exportDialog->setProperty("currentFolder", QUrl::fromLocalFile(dir.path()));
    s.click(QStringLiteral("docExportButton"));
    choose(s, QStringLiteral("docExportMenu"), QStringLiteral("docExportMarkdown"));
    REQUIRE(s.waitFor([&] { return dialogVisible(s, QStringLiteral("docExportFileDialog")); }));
    const QString file = dir.filePath(QStringLiteral("Links.md"));
    CHECK(exportDialog->property("selectedFile").toUrl() == QUrl::fromLocalFile(file));
    s.screenshot(QStringLiteral("docs-export-dialog"));
    QMetaObject::invokeMethod(exportDialog, "accept");
    REQUIRE(s.waitFor([&] { return !dialogVisible(s, QStringLiteral("docExportFileDialog")); }));
    REQUIRE(s.waitFor([&] { return QFile::exists(file); }));
    {
        QFile exported(file);
        REQUIRE(exported.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(exported.readAll());
        INFO(markdown.toStdString());
        CHECK(markdown.contains(QStringLiteral("[plan](https://example.com/plan)")));
        CHECK(markdown.contains(QStringLiteral("@Li Wei")));
    }
    CHECK(s.waitFor(
        [&] { return textOf(s, QStringLiteral("docsToastText")) == QStringLiteral("Exported to “Links.md”"); }));

    // The image and import dialogs open, and cancelling them changes nothing.
    const std::string before = deltaOf(session);
    s.click(QStringLiteral("docImageButton"));
    REQUIRE(s.waitFor([&] { return dialogVisible(s, QStringLiteral("docImageFileDialog")); }));
    QMetaObject::invokeMethod(s.find(QStringLiteral("docImageFileDialog")), "reject");
    REQUIRE(s.waitFor([&] { return !dialogVisible(s, QStringLiteral("docImageFileDialog")); }));
    s.click(QStringLiteral("docsMoreButton"));
    choose(s, QStringLiteral("docsMoreMenu"), QStringLiteral("docsImportAction"));
    REQUIRE(s.waitFor([&] { return dialogVisible(s, QStringLiteral("docImportFileDialog")); }));
    QMetaObject::invokeMethod(s.find(QStringLiteral("docImportFileDialog")), "reject");
    REQUIRE(s.waitFor([&] { return !dialogVisible(s, QStringLiteral("docImportFileDialog")); }));
    CHECK(deltaOf(session) == before);
    CHECK(docs.openStreams().size() == 1);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Composing with an input method: nothing reaches the document until the text is committed")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    Scenario s(demo());
    focusWindow(s);
    REQUIRE(s.waitFor([&] { return docsOf(s).loaded(); }, 5000));
    DocumentSession* session = newDocument(s, QStringLiteral("Pricing"));
    type(s, QStringLiteral("价格"));
    REQUIRE(plainOf(session) == QStringLiteral("价格"));
    QQuickItem* text = editorText(s);
    REQUIRE(text->hasActiveFocus());
    REQUIRE(s.window()->activeFocusItem() == text);

    const std::string before = deltaOf(session);
    UpdateCounter updates(session);
    for (const QString& preedit :
         {QStringLiteral("c"), QStringLiteral("chan"), QStringLiteral("chanp"), QStringLiteral("chanpin")}) {
        compose(text, preedit);
        CHECK(text->property("preeditText").toString() == preedit);
    }
    CHECK(updates.count() == 0);
    CHECK(deltaOf(session) == before);
    CHECK(editorDocument(s)->toPlainText() == QStringLiteral("价格"));

    compose(text, QString(), QStringLiteral("产品"));
    CHECK(text->property("preeditText").toString().isEmpty());
    CHECK(updates.count() == 1);
    CHECK(deltaOf(session) == R"([{"insert":"价格产品"}])");
    CHECK(shownDelta(s) == editorView(session));
    CHECK(text->property("cursorPosition").toInt() == 4);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Screenshots: a document open in English and Chinese, light and dark, wide and narrow")
{
    const QList<std::pair<QString, QString>> combinations{{QStringLiteral("en"), QStringLiteral("light")},
                                                          {QStringLiteral("en"), QStringLiteral("dark")},
                                                          {QStringLiteral("zh_CN"), QStringLiteral("light")},
                                                          {QStringLiteral("zh_CN"), QStringLiteral("dark")}};
    for (const auto& [language, theme] : combinations) {
        INFO(language.toStdString() << ", " << theme.toStdString());
        QmlWarnings warnings(QStringLiteral(".qml"));
        Scenario s(demo(language, theme));
        focusWindow(s);
        CHECK(s.controller().darkMode() == (theme == QStringLiteral("dark")));
        const auto shoot = [&](const QString& what) {
            // The pointer on the window's header, away from the controls: no tooltip or hover shows.
            QTest::mouseMove(s.window(), QPoint(s.window()->width() / 2, 8));
            QTest::qWait(50); // a frame for what was just shown
            CHECK_FALSE(s.screenshot(QStringLiteral("docs-%1-%2-%3").arg(what, language, theme)).isEmpty());
        };

        s.window()->resize(1280, 800);
        REQUIRE(s.waitFor([&] { return s.window()->width() == 1280 && s.window()->height() == 800; }));
        DocumentSession* welcome = openFromList(s, kWelcome);
        REQUIRE(s.waitFor([&] { return editorDocument(s)->toPlainText().contains(QStringLiteral("离线时也能阅读")); }));
        CHECK(s.isShown(QStringLiteral("docsSidebar")));
        CHECK(shownDelta(s) == editorView(welcome));
        shoot(QStringLiteral("wide"));

        // Narrow: the list folds away behind its button while a document is open.
        s.window()->resize(760, 500);
        REQUIRE(s.waitFor([&] { return s.window()->width() == 760 && s.window()->height() == 500; }));
        REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("docsSidebar")); }));
        CHECK(s.isShown(QStringLiteral("docsSidebarToggle")));
        CHECK(s.isShown(QStringLiteral("docEditorText")));
        shoot(QStringLiteral("narrow"));
        CHECK(QmlWarnings::messages() == QStringList());
    }
}
