#pragma once
// y-protocols awareness: per-client JSON state with a clock; null state means "gone".
#include "crdt/error.h"
#include "crdt/id.h"
#include "crdt/value.h"

#include <cstdint>
#include <map>
#include <span>
#include <vector>

namespace convene::crdt {

class Awareness {
public:
    struct Entry {
        uint64_t clock = 0;
        Value state; // null when the client went away
        int64_t lastUpdated = 0;
    };
    struct Changes {
        std::vector<ClientId> added, updated, removed;
    };

    explicit Awareness(ClientId self) : self_(self) { }
    ClientId clientId() const { return self_; }
    void setLocalState(const Value& state, int64_t nowMs = 0);
    const Value* localState() const;
    const std::map<ClientId, Entry>& states() const { return states_; }

    std::vector<uint8_t> encodeUpdate(const std::vector<ClientId>& clients) const;
    // Applies a message; rejects malformed input without changing anything.
    Status applyUpdate(std::span<const uint8_t> update, Changes* changes = nullptr, int64_t nowMs = 0);
    // Marks clients silent for longer than timeoutMs as gone (not the local one).
    std::vector<ClientId> removeOutdated(int64_t nowMs, int64_t timeoutMs = 30000);

private:
    ClientId self_;
    std::map<ClientId, Entry> states_;
};

} // namespace convene::crdt
