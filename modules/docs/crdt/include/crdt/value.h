#pragma once
// A JavaScript-like value: what Yjs stores in ContentAny, ContentJSON, embeds and formats.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace convene::crdt {

// How deep decoded values (lib0 "any", JSON) may nest: the decoders recurse once per level.
inline constexpr int kMaxValueDepth = 64;

class Value {
public:
    enum class Kind : uint8_t { Undefined, Null, Bool, Number, BigInt, String, Array, Object, Binary };
    using Array = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>; // insertion order, like JS

    Value() = default;
    static Value null()
    {
        Value v;
        v.kind_ = Kind::Null;
        return v;
    }
    static Value boolean(bool b)
    {
        Value v;
        v.kind_ = Kind::Bool;
        v.num_ = b ? 1 : 0;
        return v;
    }
    static Value number(double d)
    {
        Value v;
        v.kind_ = Kind::Number;
        v.num_ = d;
        return v;
    }
    static Value bigint(int64_t i)
    {
        Value v;
        v.kind_ = Kind::BigInt;
        v.big_ = i;
        return v;
    }
    static Value string(std::string s)
    {
        Value v;
        v.kind_ = Kind::String;
        v.str_ = std::move(s);
        return v;
    }
    static Value array(Array a = {});
    static Value object(Object o = {});
    // An object of entries in input order where a repeated key keeps its first place and its
    // last value, as in JavaScript. Found by sorting: n keys cost n log n, never n².
    static Value objectFromEntries(Object entries);
    static Value binary(std::vector<uint8_t> b);

    Kind kind() const { return kind_; }
    bool isUndefined() const { return kind_ == Kind::Undefined; }
    bool isNull() const { return kind_ == Kind::Null; }
    bool isPrimitive() const { return kind_ <= Kind::String; }
    bool asBool() const { return num_ != 0; }
    double asNumber() const { return num_; }
    int64_t asBigInt() const { return big_; }
    const std::string& asString() const { return str_; }
    const Array& asArray() const { return *arr_; }
    Array& asArray() { return *arr_; }
    const Object& asObject() const { return *obj_; }
    Object& asObject() { return *obj_; }
    const std::vector<uint8_t>& asBinary() const { return *bin_; }
    const Value* get(std::string_view key) const;
    void set(std::string key, Value v);

    // Deep structural equality.
    bool operator==(const Value& o) const;

    // JSON.stringify semantics (undefined in objects is skipped, in arrays becomes null).
    std::string toJson() const;
    void appendJson(std::string& out) const;

private:
    Kind kind_ = Kind::Undefined;
    double num_ = 0;
    int64_t big_ = 0;
    std::string str_;
    std::shared_ptr<Array> arr_;
    std::shared_ptr<Object> obj_;
    std::shared_ptr<std::vector<uint8_t>> bin_;
};

// Strict JSON parser; throws DecodeError on malformed input, nesting deeper than maxDepth, or
// when memory runs out.
Value parseJson(std::string_view text, int maxDepth = kMaxValueDepth);

// Formats a double the way JavaScript's Number#toString does for common values.
void appendJsNumber(std::string& out, double d);
void appendJsonString(std::string& out, std::string_view utf8);

} // namespace convene::crdt
