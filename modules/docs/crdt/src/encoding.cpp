#include "crdt/encoding.h"

#include "crdt/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace convene::crdt {

void Encoder::writeVarInt(int64_t v, bool negativeZero)
{
    const bool negative = v < 0 || (v == 0 && negativeZero);
    uint64_t n = v < 0 ? uint64_t(-(v + 1)) + 1 : uint64_t(v);
    buf_.push_back(uint8_t((n > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (n & 0x3F)));
    n >>= 6;
    while (n > 0) {
        buf_.push_back(uint8_t((n > 0x7F ? 0x80 : 0) | (n & 0x7F)));
        n >>= 7;
    }
}

void Encoder::writeVarString(std::string_view utf8)
{
    writeVarUint(utf8.size());
    buf_.insert(buf_.end(), utf8.begin(), utf8.end());
}

void Encoder::writeVarString(std::u16string_view utf16)
{
    // Straight into the buffer: this runs for every text update, so no temporary string.
    std::size_t len = 0;
    for (std::size_t i = 0; i < utf16.size(); ++i) {
        const char16_t c = utf16[i];
        if (c < 0x80)
            len += 1;
        else if (c < 0x800)
            len += 2;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < utf16.size() && utf16[i + 1] >= 0xDC00 &&
                 utf16[i + 1] <= 0xDFFF) {
            len += 4;
            ++i;
        } else
            len += 3; // includes lone surrogates, written as U+FFFD
    }
    writeVarUint(len);
    const std::size_t start = buf_.size();
    buf_.resize(start + len);
    uint8_t* out = buf_.data() + start;
    for (std::size_t i = 0; i < utf16.size(); ++i) {
        uint32_t cp = utf16[i];
        if (cp < 0x80) {
            *out++ = uint8_t(cp);
            continue;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < utf16.size() && utf16[i + 1] >= 0xDC00 && utf16[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (uint32_t(utf16[i + 1]) - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (cp < 0x800) {
            *out++ = uint8_t(0xC0 | (cp >> 6));
            *out++ = uint8_t(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *out++ = uint8_t(0xE0 | (cp >> 12));
            *out++ = uint8_t(0x80 | ((cp >> 6) & 0x3F));
            *out++ = uint8_t(0x80 | (cp & 0x3F));
        } else {
            *out++ = uint8_t(0xF0 | (cp >> 18));
            *out++ = uint8_t(0x80 | ((cp >> 12) & 0x3F));
            *out++ = uint8_t(0x80 | ((cp >> 6) & 0x3F));
            *out++ = uint8_t(0x80 | (cp & 0x3F));
        }
    }
}

void Encoder::writeVarUint8Array(std::span<const uint8_t> bytes)
{
    writeVarUint(bytes.size());
    writeBytes(bytes);
}

void Encoder::writeFloat32(float f)
{
    const uint32_t u = std::bit_cast<uint32_t>(f);
    for (int i = 3; i >= 0; --i)
        buf_.push_back(uint8_t(u >> (8 * i)));
}

void Encoder::writeFloat64(double d)
{
    const uint64_t u = std::bit_cast<uint64_t>(d);
    for (int i = 7; i >= 0; --i)
        buf_.push_back(uint8_t(u >> (8 * i)));
}

void Encoder::writeBigInt64(int64_t v)
{
    const auto u = uint64_t(v);
    for (int i = 7; i >= 0; --i)
        buf_.push_back(uint8_t(u >> (8 * i)));
}

void Encoder::writeAny(const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Undefined: writeUint8(127); break;
    case Value::Kind::Null: writeUint8(126); break;
    case Value::Kind::Bool: writeUint8(v.asBool() ? 120 : 121); break;
    case Value::Kind::Number: {
        const double d = v.asNumber();
        if (std::trunc(d) == d && std::fabs(d) <= 2147483647.0) {
            writeUint8(125);
            writeVarInt(int64_t(d), std::signbit(d));
        } else if (!std::isnan(d) && double(float(d)) == d) {
            writeUint8(124);
            writeFloat32(float(d));
        } else {
            writeUint8(123);
            writeFloat64(d);
        }
        break;
    }
    case Value::Kind::BigInt:
        writeUint8(122);
        writeBigInt64(v.asBigInt());
        break;
    case Value::Kind::String:
        writeUint8(119);
        writeVarString(v.asString());
        break;
    case Value::Kind::Object:
        writeUint8(118);
        writeVarUint(v.asObject().size());
        for (const auto& [k, val] : v.asObject()) {
            writeVarString(k);
            writeAny(val);
        }
        break;
    case Value::Kind::Array:
        writeUint8(117);
        writeVarUint(v.asArray().size());
        for (const auto& val : v.asArray())
            writeAny(val);
        break;
    case Value::Kind::Binary:
        writeUint8(116);
        writeVarUint8Array(v.asBinary());
        break;
    }
}

uint8_t Decoder::readUint8()
{
    if (pos_ >= data_.size())
        throw DecodeError("unexpected end of data");
    return data_[pos_++];
}

uint64_t Decoder::readVarUint()
{
    uint64_t num = 0;
    int shift = 0;
    while (true) {
        const uint8_t r = readUint8();
        num |= uint64_t(r & 0x7F) << shift;
        if (num > kMaxSafeInteger)
            throw DecodeError("integer out of range");
        if (r < 0x80)
            return num;
        shift += 7;
        if (shift > 53)
            throw DecodeError("integer out of range");
    }
}

int64_t Decoder::readVarInt(bool* negativeZero)
{
    uint8_t r = readUint8();
    uint64_t num = r & 0x3F;
    const bool negative = (r & 0x40) != 0;
    int shift = 6;
    while (r & 0x80) {
        r = readUint8();
        num |= uint64_t(r & 0x7F) << shift;
        if (num > kMaxSafeInteger)
            throw DecodeError("integer out of range");
        shift += 7;
        if (shift > 60 && (r & 0x80))
            throw DecodeError("integer out of range");
    }
    if (negativeZero)
        *negativeZero = negative && num == 0;
    return negative ? -int64_t(num) : int64_t(num);
}

std::span<const uint8_t> Decoder::readBytes(std::size_t n)
{
    if (n > remaining())
        throw DecodeError("length exceeds remaining data");
    auto out = data_.subspan(pos_, n);
    pos_ += n;
    return out;
}

std::span<const uint8_t> Decoder::readVarUint8Array()
{
    return readBytes(readVarUint());
}

std::string Decoder::readVarString()
{
    auto bytes = readVarUint8Array();
    std::string s(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!validUtf8(s))
        throw DecodeError("invalid UTF-8 in string");
    return s;
}

std::u16string Decoder::readVarString16()
{
    auto bytes = readVarUint8Array();
    std::string_view s(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!validUtf8(s))
        throw DecodeError("invalid UTF-8 in string");
    return toUtf16(s);
}

float Decoder::readFloat32()
{
    auto b = readBytes(4);
    uint32_t u = 0;
    for (auto x : b)
        u = (u << 8) | x;
    return std::bit_cast<float>(u);
}

double Decoder::readFloat64()
{
    auto b = readBytes(8);
    uint64_t u = 0;
    for (auto x : b)
        u = (u << 8) | x;
    return std::bit_cast<double>(u);
}

int64_t Decoder::readBigInt64()
{
    auto b = readBytes(8);
    uint64_t u = 0;
    for (auto x : b)
        u = (u << 8) | x;
    return int64_t(u);
}

uint64_t Decoder::readCount(std::size_t minBytes)
{
    const uint64_t n = readVarUint();
    // More set aside than remains: the enclosing counts cannot be satisfied any more.
    const std::size_t available = remaining() > setAside_ ? remaining() - setAside_ : 0;
    if (minBytes > 0 && n > available / minBytes)
        throw DecodeError("element count exceeds remaining data");
    return n;
}

Elements::Elements(Decoder& dec, std::size_t minBytes) : dec_(dec), minBytes_(minBytes), count_(dec.readCount(minBytes))
{
    dec_.setAside_ += std::size_t(count_) * minBytes_;
}

Elements::~Elements()
{
    dec_.setAside_ -= std::size_t(count_ - started_) * minBytes_;
}

bool Elements::next()
{
    if (started_ == count_)
        return false;
    ++started_;
    dec_.setAside_ -= minBytes_;
    return true;
}

Value Decoder::readAny(int depth)
{
    if (depth > kMaxValueDepth)
        throw DecodeError("value nesting too deep");
    switch (readUint8()) {
    case 127: return Value();
    case 126: return Value::null();
    case 125: {
        bool negZero = false;
        const int64_t i = readVarInt(&negZero);
        return Value::number(negZero ? -0.0 : double(i));
    }
    case 124: return Value::number(double(readFloat32()));
    case 123: return Value::number(readFloat64());
    case 122: return Value::bigint(readBigInt64());
    case 121: return Value::boolean(false);
    case 120: return Value::boolean(true);
    case 119: return Value::string(readVarString());
    case 118: {
        Elements entries(*this, 2); // a key's length and a value's type at least
        Value::Object obj;
        obj.reserve(entries.size());
        while (entries.next()) {
            std::string key = readVarString();
            obj.emplace_back(std::move(key), readAny(depth + 1));
        }
        return Value::objectFromEntries(std::move(obj));
    }
    case 117: {
        Elements values(*this, 1);
        Value::Array arr;
        arr.reserve(values.size());
        while (values.next())
            arr.push_back(readAny(depth + 1));
        return Value::array(std::move(arr));
    }
    case 116: {
        auto b = readVarUint8Array();
        return Value::binary({b.begin(), b.end()});
    }
    default: throw DecodeError("unknown value type");
    }
}

bool validUtf8(std::string_view s)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return false;
        if (i + std::size_t(len) > n)
            return false;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + std::size_t(k)]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += std::size_t(len);
    }
    return true;
}

void appendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string toUtf8(std::u16string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        uint32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (uint32_t(s[i + 1]) - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

std::u16string toUtf16(std::string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += char16_t(c);
            ++i;
            continue;
        }
        int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (len == 1 || i + std::size_t(len) > s.size()) {
            out += u'\uFFFD';
            ++i;
            continue;
        }
        uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + std::size_t(k)]) & 0x3F);
        i += std::size_t(len);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += char16_t(0xD800 + (cp >> 10));
            out += char16_t(0xDC00 + (cp & 0x3FF));
        } else {
            out += char16_t(cp);
        }
    }
    return out;
}

} // namespace convene::crdt
