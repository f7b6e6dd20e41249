#include "crdt/value.h"

#include "crdt/encoding.h"
#include "crdt/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace convene::crdt {

Value Value::array(Array a)
{
    Value v;
    v.kind_ = Kind::Array;
    v.arr_ = std::make_shared<Array>(std::move(a));
    return v;
}

Value Value::object(Object o)
{
    Value v;
    v.kind_ = Kind::Object;
    v.obj_ = std::make_shared<Object>(std::move(o));
    return v;
}

Value Value::objectFromEntries(Object entries)
{
    const std::size_t n = entries.size();
    constexpr std::size_t kScanLimit = 16;
    if (n <= kScanLimit) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < n; ++i) {
            auto same = std::find_if(entries.begin(), entries.begin() + std::ptrdiff_t(kept),
                                     [&](const auto& e) { return e.first == entries[i].first; });
            if (same != entries.begin() + std::ptrdiff_t(kept))
                same->second = std::move(entries[i].second);
            else if (kept++ != i)
                entries[kept - 1] = std::move(entries[i]);
        }
        entries.erase(entries.begin() + std::ptrdiff_t(kept), entries.end());
        return object(std::move(entries));
    }
    // Entry positions by key, then by position: each run of one key starts at its first place
    // and ends at its last value.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int c = entries[a].first.compare(entries[b].first);
        return c < 0 || (c == 0 && a < b);
    });
    std::vector<bool> repeated(n, false);
    bool anyRepeated = false;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && entries[order[j]].first == entries[order[i]].first)
            repeated[order[j++]] = true;
        if (j - i > 1) {
            entries[order[i]].second = std::move(entries[order[j - 1]].second);
            anyRepeated = true;
        }
        i = j;
    }
    if (anyRepeated) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (!repeated[i] && kept++ != i)
                entries[kept - 1] = std::move(entries[i]);
        entries.erase(entries.begin() + std::ptrdiff_t(kept), entries.end());
    }
    return object(std::move(entries));
}

Value Value::binary(std::vector<uint8_t> b)
{
    Value v;
    v.kind_ = Kind::Binary;
    v.bin_ = std::make_shared<std::vector<uint8_t>>(std::move(b));
    return v;
}

const Value* Value::get(std::string_view key) const
{
    if (kind_ != Kind::Object)
        return nullptr;
    for (const auto& [k, v] : *obj_)
        if (k == key)
            return &v;
    return nullptr;
}

void Value::set(std::string key, Value v)
{
    if (kind_ != Kind::Object)
        *this = object();
    for (auto& [k, old] : *obj_)
        if (k == key) {
            old = std::move(v);
            return;
        }
    obj_->emplace_back(std::move(key), std::move(v));
}

bool Value::operator==(const Value& o) const
{
    if (kind_ != o.kind_)
        return false;
    switch (kind_) {
    case Kind::Undefined:
    case Kind::Null: return true;
    case Kind::Bool:
    case Kind::Number: return num_ == o.num_;
    case Kind::BigInt: return big_ == o.big_;
    case Kind::String: return str_ == o.str_;
    case Kind::Array: return *arr_ == *o.arr_;
    case Kind::Object: return *obj_ == *o.obj_;
    case Kind::Binary: return *bin_ == *o.bin_;
    }
    return false;
}

void appendJsNumber(std::string& out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (d == 0) {
        out += '0';
        return;
    }
    // Shortest round-trip digits, then ECMAScript Number::toString placement rules.
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    if (sci[0] == '-') {
        out += '-';
        sci.erase(0, 1);
    }
    const auto e = sci.find('e');
    std::string digits = sci.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int exp = std::stoi(sci.substr(e + 1));
    const int k = int(digits.size());
    const int n = exp + 1;
    if (k <= n && n <= 21) {
        out += digits;
        out.append(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, std::size_t(n));
        out += '.';
        out += digits.substr(std::size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(std::size_t(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
}

void appendJsonString(std::string& out, std::string_view s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

void Value::appendJson(std::string& out) const
{
    switch (kind_) {
    case Kind::Undefined:
    case Kind::Null: out += "null"; break;
    case Kind::Bool: out += num_ != 0 ? "true" : "false"; break;
    case Kind::Number: appendJsNumber(out, num_); break;
    case Kind::BigInt: out += std::to_string(big_); break;
    case Kind::String: appendJsonString(out, str_); break;
    case Kind::Array: {
        out += '[';
        bool first = true;
        for (const auto& v : *arr_) {
            if (!first)
                out += ',';
            first = false;
            v.appendJson(out);
        }
        out += ']';
        break;
    }
    case Kind::Object: {
        out += '{';
        bool first = true;
        for (const auto& [k, v] : *obj_) {
            if (v.isUndefined())
                continue;
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, k);
            out += ':';
            v.appendJson(out);
        }
        out += '}';
        break;
    }
    case Kind::Binary: {
        // JSON.stringify(Uint8Array) gives {"0":..,"1":..}
        out += '{';
        for (std::size_t i = 0; i < bin_->size(); ++i) {
            if (i)
                out += ',';
            out += '"' + std::to_string(i) + "\":" + std::to_string((*bin_)[i]);
        }
        out += '}';
        break;
    }
    }
}

std::string Value::toJson() const
{
    std::string out;
    appendJson(out);
    return out;
}

namespace {

struct JsonParser {
    std::string_view s;
    std::size_t pos = 0;
    int maxDepth;

    [[noreturn]] void fail(const char* what) const
    {
        throw DecodeError(std::string("invalid JSON: ") + what + " at offset " + std::to_string(pos));
    }
    void ws()
    {
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r'))
            ++pos;
    }
    bool lit(std::string_view w)
    {
        if (s.substr(pos, w.size()) == w) {
            pos += w.size();
            return true;
        }
        return false;
    }
    uint32_t hex4()
    {
        if (pos + 4 > s.size())
            fail("truncated escape");
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = s[pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= uint32_t(c - 'A' + 10);
            else
                fail("bad escape");
        }
        return v;
    }
    std::string str()
    {
        ++pos; // opening quote
        std::string out;
        while (true) {
            if (pos >= s.size())
                fail("unterminated string");
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] != '"' && s[pos] != '\\' && static_cast<unsigned char>(s[pos]) >= 0x20)
                ++pos;
            out.append(s.data() + start, pos - start);
            if (pos >= s.size())
                fail("unterminated string");
            char c = s[pos++];
            if (c == '"')
                return out;
            if (c != '\\')
                fail("control character in string");
            if (pos >= s.size())
                fail("unterminated string");
            c = s[pos++];
            switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF && pos + 1 < s.size() && s[pos] == '\\' && s[pos + 1] == 'u') {
                    const std::size_t save = pos;
                    pos += 2;
                    uint32_t lo = hex4();
                    if (lo >= 0xDC00 && lo <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        pos = save;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0xFFFD;
                appendUtf8(out, cp);
                break;
            }
            default: fail("bad escape");
            }
        }
    }
    Value value(int depth)
    {
        if (depth > maxDepth)
            fail("nesting too deep");
        ws();
        if (pos >= s.size())
            fail("unexpected end");
        const char c = s[pos];
        if (c == '{') {
            ++pos;
            Value::Object obj;
            ws();
            if (pos < s.size() && s[pos] == '}') {
                ++pos;
                return Value::object(std::move(obj));
            }
            while (true) {
                ws();
                if (pos >= s.size() || s[pos] != '"')
                    fail("expected key");
                std::string key = str();
                ws();
                if (pos >= s.size() || s[pos] != ':')
                    fail("expected ':'");
                ++pos;
                Value v = value(depth + 1);
                obj.emplace_back(std::move(key), std::move(v));
                ws();
                if (pos < s.size() && s[pos] == ',') {
                    ++pos;
                    continue;
                }
                if (pos < s.size() && s[pos] == '}') {
                    ++pos;
                    return Value::objectFromEntries(std::move(obj));
                }
                fail("expected ',' or '}'");
            }
        }
        if (c == '[') {
            ++pos;
            Value::Array arr;
            ws();
            if (pos < s.size() && s[pos] == ']') {
                ++pos;
                return Value::array(std::move(arr));
            }
            while (true) {
                arr.push_back(value(depth + 1));
                ws();
                if (pos < s.size() && s[pos] == ',') {
                    ++pos;
                    continue;
                }
                if (pos < s.size() && s[pos] == ']') {
                    ++pos;
                    return Value::array(std::move(arr));
                }
                fail("expected ',' or ']'");
            }
        }
        if (c == '"')
            return Value::string(str());
        if (lit("true"))
            return Value::boolean(true);
        if (lit("false"))
            return Value::boolean(false);
        if (lit("null"))
            return Value::null();
        const std::size_t start = pos;
        if (pos < s.size() && s[pos] == '-')
            ++pos;
        while (pos < s.size() && ((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '.' || s[pos] == 'e' || s[pos] == 'E' ||
                                  s[pos] == '+' || s[pos] == '-'))
            ++pos;
        double d = 0;
        auto r = std::from_chars(s.data() + start, s.data() + pos, d);
        if (pos == start || r.ec != std::errc() || r.ptr != s.data() + pos)
            fail("bad number");
        return Value::number(d);
    }
};

} // namespace

Value parseJson(std::string_view text, int maxDepth)
{
    return decodeOrReject([&] {
        JsonParser p{text, 0, maxDepth};
        Value v = p.value(0);
        p.ws();
        if (p.pos != text.size())
            p.fail("trailing characters");
        return v;
    });
}

} // namespace convene::crdt
