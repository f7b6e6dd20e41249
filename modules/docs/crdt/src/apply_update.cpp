// Integration of decoded updates into a document (Yjs' readUpdate / integrateStructs).
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/update.h"

namespace convene::crdt {

namespace {

struct ClientRefs {
    std::vector<ItemPtr> refs;
    std::size_t i = 0;
};

struct Rest {
    std::map<ClientId, std::vector<ItemPtr>> refs;
    std::map<ClientId, Clock> missing; // a map: an update can miss many clients, in any order
    bool empty() const { return refs.empty(); }
};

// The missing clocks of both, the lower one for a client in both. Linear: both are sorted.
StateVector lowerClocks(const StateVector& a, const std::map<ClientId, Clock>& b)
{
    StateVector out;
    auto i = a.entries().begin();
    auto j = b.begin();
    while (i != a.entries().end() || j != b.end()) {
        if (j == b.end() || (i != a.entries().end() && i->first < j->first)) {
            out.appendSorted(i->first, i->second);
            ++i;
        } else if (i == a.entries().end() || j->first < i->first) {
            out.appendSorted(j->first, j->second);
            ++j;
        } else {
            out.appendSorted(i->first, std::min(i->second, j->second));
            ++i;
            ++j;
        }
    }
    return out;
}

// Resolves origins and parent; returns the client we still wait for, if any.
std::optional<ClientId> getMissing(Transaction& tr, Item* item)
{
    StructStore& store = tr.doc.store();
    if (item->hasOrigin && item->origin.client != item->id.client &&
        item->origin.clock >= store.getState(item->origin.client))
        return item->origin.client;
    if (item->hasRightOrigin && item->rightOrigin.client != item->id.client &&
        item->rightOrigin.clock >= store.getState(item->rightOrigin.client))
        return item->rightOrigin.client;
    const ParentRef* pref = item->parentRef.get();
    if (pref && pref->kind == ParentRef::Kind::Id && pref->id.client != item->id.client &&
        pref->id.clock >= store.getState(pref->id.client))
        return pref->id.client;

    if (item->hasOrigin) {
        item->left = store.getItemCleanEnd(tr, item->origin);
        item->origin = item->left->lastId();
    }
    if (item->hasRightOrigin) {
        item->right = store.getItemCleanStart(tr, item->rightOrigin);
        item->rightOrigin = item->right->id;
    }
    if ((item->left && item->left->isGC()) || (item->right && item->right->isGC())) {
        item->parent = nullptr;
    } else if (!pref || pref->kind == ParentRef::Kind::None) {
        if (item->left && item->left->isItem()) {
            item->parent = item->left->parent;
            item->hasParentSub = item->left->hasParentSub;
            item->parentSub = item->left->parentSub;
        } else if (item->right && item->right->isItem()) {
            item->parent = item->right->parent;
            item->hasParentSub = item->right->hasParentSub;
            item->parentSub = item->right->parentSub;
        }
    } else if (pref->kind == ParentRef::Kind::Id) {
        Item* parentItem = store.find(pref->id);
        item->parent = parentItem->kind == ContentKind::Type ? parentItem->extra->type.get() : nullptr;
    } else {
        item->parent = tr.doc.rootType(pref->rootName);
    }
    return std::nullopt;
}

Rest integrateStructs(Transaction& tr, std::map<ClientId, std::vector<ItemPtr>>&& input)
{
    Rest rest;
    StructStore& store = tr.doc.store();
    std::map<ClientId, ClientRefs> clients;
    std::vector<ClientId> ids;
    for (auto& [client, refs] : input) {
        clients[client].refs = std::move(refs);
        ids.push_back(client);
    }
    if (ids.empty())
        return rest;
    auto nextTarget = [&]() -> ClientRefs* {
        while (!ids.empty()) {
            ClientRefs* t = &clients[ids.back()];
            if (t->i < t->refs.size())
                return t;
            ids.pop_back();
        }
        return nullptr;
    };
    ClientRefs* cur = nextTarget();
    if (!cur)
        return rest;
    ClientId curClient = ids.back();
    struct Entry {
        ClientId client;
        std::size_t index;
    };
    std::vector<Entry> stack;
    auto updateMissing = [&](ClientId client, Clock clock) {
        auto [it, inserted] = rest.missing.try_emplace(client, clock);
        if (!inserted && it->second > clock)
            it->second = clock;
    };
    // Everything of a stacked client from its earliest stacked struct on waits. The client stays
    // in `ids`, with nothing left to read there: nextTarget() skips it. (Erasing it from `ids`
    // or looking up each entry's earliest index in the stack would be quadratic in the clients.)
    std::map<ClientId, std::size_t> earliest;
    auto addStackToRest = [&] {
        earliest.clear();
        for (const Entry& e : stack) {
            auto [it, inserted] = earliest.try_emplace(e.client, e.index);
            if (!inserted)
                it->second = std::min(it->second, e.index);
        }
        for (const Entry& e : stack) {
            ClientRefs& cr = clients[e.client];
            if (cr.refs.empty())
                continue; // already moved together with an earlier stack entry
            auto& dst = rest.refs[e.client];
            for (std::size_t k = earliest[e.client]; k < cr.refs.size(); ++k)
                if (cr.refs[k])
                    dst.push_back(std::move(cr.refs[k]));
            cr.refs.clear();
            cr.i = 0;
        }
        stack.clear();
    };
    Entry head{curClient, cur->i++};
    std::map<ClientId, Clock> state;
    while (true) {
        Item* item = clients[head.client].refs[head.index].get();
        if (!item->isSkip()) {
            auto [it, inserted] = state.try_emplace(item->id.client, 0);
            if (inserted)
                it->second = store.getState(item->id.client);
            const Clock localClock = it->second;
            if (localClock < item->id.clock) {
                stack.push_back(head);
                updateMissing(item->id.client, item->id.clock - 1);
                addStackToRest();
            } else {
                const Clock offset = localClock - item->id.clock;
                std::optional<ClientId> missing = getMissing(tr, item);
                if (missing) {
                    stack.push_back(head);
                    ClientRefs& mr = clients[*missing];
                    if (mr.i >= mr.refs.size()) {
                        updateMissing(*missing, store.getState(*missing));
                        addStackToRest();
                    } else {
                        head = {*missing, mr.i++};
                        continue;
                    }
                } else if (offset == 0 || offset < item->length) {
                    Item* owned = clients[head.client].refs[head.index].release();
                    owned->parentRef.reset();
                    detail::integrate(tr, owned, offset);
                    state[owned->id.client] = owned->id.clock + owned->length;
                }
            }
        }
        if (!stack.empty()) {
            head = stack.back();
            stack.pop_back();
        } else if (cur && cur->i < cur->refs.size()) {
            head = {curClient, cur->i++};
        } else {
            cur = nextTarget();
            if (!cur)
                break;
            curClient = ids.back();
            head = {curClient, cur->i++};
        }
    }
    return rest;
}

// Merges structs of the same client from several sources, dropping and trimming overlaps.
// Like Yjs' mergeUpdates on pending structs: ordered by clock, content wins over skips (a skip
// only marks a gap, so it is the one cut back), and overlapping content is sliced.
void mergePendingRefs(std::vector<ItemPtr>& into, std::vector<ItemPtr>&& more)
{
    for (auto& r : more)
        into.push_back(std::move(r));
    std::stable_sort(into.begin(), into.end(), [](const ItemPtr& a, const ItemPtr& b) {
        return a->id.clock < b->id.clock || (a->id.clock == b->id.clock && !a->isSkip() && b->isSkip());
    });
    std::vector<ItemPtr> out;
    Clock end = 0;
    for (auto& r : into) {
        if (!out.empty() && out.back()->isSkip() && !r->isSkip() && r->id.clock < end) {
            Item& skip = *out.back();
            if (r->id.clock == skip.id.clock)
                out.pop_back();
            else
                skip.length = r->id.clock - skip.id.clock;
            end = r->id.clock;
        }
        if (!out.empty() && r->id.clock + r->length <= end)
            continue;
        if (!out.empty() && r->id.clock < end) {
            const Clock diff = end - r->id.clock;
            ItemPtr tail = r->spliceContent(diff);
            tail->id = {r->id.client, end};
            tail->kind = r->kind;
            if (r->isItem()) {
                tail->hasOrigin = true;
                tail->origin = {r->id.client, end - 1};
                tail->hasRightOrigin = r->hasRightOrigin;
                tail->rightOrigin = r->rightOrigin;
                tail->hasParentSub = r->hasParentSub;
                tail->parentSub = r->parentSub;
                if (r->parentRef)
                    tail->parentRef = std::make_unique<ParentRef>(*r->parentRef);
            }
            r = std::move(tail);
        }
        end = r->id.clock + r->length;
        out.push_back(std::move(r));
    }
    into = std::move(out);
}

DeleteSet applyDeleteSet(Transaction& tr, const DeleteSet& ds)
{
    DeleteSet unapplied;
    StructStore& store = tr.doc.store();
    for (const auto& [client, ranges] : ds.clients()) {
        auto* structs = store.structsOf(client);
        const Clock state = store.getState(client);
        for (const DeleteRange& r : ranges) {
            const Clock clock = r.clock;
            const Clock clockEnd = r.clock + r.len;
            if (clock < state) {
                if (state < clockEnd)
                    unapplied.add(client, state, clockEnd - state);
                std::size_t index = StructStore::findIndex(*structs, clock);
                Item* s = (*structs)[index];
                if (!s->deleted() && s->id.clock < clock) {
                    structs->insert(index + 1, splitItem(tr, s, clock - s->id.clock));
                    ++index;
                }
                while (index < structs->size()) {
                    s = (*structs)[index++];
                    if (s->id.clock >= clockEnd)
                        break;
                    if (!s->deleted()) {
                        if (clockEnd < s->id.clock + s->length)
                            structs->insert(index, splitItem(tr, s, clockEnd - s->id.clock));
                        detail::deleteItem(tr, s);
                    }
                }
            } else {
                unapplied.add(client, clock, clockEnd - clock);
            }
        }
    }
    return unapplied;
}

void applyDecoded(Transaction& tr, DecodedUpdate&& update)
{
    StructStore& store = tr.doc.store();
    Rest rest = integrateStructs(tr, std::move(update.structs));
    bool retry = false;
    if (store.pending) {
        for (const auto& [client, clock] : store.pending->missing.entries())
            if (clock < store.getState(client)) {
                retry = true;
                break;
            }
        if (!rest.empty()) {
            store.pending->missing = lowerClocks(store.pending->missing, rest.missing);
            for (auto& [client, refs] : rest.refs)
                mergePendingRefs(store.pending->refs[client], std::move(refs));
        }
    } else if (!rest.empty()) {
        store.pending = std::make_unique<PendingStructs>();
        store.pending->refs = std::move(rest.refs);
        store.pending->missing = lowerClocks({}, rest.missing);
    }
    update.deleteSet.sortAndMerge();
    DeleteSet dsRest = applyDeleteSet(tr, update.deleteSet);
    if (!store.pendingDs.empty()) {
        DeleteSet old = std::move(store.pendingDs);
        store.pendingDs = DeleteSet();
        DeleteSet dsRest2 = applyDeleteSet(tr, old);
        dsRest.merge(dsRest2);
    }
    dsRest.sortAndMerge();
    store.pendingDs = std::move(dsRest);
    if (retry) {
        DecodedUpdate again;
        again.structs = std::move(store.pending->refs);
        store.pending.reset();
        applyDecoded(tr, std::move(again));
    }
}

} // namespace

Status Doc::applyUpdate(std::span<const uint8_t> bytes, const void* origin)
{
    DecodedUpdate update;
    try {
        update = decodeUpdate(bytes);
    } catch (const DecodeError& e) {
        return Status::failure(std::string("malformed update: ") + e.what());
    }
    transact([&](Transaction& tr) { applyDecoded(tr, std::move(update)); }, origin, false);
    return Status::success();
}

std::vector<uint8_t> Doc::encodeStateAsUpdate(const StateVector& target) const
{
    Encoder enc;
    writeClientsStructs(enc, store_, target);
    DeleteSet ds;
    for (const auto& [client, structs] : store_.clients) {
        for (std::size_t i = 0; i < structs.size(); ++i) {
            if (!structs[i]->deleted())
                continue;
            const Clock clock = structs[i]->id.clock;
            Clock len = structs[i]->length;
            while (i + 1 < structs.size() && structs[i + 1]->deleted())
                len += structs[++i]->length;
            ds.add(client, clock, len);
        }
    }
    ds.write(enc);
    std::vector<uint8_t> out = enc.take();
    if (!hasPending())
        return out;
    // Include what is still waiting for dependencies, like Yjs does.
    std::vector<std::vector<uint8_t>> parts{std::move(out)};
    if (!store_.pendingDs.empty()) {
        Encoder e;
        e.writeVarUint(0);
        store_.pendingDs.write(e);
        parts.push_back(e.take());
    }
    if (store_.pending) {
        DecodedUpdate p;
        for (const auto& [client, refs] : store_.pending->refs) {
            auto& dst = p.structs[client];
            for (const auto& r : refs) {
                auto copy = std::make_unique<Item>();
                copy->id = r->id;
                copy->kind = r->kind;
                copy->origin = r->origin;
                copy->hasOrigin = r->hasOrigin;
                copy->rightOrigin = r->rightOrigin;
                copy->hasRightOrigin = r->hasRightOrigin;
                copy->hasParentSub = r->hasParentSub;
                copy->parentSub = r->parentSub;
                if (r->parentRef)
                    copy->parentRef = std::make_unique<ParentRef>(*r->parentRef);
                copy->copyContentFrom(*r);
                dst.push_back(std::move(copy));
            }
        }
        parts.push_back(diffUpdate(encodeDecoded(p), target.encode()));
    }
    return mergeUpdates(parts);
}

std::vector<uint8_t> Doc::encodeStateAsUpdate(std::span<const uint8_t> encodedTargetStateVector) const
{
    return encodeStateAsUpdate(StateVector::decode(encodedTargetStateVector));
}

} // namespace convene::crdt
