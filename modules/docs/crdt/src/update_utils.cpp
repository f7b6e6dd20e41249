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

std::vector<uint8_t> mergeUpdates(const std::vector<std::vector<uint8_t>>& updates)
{
    if (updates.size() == 1)
        return updates.front();
    DecodedUpdate merged;
    for (const auto& u : updates) {
        DecodedUpdate d = decodeUpdate(u);
        for (auto& [client, refs] : d.structs) {
            auto& dst = merged.structs[client];
            for (auto& r : refs)
                dst.push_back(std::move(r));
        }
        for (const auto& [client, ranges] : d.deleteSet.clients())
            for (const auto& r : ranges)
                merged.deleteSet.add(client, r.clock, r.len);
    }
    merged.deleteSet.sortAndMerge();
    for (auto& [client, refs] : merged.structs) {
        // Prefer real structs over skips when both cover the same clock.
        std::stable_sort(refs.begin(), refs.end(), [](const ItemPtr& a, const ItemPtr& b) {
            if (a->id.clock != b->id.clock)
                return a->id.clock < b->id.clock;
            return !a->isSkip() && b->isSkip();
        });
        std::vector<ItemPtr> out;
        for (auto& r : refs) {
            if (!out.empty()) {
                const Clock end = out.back()->id.clock + out.back()->length;
                if (r->id.clock + r->length <= end)
                    continue;
                if (r->id.clock < end) {
                    if (out.back()->isSkip()) {
                        // A real struct replaces the overlapping part of a skip.
                        out.back()->length = r->id.clock - out.back()->id.clock;
                        if (out.back()->length == 0)
                            out.pop_back();
                    } else {
                        sliceFront(r, end - r->id.clock);
                    }
                } else if (r->id.clock > end) {
                    out.push_back(makeSkip(client, end, r->id.clock - end));
                }
            }
            if (!out.empty() && out.back()->isSkip() && r->isSkip()) {
                out.back()->length = r->id.clock + r->length - out.back()->id.clock;
                continue;
            }
            out.push_back(std::move(r));
        }
        while (!out.empty() && out.back()->isSkip())
            out.pop_back();
        refs = std::move(out);
    }
    return encodeDecoded(merged);
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
