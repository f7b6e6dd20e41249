#pragma once
// A content delta as diffable units (one per code point or embed, each with an attribute id)
// and what the version diff needs to know about them.
#include "crdt/doc.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace convene::docs::detail {

inline constexpr uint32_t kEmbedBase = 0x110000; // embed keys come after every code point

inline uint64_t utf16Width(uint32_t key)
{
    return key >= 0x10000 && key < kEmbedBase ? 2 : 1;
}

void appendCodePoint(std::u16string& text, uint32_t key);

// Letters and digits of scripts written with spaces; in Chinese or Japanese every character is
// a word of its own.
bool isWordPart(uint32_t key);

// Attribute sets and embeds as small ids, shared by both versions so that equal ones compare
// equal whatever the key order. Attribute id 0 is "no attributes".
class Vocabulary {
public:
    uint32_t attributes(const crdt::Value& attributes);
    uint32_t embed(const crdt::Value& embed);
    const crdt::Value& attributeValue(uint32_t id) const { return attributeValues_[id]; }
    const crdt::Value& embedValue(uint32_t id) const { return embedValues_[id]; }

private:
    std::unordered_map<std::string, uint32_t> attributeIds_;
    std::vector<crdt::Value> attributeValues_{crdt::Value()};
    std::unordered_map<std::string, uint32_t> embedIds_;
    std::vector<crdt::Value> embedValues_;
};

// A surrogate pair is one unit, so no edit ever splits it.
struct Units {
    std::vector<uint32_t> keys;
    std::vector<uint32_t> attributes;
};

// Inserts only; other ops are skipped.
Units toUnits(const std::vector<crdt::DeltaOp>& delta, Vocabulary& vocabulary);

} // namespace convene::docs::detail
