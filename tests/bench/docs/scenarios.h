#pragma once
// The three budgets of documents, each measured end to end in the editor window.
#include "bench_support.h"
#include "doc_content.h"

#include <QString>

#include <memory>

#include <string>
#include <vector>

namespace convene::docs {
class DocsController;
}

namespace docs_bench {

class EditorWindow;
class Member;

// --- 1. opening a document with a long history -----------------------------------------------

// One open, from DocsController::open() to the first frame showing the text: its start (a long
// text goes into the editor in steps, the first a screenful and more), and then all of it.
struct OpenRun {
    bool ok = false;
    double totalMs = 0; // to the first frame showing the document
    double wholeMs = 0; // to the first frame after all of the text was in the editor
    double openCallMs = 0; // open() and attach() on the UI thread
    double loaderMs = 0; // until the loader's whole state reached the UI thread (docs thread work)
    double applyMs = 0; // DocumentSession::load applying that state to its CRDT
    double renderMs = 0; // the text (its first step) going into the editor's QTextDocument
    double restMs = 0; // the rest of the load delivery
    double waitMs = 0; // from then on until the frame started
    double polishMs = 0, syncMs = 0, paintMs = 0, flushMs = 0; // the frame
};

// The same steps timed apart, outside the app's objects, to split the loader's part.
struct StepsApart {
    double readMs = 0; // SQL: the content entries the mode reads, with their payloads (and a kept blob's file)
    double verifyMs = 0; // a blob's size and SHA-256 checked against its reference
    double loaderApplyMs = 0; // what the loader applies to its mirror in this mode
    double encodeMs = 0; // the mirror encoded as one update
    double uiApplyMs = 0; // that update applied to an empty document
    double toDeltaMs = 0; // the text as a delta
    double renderDeltaMs = 0; // renderDelta() into an empty QTextDocument
    double layoutMs = 0; // a full layout of that QTextDocument at the editor's width
    std::size_t stateBytes = 0;
};

struct OpenMode {
    QString name;
    std::vector<OpenRun> runs;
    StepsApart apart;
    QString note;
    bool measured = false;
};

struct OpenFigures {
    std::vector<OpenMode> modes; // cold, cold from a snapshot blob, snapshot blob kept, saved state
    bool ok = true;
};

// `root`: the workspace's directory, where new members start with fresh profiles.
OpenFigures benchOpen(const QString& root, Member& member, EditorWindow& window, const QString& stream,
                      const DocHistory& history, int runs);
// Opens the document in the window's (new, empty) editor and waits for the frame showing it.
OpenRun openDocument(convene::docs::DocsController& docs, EditorWindow& window, const QString& stream,
                     const std::u16string& expected);
// The same with a new controller and editor, both gone afterwards.
OpenRun openOnce(Member& member, EditorWindow& window, const QString& stream, const std::u16string& expected);

// --- 2. typing in a long document ------------------------------------------------------------

struct KeyTiming {
    int place = 0; // 0: near the start, 1: the middle, 2: near the end of the document
    double toFrameMs = 0; // key press sent -> the next frame shown after the CRDT took the edit
    double toCrdtMs = 0; // key press sent -> the CRDT transaction done
    double toHandledMs = 0; // key press sent -> press and release delivered (all their synchronous work)
    double toFrameStartMs = 0; // key press sent -> the frame began
    double polishMs = 0, syncMs = 0, paintMs = 0; // that frame
};

struct TypingFigures {
    bool ok = false;
    QString problem;
    OpenRun open; // opening the 100-page document, for reference
    std::size_t length = 0;
    std::vector<KeyTiming> keys;
};

class TypingSession; // the open document in the window, for the burst to reuse
TypingFigures benchTyping(Member& member, EditorWindow& window, const QString& stream, const DocHistory& history,
                          int presses, std::unique_ptr<TypingSession>& keep);

// --- 3. a burst of remote updates while typing -----------------------------------------------

struct BurstFigures {
    bool ok = false;
    bool converged = false;
    bool editorMatches = false;
    QString problem;
    int updates = 0;
    double receivedMs = 0; // first submitted -> the last applied on this side
    bench::Stats stalls;
    std::vector<QString> worstStalls; // each with the longest delivery within it
    std::vector<QString> deliveryKinds; // the UI thread's deliveries during the burst, by kind
    std::vector<KeyTiming> keys;
};

BurstFigures benchBurst(const QString& root, EditorWindow& window, TypingSession& typing, int updates);

} // namespace docs_bench
