#pragma once
// Loads an editing trace ({startContent, endContent, txns:[{patches:[[pos, del, text]]}]}) from
// a gzip file and converts code point positions to UTF-16 units, the way Yjs counts.
#include <cstdint>
#include <string>
#include <vector>

struct TracePatch {
    uint32_t pos = 0; // UTF-16 units
    uint32_t del = 0; // UTF-16 units
    std::u16string insert;
};

struct Trace {
    std::u16string startContent;
    std::u16string endContent;
    std::vector<std::vector<TracePatch>> txns;
    std::size_t patchCount = 0;
};

// Throws std::runtime_error on I/O or format problems.
Trace loadTrace(const std::string& gzPath);
