#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/update.h"

namespace convene::crdt {

namespace {

void readContent(Decoder& dec, Item& item, uint8_t kindBits)
{
    if (kindBits > 9)
        throw DecodeError("unknown struct type " + std::to_string(kindBits));
    const auto kind = ContentKind(kindBits);
    item.setContentKind(kind);
    switch (kind) {
    case ContentKind::Deleted: item.length = dec.readVarUint(); break;
    case ContentKind::Json: {
        Elements values(dec, 1);
        item.extra = std::make_unique<ContentExtra>();
        item.extra->values.reserve(values.size());
        while (values.next()) {
            std::string s = dec.readVarString();
            item.extra->values.push_back(s == "undefined" ? Value() : parseJson(s));
        }
        item.length = values.size();
        break;
    }
    case ContentKind::Binary: {
        auto b = dec.readVarUint8Array();
        item.extra = std::make_unique<ContentExtra>();
        item.extra->binary.assign(b.begin(), b.end());
        item.length = 1;
        break;
    }
    case ContentKind::String:
        item.str = dec.readVarString16();
        item.length = item.str.size();
        break;
    case ContentKind::Embed:
        item.extra = std::make_unique<ContentExtra>();
        item.extra->value = std::make_shared<const Value>(parseJson(dec.readVarString()));
        item.length = 1;
        break;
    case ContentKind::Format:
        item.extra = std::make_unique<ContentExtra>();
        item.extra->key = dec.readVarString();
        item.extra->value = std::make_shared<const Value>(parseJson(dec.readVarString()));
        item.length = 1;
        break;
    case ContentKind::Type: {
        const uint64_t ref = dec.readVarUint();
        if (ref > 6)
            throw DecodeError("unknown type reference");
        item.extra = std::make_unique<ContentExtra>();
        item.extra->typeRef = TypeRef(ref);
        if (ref == 3 || ref == 5)
            item.extra->typeName = dec.readVarString();
        item.extra->type = std::make_unique<Type>();
        item.extra->type->ref = TypeRef(ref);
        item.extra->type->refKnown = true;
        item.length = 1;
        break;
    }
    case ContentKind::Any: {
        Elements values(dec, 1);
        item.extra = std::make_unique<ContentExtra>();
        item.extra->values.reserve(values.size());
        while (values.next())
            item.extra->values.push_back(dec.readAny());
        item.length = values.size();
        break;
    }
    case ContentKind::Doc:
        item.extra = std::make_unique<ContentExtra>();
        item.extra->key = dec.readVarString();
        item.extra->value = std::make_shared<const Value>(dec.readAny());
        item.length = 1;
        break;
    default: throw DecodeError("unexpected struct type");
    }
}

ID readId(Decoder& dec)
{
    ID id;
    id.client = dec.readVarUint();
    id.clock = dec.readVarUint();
    return id;
}

DecodedUpdate readUpdate(std::span<const uint8_t> bytes)
{
    Decoder dec(bytes);
    DecodedUpdate out;
    Elements clients(dec, 3); // a struct count, a client and a clock at least
    while (clients.next()) {
        Elements structs(dec, 1);
        const ClientId client = dec.readVarUint();
        Clock clock = dec.readVarUint();
        std::vector<ItemPtr> refs;
        refs.reserve(structs.size());
        while (structs.next()) {
            const uint8_t info = dec.readUint8();
            auto item = std::make_unique<Item>();
            item->id = {client, clock};
            const uint8_t kindBits = info & 0x1F;
            if (kindBits == 0) {
                item->kind = ContentKind::GC;
                item->length = dec.readVarUint();
            } else if (kindBits == 10) {
                item->kind = ContentKind::Skip;
                item->length = dec.readVarUint();
            } else {
                const bool cantCopyParentInfo = (info & 0xC0) == 0;
                if (info & 0x80) {
                    item->origin = readId(dec);
                    item->hasOrigin = true;
                }
                if (info & 0x40) {
                    item->rightOrigin = readId(dec);
                    item->hasRightOrigin = true;
                }
                if (cantCopyParentInfo) {
                    item->parentRef = std::make_unique<ParentRef>();
                    if (dec.readVarUint() != 0) {
                        item->parentRef->kind = ParentRef::Kind::Root;
                        item->parentRef->rootName = dec.readVarString();
                    } else {
                        item->parentRef->kind = ParentRef::Kind::Id;
                        item->parentRef->id = readId(dec);
                    }
                    if (info & 0x20) {
                        item->hasParentSub = true;
                        item->parentSub = dec.readVarString();
                    }
                }
                readContent(dec, *item, kindBits);
                // References into the same client must point backwards, or integration could never find them.
                auto backwards = [&](bool has, ID ref) { return !has || ref.client != client || ref.clock < clock; };
                if (!backwards(item->hasOrigin, item->origin) || !backwards(item->hasRightOrigin, item->rightOrigin) ||
                    (item->parentRef && item->parentRef->kind == ParentRef::Kind::Id &&
                     !backwards(true, item->parentRef->id)))
                    throw DecodeError("struct references a later clock of its own client");
            }
            if (item->length == 0)
                throw DecodeError("zero-length struct");
            if (item->length > kMaxSafeInteger - clock)
                throw DecodeError("clock out of range");
            clock += item->length;
            refs.push_back(std::move(item));
        }
        out.structs[client] = std::move(refs);
    }
    out.deleteSet = DeleteSet::read(dec);
    if (!dec.atEnd())
        throw DecodeError("trailing bytes after update");
    return out;
}

} // namespace

DecodedUpdate decodeUpdate(std::span<const uint8_t> bytes)
{
    return decodeOrReject([&] { return readUpdate(bytes); });
}

void writeStruct(Encoder& enc, const Item& item, Clock offset)
{
    if (item.isGC() || item.isSkip()) {
        enc.writeUint8(uint8_t(item.kind));
        enc.writeVarUint(item.length - offset);
        return;
    }
    const bool hasOrigin = offset > 0 || item.hasOrigin;
    const ID origin = offset > 0 ? ID{item.id.client, item.id.clock + offset - 1} : item.origin;
    const uint8_t info = uint8_t((uint8_t(item.kind) & 0x1F) | (hasOrigin ? 0x80 : 0) |
                                 (item.hasRightOrigin ? 0x40 : 0) | (item.hasParentSub ? 0x20 : 0));
    enc.writeUint8(info);
    if (hasOrigin) {
        enc.writeVarUint(origin.client);
        enc.writeVarUint(origin.clock);
    }
    if (item.hasRightOrigin) {
        enc.writeVarUint(item.rightOrigin.client);
        enc.writeVarUint(item.rightOrigin.clock);
    }
    if (!hasOrigin && !item.hasRightOrigin) {
        if (item.parent) {
            if (item.parent->item == nullptr) {
                enc.writeVarUint(1);
                enc.writeVarString(item.parent->rootName);
            } else {
                enc.writeVarUint(0);
                enc.writeVarUint(item.parent->item->id.client);
                enc.writeVarUint(item.parent->item->id.clock);
            }
        } else if (item.parentRef && item.parentRef->kind == ParentRef::Kind::Root) {
            enc.writeVarUint(1);
            enc.writeVarString(item.parentRef->rootName);
        } else if (item.parentRef && item.parentRef->kind == ParentRef::Kind::Id) {
            enc.writeVarUint(0);
            enc.writeVarUint(item.parentRef->id.client);
            enc.writeVarUint(item.parentRef->id.clock);
        } else {
            throw DecodeError("struct without parent information");
        }
        if (item.hasParentSub)
            enc.writeVarString(item.parentSub);
    }
    item.writeContent(enc, offset);
}

void writeClientsStructs(Encoder& enc, const StructStore& store, const StateVector& target)
{
    thread_local std::vector<std::pair<ClientId, Clock>> sm;
    sm.clear();
    for (const auto& [client, clock] : target.entries())
        if (store.getState(client) > clock)
            sm.emplace_back(client, clock);
    for (const auto& [client, structs] : store.clients)
        if (!structs.empty() && !target.has(client))
            sm.emplace_back(client, 0);
    std::sort(sm.begin(), sm.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    enc.writeVarUint(sm.size());
    for (auto [client, clock] : sm) {
        const auto& structs = store.clients.at(client);
        clock = std::max(clock, structs[0]->id.clock);
        const std::size_t start = StructStore::findIndex(structs, clock);
        enc.writeVarUint(structs.size() - start);
        enc.writeVarUint(client);
        enc.writeVarUint(clock);
        writeStruct(enc, *structs[start], clock - structs[start]->id.clock);
        for (std::size_t i = start + 1; i < structs.size(); ++i)
            writeStruct(enc, *structs[i], 0);
    }
}

std::vector<uint8_t> encodeDecoded(const DecodedUpdate& update)
{
    Encoder enc;
    std::size_t n = 0;
    for (const auto& [client, refs] : update.structs)
        n += refs.empty() ? 0 : 1;
    enc.writeVarUint(n);
    for (auto it = update.structs.rbegin(); it != update.structs.rend(); ++it) {
        const auto& refs = it->second;
        if (refs.empty())
            continue;
        // Clocks are implicit on the wire, so gaps between structs are written as skips.
        std::size_t count = refs.size();
        for (std::size_t i = 1; i < refs.size(); ++i)
            if (refs[i]->id.clock > refs[i - 1]->id.clock + refs[i - 1]->length)
                ++count;
        enc.writeVarUint(count);
        enc.writeVarUint(it->first);
        enc.writeVarUint(refs.front()->id.clock);
        for (std::size_t i = 0; i < refs.size(); ++i) {
            if (i > 0) {
                const Clock end = refs[i - 1]->id.clock + refs[i - 1]->length;
                if (refs[i]->id.clock > end) {
                    enc.writeUint8(uint8_t(ContentKind::Skip));
                    enc.writeVarUint(refs[i]->id.clock - end);
                }
            }
            writeStruct(enc, *refs[i], 0);
        }
    }
    update.deleteSet.write(enc);
    return enc.take();
}

} // namespace convene::crdt
