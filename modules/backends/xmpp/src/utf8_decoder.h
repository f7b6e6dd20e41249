#pragma once

#include <cstdint>

namespace convene::xmpp {

// Strict incremental UTF-8 decoding (RFC 3629): overlong forms, surrogates and code points
// above U+10FFFF are invalid. Fed one byte at a time, so a sequence may span input chunks.
class Utf8Decoder {
public:
    static constexpr char32_t needMore = 0xFFFF'FFFF;
    static constexpr char32_t invalid = 0xFFFF'FFFE;

    // The completed code point, needMore inside a sequence, or invalid (then call reset()).
    char32_t push(uint8_t byte);
    bool isMidSequence() const { return m_remaining > 0; }
    void reset();

private:
    char32_t m_codePoint = 0;
    int m_remaining = 0;
    uint8_t m_lower = 0x80; // allowed range of the next continuation byte
    uint8_t m_upper = 0xBF;
};

} // namespace convene::xmpp
