#include "crdt/struct_list.h"

#include "crdt/item.h"

#include <algorithm>
#include <stdexcept>

namespace convene::crdt {

std::size_t StructList::chunkOf(std::size_t i) const
{
    // The last chunk is by far the most used (new structs are appended there).
    if (i >= starts_.back())
        return starts_.size() - 1;
    if (lastChunk_ + 1 < starts_.size() && i >= starts_[lastChunk_] && i < starts_[lastChunk_ + 1])
        return lastChunk_;
    lastChunk_ = std::size_t(std::upper_bound(starts_.begin(), starts_.end(), i) - starts_.begin()) - 1;
    return lastChunk_;
}

void StructList::reindexFrom(std::size_t chunk)
{
    for (std::size_t c = chunk; c < chunks_.size(); ++c)
        starts_[c] = c == 0 ? 0 : starts_[c - 1] + chunks_[c - 1].size();
}

void StructList::push_back(Item* item)
{
    if (chunks_.empty() || chunks_.back().size() >= kChunk) {
        chunks_.emplace_back();
        // The first chunk grows as needed: an update can name many clients with one struct each.
        if (chunks_.size() > 1)
            chunks_.back().reserve(kChunk);
        starts_.push_back(size_);
    }
    chunks_.back().push_back(item);
    ++size_;
}

void StructList::insert(std::size_t pos, Item* item)
{
    if (pos == size_) {
        push_back(item);
        return;
    }
    const std::size_t c = chunkOf(pos);
    auto& chunk = chunks_[c];
    chunk.insert(chunk.begin() + std::ptrdiff_t(pos - starts_[c]), item);
    ++size_;
    if (chunk.size() > 2 * kChunk) {
        std::vector<Item*> tail(chunk.begin() + std::ptrdiff_t(kChunk), chunk.end());
        chunk.resize(kChunk);
        chunks_.insert(chunks_.begin() + std::ptrdiff_t(c + 1), std::move(tail));
        starts_.insert(starts_.begin() + std::ptrdiff_t(c + 1), 0);
    }
    reindexFrom(c + 1);
}

void StructList::erase(std::size_t first, std::size_t last)
{
    if (first >= last)
        return;
    std::size_t c = chunkOf(first);
    const std::size_t firstChunk = c;
    std::size_t remaining = last - first;
    std::size_t offset = first - starts_[c];
    while (remaining > 0) {
        auto& chunk = chunks_[c];
        const std::size_t n = std::min(remaining, chunk.size() - offset);
        chunk.erase(chunk.begin() + std::ptrdiff_t(offset), chunk.begin() + std::ptrdiff_t(offset + n));
        remaining -= n;
        offset = 0;
        ++c;
    }
    size_ -= last - first;
    // Drop emptied chunks, keeping at least one.
    for (std::size_t k = c; k-- > firstChunk;) {
        if (chunks_[k].empty() && chunks_.size() > 1) {
            chunks_.erase(chunks_.begin() + std::ptrdiff_t(k));
            starts_.erase(starts_.begin() + std::ptrdiff_t(k));
        }
    }
    reindexFrom(firstChunk == 0 ? 0 : firstChunk - 1);
}

std::size_t StructList::findIndex(uint64_t clock) const
{
    if (size_ == 0)
        throw std::logic_error("struct store: clock not found");
    const Item* last = back();
    if (clock >= last->id.clock) {
        if (clock < last->id.clock + last->length)
            return size_ - 1;
        throw std::logic_error("struct store: clock not found");
    }
    // First the chunk (by its first clock), then inside it.
    auto it = std::upper_bound(chunks_.begin(), chunks_.end(), clock,
                               [](uint64_t c, const std::vector<Item*>& chunk) { return c < chunk.front()->id.clock; });
    if (it == chunks_.begin())
        throw std::logic_error("struct store: clock not found");
    --it;
    const auto& chunk = *it;
    auto in =
        std::upper_bound(chunk.begin(), chunk.end(), clock, [](uint64_t c, const Item* s) { return c < s->id.clock; });
    --in;
    const Item* s = *in;
    if (clock >= s->id.clock + s->length)
        throw std::logic_error("struct store: clock not found");
    return starts_[std::size_t(it - chunks_.begin())] + std::size_t(in - chunk.begin());
}

} // namespace convene::crdt
