#pragma once
// Per-user undo/redo over a set of shared types (Yjs' UndoManager). Changes within the capture
// timeout merge into one step; remote (non-local) transactions are never captured.
#include "crdt/doc.h"

#include <chrono>
#include <functional>
#include <set>
#include <vector>

namespace convene::crdt {

class UndoManager {
public:
    struct Options {
        int64_t captureTimeoutMs = 500;
        // Origins whose local transactions are captured; nullptr stands for "no origin".
        std::set<const void*> trackedOrigins{nullptr};
        std::function<int64_t()> now; // milliseconds; defaults to a steady clock
    };
    struct StackItem {
        DeleteSet insertions;
        DeleteSet deletions;
    };

    UndoManager(Doc& doc, std::vector<Type*> scope, Options options);
    UndoManager(Doc& doc, std::vector<Type*> scope) : UndoManager(doc, std::move(scope), Options{}) { }
    ~UndoManager();
    UndoManager(const UndoManager&) = delete;
    UndoManager& operator=(const UndoManager&) = delete;

    bool undo();
    bool redo();
    bool canUndo() const { return !undoStack_.empty(); }
    bool canRedo() const { return !redoStack_.empty(); }
    // The next change starts a new undo step even within the capture timeout.
    void stopCapturing() { lastChange_ = 0; }
    void clear();
    std::size_t undoDepth() const { return undoStack_.size(); }
    std::size_t redoDepth() const { return redoStack_.size(); }

private:
    void afterTransaction(Transaction& tr);
    bool inScope(const Item* item) const;
    bool popStackItem(std::vector<StackItem>& stack);
    Item* redoItem(Transaction& tr, Item* item, const std::vector<Item*>& redoItems, const DeleteSet& itemsToDelete);

    Doc& doc_;
    std::vector<Type*> scope_;
    Options options_;
    std::vector<StackItem> undoStack_;
    std::vector<StackItem> redoStack_;
    bool undoing_ = false;
    bool redoing_ = false;
    int64_t lastChange_ = 0;
    int handle_ = 0;
};

} // namespace convene::crdt
