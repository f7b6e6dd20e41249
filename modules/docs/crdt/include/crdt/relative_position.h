#pragma once
// Yjs' RelativePosition: a place in a type named by the item next to it rather than by an index,
// so it stays with its character while others insert and delete around it.
#include "crdt/doc.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace convene::crdt {

struct RelativePosition {
    std::optional<ID> type; // the type's item, for a type that is not a root
    std::optional<std::string> tname; // the root type's name
    std::optional<ID> item; // the character the position is attached to (none: the type's end or start)
    int64_t assoc = 0; // >= 0: before `item` (to the right of the gap); < 0: after the character left of it
    bool operator==(const RelativePosition&) const = default;
};

struct AbsolutePosition {
    Type* type = nullptr;
    uint64_t index = 0;
    int64_t assoc = 0;
};

// createRelativePositionFromTypeIndex: the position `index` (UTF-16 units) in `type`.
RelativePosition relativePositionFromIndex(const Type* type, uint64_t index, int64_t assoc = 0);
// createAbsolutePositionFromRelativePosition (following undone deletions, as yjs does by default);
// none when the position names something this document does not have (yet), a root type
// included (yjs would create that root).
std::optional<AbsolutePosition> absolutePosition(const RelativePosition& position, Doc& doc);

// encodeRelativePosition / decodeRelativePosition. Decoding throws DecodeError on bad input.
std::vector<uint8_t> encodeRelativePosition(const RelativePosition& position);
RelativePosition decodeRelativePosition(std::span<const uint8_t> bytes);

// relativePositionToJSON / createRelativePositionFromJSON, the form awareness states carry
// (y-quill and y-prosemirror cursors). Reading accepts nulls for absent fields; none when the
// value is no position.
Value relativePositionToJson(const RelativePosition& position);
std::optional<RelativePosition> relativePositionFromJson(const Value& json);

} // namespace convene::crdt
