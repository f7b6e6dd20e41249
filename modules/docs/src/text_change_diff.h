#pragma once
#include "crdt/doc.h"

#include <cstdint>
#include <vector>

namespace convene::docs::detail {

// The change that turns `before` (inserts: what the Y.Text holds from `position` on) into `after`
// (inserts: what the document holds there now). The first `changedBefore` units of `before`
// became the first `changedAfter` units of `after`; the units after those are the same text in
// both, so only their attributes can differ. The result keeps all it can: attribute changes
// become retains with attributes, and only text that really differs is deleted and inserted.
// Only attributes of our vocabulary are compared (on "\n" the line attributes, elsewhere the
// inline ones), so attributes others keep in the text are left alone.
std::vector<crdt::DeltaOp> diffRange(uint64_t position, const std::vector<crdt::DeltaOp>& before,
                                     uint64_t changedBefore, const std::vector<crdt::DeltaOp>& after,
                                     uint64_t changedAfter);

} // namespace convene::docs::detail
