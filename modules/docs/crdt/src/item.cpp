#include "crdt/item.h"

#include "crdt/doc.h"
#include "crdt/encoding.h"

namespace convene::crdt {

std::unique_ptr<Item> Item::spliceContent(Clock offset)
{
    auto right = std::make_unique<Item>();
    right->kind = kind;
    right->flags = flags & Countable;
    switch (kind) {
    case ContentKind::String: {
        right->str = str.substr(offset);
        str.resize(offset);
        // A split surrogate pair becomes two replacement characters, as in Yjs.
        const char16_t last = str[offset - 1];
        if (last >= 0xD800 && last <= 0xDBFF) {
            str[offset - 1] = u'\uFFFD';
            right->str[0] = u'\uFFFD';
        }
        break;
    }
    case ContentKind::Json:
    case ContentKind::Any:
        right->extra = std::make_unique<ContentExtra>();
        right->extra->values.assign(extra->values.begin() + std::ptrdiff_t(offset), extra->values.end());
        extra->values.resize(offset);
        break;
    default: break;
    }
    right->length = length - offset;
    length = offset;
    return right;
}

bool Item::contentMergeable(const Item& r) const
{
    if (kind != r.kind)
        return false;
    switch (kind) {
    case ContentKind::String:
    case ContentKind::Deleted:
    case ContentKind::Json:
    case ContentKind::Any:
    case ContentKind::GC:
    case ContentKind::Skip: return true;
    default: return false;
    }
}

void Item::mergeContent(Item& r)
{
    switch (kind) {
    case ContentKind::String: str += r.str; break;
    case ContentKind::Json:
    case ContentKind::Any:
        for (auto& v : r.extra->values)
            extra->values.push_back(std::move(v));
        break;
    default: break;
    }
    length += r.length;
}

void Item::copyContentFrom(const Item& o)
{
    setContentKind(o.kind);
    length = o.length;
    str = o.str;
    if (o.extra) {
        extra = std::make_unique<ContentExtra>();
        extra->values = o.extra->values;
        extra->binary = o.extra->binary;
        extra->key = o.extra->key;
        extra->value = o.extra->value;
        extra->typeRef = o.extra->typeRef;
        extra->typeName = o.extra->typeName;
        if (o.kind == ContentKind::Type) {
            extra->type = std::make_unique<Type>();
            extra->type->ref = o.extra->typeRef;
            extra->type->refKnown = true;
        }
    }
}

void Item::writeContent(Encoder& enc, Clock offset) const
{
    switch (kind) {
    case ContentKind::GC:
    case ContentKind::Deleted:
    case ContentKind::Skip: enc.writeVarUint(length - offset); break;
    case ContentKind::Json:
        enc.writeVarUint(length - offset);
        for (std::size_t i = offset; i < extra->values.size(); ++i) {
            const Value& v = extra->values[i];
            enc.writeVarString(v.isUndefined() ? std::string("undefined") : v.toJson());
        }
        break;
    case ContentKind::Binary: enc.writeVarUint8Array(extra->binary); break;
    case ContentKind::String:
        if (offset == 0)
            enc.writeVarString(std::u16string_view(str));
        else
            enc.writeVarString(std::u16string_view(str).substr(offset));
        break;
    case ContentKind::Embed: enc.writeVarString(extra->value->toJson()); break;
    case ContentKind::Format:
        enc.writeVarString(extra->key);
        enc.writeVarString(extra->value->toJson());
        break;
    case ContentKind::Type:
        enc.writeVarUint(uint64_t(extra->typeRef));
        if (extra->typeRef == TypeRef::XmlElement || extra->typeRef == TypeRef::XmlHook)
            enc.writeVarString(extra->typeName);
        break;
    case ContentKind::Any:
        enc.writeVarUint(length - offset);
        for (std::size_t i = offset; i < extra->values.size(); ++i)
            enc.writeAny(extra->values[i]);
        break;
    case ContentKind::Doc:
        enc.writeVarString(extra->key);
        enc.writeAny(*extra->value);
        break;
    }
}

} // namespace convene::crdt
