// Budget 1: opening a document whose history is a long editing trace, to the first frame of the
// editor showing it: cold without a snapshot (every update applied, or the state the loader
// prepared in the background while the app ran); cold from a snapshot whose
// state is a blob (a new member: its cache filled from the backend, the blob downloaded); from
// that snapshot with the blob kept locally; and from the saved state.
#include "editor_window.h"
#include "members.h"
#include "scenarios.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>
#include <convene/docs/saved_state.h>
#include <convene/docs/snapshot_cache.h>
#include <convene/sync/envelopes.h>

#include <crdt/ytext.h>

#include <QAbstractTextDocumentLayout>
#include <QCryptographicHash>
#include <QFile>
#include <QTextBlock>
#include <QTextDocument>

#include <cstdio>

using namespace convene;

namespace docs_bench {

namespace {

constexpr double kEditorTextWidth = 1000 - 48 - 48; // the window less the editor's padding

std::span<const uint8_t> bytesOf(const QByteArray& data)
{
    return {reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size())};
}

QString savedStatePath(Member& member, const QString& stream)
{
    return docs::documentFileBase(member.dir(), stream) + QStringLiteral(".state");
}

double since(int64_t& mark)
{
    const int64_t now = nowNs();
    const double ms = msBetween(mark, now);
    mark = now;
    return ms;
}

// The loader's and the session's steps for this mode, timed one by one on this thread.
// mode: cold (every update), blob (the newest snapshot's state, kept locally), saved.
StepsApart stepsApart(Member& member, const QString& stream, const QString& mode)
{
    StepsApart steps;
    store::Database* db = member.cache();
    if (!db)
        return steps;
    const bool fromSaved = mode == QLatin1String("saved");
    const bool fromBlob = mode == QLatin1String("blob");
    int64_t mark = nowNs();
    const auto saved = fromSaved ? docs::readSavedState(savedStatePath(member, stream)) : std::nullopt;
    QList<QByteArray> updates;
    std::optional<docs::SnapshotBlob> blob;
    {
        auto q = db->prepare(fromBlob ? QStringLiteral("SELECT kind, payload FROM entries WHERE stream = ? AND kind = "
                                                       "'doc.snapshot' AND id > ? ORDER BY pos DESC LIMIT 1")
                                      : QStringLiteral("SELECT kind, payload FROM entries WHERE stream = ? AND kind IN "
                                                       "('doc.update', 'doc.text') AND id > ? ORDER BY id"));
        if (!q)
            return steps;
        (*q)->bind(1, stream).bind(2, saved ? saved->throughEntryId : int64_t(0));
        while ((*q)->step().valueOr(false)) {
            if (!fromBlob) {
                updates << (*q)->blob(1);
                continue;
            }
            const docs::SnapshotPayload payload = docs::decodeSnapshotPayload((*q)->blob(1));
            if (payload.form == docs::SnapshotPayload::Form::Blob)
                blob = payload.blob;
        }
    }
    QByteArray blobState;
    if (blob) {
        QFile file(docs::SnapshotCache(member.dir()).pathOf(*blob));
        if (file.open(QIODevice::ReadOnly))
            blobState = file.readAll();
    }
    steps.readMs = since(mark);
    if (blob && !docs::snapshotMismatch(*blob, blobState).isEmpty())
        return steps;
    steps.verifyMs = blob ? since(mark) : 0;

    crdt::Doc mirror;
    mirror.getText(docs::kContentName);
    mark = nowNs();
    if (saved)
        (void)mirror.applyUpdate(bytesOf(saved->state));
    if (blob)
        (void)mirror.applyUpdate(bytesOf(blobState));
    for (const QByteArray& update : updates)
        (void)mirror.applyUpdate(bytesOf(update));
    steps.loaderApplyMs = since(mark);
    // A saved state or a blob goes to the UI thread as it is; only the cold open encodes one.
    const std::vector<uint8_t> state = mirror.encodeStateAsUpdate();
    steps.encodeMs = fromSaved || fromBlob ? 0 : since(mark);
    steps.stateBytes = state.size();

    crdt::Doc ui;
    crdt::Text text = ui.getText(docs::kContentName);
    mark = nowNs();
    if (blob)
        (void)ui.applyUpdate(bytesOf(blobState));
    else if (saved)
        (void)ui.applyUpdate(bytesOf(saved->state));
    else
        (void)ui.applyUpdate(state);
    steps.uiApplyMs = since(mark);
    const std::vector<crdt::DeltaOp> delta = text.toDelta();
    steps.toDeltaMs = since(mark);
    QTextDocument document;
    document.setTextWidth(kEditorTextWidth);
    mark = nowNs();
    docs::renderDelta(document, delta);
    steps.renderDeltaMs = since(mark);
    (void)document.documentLayout()->blockBoundingRect(document.lastBlock());
    steps.layoutMs = since(mark);
    return steps;
}

// Writes the doc.snapshot entry the app writes for a document this long: the state uploaded as a
// blob, the entry naming it with as much of the text as fits. Returns what the report should say
// about it; `covered` is the newest entry it includes (empty: not written).
QString submitBlobSnapshot(Member& member, const QString& stream, const DocHistory& history, QString& covered)
{
    covered.clear();
    const QString newest = member.newestServerId(stream, docs::kind::update);
    QString blobId;
    QString failure;
    QObject guard;
    const quint64 request = member.sync().uploadBlob(history.state, QStringLiteral("application/vnd.yjs.update"));
    QObject::connect(&member.sync(), &sync::SyncService::blobUploaded, &guard,
                     [&](quint64 id, const sync::BlobRef& ref) {
                         if (id == request)
                             blobId = ref.id;
                     });
    QObject::connect(&member.sync(), &sync::SyncService::requestFailed, &guard, [&](quint64 id, const QString& reason) {
        if (id == request)
            failure = reason;
    });
    if (!runUntil([&] { return !blobId.isEmpty() || !failure.isEmpty(); }, 20'000) || blobId.isEmpty())
        return QStringLiteral("the state was not uploaded: %1").arg(failure);
    const docs::SnapshotBlob blob{blobId, history.state.size(),
                                  QCryptographicHash::hash(history.state, QCryptographicHash::Sha256)};
    const QByteArray reference = docs::encodeSnapshotReference(blob);
    const QString text = QString::fromStdU16String(history.text);
    const QString body = docs::cutToUtf8(text, docs::kMaxSnapshotEntryBytes - reference.size());
    member.sync().submit({{}, stream, docs::kind::snapshot, reference, body, 0, newest, {}});
    if (!runUntil([&] { return member.acknowledged(stream, docs::kind::snapshot) == 1; }, 20'000))
        return QStringLiteral("the backend did not take the snapshot entry");
    covered = newest;
    return QStringLiteral("snapshot: state %1 KB as a blob; its entry: a %2-byte reference and %3 of the text's %4 KB "
                          "for search")
        .arg(history.state.size() / 1024)
        .arg(reference.size())
        .arg(body.size() == text.size() ? QStringLiteral("all")
                                        : QStringLiteral("%1 KB").arg(body.toUtf8().size() / 1024))
        .arg(text.toUtf8().size() / 1024);
}

} // namespace

OpenRun openDocument(docs::DocsController& docs, EditorWindow& window, const QString& stream,
                     const std::u16string& expected)
{
    OpenRun run;
    runFor(100); // the controller's first reads are done
    TracedApplication& app = tracedApp();
    app.deliveries().clear();
    QTextDocument* textDocument = window.textDocument();
    const int expectedLength = int(expected.size());
    int64_t applied = 0, textIn = 0, wholeIn = 0;
    bool startShown = false; // what went in first is the document's start
    QObject guard;
    QObject::connect(textDocument, &QTextDocument::contentsChange, &guard, [&] {
        if (!textIn && textDocument->characterCount() > 1) {
            textIn = nowNs();
            QString start = textDocument->toRawText().left(2000);
            start.replace(QChar::ParagraphSeparator, u'\n');
            startShown = QStringView(expected).startsWith(start.left(start.size() - 1));
        }
        if (!wholeIn && textDocument->characterCount() >= expectedLength)
            wholeIn = nowNs();
    });

    const int64_t start = nowNs();
    docs.open(stream);
    docs::DocumentSession* session = docs.session(stream);
    if (!session)
        return run;
    // Registered before the binding's observer, so it runs first: the CRDT has the state.
    const int observer = session->text().observe([&](const crdt::Event&) {
        if (!applied)
            applied = nowNs();
    });
    session->attach(window.quickDocument());
    const int64_t attached = nowNs();
    const bool shown =
        runUntil([&] { return session->loaded() && wholeIn && window.frameFrom(wholeIn).has_value(); }, 60'000);
    session->doc().off(observer);
    if (!shown) {
        std::fprintf(stderr, "  the document did not load and show within 60 s\n");
        return run;
    }
    if (session->text().toU16String() != expected) {
        std::fprintf(stderr, "  the opened document's text differs from its history's\n");
        return run;
    }
    if (!startShown) {
        std::fprintf(stderr, "  the editor's first text was not the document's start\n");
        return run;
    }
    const Delivery* load = app.deliveryAt(applied, &docs, QEvent::MetaCall);
    const int64_t loadStart = load ? load->start : attached;
    const int64_t loadEnd = load ? load->end : textIn;
    const Frame frame = *window.frameFrom(std::max(textIn, loadEnd));
    run.ok = true;
    run.totalMs = msBetween(start, frame.swapped);
    run.wholeMs = msBetween(start, window.frameFrom(wholeIn)->swapped);
    run.openCallMs = msBetween(start, attached);
    run.loaderMs = msBetween(attached, loadStart);
    run.applyMs = msBetween(loadStart, applied);
    run.renderMs = msBetween(applied, textIn);
    run.restMs = std::max(0.0, msBetween(textIn, loadEnd));
    run.waitMs = msBetween(std::max(textIn, loadEnd), frame.start);
    if (frame.syncStart && frame.renderStart) {
        run.polishMs = msBetween(frame.start, frame.syncStart);
        run.syncMs = msBetween(frame.syncStart, frame.syncEnd);
        run.paintMs = msBetween(frame.renderStart, frame.renderEnd);
        run.flushMs = msBetween(frame.renderEnd, frame.swapped);
    }
    return run;
}

OpenRun openOnce(Member& member, EditorWindow& window, const QString& stream, const std::u16string& expected)
{
    auto docs = member.newController();
    if (!docs || !window.newEditor())
        return {};
    const OpenRun run = openDocument(*docs, window, stream, expected);
    docs.reset(); // the loader writes the saved state as it goes
    window.removeEditor();
    return run;
}

// A member whose app ran while the history came: the loader prepares a saved state in the
// background before the document is opened.
OpenRun openPrepared(Member& member, EditorWindow& window, const QString& stream, const std::u16string& expected)
{
    const QString statePath = savedStatePath(member, stream);
    QFile::remove(statePath);
    auto docs = member.newController();
    if (!docs || !window.newEditor())
        return {};
    if (!runUntil([&] { return QFile::exists(statePath); }, 20'000)) {
        std::fprintf(stderr, "  no state was prepared in the background within 20 s\n");
        window.removeEditor();
        return {};
    }
    const OpenRun run = openDocument(*docs, window, stream, expected);
    docs.reset();
    window.removeEditor();
    return run;
}

OpenFigures benchOpen(const QString& root, Member& member, EditorWindow& window, const QString& stream,
                      const DocHistory& history, int runs)
{
    OpenFigures figures;
    const QString statePath = savedStatePath(member, stream);
    const auto measure = [&](OpenMode& mode, const QString& key, bool keepSavedState) {
        mode.measured = true;
        for (int i = 0; i < runs; ++i) {
            if (!keepSavedState)
                QFile::remove(statePath);
            else if (!QFile::exists(statePath))
                mode.note = QStringLiteral("no saved state was written");
            const OpenRun run = openOnce(member, window, stream, history.text);
            if (!run.ok) {
                figures.ok = false;
                return;
            }
            mode.runs.push_back(run);
            runFor(200);
        }
        if (!keepSavedState)
            QFile::remove(statePath);
        mode.apart = stepsApart(member, stream, key);
    };

    figures.modes.push_back(
        {QStringLiteral("(a) cold, no snapshot: every update applied"), {}, {}, {}, false});
    measure(figures.modes.back(), QStringLiteral("cold"), false);

    figures.modes.push_back(
        {QStringLiteral("(a2) no snapshot: state prepared in the background"), {}, {}, {}, false});
    OpenMode& prepared = figures.modes.back();
    prepared.measured = true;
    for (int i = 0; i < runs && figures.ok; ++i) {
        const OpenRun run = openPrepared(member, window, stream, history.text);
        figures.ok = run.ok;
        if (run.ok)
            prepared.runs.push_back(run);
        runFor(200);
    }
    prepared.apart = stepsApart(member, stream, QStringLiteral("saved"));
    QFile::remove(statePath);

    figures.modes.push_back(
        {QStringLiteral("(b) cold, from a snapshot blob: new member, download"), {}, {}, {}, false});
    const std::size_t freshMode = figures.modes.size() - 1;
    OpenMode& fresh = figures.modes.back(); // until the next mode is added
    QString covered;
    fresh.note = submitBlobSnapshot(member, stream, history, covered);
    if (!covered.isEmpty()) {
        fresh.measured = true;
        int completeHistories = 0;
        for (int i = 0; i < runs && figures.ok; ++i) {
            // A member who never opened it: the newest entries cached from the backend, no blob, no state.
            Member newcomer(root, QStringLiteral("newcomer%1").arg(i));
            const bool cached =
                newcomer.online() && runUntil(
                                         [&] {
                                             return newcomer.acknowledged(stream, docs::kind::snapshot) == 1 &&
                                                    newcomer.newestServerId(stream, docs::kind::update) == covered;
                                         },
                                         30'000);
            if (!cached) {
                fresh.note += QStringLiteral("; a new member's cache did not get the snapshot entry");
                figures.ok = false;
                break;
            }
            runFor(300); // its catch-up settles
            completeHistories += newcomer.historyComplete(stream) ? 1 : 0;
            const OpenRun run = openOnce(newcomer, window, stream, history.text);
            if (!run.ok) {
                figures.ok = false;
                break;
            }
            fresh.runs.push_back(run);
        }
        fresh.note += QStringLiteral("; each run a new member (%1 of %2 had the whole history cached when opening, the "
                                     "others fetched the rest afterwards)")
                          .arg(completeHistories)
                          .arg(fresh.runs.size());
    }

    figures.modes.push_back({QStringLiteral("(c) from the snapshot blob kept locally"), {}, {}, {}, false});
    if (!covered.isEmpty()) {
        QFile::remove(statePath);
        if (!openOnce(member, window, stream, history.text).ok) // downloads the blob and keeps it
            figures.ok = false;
        measure(figures.modes.back(), QStringLiteral("blob"), false);
        figures.modes[freshMode].apart = figures.modes.back().apart; // the same steps, less the download
    }

    figures.modes.push_back({QStringLiteral("(d) warm: the saved state"), {}, {}, {}, false});
    if (!openOnce(member, window, stream, history.text).ok) // writes the saved state
        figures.ok = false;
    measure(figures.modes.back(), QStringLiteral("saved"), true);
    return figures;
}

} // namespace docs_bench
