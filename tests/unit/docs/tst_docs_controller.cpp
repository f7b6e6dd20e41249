// Documents end to end on the local backend: two members' SyncServices and DocsControllers on
// one workspace create, edit, merge, star, delete, search and version documents.
#include "catch_qt_strings.h"
#include "docs_test_profile.h"

#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>

#include <crdt/awareness.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTextDocument>

using namespace convene;
using namespace convene::docs;
using docs_test::insertAt;
using docs_test::plain;
using docs_test::Profile;

namespace {

void typeInto(DocumentSession* session, int at, const QString& text)
{
    session->applyLocalDelta(insertAt(uint64_t(at), text.toStdU16String()));
}

} // namespace

TEST_CASE("A document one member writes reaches the other, and concurrent edits converge")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    QAbstractItemModelTester anaList(ana.docs->documents(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester boList(bo.docs->documents(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(ana.docs->create(QStringLiteral("Launch plan")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(mine);
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("Goals\n"));
    mine->flush();

    const QString stream = bo.waitForDocument(QStringLiteral("Launch plan"));
    REQUIRE(!stream.isEmpty());
    CHECK(stream == mine->stream());
    DocumentSession* theirs = bo.openLoaded(stream);
    REQUIRE(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("Goals\n"); }, 10000));

    // Both type at once, at different places.
    typeInto(mine, 0, QStringLiteral("Q3 "));
    typeInto(theirs, 5, QStringLiteral(" and risks"));
    mine->flush();
    theirs->flush();
    const QString merged = QStringLiteral("Q3 Goals and risks\n");
    CHECK(QTest::qWaitFor([&] { return plain(mine) == merged && plain(theirs) == merged; }, 10000));
    CHECK(mine->text().toDelta() == theirs->text().toDelta());
}

TEST_CASE("Edits made offline are kept and merge with others' when the connection is back")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Notes")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("shared\n"));
    mine->flush();
    DocumentSession* theirs = bo.openLoaded(bo.waitForDocument(QStringLiteral("Notes")));
    REQUIRE(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("shared\n"); }, 10000));

    ana.sync->setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(QTest::qWaitFor([&] { return ana.sync->state() != sync::ConnectionState::Online; }, 10000));
    typeInto(mine, 0, QStringLiteral("offline "));
    mine->flush();
    typeInto(theirs, 6, QStringLiteral(" online"));
    theirs->flush();
    QTest::qWait(300);
    CHECK(plain(mine) == QStringLiteral("offline shared\n"));
    CHECK(QTest::qWaitFor([&] { return mine->saveState() == DocumentSession::SaveState::Queued; }, 5000));

    ana.sync->setBackendFaults({{QStringLiteral("offline"), false}});
    const QString merged = QStringLiteral("offline shared online\n");
    CHECK(QTest::qWaitFor([&] { return plain(mine) == merged && plain(theirs) == merged; }, 15000));
    CHECK(QTest::qWaitFor([&] { return mine->saveState() == DocumentSession::SaveState::Saved; }, 10000));
}

TEST_CASE("Edits still in the journal after a crash are sent when the document opens again")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    REQUIRE(ana.docs->create(QStringLiteral("Crash")).isEmpty());
    const QString stream = ana.docs->current()->stream();
    DocumentSession* session = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
    typeInto(session, 0, QStringLiteral("kept\n"));
    session->flush();
    REQUIRE(QTest::qWaitFor(
        [&] { return ana.docs->documents()->document(stream) && ana.docs->documents()->document(stream)->unsent == 0; },
        10000));

    // What a killed process leaves: an update in the journal that never reached the outbox.
    crdt::Doc other;
    crdt::Text text = other.getText(kContentName);
    REQUIRE(other.applyUpdate(session->doc().encodeStateAsUpdate()).ok);
    std::vector<uint8_t> lost;
    other.onUpdate([&](const std::vector<uint8_t>& update, const void*) { lost = update; });
    text.insert(0, std::u16string_view(u"not lost, "));
    ana.docs->close(stream);
    EditJournal journal(documentFileBase(ana.dir, stream) + QStringLiteral(".journal"));
    REQUIRE(journal.append(QByteArray(reinterpret_cast<const char*>(lost.data()), qsizetype(lost.size()))));

    DocumentSession* reopened = ana.openLoaded(stream);
    CHECK(plain(reopened) == QStringLiteral("not lost, kept\n"));
    // …and it goes out like any edit: a second member sees it.
    Profile bo(dir.path(), QStringLiteral("bo"));
    DocumentSession* theirs = bo.openLoaded(stream);
    CHECK(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("not lost, kept\n"); }, 10000));
}

TEST_CASE("Only the creator deletes a document; deleting can be undone; stars are the user's own")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Budget")).isEmpty());
    const QString stream = ana.docs->current()->stream();
    REQUIRE(bo.waitForDocument(QStringLiteral("Budget")) == stream);

    CHECK_FALSE(bo.docs->remove(stream).isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return ana.docs->isMine(stream); }, 5000));
    QSignalSpy removed(ana.docs.get(), &DocsController::removed);
    CHECK(ana.docs->remove(stream).isEmpty());
    CHECK(removed.count() == 1);
    CHECK(ana.docs->openStreams().isEmpty());
    const auto deleted = [&](Profile& p) {
        const DocumentRow* row = p.docs->documents()->document(stream);
        return row && row->deleted;
    };
    CHECK(QTest::qWaitFor([&] { return deleted(ana) && deleted(bo); }, 10000));
    CHECK(bo.docs->documents()->rowOf(stream) == -1);
    bo.docs->documents()->setFilter(DocumentListModel::Filter::Deleted);
    CHECK(bo.docs->documents()->rowOf(stream) == 0);
    CHECK(bo.docs->openLink(QUrl(bo.docs->linkFor(stream))) != QString());

    CHECK(ana.docs->restore(stream).isEmpty());
    CHECK(QTest::qWaitFor([&] { return !deleted(ana) && !deleted(bo); }, 10000));

    bo.docs->setStarred(stream, true);
    const auto starred = [&](Profile& p) {
        const DocumentRow* row = p.docs->documents()->document(stream);
        return row && row->starred;
    };
    CHECK(QTest::qWaitFor([&] { return starred(bo); }, 10000));
    QTest::qWait(200);
    CHECK_FALSE(starred(ana));
    bo.docs->documents()->setFilter(DocumentListModel::Filter::Starred);
    CHECK(bo.docs->documents()->rowCount() == 1);
    bo.docs->documents()->setFilter(DocumentListModel::Filter::Shared);
    CHECK(bo.docs->documents()->rowOf(stream) == 0);
    bo.docs->documents()->setFilter(DocumentListModel::Filter::Mine);
    CHECK(bo.docs->documents()->rowOf(stream) == -1);
}

TEST_CASE("Renaming reaches everyone; links open documents and name bad ones")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Draft")).isEmpty());
    const QString stream = ana.docs->current()->stream();
    REQUIRE(bo.waitForDocument(QStringLiteral("Draft")) == stream);
    CHECK_FALSE(ana.docs->rename(stream, QStringLiteral("   ")).isEmpty());
    CHECK(ana.docs->rename(stream, QStringLiteral("路线图 2027")).isEmpty());
    CHECK(bo.waitForDocument(QStringLiteral("路线图 2027")) == stream);

    const QString link = ana.docs->linkFor(stream);
    CHECK(link.startsWith(QStringLiteral("convene://docs/")));
    CHECK(DocsController::streamOfLink(QUrl(link)) == stream);
    CHECK(bo.docs->openLink(QUrl(link)).isEmpty());
    REQUIRE(bo.docs->current());
    CHECK(bo.docs->current()->stream() == stream);
    CHECK(bo.docs->current()->title() == QStringLiteral("路线图 2027"));
    CHECK_FALSE(bo.docs->openLink(QUrl(QStringLiteral("convene://docs/nope"))).isEmpty());
    CHECK(DocsController::streamOfLink(QUrl(QStringLiteral("convene://calls/doc:x"))).isEmpty());
    CHECK(DocsController::streamOfLink(QUrl(QStringLiteral("https://docs/x"))).isEmpty());
}

TEST_CASE("Search finds documents by title and by text, Chinese included")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    REQUIRE(ana.docs->create(QStringLiteral("Quarterly review")).isEmpty());
    DocumentSession* session = ana.docs->current();
    const QString stream = session->stream();
    REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
    typeInto(session, 0, QStringLiteral("我们的产品路线图和发布计划\nRelease train every Tuesday\n"));
    REQUIRE(QTest::qWaitFor([&] { return ana.docs->documents()->document(stream) != nullptr; }, 10000));
    session->writeSnapshot(); // what closing or idling does
    DocumentListModel* list = ana.docs->documents();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Fatal);

    const auto hits = [&](const QString& text) {
        QSignalSpy changed(list, &QAbstractItemModel::modelReset);
        ana.docs->search(text);
        // No hits is an answer too: the rows are read whatever the wait ended with.
        static_cast<void>(
            QTest::qWaitFor([&] { return list->searching() && (!changed.isEmpty() || list->rowCount() > 0); }, 5000));
        QTest::qWait(100);
        QStringList streams;
        for (int row = 0; row < list->rowCount(); ++row)
            streams << list->streamAt(row);
        return streams;
    };
    CHECK(QTest::qWaitFor([&] { return hits(QStringLiteral("路线图")) == QStringList{stream}; }, 10000));
    CHECK(hits(QStringLiteral("产品")) == QStringList{stream}); // two characters: below the trigram
    CHECK(hits(QStringLiteral("tuesday")) == QStringList{stream});
    CHECK(hits(QStringLiteral("quarterly")) == QStringList{stream});
    CHECK(list->data(list->index(0), DocumentListModel::ExcerptRole).toString().isEmpty()); // title hit
    CHECK(hits(QStringLiteral("nowhere to be found")).isEmpty());
    ana.docs->search(QString());
    CHECK_FALSE(list->searching());
}

TEST_CASE("Others' cursors show under their directory names; forged client ids are ignored")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Cursors")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("Hello world\n"));
    mine->flush();
    DocumentSession* theirs = bo.openLoaded(bo.waitForDocument(QStringLiteral("Cursors")));
    QAbstractItemModelTester tester(mine->participants(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    theirs->setCursor(2, 5);
    ParticipantModel* others = mine->participants();
    REQUIRE(
        QTest::qWaitFor([&] { return others->rowCount() == 1 && others->participants().first().head == 5; }, 10000));
    const ParticipantModel::Participant bob = others->participants().first();
    CHECK(bob.userId == QStringLiteral("bo"));
    CHECK(bob.name == QStringLiteral("Bo Li"));
    CHECK(bob.anchor == 2);

    // An edit before the cursor moves it along.
    typeInto(mine, 0, QStringLiteral(">> "));
    CHECK(others->participants().first().head == 8);

    // Someone else speaking for Bo's client id is dropped.
    crdt::Awareness forged(bob.clientId);
    crdt::Value state = crdt::Value::object();
    state.set("cursor", crdt::Value::null());
    forged.setLocalState(state);
    forged.setLocalState(state);
    forged.setLocalState(state);
    const std::vector<uint8_t> bytes = forged.encodeUpdate({bob.clientId});
    mine->receive({mine->stream(), QStringLiteral("awareness"), QStringLiteral("cy"),
                   QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()))});
    CHECK(others->participants().first().head == 8);
    mine->receive({mine->stream(), QStringLiteral("awareness"), QStringLiteral("cy"), QByteArray("\xff\xff garbage")});
    CHECK(others->rowCount() == 1);

    bo.docs->close(theirs->stream());
    CHECK(QTest::qWaitFor([&] { return others->rowCount() == 0; }, 10000));
}

TEST_CASE("Others' cursors stay on their characters whoever edits before them")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    Profile cy(dir.path(), QStringLiteral("cy"));
    REQUIRE(ana.docs->create(QStringLiteral("Carets")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("Hello world\n"));
    mine->flush();
    DocumentSession* bos = bo.openLoaded(bo.waitForDocument(QStringLiteral("Carets")));
    DocumentSession* cys = cy.openLoaded(cy.waitForDocument(QStringLiteral("Carets")));
    REQUIRE(QTest::qWaitFor([&] { return plain(bos) == plain(mine) && plain(cys) == plain(mine); }, 10000));
    ParticipantModel* others = mine->participants();
    QAbstractItemModelTester tester(others, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto boCaret = [&]() -> QPair<int, int> {
        for (const ParticipantModel::Participant& p : others->participants()) {
            if (p.userId == QStringLiteral("bo"))
                return {p.anchor, p.head};
        }
        return {-2, -2};
    };

    bos->setCursor(6, 7); // "w" selected
    REQUIRE(QTest::qWaitFor([&] { return boCaret() == qMakePair(6, 7); }, 10000));

    // A third member types before it: the caret moves with its character, without Bo saying so.
    typeInto(cys, 0, QStringLiteral("Big "));
    cys->flush();
    REQUIRE(QTest::qWaitFor([&] { return plain(mine) == QStringLiteral("Big Hello world\n"); }, 10000));
    CHECK(boCaret() == qMakePair(10, 11));

    // Bo deletes before his own caret; his last report still names the same character.
    bos->applyLocalDelta({{crdt::DeltaOp::Kind::Retain, {}, {}, {}, 4, {}},
                          {crdt::DeltaOp::Kind::Delete, {}, {}, {}, 6, {}}});
    bos->flush();
    REQUIRE(QTest::qWaitFor([&] { return plain(mine) == QStringLiteral("Big world\n"); }, 10000));
    CHECK(boCaret() == qMakePair(4, 5));
    CHECK(plain(mine).mid(boCaret().first, 1) == QStringLiteral("w"));

    // A caret in text that reaches this member after the report shows once the text is here.
    typeInto(bos, 0, QStringLiteral("New "));
    bos->setCursor(1, 3);
    REQUIRE(QTest::qWaitFor([&] { return boCaret().first != 4; }, 10000));
    CHECK(boCaret() == qMakePair(-1, -1)); // the text it names has not arrived
    bos->flush();
    REQUIRE(QTest::qWaitFor([&] { return plain(mine) == QStringLiteral("New Big world\n"); }, 10000));
    CHECK(boCaret() == qMakePair(1, 3));
}

TEST_CASE("A mention notifies the member mentioned, not the author")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    QSignalSpy boHeard(bo.docs.get(), &DocsController::notification);
    QSignalSpy anaHeard(ana.docs.get(), &DocsController::notification);
    REQUIRE(ana.docs->create(QStringLiteral("Spec")).isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return ana.docs->current()->loaded(); }, 10000));
    CHECK(ana.docs->mention(QStringLiteral("bo"), QStringLiteral("@Bo Li please review")).isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return !boHeard.isEmpty(); }, 10000));
    CHECK(boHeard.first().at(0).toString().contains(QStringLiteral("Ana Lima")));
    CHECK(boHeard.first().at(0).toString().contains(QStringLiteral("Spec")));
    CHECK(boHeard.first().at(1).toString() == QStringLiteral("@Bo Li please review"));
    QTest::qWait(300);
    CHECK(anaHeard.isEmpty());
}

TEST_CASE("Named versions are kept, listed and restored as a new change others receive")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("History")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("first draft\n"));
    CHECK_FALSE(ana.docs->saveVersion(QStringLiteral("  ")).isEmpty());
    CHECK(ana.docs->saveVersion(QStringLiteral("v1")).isEmpty());
    VersionListModel* versions = ana.docs->versions();
    QAbstractItemModelTester tester(versions, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(QTest::qWaitFor([&] { return versions->rowCount() == 1; }, 10000));
    CHECK(versions->data(versions->index(0), VersionListModel::NameRole).toString() == QStringLiteral("v1"));
    CHECK(versions->data(versions->index(0), VersionListModel::NamedRole).toBool());

    mine->applyLocalDelta({{crdt::DeltaOp::Kind::Delete, {}, {}, {}, 5, {}}});
    typeInto(mine, 0, QStringLiteral("second"));
    mine->flush();
    CHECK(plain(mine) == QStringLiteral("second draft\n"));
    QSignalSpy restored(ana.docs.get(), &DocsController::versionRestored);
    ana.docs->restoreVersion(versions->data(versions->index(0), VersionListModel::EntryIdRole).toLongLong());
    REQUIRE(restored.wait(10000));
    CHECK(plain(mine) == QStringLiteral("first draft\n"));
    mine->flush();
    DocumentSession* theirs = bo.openLoaded(mine->stream());
    CHECK(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("first draft\n"); }, 10000));
}

TEST_CASE("A malformed update from a member is left out with a problem, and the document stays intact")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Robust")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("safe\n"));
    mine->flush();
    bo.sync->submit(
        {{}, mine->stream(), kind::update, QByteArray("\x05\xff\xff\xff\xff\xff\xff\x01garbage", 17), {}, 0, {}, {}});
    CHECK(QTest::qWaitFor([&] { return !mine->problem().isEmpty(); }, 10000));
    CHECK(mine->problem().contains(QStringLiteral("bo")));
    CHECK(plain(mine) == QStringLiteral("safe\n"));
    typeInto(mine, 4, QStringLiteral(" and sound"));
    CHECK(plain(mine) == QStringLiteral("safe and sound\n"));
}

TEST_CASE("The seeded welcome document opens with its text for everyone, and edits on it merge")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    const QString welcome = QStringLiteral("doc:welcome");
    REQUIRE(ana.waitForDocument(QStringLiteral("Welcome to Convene")) == welcome);
    DocumentSession* mine = ana.openLoaded(welcome);
    DocumentSession* theirs = bo.openLoaded(welcome);
    const QString seeded = plain(mine);
    CHECK(seeded.startsWith(QStringLiteral("Chat, calendar, documents and calls")));
    CHECK(seeded.size() > 200);
    CHECK(plain(theirs) == seeded); // derived alike, so edits on it line up
    typeInto(mine, 0, QStringLiteral("Hi! "));
    mine->flush();
    CHECK(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("Hi! ") + seeded; }, 10000));
}

TEST_CASE("A document opened before opens from its saved state and still gets what came since")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    Profile bo(dir.path(), QStringLiteral("bo"));
    REQUIRE(ana.docs->create(QStringLiteral("Saved state")).isEmpty());
    DocumentSession* mine = ana.docs->current();
    const QString stream = mine->stream();
    REQUIRE(QTest::qWaitFor([&] { return mine->loaded(); }, 10000));
    typeInto(mine, 0, QStringLiteral("one\n"));
    mine->flush();
    REQUIRE(QTest::qWaitFor(
        [&] { return ana.docs->documents()->document(stream) && ana.docs->documents()->document(stream)->unsent == 0; },
        10000));
    ana.docs->close(stream);
    const QString statePath = documentFileBase(ana.dir, stream) + QStringLiteral(".state");
    REQUIRE(QTest::qWaitFor([&] { return QFile::exists(statePath); }, 10000));

    DocumentSession* theirs = bo.openLoaded(stream);
    REQUIRE(QTest::qWaitFor([&] { return plain(theirs) == QStringLiteral("one\n"); }, 10000));
    typeInto(theirs, 4, QStringLiteral("two\n"));
    theirs->flush();
    QTest::qWait(500); // Ana's cache takes Bo's entry while her document is closed

    DocumentSession* reopened = ana.openLoaded(stream);
    CHECK(QTest::qWaitFor([&] { return plain(reopened) == QStringLiteral("one\ntwo\n"); }, 10000));

    // A saved state from another cache is not used: the document is read from the entries.
    QFile::remove(statePath);
    ana.docs->close(stream);
    REQUIRE(QTest::qWaitFor([&] { return QFile::exists(statePath); }, 10000));
    QFile state(statePath);
    REQUIRE(state.open(QIODevice::ReadWrite));
    QByteArray bytes = state.readAll();
    bytes[18] = char(bytes[18] ^ 0x5a); // inside the entry key (after magic, row id and its length)
    state.seek(0);
    state.write(bytes);
    state.close();
    DocumentSession* again = ana.openLoaded(stream);
    CHECK(plain(again) == QStringLiteral("one\ntwo\n"));
}

TEST_CASE("Markdown imports as a new document; the open document exports to Markdown, HTML and ODT")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    const QString source = QDir(dir.path()).filePath(QStringLiteral("会议纪要.md"));
    QFile file(source);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(
        QStringLiteral("# 议程\n\n- **发布** 计划\n- [ ] 检查清单\n\nSee [docs](https://example.com).\n").toUtf8());
    file.close();
    CHECK(ana.docs->importMarkdown(QUrl::fromLocalFile(QDir(dir.path()).filePath(QStringLiteral("missing.md")))) !=
          QString());
    REQUIRE(ana.docs->importMarkdown(QUrl::fromLocalFile(source)).isEmpty());
    DocumentSession* imported = ana.docs->current();
    REQUIRE(imported);
    CHECK(imported->title() == QStringLiteral("会议纪要"));
    REQUIRE(QTest::qWaitFor([&] { return plain(imported).contains(QStringLiteral("检查清单")); }, 10000));
    const std::string json = crdt::deltaToJson(imported->text().toDelta());
    CHECK(json.find("\"header\":1") != std::string::npos);
    CHECK(json.find("\"bold\":true") != std::string::npos);
    CHECK(json.find("\"list\":\"unchecked\"") != std::string::npos);
    CHECK(json.find("\"link\":\"https://example.com\"") != std::string::npos);

    for (const QString& name : {QStringLiteral("out.md"), QStringLiteral("out.html"), QStringLiteral("out.odt")}) {
        const QString path = QDir(dir.path()).filePath(name);
        CHECK(ana.docs->exportCurrent(QUrl::fromLocalFile(path)).isEmpty());
        QFile out(path);
        REQUIRE(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        if (name.endsWith(QLatin1String(".odt")))
            CHECK(bytes.startsWith("PK"));
        else
            CHECK(QString::fromUtf8(bytes).contains(QStringLiteral("检查清单")));
    }
    CHECK_FALSE(ana.docs->exportCurrent(QUrl::fromLocalFile(QStringLiteral("/proc/nope/out.md"))).isEmpty());
}

TEST_CASE("Bold with nothing selected: what is typed next at the caret is bold, and the rest is not")
{
    QTemporaryDir dir;
    Profile ana(dir.path(), QStringLiteral("ana"));
    REQUIRE(ana.docs->create(QStringLiteral("Typing format")).isEmpty());
    DocumentSession* session = ana.docs->current();
    REQUIRE(QTest::qWaitFor([&] { return session->loaded(); }, 10000));
    QTextDocument editor;
    session->attachDocument(&editor);
    QTextCursor caret(&editor);
    caret.insertText(QStringLiteral("plain "));
    session->toggleFormat(QStringLiteral("bold"), 6, 6);
    caret.insertText(QStringLiteral("b"));
    caret.insertText(QStringLiteral("old"));
    CHECK(crdt::deltaToJson(session->text().toDelta()) ==
          R"([{"insert":"plain "},{"insert":"bold","attributes":{"bold":true}}])");
    // Moving elsewhere and typing forgets it.
    session->toggleFormat(QStringLiteral("italic"), 0, 0);
    QTextCursor other(&editor);
    other.setPosition(3);
    other.insertText(QStringLiteral("x"));
    CHECK(crdt::deltaToJson(session->text().toDelta()) ==
          R"([{"insert":"plaxin "},{"insert":"bold","attributes":{"bold":true}}])");
    session->attachDocument(nullptr);
}
