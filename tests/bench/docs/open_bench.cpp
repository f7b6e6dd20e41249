// Budget 1: opening a document whose history is a long editing trace, to the first frame of the
// editor showing it; cold (every update applied), from a snapshot entry, and from the saved state.
#include "editor_window.h"
#include "members.h"
#include "scenarios.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>
#include <convene/docs/saved_state.h>
#include <convene/sync/envelopes.h>

#include <crdt/ytext.h>

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QTextBlock>
#include <QTextDocument>

#include <cstdio>

using namespace convene;

namespace docs_bench {

namespace {

// DocumentSession::writeSnapshot leaves out snapshots above this (kMaxSnapshotBytes there).
constexpr qsizetype kSessionSnapshotLimit = 120 * 1024;
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
StepsApart stepsApart(Member& member, const QString& stream, const QString& mode)
{
    StepsApart steps;
    store::Database* db = member.cache();
    if (!db)
        return steps;
    const bool fromSaved = mode == QLatin1String("saved");
    int64_t mark = nowNs();
    const auto saved = fromSaved ? docs::readSavedState(savedStatePath(member, stream)) : std::nullopt;
    QList<QByteArray> updates, snapshots;
    {
        auto q = db->prepare(QStringLiteral("SELECT kind, payload FROM entries WHERE stream = ? AND kind IN "
                                            "('doc.update', 'doc.snapshot', 'doc.text') AND id > ? ORDER BY id"));
        if (!q)
            return steps;
        (*q)->bind(1, stream).bind(2, saved ? saved->throughEntryId : int64_t(0));
        while ((*q)->step().valueOr(false))
            ((*q)->text(0) == docs::kind::snapshot ? snapshots : updates) << (*q)->blob(1);
    }
    steps.readMs = since(mark);

    crdt::Doc mirror;
    mirror.getText(docs::kContentName);
    mark = nowNs();
    if (saved)
        (void)mirror.applyUpdate(bytesOf(saved->state));
    // As DocLoader::loadFromEntries: a snapshot first, then every update (also those it covers).
    for (const QByteArray& snapshot : snapshots)
        (void)mirror.applyUpdate(bytesOf(snapshot));
    for (const QByteArray& update : updates)
        (void)mirror.applyUpdate(bytesOf(update));
    steps.loaderApplyMs = since(mark);
    const std::vector<uint8_t> state = mirror.encodeStateAsUpdate();
    steps.encodeMs = since(mark);
    steps.stateBytes = state.size();

    crdt::Doc ui;
    crdt::Text text = ui.getText(docs::kContentName);
    mark = nowNs();
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

// Submits a doc.snapshot covering the whole history, cut to the backend's payload limit if it
// has to be; returns what the report should say about it (empty: not submitted).
QString submitSnapshot(Member& member, const QString& stream, const DocHistory& history, bool& submitted)
{
    submitted = false;
    const QString covered = member.newestServerId(stream, docs::kind::update);
    QString body = QString::fromStdU16String(history.text);
    const qsizetype stateBytes = history.state.size();
    const qsizetype bodyBytes = body.toUtf8().size();
    const qsizetype limit = qsizetype(sync::Capabilities{}.maxPayloadBytes);
    QString note = QStringLiteral("snapshot entry: state %1 KB + text %2 KB = %3 KB; the backend takes up to %4 KB, "
                                  "DocumentSession::writeSnapshot writes none above %5 KB")
                       .arg(stateBytes / 1024)
                       .arg(bodyBytes / 1024)
                       .arg((stateBytes + bodyBytes) / 1024)
                       .arg(limit / 1024)
                       .arg(kSessionSnapshotLimit / 1024);
    if (stateBytes + bodyBytes > kSessionSnapshotLimit)
        note += QStringLiteral(" (so the app itself never writes one for this document)");
    if (stateBytes > limit)
        return note + QStringLiteral("; the state alone does not fit: not measured");
    if (stateBytes + bodyBytes > limit) {
        while (body.toUtf8().size() > limit - stateBytes - 1024)
            body.chop(body.size() / 10);
        note += QStringLiteral("; does not fit: measured with the search text cut to %1 KB (the loader does not "
                               "read it)")
                    .arg(body.toUtf8().size() / 1024);
    }
    member.sync().submit({{}, stream, docs::kind::snapshot, history.state, body, 0, covered, {}});
    submitted = runUntil([&] { return member.acknowledged(stream, docs::kind::snapshot) == 1; }, 20'000);
    if (!submitted)
        note += QStringLiteral("; the backend did not take it");
    return note;
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
    int64_t applied = 0, textIn = 0;
    QObject guard;
    QObject::connect(textDocument, &QTextDocument::contentsChange, &guard, [&] {
        if (!textIn && textDocument->characterCount() >= expectedLength)
            textIn = nowNs();
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
        runUntil([&] { return session->loaded() && textIn && window.frameFrom(textIn).has_value(); }, 60'000);
    session->doc().off(observer);
    if (!shown) {
        std::fprintf(stderr, "  the document did not load and show within 60 s\n");
        return run;
    }
    if (session->text().toU16String() != expected) {
        std::fprintf(stderr, "  the opened document's text differs from its history's\n");
        return run;
    }
    const Delivery* load = app.deliveryAt(applied, &docs, QEvent::MetaCall);
    const int64_t loadStart = load ? load->start : attached;
    const int64_t loadEnd = load ? load->end : textIn;
    const Frame frame = *window.frameFrom(std::max(textIn, loadEnd));
    run.ok = true;
    run.totalMs = msBetween(start, frame.swapped);
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

OpenFigures benchOpen(Member& member, EditorWindow& window, const QString& stream, const DocHistory& history, int runs)
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

    figures.modes.push_back({QStringLiteral("(a) cold: every update applied"), {}, {}, {}, false});
    measure(figures.modes.back(), QStringLiteral("cold"), false);

    figures.modes.push_back({QStringLiteral("(b) from a doc.snapshot entry"), {}, {}, {}, false});
    bool submitted = false;
    figures.modes.back().note = submitSnapshot(member, stream, history, submitted);
    if (submitted)
        measure(figures.modes.back(), QStringLiteral("snapshot"), false);

    figures.modes.push_back({QStringLiteral("(c) warm: the saved state"), {}, {}, {}, false});
    if (!openOnce(member, window, stream, history.text).ok) // writes the saved state
        figures.ok = false;
    measure(figures.modes.back(), QStringLiteral("saved"), true);
    return figures;
}

} // namespace docs_bench
