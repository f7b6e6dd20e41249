#include "crdt/awareness.h"

#include "crdt/encoding.h"

namespace convene::crdt {

void Awareness::setLocalState(const Value& state, int64_t nowMs)
{
    auto [it, inserted] = states_.try_emplace(self_);
    Entry& e = it->second;
    if (!inserted)
        e.clock += 1; // y-protocols starts at clock 0
    e.state = state;
    e.lastUpdated = nowMs;
}

const Value* Awareness::localState() const
{
    auto it = states_.find(self_);
    return it == states_.end() || it->second.state.isNull() ? nullptr : &it->second.state;
}

std::vector<uint8_t> Awareness::encodeUpdate(const std::vector<ClientId>& clients) const
{
    Encoder enc;
    enc.writeVarUint(clients.size());
    for (ClientId c : clients) {
        auto it = states_.find(c);
        enc.writeVarUint(c);
        enc.writeVarUint(it == states_.end() ? 0 : it->second.clock);
        enc.writeVarString(it == states_.end() ? std::string("null") : it->second.state.toJson());
    }
    return enc.take();
}

Status Awareness::applyUpdate(std::span<const uint8_t> update, Changes* changes, int64_t nowMs)
{
    struct Incoming {
        ClientId client;
        uint64_t clock;
        Value state;
    };
    std::vector<Incoming> incoming;
    try {
        decodeOrReject([&] {
            Decoder dec(update);
            Elements entries(dec, 3); // a client, a clock and a state's length at least
            incoming.reserve(entries.size());
            while (entries.next()) {
                Incoming in;
                in.client = dec.readVarUint();
                in.clock = dec.readVarUint();
                in.state = parseJson(dec.readVarString());
                incoming.push_back(std::move(in));
            }
            if (!dec.atEnd())
                throw DecodeError("trailing bytes");
        });
    } catch (const DecodeError& e) {
        return Status::failure(std::string("malformed awareness update: ") + e.what());
    }
    for (auto& in : incoming) {
        auto it = states_.find(in.client);
        const bool known = it != states_.end();
        const uint64_t currClock = known ? it->second.clock : 0;
        const bool present = known && !it->second.state.isNull();
        // The rules of y-protocols: a newer clock wins; a null state at the same clock removes.
        if (!(currClock < in.clock || (currClock == in.clock && in.state.isNull() && present)))
            continue;
        uint64_t clock = in.clock;
        Entry& e = states_[in.client];
        const Value previous = e.state;
        if (in.state.isNull() && in.client == self_ && localState()) {
            ++clock; // never let a peer remove our own state; answer with a newer clock
        } else {
            e.state = in.state;
        }
        e.clock = clock;
        e.lastUpdated = nowMs;
        if (!changes)
            continue;
        if (!known && !in.state.isNull())
            changes->added.push_back(in.client);
        else if (known && in.state.isNull())
            changes->removed.push_back(in.client);
        else if (!in.state.isNull() && !(previous == in.state))
            changes->updated.push_back(in.client);
    }
    return Status::success();
}

std::vector<ClientId> Awareness::removeOutdated(int64_t nowMs, int64_t timeoutMs)
{
    std::vector<ClientId> removed;
    for (auto& [client, e] : states_) {
        if (client != self_ && !e.state.isNull() && nowMs - e.lastUpdated >= timeoutMs) {
            e.state = Value::null();
            removed.push_back(client);
        }
    }
    return removed;
}

} // namespace convene::crdt
