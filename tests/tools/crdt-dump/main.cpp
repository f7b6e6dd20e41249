// Applies binary Yjs updates to an empty document and prints what came out, for debugging
// interop. Usage:
//   convene-crdt-dump [--json] [--stream] [--each] [--merge-to OUT [--diff-against SV]] [FILE...]
// --each prints the encoded state after every update (to find where two peers diverge).
// --merge-to writes mergeUpdates() of the inputs to OUT; with --diff-against, the diffUpdate()
// of that against the encoded state vector in file SV.
// Each FILE holds one update (or, with --stream, 4-byte little-endian length-prefixed updates).
// Without files, length-prefixed updates are read from standard input.
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/update.h"
#include "crdt/yarray.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

using namespace convene::crdt;

namespace {

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

bool splitStream(const std::vector<uint8_t>& data, std::vector<std::vector<uint8_t>>& out)
{
    std::size_t pos = 0;
    while (pos < data.size()) {
        if (data.size() - pos < 4)
            return false;
        const uint32_t len = uint32_t(data[pos]) | uint32_t(data[pos + 1]) << 8 | uint32_t(data[pos + 2]) << 16 |
                             uint32_t(data[pos + 3]) << 24;
        pos += 4;
        if (len > data.size() - pos)
            return false;
        out.emplace_back(data.begin() + std::ptrdiff_t(pos), data.begin() + std::ptrdiff_t(pos + len));
        pos += len;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    bool json = false;
    bool stream = false;
    bool each = false;
    std::string mergeTo;
    std::string diffAgainst;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json")
            json = true;
        else if (a == "--stream")
            stream = true;
        else if (a == "--each")
            each = true;
        else if (a == "--merge-to" && i + 1 < argc)
            mergeTo = argv[++i];
        else if (a == "--diff-against" && i + 1 < argc)
            diffAgainst = argv[++i];
        else if (a == "-h" || a == "--help") {
            std::puts(
                "usage: convene-crdt-dump [--json] [--stream] [--each] [--merge-to OUT [--diff-against SV]] [FILE...]");
            return 0;
        } else
            files.push_back(a);
    }
    std::vector<std::vector<uint8_t>> updates;
    if (files.empty()) {
        std::vector<uint8_t> data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
        if (!splitStream(data, updates)) {
            std::fprintf(stderr, "convene-crdt-dump: truncated length-prefixed input on stdin\n");
            return 2;
        }
    }
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "convene-crdt-dump: cannot read %s\n", f.c_str());
            return 2;
        }
        std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!stream) {
            updates.push_back(std::move(data));
        } else if (!splitStream(data, updates)) {
            std::fprintf(stderr, "convene-crdt-dump: truncated length-prefixed file %s\n", f.c_str());
            return 2;
        }
    }

    if (!mergeTo.empty()) {
        try {
            std::vector<uint8_t> merged = mergeUpdates(updates);
            if (!diffAgainst.empty()) {
                std::ifstream in(diffAgainst, std::ios::binary);
                const std::vector<uint8_t> sv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                merged = diffUpdate(merged, sv);
            }
            std::ofstream(mergeTo, std::ios::binary)
                .write(reinterpret_cast<const char*>(merged.data()), std::streamsize(merged.size()));
        } catch (const DecodeError& e) {
            std::fprintf(stderr, "convene-crdt-dump: cannot merge: %s\n", e.what());
            return 1;
        }
    }

    Doc doc(1);
    Text text = doc.getText("text");
    Map map = doc.getMap("meta");
    Array list = doc.getArray("list");
    int rejected = 0;
    for (std::size_t i = 0; i < updates.size(); ++i) {
        const Status s = doc.applyUpdate(updates[i]);
        if (!s) {
            std::fprintf(stderr, "convene-crdt-dump: update %zu rejected: %s\n", i, s.error.c_str());
            ++rejected;
        }
        if (each)
            std::printf("%zu %s %s\n", i, toHex(doc.encodeStateAsUpdate()).c_str(), text.toString().c_str());
    }
    const std::string sv = toHex(doc.encodeStateVector());
    const std::string state = toHex(doc.encodeStateAsUpdate());
    if (json) {
        std::string out = "{\"text\":";
        appendJsonString(out, text.toString());
        out += ",\"delta\":" + deltaToJson(text.toDelta());
        out += ",\"map\":" + map.toJson().toJson();
        out += ",\"array\":" + list.toJson().toJson();
        out += ",\"stateVector\":\"" + sv + "\",\"state\":\"" + state + "\",\"pending\":";
        out += doc.hasPending() ? "true" : "false";
        out += ",\"rejected\":" + std::to_string(rejected) + "}";
        std::puts(out.c_str());
    } else {
        std::printf("updates: %zu applied, %d rejected%s\n", updates.size() - std::size_t(rejected), rejected,
                    doc.hasPending() ? " (some structs wait for missing dependencies)" : "");
        std::printf("text: %s\n", text.toString().c_str());
        std::printf("delta: %s\n", deltaToJson(text.toDelta()).c_str());
        std::printf("state vector:");
        const StateVector vector = doc.stateVector();
        for (const auto& [client, clock] : vector.entries())
            std::printf(" %llu:%llu", static_cast<unsigned long long>(client), static_cast<unsigned long long>(clock));
        std::printf("\nencoded state: %zu bytes\n", state.size() / 2);
    }
    return rejected ? 1 : 0;
}
