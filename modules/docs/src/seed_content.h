#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace convene::docs {

// A seeded document's first content (Markdown) as a Yjs update every client derives alike:
// the same text, written by a client id taken from the seed entry, gives byte-identical items,
// so clients that each derive it agree and edits on top of it merge.
// A first line that only repeats the title as a heading is left out: the title shows above the text.
std::vector<uint8_t> seedUpdate(const QString& seedKey, const QString& title, const QString& markdown);

} // namespace convene::docs
