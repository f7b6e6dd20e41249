#pragma once
// lib0-compatible binary primitives (variable-length integers, strings, "any" values).
#include "crdt/value.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace convene::crdt {

// JavaScript numbers are exact up to 2^53; lib0 refuses anything larger.
inline constexpr uint64_t kMaxSafeInteger = (uint64_t(1) << 53) - 1;

class Encoder {
public:
    Encoder() { buf_.reserve(64); }
    // Reuses the capacity of an existing buffer.
    explicit Encoder(std::vector<uint8_t>&& storage) : buf_(std::move(storage)) { buf_.clear(); }
    void writeUint8(uint8_t v) { buf_.push_back(v); }
    void writeVarUint(uint64_t v)
    {
        if (v < 0x80) {
            buf_.push_back(uint8_t(v));
            return;
        }
        uint8_t tmp[10];
        std::size_t n = 0;
        while (v > 0x7F) {
            tmp[n++] = uint8_t(0x80 | (v & 0x7F));
            v >>= 7;
        }
        tmp[n++] = uint8_t(v);
        buf_.insert(buf_.end(), tmp, tmp + n);
    }
    void writeVarInt(int64_t v, bool negativeZero = false);
    void writeVarString(std::string_view utf8);
    void writeVarString(std::u16string_view utf16);
    void writeVarUint8Array(std::span<const uint8_t> bytes);
    void writeBytes(std::span<const uint8_t> bytes) { buf_.insert(buf_.end(), bytes.begin(), bytes.end()); }
    void writeFloat32(float f);
    void writeFloat64(double d);
    void writeBigInt64(int64_t v);
    void writeAny(const Value& v);

    const std::vector<uint8_t>& data() const { return buf_; }
    std::vector<uint8_t> take() { return std::move(buf_); }
    std::size_t size() const { return buf_.size(); }

private:
    std::vector<uint8_t> buf_;
};

// Every read validates against the remaining bytes and throws DecodeError. Nesting of values is
// bounded (kMaxValueDepth), and so is every count (readCount, Elements).
class Decoder {
public:
    explicit Decoder(std::span<const uint8_t> bytes) : data_(bytes) { }
    bool atEnd() const { return pos_ >= data_.size(); }
    std::size_t remaining() const { return data_.size() - pos_; }
    std::size_t position() const { return pos_; }

    uint8_t readUint8();
    uint64_t readVarUint();
    // Returns the magnitude-signed value; sets negativeZero for lib0's "-0".
    int64_t readVarInt(bool* negativeZero = nullptr);
    std::string readVarString();
    std::u16string readVarString16();
    std::span<const uint8_t> readVarUint8Array();
    std::span<const uint8_t> readBytes(std::size_t n);
    float readFloat32();
    double readFloat64();
    int64_t readBigInt64();
    Value readAny(int depth = 0);

    // A count of elements that each need at least minBytes more input, besides the bytes set
    // aside for the elements still to come of the counts it is nested in (see Elements).
    uint64_t readCount(std::size_t minBytes = 1);

private:
    friend class Elements;
    std::span<const uint8_t> data_;
    std::size_t pos_ = 0;
    std::size_t setAside_ = 0;
};

// Reads a count, then its elements one by one. While they are read, the bytes the elements
// still to come need at least are set aside, so a count nested in one element can only claim
// what is left after them: whatever the nesting, the counts open at any time claim no more
// elements than the input holds bytes, and memory reserved for them stays linear in the input.
class Elements {
public:
    // minBytes must be a true lower bound of an element's size, or valid input is refused.
    Elements(Decoder& dec, std::size_t minBytes);
    ~Elements();
    Elements(const Elements&) = delete;
    Elements& operator=(const Elements&) = delete;

    uint64_t size() const { return count_; }
    // Starts reading the next element; false once all of them have been.
    bool next();

private:
    Decoder& dec_;
    std::size_t minBytes_;
    uint64_t count_;
    uint64_t started_ = 0;
};

// UTF-16 <-> UTF-8. Lone surrogates become U+FFFD like TextEncoder; invalid UTF-8 is rejected.
// Appends one code point as UTF-8.
void appendUtf8(std::string& out, uint32_t codePoint);
std::string toUtf8(std::u16string_view s);
std::u16string toUtf16(std::string_view s);
bool validUtf8(std::string_view s);

} // namespace convene::crdt
