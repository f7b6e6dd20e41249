#pragma once
#include "crdt/id.h"

#include <unordered_map>
#include <vector>

namespace convene::crdt {

class Encoder;
class Decoder;

struct DeleteRange {
    Clock clock = 0;
    Clock len = 0;
    bool operator==(const DeleteRange&) const = default;
};

// Deleted id ranges per client. Clients keep their insertion order because Yjs iterates
// them in that order when it cleans up formatting, which decides what gets deleted.
class DeleteSet {
public:
    void add(ClientId client, Clock clock, Clock len);
    // Sorts each client's ranges and joins overlapping or adjacent ones.
    void sortAndMerge();
    bool isDeleted(ID id) const; // requires sortAndMerge()
    bool empty() const { return clients_.empty(); }
    void clear()
    {
        clients_.clear();
        index_.clear();
    }
    void merge(const DeleteSet& other);

    using Entries = std::vector<std::pair<ClientId, std::vector<DeleteRange>>>;
    const Entries& clients() const { return clients_; }
    const std::vector<DeleteRange>* find(ClientId client) const;

    void write(Encoder& enc) const;
    static DeleteSet read(Decoder& dec);
    bool operator==(const DeleteSet& o) const { return clients_ == o.clients_; }

private:
    std::vector<DeleteRange>& rangesOf(ClientId client);
    Entries clients_;
    std::unordered_map<ClientId, std::size_t, ClientIdHash> index_;
};

} // namespace convene::crdt
