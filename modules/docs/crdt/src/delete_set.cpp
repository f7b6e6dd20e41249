#include "crdt/delete_set.h"

#include "crdt/encoding.h"
#include "crdt/error.h"

namespace convene::crdt {

// Few clients is the common case: scan; the hash index is only built for many clients.
constexpr std::size_t kScanLimit = 8;

std::vector<DeleteRange>& DeleteSet::rangesOf(ClientId client)
{
    if (index_.empty()) {
        for (auto& [c, ranges] : clients_)
            if (c == client)
                return ranges;
    } else if (auto it = index_.find(client); it != index_.end()) {
        return clients_[it->second].second;
    }
    clients_.emplace_back(client, std::vector<DeleteRange>{});
    if (!index_.empty())
        index_.emplace(client, clients_.size() - 1);
    else if (clients_.size() > kScanLimit)
        for (std::size_t i = 0; i < clients_.size(); ++i)
            index_.emplace(clients_[i].first, i);
    return clients_.back().second;
}

const std::vector<DeleteRange>* DeleteSet::find(ClientId client) const
{
    if (index_.empty()) {
        for (const auto& [c, ranges] : clients_)
            if (c == client)
                return &ranges;
        return nullptr;
    }
    auto it = index_.find(client);
    return it == index_.end() ? nullptr : &clients_[it->second].second;
}

void DeleteSet::add(ClientId client, Clock clock, Clock len)
{
    if (len > 0)
        rangesOf(client).push_back({clock, len});
}

void DeleteSet::sortAndMerge()
{
    for (auto& [client, dels] : clients_) {
        std::sort(dels.begin(), dels.end(),
                  [](const DeleteRange& a, const DeleteRange& b) { return a.clock < b.clock; });
        std::size_t j = 1;
        for (std::size_t i = 1; i < dels.size(); ++i) {
            DeleteRange& left = dels[j - 1];
            const DeleteRange right = dels[i];
            if (left.clock + left.len >= right.clock) {
                left.len = std::max(left.len, right.clock + right.len - left.clock);
            } else {
                dels[j++] = right;
            }
        }
        if (!dels.empty())
            dels.resize(j);
    }
}

bool DeleteSet::isDeleted(ID id) const
{
    const auto* found = find(id.client);
    if (!found)
        return false;
    const auto& dels = *found;
    auto r =
        std::upper_bound(dels.begin(), dels.end(), id.clock, [](Clock c, const DeleteRange& d) { return c < d.clock; });
    if (r == dels.begin())
        return false;
    --r;
    return id.clock < r->clock + r->len;
}

void DeleteSet::merge(const DeleteSet& other)
{
    for (const auto& [client, dels] : other.clients_)
        for (const auto& d : dels)
            add(client, d.clock, d.len);
    sortAndMerge();
}

void DeleteSet::write(Encoder& enc) const
{
    enc.writeVarUint(clients_.size());
    auto writeClient = [&](const std::pair<ClientId, std::vector<DeleteRange>>& entry) {
        const auto& [client, ranges] = entry;
        enc.writeVarUint(client);
        enc.writeVarUint(ranges.size());
        for (const auto& d : ranges) {
            enc.writeVarUint(d.clock);
            enc.writeVarUint(d.len);
        }
    };
    if (clients_.size() == 1) {
        writeClient(clients_.front());
        return;
    }
    std::vector<std::size_t> order(clients_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return clients_[a].first > clients_[b].first; });
    for (std::size_t i : order)
        writeClient(clients_[i]);
}

DeleteSet DeleteSet::read(Decoder& dec)
{
    return decodeOrReject([&] {
        DeleteSet ds;
        Elements clients(dec, 2); // a client and a range count at least
        while (clients.next()) {
            const ClientId client = dec.readVarUint();
            Elements ranges(dec, 2);
            while (ranges.next()) {
                const Clock clock = dec.readVarUint();
                const Clock len = dec.readVarUint();
                if (clock + len > kMaxSafeInteger)
                    throw DecodeError("delete range out of range");
                ds.add(client, clock, len);
            }
        }
        return ds;
    });
}

std::vector<uint8_t> StateVector::encode() const
{
    Encoder enc;
    enc.writeVarUint(entries_.size());
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
        enc.writeVarUint(it->first);
        enc.writeVarUint(it->second);
    }
    return enc.take();
}

StateVector StateVector::decode(std::span<const uint8_t> bytes)
{
    return decodeOrReject([&] {
        Decoder dec(bytes);
        std::vector<std::pair<ClientId, Clock>> read;
        Elements entries(dec, 2); // a client and a clock at least
        read.reserve(entries.size());
        while (entries.next()) {
            const ClientId client = dec.readVarUint();
            read.emplace_back(client, dec.readVarUint());
        }
        return fromUnsorted(std::move(read));
    });
}

StateVector StateVector::fromUnsorted(std::vector<std::pair<ClientId, Clock>> entries)
{
    // Sorted once rather than inserted one by one: Yjs writes clients in descending order, and
    // inserting each at the front of the sorted vector would be quadratic in the client count.
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    StateVector sv;
    sv.entries_.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        // Of repeated clients the last one counts, as with set().
        if (i + 1 < entries.size() && entries[i + 1].first == entries[i].first)
            continue;
        sv.entries_.push_back(entries[i]);
    }
    return sv;
}

} // namespace convene::crdt
