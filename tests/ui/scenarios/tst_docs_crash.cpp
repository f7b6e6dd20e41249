// Nothing typed is lost when the app is killed mid-word. The test runs its own executable as a
// child process, the typist (ChildMode "--docs-typist"): the app on Ana's profile, a document open,
// characters typed one every 5 ms through real key events, each one's index printed once its key
// event has returned. The test kills the typist with SIGKILL after about 150 of them. Edits go to
// the outbox in batches (400 ms after the first of a batch) and into the edit journal at once,
// which starts afresh once the outbox has all it held. The typist pauses once, as people do (its
// edits go out, the journal empties), and keeps its event loop busy for its last stretch (no
// batch can leave then, as under load): the first characters reach the outbox, the last ones
// only the journal, and those build on edits newer than the document's saved state. Opened
// again on the same profile, the document holds every character the typist reported, once and
// in order; and Bo, a second member, receives them all.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "docs_scenario_support.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/docs/docs_controller.h>
#include <convene/docs/document_list_model.h>
#include <convene/docs/document_session.h>
#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>
#include <convene/store/database.h>

#include <crdt/doc.h>
#include <crdt/ytext.h>

#include "catch_qt_strings.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <span>
#include <thread>

using convene::docs::DocsController;
using convene::docs::DocumentListModel;
using convene::docs::DocumentSession;
using convene::test::ChildMode;
using convene::test::QmlWarnings;
using convene::test::Scenario;

using namespace docs_scenario;

namespace {

constexpr char kTypistFlag[] = "--docs-typist";
constexpr int kMaxCharacters = 2000; // the typist stops here if nobody kills it
constexpr int kKillAfter = 150;
constexpr int kPauseAt = 60; // the typist pauses after this many characters
constexpr int kPauseMs = 1000; // long enough for a batch to go out, short of the loader's saving its state
constexpr int kUnflushed = 30; // the last characters before kKillAfter typed with no event loop running
const QString kTitle = QStringLiteral("Kill test 崩溃测试");
const QString kBefore = QStringLiteral("Typed before: ");

// The typist's character number `i`: each one different, so a lost or doubled one shows.
QChar typed(int i)
{
    return QChar(char16_t(0x4E00 + i)); // CJK ideographs: no Markdown shortcut, no "@"
}

QString typedRun(int count)
{
    QString run;
    for (int i = 0; i < count; ++i)
        run += typed(i);
    return run;
}

QString shownText(Scenario& s)
{
    auto* quick = editorText(s)->property("textDocument").value<QQuickTextDocument*>();
    return quick ? quick->textDocument()->toPlainText() : QString();
}

// The typist: arguments profile directory, workspace file, document link. Prints "ready" once
// the document is open and the text has the focus, then each character's index as it is typed.
int runTypist(const QStringList& arguments)
{
    if (arguments.size() != 3) {
        std::fprintf(stderr, "typist: profile, workspace and link expected\n");
        return 2;
    }
    try {
        Scenario::Config config =
            Scenario::member(arguments[1], QStringLiteral("Ana"), QStringLiteral("docs"), arguments[0]);
        config.options.docLink = QUrl(arguments[2]);
        Scenario s(config);
        focusWindow(s);
        DocsController* docs = s.controller().docs();
        const QString stream = DocsController::streamOfLink(config.options.docLink);
        if (!docs || !s.waitFor([&] { return docs->current() && docs->current()->stream() == stream; }, 10000) ||
            !s.waitFor([&] { return docs->current()->loaded(); }, 10000)) {
            std::fprintf(stderr, "typist: the document did not open\n");
            return 3;
        }
        // Closed (Ctrl+W) and opened again: the document's state is saved as it closes, and
        // opens from there, as it does after any earlier session.
        QTest::keyClick(s.window(), Qt::Key_W, Qt::ControlModifier);
        if (!s.waitFor([&] { return !docs->openStreams().contains(stream); }) ||
            !docs->openLink(config.options.docLink).isEmpty() ||
            !s.waitFor([&] { return docs->current() && docs->current()->loaded(); }, 10000)) {
            std::fprintf(stderr, "typist: the document did not open again\n");
            return 3;
        }
        if (!s.clickToFocus(QStringLiteral("docEditorText"))) {
            std::fprintf(stderr, "typist: the text did not take the focus\n");
            return 4;
        }
        QTest::keyClick(s.window(), Qt::Key_End, Qt::ControlModifier);
        std::printf("ready\n");
        std::fflush(stdout);
        for (int i = 0; i < kMaxCharacters; ++i) {
            s.typeText(QString(typed(i)));
            std::printf("%d\n", i);
            std::fflush(stdout);
            if (i + 1 == kPauseAt)
                QTest::qWait(kPauseMs);
            else if (i < kKillAfter - kUnflushed)
                QTest::qWait(5); // batches go to the outbox meanwhile
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(5)); // no batch leaves now
        }
        std::printf("done\n");
        std::fflush(stdout);
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "typist: %s\n", error.what());
        return 5;
    }
}

const ChildMode typist(kTypistFlag, &runTypist);

// The document's text as far as its edits reached the cache (and with it the outbox) of the
// profile at `cachePath`; nothing when the cache cannot be read.
std::optional<QString> cachedText(const QString& cachePath, const QString& stream)
{
    auto db = convene::store::Database::open(cachePath, convene::store::Database::Mode::ReadOnly);
    if (!db)
        return std::nullopt;
    auto query =
        (*db)->prepare(QStringLiteral("SELECT payload FROM entries WHERE stream = ? AND kind IN (?, ?) ORDER BY id"));
    if (!query)
        return std::nullopt;
    (*query)->bind(1, stream).bind(2, convene::docs::kind::update).bind(3, convene::docs::kind::snapshot);
    convene::crdt::Doc doc;
    convene::crdt::Text text = doc.getText(convene::docs::kContentName);
    while ((*query)->step().valueOr(false)) {
        const QByteArray update = (*query)->blob(0);
        const std::span bytes(reinterpret_cast<const uint8_t*>(update.constData()), size_t(update.size()));
        if (!doc.applyUpdate(bytes).ok)
            return std::nullopt;
    }
    return QString::fromStdString(text.toString());
}

// What the typist printed: the indexes of the characters typed, in order.
struct TypistOutput {
    bool ready = false;
    QList<int> indexes;
    QByteArray pending;

    void read(QByteArray data)
    {
        pending += data;
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            bool number = false;
            const int index = line.toInt(&number);
            if (line == "ready")
                ready = true;
            else if (number)
                indexes << index;
        }
    }
};

} // namespace

TEST_CASE("Characters typed up to a SIGKILL are all in the document when it opens again, and reach the others")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir shared;
    REQUIRE(shared.isValid());
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    const QString anaProfile = shared.filePath(QStringLiteral("ana"));
    REQUIRE(QDir().mkpath(anaProfile));

    // Ana makes the document and writes its first words, then closes the app as usual.
    QString stream;
    QUrl link;
    {
        Scenario ana(Scenario::member(workspace, QStringLiteral("Ana"), QStringLiteral("docs"), anaProfile));
        focusWindow(ana);
        DocsController& docs = *ana.controller().docs();
        REQUIRE(ana.waitFor([&] { return docs.loaded(); }, 5000));
        ana.click(QStringLiteral("docsNewButton"));
        REQUIRE(ana.waitFor([&] { return docs.current() && docs.current()->loaded(); }, 5000));
        DocumentSession* session = docs.current();
        REQUIRE(ana.waitFor([&] { return ana.item(QStringLiteral("docTitleField"))->hasActiveFocus(); }));
        ana.typeText(kTitle);
        QTest::keyClick(ana.window(), Qt::Key_Return);
        REQUIRE(ana.waitFor([&] { return editorText(ana)->hasActiveFocus(); }));
        ana.typeText(kBefore);
        REQUIRE(plainOf(session) == kBefore);
        REQUIRE(ana.waitFor([&] { return session->saveState() == DocumentSession::SaveState::Saved; }, 5000));
        stream = session->stream();
        link = QUrl(docs.linkFor(stream));
    }

    // The typist types into it until it is killed.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), shared.path()); // its temporary home goes with ours
    child.setProcessEnvironment(environment);
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({QString::fromLatin1(kTypistFlag), anaProfile, workspace, link.toString()});
    TypistOutput output;
    QObject::connect(&child, &QProcess::readyReadStandardOutput, [&] { output.read(child.readAllStandardOutput()); });
    QElapsedTimer clock;
    clock.start();
    child.start();
    REQUIRE(child.waitForStarted(10000));
    const auto log = [&] { return QString::fromLocal8Bit(child.readAllStandardError()).right(3000).toStdString(); };
    const bool typing = QTest::qWaitFor(
        [&] { return child.state() == QProcess::NotRunning || output.indexes.size() >= kKillAfter; }, 30000);
    INFO("typist's log:\n" << log());
    REQUIRE(typing);
    REQUIRE(child.state() == QProcess::Running);
    child.kill(); // SIGKILL: no shutdown, no last flush
    REQUIRE(child.waitForFinished(10000));
    output.read(child.readAllStandardOutput());
    CHECK(child.exitStatus() == QProcess::CrashExit);
    const int reported = int(output.indexes.size());
    INFO(reported << " characters reported typed in " << clock.elapsed() << " ms");
    REQUIRE(output.ready);
    REQUIRE(reported >= kKillAfter);
    REQUIRE(reported < kMaxCharacters);
    for (int i = 0; i < reported; ++i)
        REQUIRE(output.indexes[i] == i);
    // What reached the outbox before the kill: the words typed before and the first characters,
    // not the last ones.
    const std::optional<QString> flushed = cachedText(QDir(anaProfile).filePath(QStringLiteral("cache.db")), stream);
    REQUIRE(flushed.has_value());
    INFO(flushed->size() - kBefore.size() << " characters in the outbox");
    CHECK(flushed->startsWith(kBefore));
    CHECK(flushed->size() >= kBefore.size() + kPauseAt);
    CHECK(flushed->size() <= kBefore.size() + kKillAfter - kUnflushed);
    CHECK(*flushed == kBefore + typedRun(int(flushed->size() - kBefore.size())));
    // The rest is in the journal only.
    const QString journal = convene::docs::documentFileBase(anaProfile, stream) + QStringLiteral(".journal");
    CHECK_FALSE(convene::docs::EditJournal(journal).read().isEmpty());

    // Ana opens the app and the document again: every character reported typed is there, once,
    // in the order typed.
    Scenario ana(Scenario::member(workspace, QStringLiteral("Ana"), QStringLiteral("docs"), anaProfile));
    focusWindow(ana);
    DocsController& docs = *ana.controller().docs();
    REQUIRE(ana.waitFor([&] { return docs.loaded() && docs.documents()->document(stream); }, 5000));
    REQUIRE(docs.openLink(link).isEmpty());
    REQUIRE(ana.waitFor([&] { return docs.current() && docs.current()->stream() == stream; }));
    DocumentSession* session = docs.current();
    REQUIRE(ana.waitFor([&] { return session->loaded(); }, 5000));
    // (It opens on its saved state, and what the cache has beyond it follows in steps.)
    ana.waitFor([&] { return plainOf(session).size() >= kBefore.size() + reported; }, 10000);
    QTest::qWait(200); // for anything more that would come
    const QString text = plainOf(session);
    REQUIRE(text.startsWith(kBefore));
    const QString after = text.mid(kBefore.size());
    INFO("typed " << reported << ", found " << after.size());
    for (int i = 0; i < reported; ++i)
        REQUIRE(after.count(typed(i)) == 1);
    // Nothing else: at most the one character typed but killed before it was reported.
    CHECK((after == typedRun(reported) || after == typedRun(reported + 1)));
    CHECK(ana.waitFor([&] { return shownText(ana) == text; }));
    // What the journal kept goes out like any edit, and then the journal goes.
    CHECK(ana.waitFor([&] { return session->saveState() == DocumentSession::SaveState::Saved; }, 5000));
    CHECK(ana.waitFor([&] { return !QFileInfo::exists(journal); }, 5000));

    // Bo, on the same workspace, receives all of it.
    Scenario bo(Scenario::member(workspace, QStringLiteral("Bo"), QStringLiteral("docs")));
    DocsController& boDocs = *bo.controller().docs();
    REQUIRE(bo.waitFor([&] { return boDocs.loaded() && boDocs.documents()->document(stream); }, 10000));
    REQUIRE(boDocs.openLink(link).isEmpty());
    REQUIRE(bo.waitFor([&] { return boDocs.current() && boDocs.current()->stream() == stream; }));
    DocumentSession* theirs = boDocs.current();
    CHECK(bo.waitFor([&] { return theirs->loaded() && plainOf(theirs) == text; }, 10000));
    CHECK(bo.waitFor([&] { return shownText(bo) == text; }));
    CHECK(theirs->title() == kTitle);
    CHECK(QmlWarnings::messages() == QStringList());
}
