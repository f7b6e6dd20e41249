#pragma once
// The structs of one client in clock order. A list of bounded chunks, so that splitting an old
// item (inserting in the middle) moves at most one chunk instead of the whole history.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace convene::crdt {

struct Item;

class StructList {
public:
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Item* operator[](std::size_t i) const
    {
        const std::size_t c = chunkOf(i);
        return chunks_[c][i - starts_[c]];
    }
    void set(std::size_t i, Item* item)
    {
        const std::size_t c = chunkOf(i);
        chunks_[c][i - starts_[c]] = item;
    }
    Item* front() const { return chunks_.front().front(); }
    Item* back() const { return chunks_.back().back(); }
    void push_back(Item* item);
    void insert(std::size_t pos, Item* item);
    void erase(std::size_t first, std::size_t last);
    // Index of the struct that contains clock; the list must cover it.
    std::size_t findIndex(uint64_t clock) const;

    template<typename F>
    void forEach(F&& f) const
    {
        for (const auto& chunk : chunks_)
            for (Item* item : chunk)
                f(item);
    }

private:
    static constexpr std::size_t kChunk = 256;
    std::size_t chunkOf(std::size_t i) const;
    void reindexFrom(std::size_t chunk);

    std::vector<std::vector<Item*>> chunks_;
    std::vector<std::size_t> starts_;
    mutable std::size_t lastChunk_ = 0;
    std::size_t size_ = 0;
};

} // namespace convene::crdt
