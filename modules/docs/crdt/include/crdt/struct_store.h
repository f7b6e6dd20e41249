#pragma once
#include "crdt/delete_set.h"
#include "crdt/item.h"
#include "crdt/struct_list.h"

#include <map>
#include <unordered_map>
#include <vector>

namespace convene::crdt {

class Transaction;

// Structs whose dependencies have not arrived yet, kept until they can be integrated.
struct PendingStructs {
    std::map<ClientId, std::vector<ItemPtr>> refs;
    StateVector missing;
};

// All structs of a document, per client, sorted by clock; owns the Item objects.
class StructStore {
public:
    StructStore() = default;
    StructStore(const StructStore&) = delete;
    StructStore& operator=(const StructStore&) = delete;
    ~StructStore();

    Clock getState(ClientId client) const;
    StateVector stateVector() const;
    void fillStateVector(StateVector& out) const;
    void addStruct(Item* item);

    static std::size_t findIndex(const StructList& structs, Clock clock);
    StructList* structsOf(ClientId client);
    Item* find(ID id);
    // Splits as needed so that an item starts at / ends at the given id.
    Item* getItemCleanStart(Transaction& tr, ID id);
    std::size_t findIndexCleanStart(Transaction& tr, StructList& structs, Clock clock);
    Item* getItemCleanEnd(Transaction& tr, ID id);
    void replaceStruct(Item* old, Item* replacement);
    std::size_t structCount() const;

    std::unordered_map<ClientId, StructList, ClientIdHash> clients;
    StructList& listOf(ClientId client)
    {
        // One-entry cache: consecutive operations nearly always touch the same client.
        if (cachedList_ && cachedClient_ == client)
            return *cachedList_;
        cachedClient_ = client;
        cachedList_ = &clients[client];
        return *cachedList_;
    }
    std::unique_ptr<PendingStructs> pending;
    DeleteSet pendingDs;

private:
    ClientId cachedClient_ = 0;
    StructList* cachedList_ = nullptr;
};

// Yjs' splitItem: cuts leftItem at diff and returns the new right part (already linked).
Item* splitItem(Transaction& tr, Item* leftItem, Clock diff);

} // namespace convene::crdt
