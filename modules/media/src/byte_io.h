#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// Network byte order helpers; callers check bounds first.
namespace convene::media::byte_io {

inline uint16_t readBe16(std::span<const uint8_t> bytes, std::size_t at)
{
    return uint16_t((bytes[at] << 8) | bytes[at + 1]);
}

inline uint32_t readBe32(std::span<const uint8_t> bytes, std::size_t at)
{
    return (uint32_t(bytes[at]) << 24) | (uint32_t(bytes[at + 1]) << 16) | (uint32_t(bytes[at + 2]) << 8) |
           uint32_t(bytes[at + 3]);
}

inline void appendBe16(std::vector<uint8_t>& out, uint16_t value)
{
    out.push_back(uint8_t(value >> 8));
    out.push_back(uint8_t(value));
}

inline void appendBe32(std::vector<uint8_t>& out, uint32_t value)
{
    out.push_back(uint8_t(value >> 24));
    out.push_back(uint8_t(value >> 16));
    out.push_back(uint8_t(value >> 8));
    out.push_back(uint8_t(value));
}

} // namespace convene::media::byte_io
