#include "utf8_decoder.h"

namespace convene::xmpp {

char32_t Utf8Decoder::push(uint8_t byte)
{
    if (m_remaining == 0) {
        m_lower = 0x80;
        m_upper = 0xBF;
        if (byte < 0x80)
            return byte;
        if (byte >= 0xC2 && byte <= 0xDF) {
            m_remaining = 1;
            m_codePoint = byte & 0x1Fu;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            m_remaining = 2;
            m_codePoint = byte & 0x0Fu;
            if (byte == 0xE0)
                m_lower = 0xA0; // overlong
            else if (byte == 0xED)
                m_upper = 0x9F; // surrogates
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            m_remaining = 3;
            m_codePoint = byte & 0x07u;
            if (byte == 0xF0)
                m_lower = 0x90; // overlong
            else if (byte == 0xF4)
                m_upper = 0x8F; // above U+10FFFF
        } else {
            return invalid;
        }
        return needMore;
    }
    if (byte < m_lower || byte > m_upper) {
        reset();
        return invalid;
    }
    m_lower = 0x80;
    m_upper = 0xBF;
    m_codePoint = (m_codePoint << 6) | (byte & 0x3Fu);
    return --m_remaining == 0 ? m_codePoint : needMore;
}

void Utf8Decoder::reset()
{
    *this = Utf8Decoder();
}

} // namespace convene::xmpp
