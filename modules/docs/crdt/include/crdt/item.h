#pragma once
// A struct of the Yjs model: an Item (content with YATA origins), a GC range, or a Skip gap.
#include "crdt/id.h"
#include "crdt/value.h"

#include <memory>
#include <string>
#include <vector>

namespace convene::crdt {

class Type;
class Encoder;

// The numbers are the wire references of Yjs' content types.
enum class ContentKind : uint8_t {
    GC = 0,
    Deleted = 1,
    Json = 2,
    Binary = 3,
    String = 4,
    Embed = 5,
    Format = 6,
    Type = 7,
    Any = 8,
    Doc = 9,
    Skip = 10,
};

enum class TypeRef : uint8_t {
    Array = 0,
    Map = 1,
    Text = 2,
    XmlElement = 3,
    XmlFragment = 4,
    XmlHook = 5,
    XmlText = 6
};

// Content other than strings and deleted ranges; kept out of line so text items stay small.
struct ContentExtra {
    std::vector<Value> values; // Json, Any
    std::vector<uint8_t> binary; // Binary
    std::string key; // Format key, Doc guid
    std::shared_ptr<const Value> value; // Format value, Embed, Doc options
    std::unique_ptr<Type> type; // Type
    TypeRef typeRef = TypeRef::Array;
    std::string typeName; // XmlElement / XmlHook name
};

// Where a decoded struct says its parent is, before it is resolved to a Type.
struct ParentRef {
    enum class Kind : uint8_t { None, Root, Id } kind = Kind::None;
    std::string rootName;
    ID id;
};

struct Item {
    enum Flag : uint8_t { Keep = 1, Countable = 2, Deleted = 4, Marker = 8 };

    ID id;
    Clock length = 0;
    Item* left = nullptr;
    Item* right = nullptr;
    ID origin;
    ID rightOrigin;
    ID redone;
    Type* parent = nullptr;
    ContentKind kind = ContentKind::GC;
    uint8_t flags = 0;
    bool hasOrigin = false;
    bool hasRightOrigin = false;
    bool hasRedone = false;
    bool hasParentSub = false;
    std::u16string str; // String
    std::string parentSub;
    std::unique_ptr<ContentExtra> extra;
    std::unique_ptr<ParentRef> parentRef; // only while decoded and not yet integrated

    bool isGC() const { return kind == ContentKind::GC; }
    bool isSkip() const { return kind == ContentKind::Skip; }
    bool isItem() const { return kind != ContentKind::GC && kind != ContentKind::Skip; }
    bool deleted() const { return isGC() || (flags & Deleted) != 0; }
    bool countable() const { return (flags & Countable) != 0; }
    bool keep() const { return (flags & Keep) != 0; }
    bool marker() const { return (flags & Marker) != 0; }
    void setMarker(bool m) { flags = m ? (flags | Marker) : (flags & ~Marker); }
    void setKeep(bool k) { flags = k ? (flags | Keep) : (flags & ~Keep); }
    void markDeleted() { flags |= Deleted; }
    ID lastId() const { return {id.client, id.clock + length - 1}; }

    static bool contentCountable(ContentKind k)
    {
        return k != ContentKind::Deleted && k != ContentKind::Format && k != ContentKind::GC && k != ContentKind::Skip;
    }
    void setContentKind(ContentKind k)
    {
        kind = k;
        flags = contentCountable(k) ? (flags | Countable) : (flags & ~Countable);
    }

    // Content operations (content.js equivalents).
    std::unique_ptr<Item> spliceContent(Clock offset); // returns a new item holding content from offset
    bool contentMergeable(const Item& right) const;
    void mergeContent(Item& right);
    void writeContent(Encoder& enc, Clock offset) const;
    // A deep copy of the content (used by redo and for slicing updates).
    void copyContentFrom(const Item& other);
    const std::string& formatKey() const { return extra->key; }
    const Value& formatValue() const { return *extra->value; }
};

using ItemPtr = std::unique_ptr<Item>;

} // namespace convene::crdt
