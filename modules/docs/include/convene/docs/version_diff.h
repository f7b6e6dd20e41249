#pragma once
// Comparing two versions of a document (Quill deltas of its content, as Text::toDelta gives):
// a marked delta to show the differences, a summary for the version list, and the change
// delta that restores a version as a new edit.
#include "crdt/doc.h"

#include <QColor>

#include <vector>

class QTextDocument;

namespace convene::docs {

// Insert attribute that markedDelta adds to changed content.
inline constexpr const char* kDiffAttribute = "convene-diff";
inline constexpr const char* kDiffAdded = "added";
inline constexpr const char* kDiffRemoved = "removed";
inline constexpr const char* kDiffFormatted = "formatted"; // same text, other attributes

// The newer version with what was removed since the older one put back where it was. Every
// insert keeps its own attributes (the newer ones for unchanged and reformatted text) and
// changed content also has kDiffAttribute. Character level; an embed is one unit. Both
// arguments are content deltas (inserts only).
std::vector<crdt::DeltaOp> markedDelta(const std::vector<crdt::DeltaOp>& older,
                                       const std::vector<crdt::DeltaOp>& newer);

// UTF-16 units per kind of change in a marked delta (an embed counts one).
struct DiffSummary {
    int added = 0;
    int removed = 0;
    int formatted = 0;
    bool operator==(const DiffSummary&) const = default;
};
DiffSummary diffSummary(const std::vector<crdt::DeltaOp>& marked);

// A change delta (retain/delete/insert, attribute changes with null removing an attribute)
// that turns a Y.Text holding `current` into one holding `target`. Content equal in both is
// retained (only its attributes change where they differ), so concurrent edits there survive
// the merge; a letter two replaced words happen to share is replaced with them.
std::vector<crdt::DeltaOp> transformingDelta(const std::vector<crdt::DeltaOp>& current,
                                             const std::vector<crdt::DeltaOp>& target);

struct DiffStyle {
    QColor addedBackground{46, 160, 67, 72};
    QColor removedBackground{248, 81, 73, 72};
    QColor removedText{207, 34, 46};
    QColor formattedColour{191, 135, 0};
};

// Merges diff highlighting into a document that already shows `marked` (positions equal:
// UTF-16 units, a block separator per "\n", one position per embed).
void paintDiff(QTextDocument& doc, const std::vector<crdt::DeltaOp>& marked, const DiffStyle& style = {});

} // namespace convene::docs
