#include "crdt/struct_store.h"

#include "crdt/doc.h"

#include <stdexcept>

namespace convene::crdt {

StructStore::~StructStore()
{
    for (auto& [client, structs] : clients)
        structs.forEach([](Item* item) { delete item; });
}

Clock StructStore::getState(ClientId client) const
{
    const StructList* list;
    if (cachedList_ && cachedClient_ == client) {
        list = cachedList_;
    } else {
        auto it = clients.find(client);
        if (it == clients.end())
            return 0;
        list = &it->second;
    }
    if (list->empty())
        return 0;
    const Item* last = list->back();
    return last->id.clock + last->length;
}

StateVector StructStore::stateVector() const
{
    StateVector sv;
    fillStateVector(sv);
    return sv;
}

void StructStore::fillStateVector(StateVector& out) const
{
    out.clear();
    if (clients.size() == 1) {
        const auto& [client, structs] = *clients.begin();
        if (!structs.empty())
            out.appendSorted(client, structs.back()->id.clock + structs.back()->length);
        return;
    }
    // Appended, then sorted once: inserting each client in place would be quadratic in their number.
    for (const auto& [client, structs] : clients)
        if (!structs.empty())
            out.appendSorted(client, structs.back()->id.clock + structs.back()->length);
    out.sortAppended();
}

void StructStore::addStruct(Item* item)
{
    auto& structs = listOf(item->id.client);
    if (!structs.empty()) {
        const Item* last = structs.back();
        if (last->id.clock + last->length != item->id.clock)
            throw std::logic_error("struct store: clock gap");
    } else if (item->id.clock != 0) {
        throw std::logic_error("struct store: clock gap");
    }
    structs.push_back(item);
}

std::size_t StructStore::findIndex(const StructList& structs, Clock clock)
{
    return structs.findIndex(clock);
}

StructList* StructStore::structsOf(ClientId client)
{
    auto it = clients.find(client);
    return it == clients.end() ? nullptr : &it->second;
}

Item* StructStore::find(ID id)
{
    auto& structs = listOf(id.client);
    return structs[findIndex(structs, id.clock)];
}

std::size_t StructStore::findIndexCleanStart(Transaction& tr, StructList& structs, Clock clock)
{
    const std::size_t index = findIndex(structs, clock);
    Item* s = structs[index];
    if (s->id.clock < clock && s->isItem()) {
        Item* right = splitItem(tr, s, clock - s->id.clock);
        structs.insert(index + 1, right);
        return index + 1;
    }
    return index;
}

Item* StructStore::getItemCleanStart(Transaction& tr, ID id)
{
    auto& structs = listOf(id.client);
    return structs[findIndexCleanStart(tr, structs, id.clock)];
}

Item* StructStore::getItemCleanEnd(Transaction& tr, ID id)
{
    auto& structs = listOf(id.client);
    const std::size_t index = findIndex(structs, id.clock);
    Item* s = structs[index];
    if (id.clock != s->id.clock + s->length - 1 && !s->isGC()) {
        Item* right = splitItem(tr, s, id.clock - s->id.clock + 1);
        structs.insert(index + 1, right);
    }
    return s;
}

void StructStore::replaceStruct(Item* old, Item* replacement)
{
    auto& structs = clients.at(old->id.client);
    structs.set(structs.findIndex(old->id.clock), replacement);
    delete old;
}

std::size_t StructStore::structCount() const
{
    std::size_t n = 0;
    for (const auto& [c, s] : clients)
        n += s.size();
    return n;
}

Item* splitItem(Transaction& tr, Item* leftItem, Clock diff)
{
    ItemPtr rightPtr = leftItem->spliceContent(diff);
    Item* right = rightPtr.release();
    right->id = {leftItem->id.client, leftItem->id.clock + diff};
    right->left = leftItem;
    right->origin = {leftItem->id.client, leftItem->id.clock + diff - 1};
    right->hasOrigin = true;
    right->right = leftItem->right;
    right->rightOrigin = leftItem->rightOrigin;
    right->hasRightOrigin = leftItem->hasRightOrigin;
    right->parent = leftItem->parent;
    right->hasParentSub = leftItem->hasParentSub;
    right->parentSub = leftItem->parentSub;
    if (leftItem->deleted())
        right->markDeleted();
    if (leftItem->keep())
        right->setKeep(true);
    if (leftItem->hasRedone) {
        right->hasRedone = true;
        right->redone = {leftItem->redone.client, leftItem->redone.clock + diff};
    }
    leftItem->right = right;
    if (right->right)
        right->right->left = right;
    tr.mergeStructs.push_back(right->id);
    if (right->hasParentSub && right->right == nullptr)
        right->parent->map[right->parentSub] = right;
    return right;
}

} // namespace convene::crdt
