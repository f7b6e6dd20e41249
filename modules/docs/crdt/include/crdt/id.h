#pragma once
#include <algorithm>
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
    // For building from already sorted input.
    void appendSorted(ClientId client, Clock clock) { entries_.emplace_back(client, clock); }
    std::size_t size() const { return entries_.size(); }
    bool operator==(const StateVector&) const = default;

    std::vector<uint8_t> encode() const;
    // Throws DecodeError.
    static StateVector decode(std::span<const uint8_t> bytes);

private:
    std::vector<std::pair<ClientId, Clock>>::const_iterator find(ClientId client) const
    {
        return std::lower_bound(entries_.begin(), entries_.end(), client,
                                [](const auto& e, ClientId c) { return e.first < c; });
    }
    std::vector<std::pair<ClientId, Clock>> entries_;
};

} // namespace convene::crdt
