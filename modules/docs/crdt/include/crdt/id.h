#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace convene::crdt {

using ClientId = uint64_t;
using Clock = uint64_t;

struct ID {
    ClientId client = 0;
    Clock clock = 0;
    bool operator==(const ID&) const = default;
};

// Hashes client ids, which other peers choose, with a key drawn once per process: with std::hash
// (the identity) ids that are multiples of a table's bucket count would all share one bucket
// and make every lookup linear.
class ClientIdHash {
public:
    ClientIdHash() : key_(processKey()) { }
    std::size_t operator()(ClientId id) const noexcept
    {
        uint64_t x = id ^ key_; // then splitmix64's finalizer
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return std::size_t(x ^ (x >> 31));
    }

private:
    static uint64_t processKey();
    uint64_t key_;
};

// client -> next expected clock, kept sorted by client for cheap copies and deterministic output.
class StateVector {
public:
    Clock get(ClientId client) const
    {
        auto it = find(client);
        return it != entries_.end() && it->first == client ? it->second : 0;
    }
    bool has(ClientId client) const
    {
        auto it = find(client);
        return it != entries_.end() && it->first == client;
    }
    void set(ClientId client, Clock clock)
    {
        auto it = std::lower_bound(entries_.begin(), entries_.end(), client,
                                   [](const auto& e, ClientId c) { return e.first < c; });
        if (it != entries_.end() && it->first == client)
            it->second = clock;
        else
            entries_.insert(it, {client, clock});
    }
    const std::vector<std::pair<ClientId, Clock>>& entries() const { return entries_; }
    void clear() { entries_.clear(); }
    // For building from already sorted input, or from distinct clients followed by sortAppended().
    void appendSorted(ClientId client, Clock clock) { entries_.emplace_back(client, clock); }
    void sortAppended()
    {
        std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    std::size_t size() const { return entries_.size(); }
    bool operator==(const StateVector&) const = default;

    std::vector<uint8_t> encode() const;
    // Throws DecodeError.
    static StateVector decode(std::span<const uint8_t> bytes);
    // From entries in any order; of a repeated client the last entry counts.
    static StateVector fromUnsorted(std::vector<std::pair<ClientId, Clock>> entries);

private:
    std::vector<std::pair<ClientId, Clock>>::const_iterator find(ClientId client) const
    {
        return std::lower_bound(entries_.begin(), entries_.end(), client,
                                [](const auto& e, ClientId c) { return e.first < c; });
    }
    std::vector<std::pair<ClientId, Clock>> entries_;
};

} // namespace convene::crdt
