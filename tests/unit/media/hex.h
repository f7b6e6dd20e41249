#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace media_test {

// Whitespace is ignored so byte layouts can be written grouped like the RFC figures.
inline std::vector<uint8_t> fromHex(std::string_view hex)
{
    std::vector<uint8_t> out;
    int high = -1;
    for (const char c : hex) {
        int nibble = -1;
        if (c >= '0' && c <= '9')
            nibble = c - '0';
        else if (c >= 'a' && c <= 'f')
            nibble = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            nibble = c - 'A' + 10;
        else
            continue;
        if (high < 0) {
            high = nibble;
        } else {
            out.push_back(uint8_t(high << 4 | nibble));
            high = -1;
        }
    }
    return out;
}

inline std::string toHex(std::span<const uint8_t> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0x0F];
    }
    return out;
}

} // namespace media_test
