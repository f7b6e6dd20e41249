#include "trace.h"

#include "crdt/encoding.h"
#include "crdt/error.h"
#include "crdt/value.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <zlib.h>

using namespace convene::crdt;

namespace {

std::string gunzip(const std::string& path)
{
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f)
        throw std::runtime_error("cannot open " + path);
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        out.append(buf, std::size_t(n));
    const bool failed = n < 0;
    gzclose(f);
    if (failed)
        throw std::runtime_error("cannot decompress " + path);
    return out;
}

// Positions of astral (surrogate pair) characters, in code points; usually empty.
struct AstralIndex {
    std::vector<uint32_t> positions;

    uint32_t toUtf16(uint32_t cp) const
    {
        return cp + uint32_t(std::lower_bound(positions.begin(), positions.end(), cp) - positions.begin());
    }
    void erase(uint32_t pos, uint32_t count)
    {
        auto first = std::lower_bound(positions.begin(), positions.end(), pos);
        auto last = std::lower_bound(positions.begin(), positions.end(), pos + count);
        first = positions.erase(first, last);
        for (auto it = first; it != positions.end(); ++it)
            *it -= count;
    }
    void insert(uint32_t pos, const std::u16string& text)
    {
        std::vector<uint32_t> added;
        uint32_t cps = 0;
        for (std::size_t i = 0; i < text.size(); ++i, ++cps) {
            if (text[i] >= 0xD800 && text[i] <= 0xDBFF && i + 1 < text.size()) {
                added.push_back(pos + cps);
                ++i;
            }
        }
        auto it = std::lower_bound(positions.begin(), positions.end(), pos);
        for (auto j = it; j != positions.end(); ++j)
            *j += cps;
        positions.insert(it, added.begin(), added.end());
    }
    uint32_t utf16Length(uint32_t pos, uint32_t count) const
    {
        auto first = std::lower_bound(positions.begin(), positions.end(), pos);
        auto last = std::lower_bound(positions.begin(), positions.end(), pos + count);
        return count + uint32_t(last - first);
    }
};

} // namespace

namespace {

// A small pull parser for exactly this JSON shape; a generic value tree would need several times
// the memory of the trace itself.
struct Reader {
    const std::string& s;
    std::size_t pos = 0;

    [[noreturn]] void fail(const char* what) const
    {
        throw std::runtime_error(std::string("trace: ") + what + " at offset " + std::to_string(pos));
    }
    void ws()
    {
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\r' || s[pos] == '\t'))
            ++pos;
    }
    bool peek(char c)
    {
        ws();
        return pos < s.size() && s[pos] == c;
    }
    void expect(char c)
    {
        if (!peek(c))
            fail("unexpected character");
        ++pos;
    }
    std::string string()
    {
        ws();
        const std::size_t start = pos;
        if (pos >= s.size() || s[pos] != '"')
            fail("expected string");
        // Find the end honouring escapes, then let the strict parser decode it.
        ++pos;
        while (pos < s.size() && s[pos] != '"')
            pos += s[pos] == '\\' ? 2 : 1;
        if (pos >= s.size())
            fail("unterminated string");
        ++pos;
        try {
            return parseJson(std::string_view(s).substr(start, pos - start)).asString();
        } catch (const DecodeError& e) {
            fail(e.what());
        }
    }
    double number()
    {
        ws();
        const std::size_t start = pos;
        while (pos < s.size() && (std::isdigit(static_cast<unsigned char>(s[pos])) || s[pos] == '-' || s[pos] == '.' ||
                                  s[pos] == 'e' || s[pos] == 'E' || s[pos] == '+'))
            ++pos;
        if (start == pos)
            fail("expected number");
        return std::stod(s.substr(start, pos - start));
    }
    void skipValue()
    {
        ws();
        const std::size_t start = pos;
        try {
            // Values we do not need (like "time") are short scalars; bound the slice.
            if (peek('"')) {
                string();
                return;
            }
            while (pos < s.size() && s[pos] != ',' && s[pos] != '}' && s[pos] != ']')
                ++pos;
            parseJson(std::string_view(s).substr(start, pos - start));
        } catch (const DecodeError& e) {
            fail(e.what());
        }
    }
};

} // namespace

Trace loadTrace(const std::string& gzPath)
{
    const std::string json = gunzip(gzPath);
    Reader r{json};
    Trace trace;
    AstralIndex astral;
    bool sawTxns = false;
    r.expect('{');
    while (!r.peek('}')) {
        const std::string key = r.string();
        r.expect(':');
        if (key == "startContent") {
            trace.startContent = toUtf16(r.string());
            astral.insert(0, trace.startContent);
        } else if (key == "endContent") {
            trace.endContent = toUtf16(r.string());
        } else if (key == "txns") {
            sawTxns = true;
            r.expect('[');
            while (!r.peek(']')) {
                std::vector<TracePatch> out;
                r.expect('{');
                while (!r.peek('}')) {
                    const std::string k = r.string();
                    r.expect(':');
                    if (k != "patches") {
                        r.skipValue();
                    } else {
                        r.expect('[');
                        while (!r.peek(']')) {
                            r.expect('[');
                            const auto pos = uint32_t(r.number());
                            r.expect(',');
                            const auto del = uint32_t(r.number());
                            r.expect(',');
                            TracePatch tp;
                            tp.insert = toUtf16(r.string());
                            r.expect(']');
                            tp.pos = astral.toUtf16(pos);
                            tp.del = astral.utf16Length(pos, del);
                            astral.erase(pos, del);
                            astral.insert(pos, tp.insert);
                            ++trace.patchCount;
                            out.push_back(std::move(tp));
                            if (r.peek(','))
                                r.expect(',');
                        }
                        r.expect(']');
                    }
                    if (r.peek(','))
                        r.expect(',');
                }
                r.expect('}');
                trace.txns.push_back(std::move(out));
                if (r.peek(','))
                    r.expect(',');
            }
            r.expect(']');
        } else {
            r.skipValue();
        }
        if (r.peek(','))
            r.expect(',');
    }
    r.expect('}');
    if (!sawTxns)
        throw std::runtime_error("trace: no txns array");
    return trace;
}
