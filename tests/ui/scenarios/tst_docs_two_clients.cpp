// Documents between two members, Ana and Bo, each in an app of their own on one local workspace:
// Ana writes a document and Bo opens it from his list; both type at once, at different places and
// with formatting, through their editors' keys and toolbars, and the two CRDTs and the two
// editors end up the same; each sees where the other's caret is. Edits made while Ana is offline
// merge with Bo's when she is back. Mentioning Bo through the popup notifies him. No QML warning
// may be logged on the way.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "docs_scenario_support.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/docs/delta_document.h>
#include <convene/docs/docs_controller.h>
#include <convene/docs/document_list_model.h>
#include <convene/docs/document_session.h>
#include <convene/docs/participant_model.h>
#include <convene/sync/sync_service.h>

#include <crdt/doc.h>
#include <crdt/ytext.h>

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <optional>

using convene::docs::DocsController;
using convene::docs::DocumentListModel;
using convene::docs::DocumentSession;
using convene::docs::ParticipantModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

using namespace docs_scenario;

namespace {

QString userOf(Scenario& s)
{
    return s.app().chat().userId();
}

// Ana and Bo, each in an app of their own on one shared workspace, both in the docs view.
struct AnaAndBo {
    QTemporaryDir shared;
    QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario ana{Scenario::member(workspace, QStringLiteral("Ana"), QStringLiteral("docs"))};
    Scenario bo{Scenario::member(workspace, QStringLiteral("Bo"), QStringLiteral("docs"))};

    AnaAndBo()
    {
        REQUIRE(ana.waitFor([&] { return docsOf(ana).loaded(); }, 5000));
        REQUIRE(bo.waitFor([&] { return docsOf(bo).loaded(); }, 5000));
        const QString boId = userOf(bo);
        REQUIRE(ana.waitFor([&] { return ana.app().chat().peopleDirectory().contains(boId); }, 5000));
        REQUIRE(bo.waitFor([&] { return bo.app().chat().peopleDirectory().contains(userOf(ana)); }, 5000));
    }
};

// Ana makes a document with the New button, types its title and then `lines` (Enter between
// them); Bo opens it from his list. Returns their sessions once both show the same text.
std::pair<DocumentSession*, DocumentSession*> shareDocument(AnaAndBo& team, const QString& title,
                                                            const QStringList& lines)
{
    Scenario& ana = team.ana;
    Scenario& bo = team.bo;
    focusWindow(ana);
    DocsController& anaDocs = docsOf(ana);
    ana.click(QStringLiteral("docsNewButton"));
    REQUIRE(ana.waitFor([&] { return anaDocs.current() != nullptr; }));
    DocumentSession* mine = anaDocs.current();
    REQUIRE(ana.waitFor([&] { return mine->loaded(); }, 5000));
    REQUIRE(ana.waitFor([&] { return ana.item(QStringLiteral("docTitleField"))->hasActiveFocus(); }));
    type(ana, title);
    key(ana, Qt::Key_Return);
    REQUIRE(ana.waitFor([&] { return editorText(ana)->hasActiveFocus(); }));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            key(ana, Qt::Key_Return);
        type(ana, lines[i]);
    }

    focusWindow(bo);
    DocsController& boDocs = docsOf(bo);
    REQUIRE(bo.waitFor([&] { return rowTitled(bo, title) >= 0; }, 10000));
    const QString row = QStringLiteral("docsRow_%1").arg(rowTitled(bo, title));
    REQUIRE(bo.waitFor([&] { return bo.isShown(row); }));
    bo.click(row);
    REQUIRE(bo.waitFor([&] { return boDocs.current() && boDocs.current()->stream() == mine->stream(); }));
    DocumentSession* theirs = boDocs.current();
    REQUIRE(bo.waitFor([&] { return theirs->loaded() && deltaOf(theirs) == deltaOf(mine); }, 10000));
    CHECK(textOf(bo, QStringLiteral("docTitleField")) == title);
    CHECK(bo.waitFor([&] { return shownDelta(bo) == shownDelta(ana); }));
    return {mine, theirs};
}

// Waits until both CRDTs are the same and hold `expected` (as an editor reads it: with the
// final "\n"), and both editors show it.
bool converged(AnaAndBo& team, DocumentSession* mine, DocumentSession* theirs, const std::string& expected)
{
    const bool same = team.ana.waitFor(
        [&] {
            return deltaOf(mine) == deltaOf(theirs) && editorView(mine) == expected &&
                   shownDelta(team.ana) == expected && shownDelta(team.bo) == expected;
        },
        10000);
    if (!same)
        UNSCOPED_INFO("Ana's CRDT: " << deltaOf(mine) << "\nBo's CRDT:  " << deltaOf(theirs) << "\nAna's editor: "
                                     << shownDelta(team.ana) << "\nBo's editor:  " << shownDelta(team.bo));
    return same;
}

std::optional<ParticipantModel::Participant> participantNamed(DocumentSession* session, const QString& name)
{
    for (const ParticipantModel::Participant& p : session->participants()->participants())
        if (p.name == name)
            return p;
    return std::nullopt;
}

// The Repeater's delegates in an editor's text: one per other person in the document.
int remoteCarets(QQuickItem* textArea)
{
    int count = 0;
    const auto children = textArea->childItems();
    for (QQuickItem* child : children)
        count += child->property("caret").isValid() && child->property("name").isValid() ? 1 : 0;
    return count;
}

QRectF positionRect(QQuickItem* textArea, int position)
{
    QRectF rect;
    QMetaObject::invokeMethod(textArea, "positionToRectangle", Q_RETURN_ARG(QRectF, rect), Q_ARG(int, position));
    return rect;
}

} // namespace

TEST_CASE("Ana writes, Bo opens it from his list; both type with formatting at once and see each other's caret")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    Scenario& bo = team.bo;
    const QString title = QStringLiteral("Team notes 团队笔记");
    const auto [mine, theirs] =
        shareDocument(team, title, {QStringLiteral("# Agenda"), QStringLiteral("first point"), QStringLiteral("last")});
    CHECK(editorView(mine) == R"([{"insert":"Agenda"},{"insert":"\n","attributes":{"header":1}},)"
                              R"({"insert":"first point\nlast\n"}])");

    // At once, without waiting for the other: Bo adds to the second line and makes a word of it
    // italic with the toolbar; Ana goes on at the end, bold by Markdown, and underlines a word
    // with the toolbar.
    focusWindow(bo);
    REQUIRE(bo.clickToFocus(QStringLiteral("docEditorText")));
    key(bo, Qt::Key_Home, Qt::ControlModifier);
    key(bo, Qt::Key_Down);
    key(bo, Qt::Key_End);
    type(bo, QStringLiteral(" (Bo"));
    focusWindow(ana);
    type(ana, QStringLiteral(" **now**"));
    focusWindow(bo);
    type(bo, QStringLiteral(" 你好)"));
    key(bo, Qt::Key_Left);
    key(bo, Qt::Key_Left, Qt::ShiftModifier, 2);
    REQUIRE(editorText(bo)->property("selectedText").toString() == QStringLiteral("你好"));
    bo.click(QStringLiteral("docItalicButton"));
    focusWindow(ana);
    type(ana, QStringLiteral(" please"));
    key(ana, Qt::Key_Left, Qt::ShiftModifier, 6);
    REQUIRE(editorText(ana)->property("selectedText").toString() == QStringLiteral("please"));
    ana.click(QStringLiteral("docUnderlineButton"));

    const std::string expected = R"([{"insert":"Agenda"},{"insert":"\n","attributes":{"header":1}},)"
                                 R"({"insert":"first point (Bo "},{"insert":"你好","attributes":{"italic":true}},)"
                                 R"({"insert":")\nlast "},{"insert":"now","attributes":{"bold":true}},)"
                                 R"({"insert":" "},{"insert":"please","attributes":{"underline":true}},)"
                                 R"({"insert":"\n"}])";
    CHECK(converged(team, mine, theirs, expected));
    CHECK(shownDelta(ana) == shownDelta(bo));
    CHECK(editorDocument(ana)->toPlainText() == editorDocument(bo)->toPlainText());

    // Bo's caret (his selection's head, before "你好") is in Ana's list of who is here, under his name…
    const int boHead = editorText(bo)->property("cursorPosition").toInt();
    REQUIRE(ana.waitFor([&] { return participantNamed(mine, QStringLiteral("Bo")).has_value(); }, 5000));
    INFO("Bo's selection " << editorText(bo)->property("selectionStart").toInt() << "-"
                           << editorText(bo)->property("selectionEnd").toInt() << ", in Ana's list "
                           << participantNamed(mine, QStringLiteral("Bo"))->anchor << "-"
                           << participantNamed(mine, QStringLiteral("Bo"))->head);
    CHECK(ana.waitFor([&] { return participantNamed(mine, QStringLiteral("Bo"))->head == boHead; }, 5000));
    CHECK(participantNamed(mine, QStringLiteral("Bo"))->userId == userOf(bo));
    // And Ana's selection ("please", selected backwards) where Bo's list has it.
    REQUIRE(bo.waitFor([&] { return participantNamed(theirs, QStringLiteral("Ana")).has_value(); }, 5000));
    const auto anaSelection = [&] {
        const int head = editorText(ana)->property("cursorPosition").toInt();
        const int start = editorText(ana)->property("selectionStart").toInt();
        const int end = editorText(ana)->property("selectionEnd").toInt();
        return std::pair{head == start ? end : start, head};
    };
    const auto anaInBoList = [&] {
        const auto p = participantNamed(theirs, QStringLiteral("Ana"));
        return std::pair{p->anchor, p->head};
    };
    INFO("Ana's selection " << anaSelection().first << "-" << anaSelection().second << " in her editor, "
                            << anaInBoList().first << "-" << anaInBoList().second << " in Bo's list");
    CHECK(bo.waitFor([&] { return anaInBoList() == anaSelection(); }, 5000));
    // …and drawn in her editor where that position is (one caret: the Repeater's one delegate),
    // with his name over it while it moves and when the pointer is on it.
    QQuickItem* nameTag = ana.item(QStringLiteral("docRemoteName"));
    QQuickItem* remote = nameTag->parentItem();
    REQUIRE(remote);
    CHECK(remote->parentItem() == editorText(ana));
    CHECK(remoteCarets(editorText(ana)) == 1);
    CHECK(remote->property("name").toString() == QStringLiteral("Bo"));
    CHECK(remote->property("shown").toBool());
    CHECK(remote->isVisible());
    CHECK(ana.waitFor([&] {
        return remote->property("caret").toRectF().topLeft() == positionRect(editorText(ana), boHead).topLeft();
    }));
    const QRectF caret = remote->property("caret").toRectF();
    QTest::mouseMove(ana.window(), remote->mapToScene(caret.center()).toPoint());
    CHECK(ana.waitFor([&] { return ana.isShown(QStringLiteral("docRemoteName")); }));
    CHECK(nameTag->childItems().size() == 1);
    CHECK(nameTag->childItems().value(0)->property("text").toString() == QStringLiteral("Bo"));
    CHECK(ana.isShown(QStringLiteral("docParticipant_0")));
    CHECK(ana.find(QStringLiteral("docParticipant_0"))->property("name").toString() == QStringLiteral("Bo"));
    ana.screenshot(QStringLiteral("docs-two-clients-ana"));
    bo.screenshot(QStringLiteral("docs-two-clients-bo"));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Edits Ana makes offline wait on her computer, and merge with Bo's when she is back online")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    Scenario& bo = team.bo;
    const auto [mine, theirs] = shareDocument(team, QStringLiteral("Offline 离线"), {QStringLiteral("shared text")});

    convene::sync::SyncService* anaSync = ana.controller().sync();
    REQUIRE(anaSync);
    anaSync->setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(ana.waitFor([&] { return anaSync->state() != convene::sync::ConnectionState::Online; }, 10000));

    // Ana, offline, writes at the start and makes a word of it bold with Ctrl+B; Bo, online, at
    // the end, struck through with the toolbar.
    focusWindow(ana);
    key(ana, Qt::Key_Home, Qt::ControlModifier);
    type(ana, QStringLiteral("Draft: "));
    key(ana, Qt::Key_Left);
    key(ana, Qt::Key_Home, Qt::ShiftModifier);
    REQUIRE(editorText(ana)->property("selectedText").toString() == QStringLiteral("Draft:"));
    key(ana, Qt::Key_B, Qt::ControlModifier);
    focusWindow(bo);
    REQUIRE(bo.clickToFocus(QStringLiteral("docEditorText")));
    key(bo, Qt::Key_End, Qt::ControlModifier);
    type(bo, QStringLiteral(" and more 更多"));
    key(bo, Qt::Key_Left, Qt::ShiftModifier, 2);
    bo.click(QStringLiteral("docStrikeButton"));

    // Each has only their own edit meanwhile; Ana's wait, queued, on her computer.
    const std::string anaAlone = R"([{"insert":"Draft:","attributes":{"bold":true}},{"insert":" shared text\n"}])";
    const std::string boAlone =
        R"([{"insert":"shared text and more "},{"insert":"更多","attributes":{"strike":true}},{"insert":"\n"}])";
    CHECK(editorView(mine) == anaAlone);
    CHECK(editorView(theirs) == boAlone);
    CHECK(ana.waitFor([&] { return mine->saveState() == DocumentSession::SaveState::Queued; }, 5000));
    CHECK(ana.waitFor([&] {
        return ana.find(QStringLiteral("docSaveState"))->property("fullText").toString() ==
               QStringLiteral("Saved on this computer — sends when you are back online");
    }));
    ana.screenshot(QStringLiteral("docs-two-clients-offline"));
    QTest::qWait(500); // long enough for anything to get through that should not
    CHECK(editorView(mine) == anaAlone);
    CHECK(editorView(theirs) == boAlone);

    // Back online: both have both.
    anaSync->setBackendFaults({{QStringLiteral("offline"), false}});
    const std::string merged = R"([{"insert":"Draft:","attributes":{"bold":true}},{"insert":" shared text and more "},)"
                               R"({"insert":"更多","attributes":{"strike":true}},{"insert":"\n"}])";
    CHECK(converged(team, mine, theirs, merged));
    CHECK(ana.waitFor([&] { return mine->saveState() == DocumentSession::SaveState::Saved; }, 10000));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Ana mentions Bo through the mention popup: Bo is notified, Ana is not")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    Scenario& bo = team.bo;
    const QString title = QStringLiteral("Review 评审");
    const auto [mine, theirs] = shareDocument(team, title, {QStringLiteral("Please check")});
    QSignalSpy boNotified(&docsOf(bo), &DocsController::notification);
    QSignalSpy anaNotified(&docsOf(ana), &DocsController::notification);

    focusWindow(ana);
    REQUIRE(ana.clickToFocus(QStringLiteral("docEditorText")));
    key(ana, Qt::Key_End, Qt::ControlModifier);
    type(ana, QStringLiteral(", @"));
    REQUIRE(ana.waitFor([&] { return popupOpen(ana, QStringLiteral("docMentionPopup")); }));
    type(ana, QStringLiteral("Bo"));
    REQUIRE(ana.waitFor([&] { return ana.isShown(QStringLiteral("docMentionCandidate_0")); }));
    QObject* popup = ana.find(QStringLiteral("docMentionPopup"));
    CHECK(ana.waitFor([&] { return popup->property("count").toInt() == 1; }));
    ana.click(QStringLiteral("docMentionCandidate_0"));
    REQUIRE(ana.waitFor([&] { return !popupOpen(ana, QStringLiteral("docMentionPopup")); }));
    const std::string expected = QStringLiteral(R"([{"insert":"Please check, "},)"
                                                R"({"insert":"@Bo","attributes":{"mention":"%1"}},{"insert":" \n"}])")
                                     .arg(userOf(bo))
                                     .toStdString();
    CHECK(converged(team, mine, theirs, expected));

    REQUIRE(bo.waitFor([&] { return boNotified.size() >= 1; }, 10000));
    CHECK(boNotified.size() == 1);
    CHECK(boNotified.first().at(0).toString() == QStringLiteral("Ana mentioned you in “%1”").arg(title));
    CHECK(boNotified.first().at(1).toString() == QStringLiteral("Please check, @Bo"));
    QTest::qWait(300);
    CHECK(anaNotified.isEmpty());
    CHECK(boNotified.size() == 1);
    CHECK(QmlWarnings::messages() == QStringList());
}
