#pragma once
// Small helpers shared by the CRDT unit tests.
#include "crdt/doc.h"

#include <string>
#include <vector>

namespace crdt_test {

inline std::vector<uint8_t> fromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(uint8_t(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

inline std::string toHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : bytes) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

// Connects docs so that every local update is applied to all the others.
inline void link(std::vector<convene::crdt::Doc*> docs)
{
    static const int kRemote = 0;
    for (auto* from : docs)
        from->onUpdate([docs, from](const std::vector<uint8_t>& u, const void* origin) {
            if (origin == &kRemote)
                return;
            for (auto* to : docs)
                if (to != from)
                    to->applyUpdate(u, &kRemote);
        });
}

} // namespace crdt_test
