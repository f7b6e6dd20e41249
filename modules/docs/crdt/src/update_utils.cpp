// mergeUpdates / diffUpdate / state vectors of updates, working on decoded structs.
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/update.h"

namespace convene::crdt {

namespace {

// Cuts the first diff units off a decoded struct (Yjs' sliceStruct).
void sliceFront(ItemPtr& s, Clock diff)
{
    ItemPtr tail = s->spliceContent(diff);
    tail->id = {s->id.client, s->id.clock + diff};
    tail->kind = s->kind;
    if (s->isItem()) {
        tail->hasOrigin = true;
        tail->origin = {s->id.client, s->id.clock + diff - 1};
        tail->hasRightOrigin = s->hasRightOrigin;
        tail->rightOrigin = s->rightOrigin;
        tail->hasParentSub = s->hasParentSub;
        tail->parentSub = s->parentSub;
        if (s->parentRef)
            tail->parentRef = std::make_unique<ParentRef>(*s->parentRef);
    }
    s = std::move(tail);
}

ItemPtr makeSkip(ClientId client, Clock clock, Clock len)
{
    auto s = std::make_unique<Item>();
    s->kind = ContentKind::Skip;
    s->id = {client, clock};
    s->length = len;
    return s;
}

} // namespace

namespace {

// Walks the structs of one decoded update in wire order (clients descending), without skips.
struct StructReader {
    std::vector<Item*> list;
    std::size_t i = 0;
    Item* curr() const { return i < list.size() ? list[i] : nullptr; }
    Item* next()
    {
        ++i;
        return curr();
    }
};

bool sameKindMerge(Item* left, Item* right)
{
    // Decoded items never merge (they have no neighbours yet); GC and skip ranges do.
    if (left->kind != right->kind || left->isItem())
        return false;
    left->length += right->length;
    return true;
}

void writeInOrder(Encoder& enc, const std::vector<Item*>& out)
{
    std::size_t sections = 0;
    for (std::size_t i = 0; i < out.size(); ++i)
        if (i == 0 || out[i]->id.client != out[i - 1]->id.client)
            ++sections;
    enc.writeVarUint(sections);
    for (std::size_t i = 0; i < out.size();) {
        std::size_t j = i;
        while (j < out.size() && out[j]->id.client == out[i]->id.client)
            ++j;
        enc.writeVarUint(j - i);
        enc.writeVarUint(out[i]->id.client);
        enc.writeVarUint(out[i]->id.clock);
        for (std::size_t k = i; k < j; ++k)
            writeStruct(enc, *out[k], 0);
        i = j;
    }
}

} // namespace

// The same algorithm as Yjs' mergeUpdates so that the output is byte-identical.
std::vector<uint8_t> mergeUpdates(const std::vector<std::vector<uint8_t>>& updates)
{
    if (updates.size() == 1)
        return updates.front();
    std::vector<DecodedUpdate> decoded;
    decoded.reserve(updates.size());
    for (const auto& u : updates)
        decoded.push_back(decodeUpdate(u));
    std::vector<StructReader> readers;
    for (auto& d : decoded) {
        StructReader r;
        for (auto it = d.structs.rbegin(); it != d.structs.rend(); ++it)
            for (auto& item : it->second)
                if (!item->isSkip())
                    r.list.push_back(item.get());
        readers.push_back(std::move(r));
    }
    std::vector<ItemPtr> created; // slices and skips made while merging
    std::vector<Item*> out;
    Item* currWrite = nullptr;
    std::vector<StructReader*> active;
    active.reserve(readers.size());
    for (auto& r : readers)
        active.push_back(&r);
    while (true) {
        std::erase_if(active, [](const StructReader* r) { return r->curr() == nullptr; });
        std::stable_sort(active.begin(), active.end(), [](const StructReader* a, const StructReader* b) {
            const Item* x = a->curr();
            const Item* y = b->curr();
            if (x->id.client != y->id.client)
                return x->id.client > y->id.client;
            if (x->id.clock != y->id.clock)
                return x->id.clock < y->id.clock;
            return !x->isSkip() && y->isSkip();
        });
        if (active.empty())
            break;
        StructReader* dec = active.front();
        const ClientId firstClient = dec->curr()->id.client;
        if (currWrite) {
            Item* curr = dec->curr();
            bool iterated = false;
            while (curr && curr->id.clock + curr->length <= currWrite->id.clock + currWrite->length &&
                   curr->id.client >= currWrite->id.client) {
                curr = dec->next();
                iterated = true;
            }
            if (!curr || curr->id.client != firstClient ||
                (iterated && curr->id.clock > currWrite->id.clock + currWrite->length))
                continue;
            if (firstClient != currWrite->id.client) {
                out.push_back(currWrite);
                currWrite = curr;
                dec->next();
            } else if (currWrite->id.clock + currWrite->length < curr->id.clock) {
                if (currWrite->isSkip()) {
                    currWrite->length = curr->id.clock + curr->length - currWrite->id.clock;
                } else {
                    out.push_back(currWrite);
                    const Clock end = currWrite->id.clock + currWrite->length;
                    created.push_back(makeSkip(firstClient, end, curr->id.clock - end));
                    currWrite = created.back().get();
                }
            } else {
                const Clock diff = currWrite->id.clock + currWrite->length - curr->id.clock;
                if (diff > 0) {
                    if (currWrite->isSkip()) {
                        currWrite->length -= diff;
                    } else {
                        auto copy = std::make_unique<Item>();
                        copy->id = curr->id;
                        copy->kind = curr->kind;
                        copy->origin = curr->origin;
                        copy->hasOrigin = curr->hasOrigin;
                        copy->rightOrigin = curr->rightOrigin;
                        copy->hasRightOrigin = curr->hasRightOrigin;
                        copy->hasParentSub = curr->hasParentSub;
                        copy->parentSub = curr->parentSub;
                        if (curr->parentRef)
                            copy->parentRef = std::make_unique<ParentRef>(*curr->parentRef);
                        copy->copyContentFrom(*curr);
                        sliceFront(copy, diff);
                        created.push_back(std::move(copy));
                        curr = created.back().get();
                    }
                }
                if (!sameKindMerge(currWrite, curr)) {
                    out.push_back(currWrite);
                    currWrite = curr;
                    dec->next();
                }
            }
        } else {
            currWrite = dec->curr();
            dec->next();
        }
        for (Item* next = dec->curr(); next && next->id.client == firstClient &&
                                       next->id.clock == currWrite->id.clock + currWrite->length && !next->isSkip();
             next = dec->next()) {
            out.push_back(currWrite);
            currWrite = next;
        }
    }
    if (currWrite)
        out.push_back(currWrite);
    Encoder enc;
    writeInOrder(enc, out);
    DeleteSet ds;
    for (const auto& d : decoded)
        for (const auto& [client, ranges] : d.deleteSet.clients())
            for (const auto& r : ranges)
                ds.add(client, r.clock, r.len);
    ds.sortAndMerge();
    ds.write(enc);
    return enc.take();
}

std::vector<uint8_t> diffUpdate(std::span<const uint8_t> update, std::span<const uint8_t> encodedStateVector)
{
    const StateVector sv = StateVector::decode(encodedStateVector);
    DecodedUpdate d = decodeUpdate(update);
    for (auto& [client, refs] : d.structs) {
        const Clock known = sv.get(client);
        std::vector<ItemPtr> out;
        for (auto& r : refs) {
            if (r->id.clock + r->length <= known)
                continue;
            if (r->id.clock < known)
                sliceFront(r, known - r->id.clock);
            if (out.empty() && r->isSkip())
                continue;
            out.push_back(std::move(r));
        }
        refs = std::move(out);
    }
    return encodeDecoded(d);
}

std::vector<uint8_t> encodeStateVectorFromUpdate(std::span<const uint8_t> update)
{
    DecodedUpdate d = decodeUpdate(update);
    StateVector sv;
    for (const auto& [client, refs] : d.structs) {
        // Only the contiguous prefix from clock 0 counts, like Yjs.
        if (refs.empty() || refs.front()->id.clock != 0 || refs.front()->isSkip())
            continue;
        Clock end = 0;
        for (const auto& r : refs) {
            if (r->isSkip() || r->id.clock != end)
                break;
            end = r->id.clock + r->length;
        }
        sv.set(client, end);
    }
    return sv.encode();
}

} // namespace convene::crdt
