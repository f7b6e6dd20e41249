// The C++ side of relpos-interop.mjs: crdt-relpos-peer <cases.json> <results.json>
// Per scenario: applies yjs' base update, makes a relative position for each index yjs did,
// finds yjs' positions (binary and JSON) in the base and after the later update, and writes what
// it made and found; the script compares.
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/error.h"
#include "crdt/relative_position.h"
#include "crdt/ytext.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace convene::crdt;

namespace {

std::vector<uint8_t> fromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(uint8_t(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string toHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : bytes) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

std::string indexIn(Doc& doc, const RelativePosition& position)
{
    const auto found = absolutePosition(position, doc);
    return found ? std::to_string(found->index) : std::string("null");
}

std::string list(const std::vector<std::string>& items, bool quoted)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        if (quoted)
            appendJsonString(out, items[i]);
        else
            out += items[i];
    }
    return out + "]";
}

const std::string& stringAt(const Value& object, const char* key)
{
    const Value* value = object.get(key);
    if (!value || value->kind() != Value::Kind::String)
        throw DecodeError(std::string("missing ") + key);
    return value->asString();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: crdt-relpos-peer <cases.json> <results.json>\n");
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const Value cases = parseJson(text.str());
        std::string out = "[";
        bool first = true;
        for (const Value& c : cases.asArray()) {
            Doc doc(1);
            Text content = doc.getText("content");
            Doc base(2);
            base.getText("content");
            if (!doc.applyUpdate(fromHex(stringAt(c, "base"))) || !base.applyUpdate(fromHex(stringAt(c, "base"))))
                return 3;
            std::vector<std::string> made, madeJson, afterFromBytes, afterFromJson, lateBase, lateAfter;
            std::vector<RelativePosition> fromBytes, fromJson, late;
            for (const Value& p : c.get("positions")->asArray()) {
                const RelativePosition mine = relativePositionFromIndex(
                    content.type(), uint64_t(p.get("index")->asNumber()), int64_t(p.get("assoc")->asNumber()));
                made.push_back(toHex(encodeRelativePosition(mine)));
                madeJson.push_back(relativePositionToJson(mine).toJson());
                fromBytes.push_back(decodeRelativePosition(fromHex(stringAt(p, "bytes"))));
                const auto parsed = relativePositionFromJson(parseJson(stringAt(p, "json")));
                if (!parsed)
                    return 4;
                fromJson.push_back(*parsed);
            }
            for (const Value& p : c.get("late")->asArray()) {
                late.push_back(decodeRelativePosition(fromHex(stringAt(p, "bytes"))));
                lateBase.push_back(indexIn(base, late.back()));
            }
            if (!doc.applyUpdate(fromHex(stringAt(c, "after"))))
                return 3;
            for (std::size_t i = 0; i < fromBytes.size(); ++i) {
                afterFromBytes.push_back(indexIn(doc, fromBytes[i]));
                afterFromJson.push_back(indexIn(doc, fromJson[i]));
            }
            for (const RelativePosition& p : late)
                lateAfter.push_back(indexIn(doc, p));
            out += first ? "" : ",";
            first = false;
            out += "{\"made\":" + list(made, true) + ",\"madeJson\":" + list(madeJson, true) +
                   ",\"afterFromBytes\":" + list(afterFromBytes, false) + ",\"afterFromJson\":" +
                   list(afterFromJson, false) + ",\"lateBase\":" + list(lateBase, false) +
                   ",\"lateAfter\":" + list(lateAfter, false) + "}";
        }
        std::ofstream(argv[2]) << out << "]";
    } catch (const std::exception& e) {
        std::fprintf(stderr, "crdt-relpos-peer: %s\n", e.what());
        return 3;
    }
    return 0;
}
