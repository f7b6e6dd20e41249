#pragma once
#include "crdt/ytext.h"

#include <cstdint>
#include <vector>

namespace convene::docs::detail {

// The content of [from, to) of a Y.Text as inserts with their attributes, like Text::toDelta()
// of that part only. Content that is neither text nor an embed counts as one empty embed per
// position, so positions stay equal to the Y.Text's.
std::vector<crdt::DeltaOp> ytextSlice(const crdt::Text& text, uint64_t from, uint64_t to);

} // namespace convene::docs::detail
