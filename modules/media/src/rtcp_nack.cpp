#include "convene/media/rtcp_nack.h"

#include "convene/media/sequence_unwrapper.h"

#include <algorithm>
#include <bitset>
#include <memory>

namespace convene::media {

std::vector<NackItem> makeNackItems(std::span<const uint16_t> lostSequenceNumbers)
{
    // Unwrapping relative to the first value puts the numbers on a line where plain sorting works
    // across the 65535 -> 0 wrap.
    SequenceNumberUnwrapper unwrapper;
    std::vector<int64_t> unwrapped;
    unwrapped.reserve(lostSequenceNumbers.size());
    for (const uint16_t sequence : lostSequenceNumbers) {
        unwrapper.reset();
        unwrapper.unwrap(lostSequenceNumbers.front());
        unwrapped.push_back(unwrapper.unwrap(sequence));
    }
    std::sort(unwrapped.begin(), unwrapped.end());
    unwrapped.erase(std::unique(unwrapped.begin(), unwrapped.end()), unwrapped.end());

    std::vector<NackItem> items;
    int64_t pid = 0;
    for (const int64_t sequence : unwrapped) {
        const int64_t distance = sequence - pid;
        if (!items.empty() && distance <= 16) {
            items.back().blp = uint16_t(items.back().blp | 1u << (distance - 1));
        } else {
            pid = sequence;
            items.push_back({uint16_t(sequence), 0});
        }
    }
    return items;
}

std::vector<uint16_t> expandNackItems(std::span<const NackItem> items)
{
    std::vector<uint16_t> sequences;
    for (const NackItem& item : items) {
        sequences.push_back(item.pid);
        for (unsigned bit = 0; bit < 16; ++bit)
            if (item.blp & (1u << bit))
                sequences.push_back(uint16_t(item.pid + bit + 1));
    }
    return sequences;
}

NackedSequenceNumbers nackedSequenceNumbers(std::span<const NackItem> items, std::size_t limit)
{
    NackedSequenceNumbers result;
    const auto seen = std::make_unique<std::bitset<65536>>();
    const auto take = [&](uint16_t sequence) {
        if (seen->test(sequence))
            return;
        seen->set(sequence);
        if (result.numbers.size() < limit)
            result.numbers.push_back(sequence);
        else
            ++result.overLimit;
    };
    for (const NackItem& item : items) {
        take(item.pid);
        for (unsigned bit = 0; bit < 16; ++bit)
            if (item.blp & (1u << bit))
                take(uint16_t(item.pid + bit + 1));
    }
    return result;
}

} // namespace convene::media
