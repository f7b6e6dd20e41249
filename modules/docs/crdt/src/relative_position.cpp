#include "crdt/relative_position.h"

#include "crdt/encoding.h"
#include "crdt/error.h"

#include <cmath>
#include <stdexcept>

namespace convene::crdt {

namespace {

enum Tag : uint64_t { kItem = 0, kRootName = 1, kTypeItem = 2 };

RelativePosition positionIn(const Type* type, std::optional<ID> item, int64_t assoc)
{
    RelativePosition position;
    if (type->item)
        position.type = type->item->id;
    else
        position.tname = type->rootName;
    position.item = item;
    position.assoc = assoc;
    return position;
}

struct Found {
    Item* item = nullptr;
    Clock diff = 0;
};

// Yjs' followRedone: an item that was deleted and brought back by undo lives on in its copy.
std::optional<Found> followRedone(StructStore& store, ID id)
{
    Found found;
    ID next = id;
    Clock diff = 0;
    for (;;) {
        next.clock += diff;
        if (store.getState(next.client) <= next.clock)
            return std::nullopt;
        found.item = store.find(next);
        diff = next.clock - found.item->id.clock;
        found.diff = diff;
        if (!found.item->isItem() || !found.item->hasRedone)
            return found;
        next = found.item->redone;
    }
}

void writeId(Encoder& enc, ID id)
{
    enc.writeVarUint(id.client);
    enc.writeVarUint(id.clock);
}

ID readId(Decoder& dec)
{
    ID id;
    id.client = dec.readVarUint();
    id.clock = dec.readVarUint();
    return id;
}

Value idToJson(ID id)
{
    Value json = Value::object();
    json.set("client", Value::number(double(id.client)));
    json.set("clock", Value::number(double(id.clock)));
    return json;
}

std::optional<uint64_t> safeInteger(const Value* value)
{
    if (!value || value->kind() != Value::Kind::Number)
        return std::nullopt;
    const double d = value->asNumber();
    if (!(d >= 0) || d > double(kMaxSafeInteger) || std::floor(d) != d)
        return std::nullopt;
    return uint64_t(d);
}

// An id field: absent or null is none; anything else must be {client, clock}. false: malformed.
bool readJsonId(const Value& json, const char* key, std::optional<ID>& out)
{
    const Value* field = json.get(key);
    if (!field || field->isNull() || field->isUndefined())
        return true;
    if (field->kind() != Value::Kind::Object)
        return false;
    const auto client = safeInteger(field->get("client"));
    const auto clock = safeInteger(field->get("clock"));
    if (!client || !clock)
        return false;
    out = ID{*client, *clock};
    return true;
}

} // namespace

RelativePosition relativePositionFromIndex(const Type* type, uint64_t index, int64_t assoc)
{
    if (assoc < 0) {
        // Attached to the character on the left, or to the start of the type.
        if (index == 0)
            return positionIn(type, std::nullopt, assoc);
        --index;
    }
    for (const Item* t = type->start; t; t = t->right) {
        if (!t->deleted() && t->countable()) {
            if (t->length > index)
                return positionIn(type, ID{t->id.client, t->id.clock + index}, assoc);
            index -= t->length;
        }
        if (!t->right && assoc < 0)
            return positionIn(type, t->lastId(), assoc);
    }
    return positionIn(type, std::nullopt, assoc);
}

std::optional<AbsolutePosition> absolutePosition(const RelativePosition& position, Doc& doc)
{
    StructStore& store = doc.store();
    AbsolutePosition out;
    out.assoc = position.assoc;
    if (position.item) {
        const std::optional<Found> found = followRedone(store, *position.item);
        if (!found || !found->item->isItem() || !found->item->parent)
            return std::nullopt;
        const Item* right = found->item;
        out.type = right->parent;
        if (!out.type->item || !out.type->item->deleted()) {
            out.index = right->deleted() || !right->countable() ? 0 : found->diff + (position.assoc >= 0 ? 0 : 1);
            for (const Item* n = right->left; n; n = n->left) {
                if (!n->deleted() && n->countable())
                    out.index += n->length;
            }
        }
        return out;
    }
    if (position.tname) {
        // yjs would make the root; a position must not add types to a document.
        const auto root = doc.roots().find(*position.tname);
        if (root == doc.roots().end())
            return std::nullopt;
        out.type = root->second.get();
    } else if (position.type) {
        const std::optional<Found> found = followRedone(store, *position.type);
        if (!found || !found->item->isItem() || found->item->kind != ContentKind::Type || !found->item->extra)
            return std::nullopt;
        out.type = found->item->extra->type.get();
    } else {
        return std::nullopt;
    }
    out.index = position.assoc >= 0 ? out.type->length : 0;
    return out;
}

std::vector<uint8_t> encodeRelativePosition(const RelativePosition& position)
{
    Encoder enc;
    if (position.item) {
        enc.writeVarUint(kItem);
        writeId(enc, *position.item);
    } else if (position.tname) {
        enc.writeUint8(kRootName);
        enc.writeVarString(std::string_view(*position.tname));
    } else if (position.type) {
        enc.writeUint8(kTypeItem);
        writeId(enc, *position.type);
    } else {
        throw std::invalid_argument("a relative position names an item, a root type or a type");
    }
    enc.writeVarInt(position.assoc);
    return enc.take();
}

RelativePosition decodeRelativePosition(std::span<const uint8_t> bytes)
{
    return decodeOrReject([&] {
        Decoder dec(bytes);
        RelativePosition position;
        switch (dec.readVarUint()) {
        case kItem: position.item = readId(dec); break;
        case kRootName: position.tname = dec.readVarString(); break;
        case kTypeItem: position.type = readId(dec); break;
        default: throw DecodeError("unknown kind of relative position");
        }
        position.assoc = dec.atEnd() ? 0 : dec.readVarInt();
        return position;
    });
}

Value relativePositionToJson(const RelativePosition& position)
{
    Value json = Value::object();
    if (position.type)
        json.set("type", idToJson(*position.type));
    if (position.tname)
        json.set("tname", Value::string(*position.tname));
    if (position.item)
        json.set("item", idToJson(*position.item));
    json.set("assoc", Value::number(double(position.assoc)));
    return json;
}

std::optional<RelativePosition> relativePositionFromJson(const Value& json)
{
    if (json.kind() != Value::Kind::Object)
        return std::nullopt;
    RelativePosition position;
    if (!readJsonId(json, "type", position.type) || !readJsonId(json, "item", position.item))
        return std::nullopt;
    if (const Value* tname = json.get("tname"); tname && !tname->isNull() && !tname->isUndefined()) {
        if (tname->kind() != Value::Kind::String)
            return std::nullopt;
        position.tname = tname->asString();
    }
    if (const Value* assoc = json.get("assoc"); assoc && !assoc->isNull() && !assoc->isUndefined()) {
        if (assoc->kind() != Value::Kind::Number || std::abs(assoc->asNumber()) > double(kMaxSafeInteger) ||
            std::floor(assoc->asNumber()) != assoc->asNumber())
            return std::nullopt;
        position.assoc = int64_t(assoc->asNumber());
    }
    if (!position.item && !position.tname && !position.type)
        return std::nullopt;
    return position;
}

} // namespace convene::crdt
