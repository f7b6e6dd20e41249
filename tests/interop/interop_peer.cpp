// Produces random concurrent editing scenarios with the C++ CRDT so that yjs can check them:
//   crdt-interop-peer <outDir> <scenarios> <seed>
// Writes, per scenario, the length-prefixed updates and the results our replay reached.
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/yarray.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace convene::crdt;

namespace {

using Bytes = std::vector<uint8_t>;

std::string toHex(const Bytes& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : bytes) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

void writeStream(const std::filesystem::path& file, const std::vector<Bytes>& updates)
{
    std::ofstream out(file, std::ios::binary);
    for (const Bytes& u : updates) {
        const uint32_t n = uint32_t(u.size());
        const char len[4] = {char(n & 0xFF), char((n >> 8) & 0xFF), char((n >> 16) & 0xFF), char(n >> 24)};
        out.write(len, 4);
        out.write(reinterpret_cast<const char*>(u.data()), std::streamsize(u.size()));
    }
}

std::string snapshot(Doc& doc)
{
    Text text = doc.getText("text");
    std::string out = "{\"text\":";
    appendJsonString(out, text.toString());
    out += ",\"delta\":" + deltaToJson(text.toDelta());
    out += ",\"map\":" + doc.getMap("meta").toJson().toJson();
    out += ",\"array\":" + doc.getArray("list").toJson().toJson();
    out += ",\"stateVector\":\"" + toHex(doc.encodeStateVector()) + "\"";
    out += ",\"state\":\"" + toHex(doc.encodeStateAsUpdate()) + "\"}";
    return out;
}

struct Random {
    std::mt19937 gen;
    uint64_t below(uint64_t n) { return n == 0 ? 0 : std::uniform_int_distribution<uint64_t>(0, n - 1)(gen); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(gen) < p; }
};

const char* kWords[] = {"hello ",   "world",  "Yjs ", "CRDT",     "\n", "a", "xyz ", "中文",
                        "协作文档", "测试。", "😀",    "👍🏽", "🎉x", "é", " "};

Value attrs(Random& r)
{
    switch (r.below(6)) {
    case 0: return parseJson(R"({"bold":true})");
    case 1: return parseJson(R"({"italic":true})");
    case 2: return parseJson(R"({"bold":null})");
    case 3: return parseJson(R"({"color":"#00ff00"})");
    case 4: return parseJson(R"({"color":null})");
    default: return parseJson(R"({"link":{"href":"https://y.test"}})");
    }
}

void randomEdit(Random& r, Doc& doc, bool allowFormat)
{
    Text text = doc.getText("text");
    const uint64_t len = text.length();
    const double roll = double(r.below(1000)) / 1000.0;
    if (roll < 0.45 || len == 0) {
        std::string s = kWords[r.below(std::size(kWords))];
        if (r.chance(0.3))
            s += kWords[r.below(std::size(kWords))];
        if (allowFormat && r.chance(0.25)) {
            const Value a = attrs(r);
            text.insert(r.below(len + 1), std::string_view(s), &a);
        } else {
            text.insert(r.below(len + 1), std::string_view(s));
        }
    } else if (roll < 0.7) {
        const uint64_t at = r.below(len);
        text.remove(at, 1 + r.below(std::min<uint64_t>(8, len - at)));
    } else if (roll < 0.85 && allowFormat) {
        const uint64_t at = r.below(len);
        text.format(at, 1 + r.below(std::min<uint64_t>(10, len - at)), attrs(r));
    } else if (roll < 0.88 && allowFormat) {
        text.insertEmbed(r.below(len + 1), parseJson(R"({"image":"pic.png"})"));
    } else if (roll < 0.94) {
        const char* keys[] = {"title", "owner", "tags", "n"};
        const Value values[] = {Value::string("Plan"),   Value::string("计划"),    Value::number(42),
                                Value::number(1.5),      Value::boolean(true),     Value::null(),
                                parseJson(R"(["a",1])"), parseJson(R"({"k":"v"})")};
        doc.getMap("meta").set(keys[r.below(4)], values[r.below(std::size(values))]);
    } else {
        Array list = doc.getArray("list");
        if (list.length() > 0 && r.chance(0.4))
            list.remove(r.below(list.length()), 1);
        else
            list.insert(r.below(list.length() + 1),
                        {r.chance(0.5) ? Value::number(double(r.below(100))) : Value::string("two")});
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: crdt-interop-peer <outDir> <scenarios> <seed>\n");
        return 2;
    }
    const std::filesystem::path outDir = argv[1];
    std::filesystem::create_directories(outDir);
    const int scenarios = std::atoi(argv[2]);
    const unsigned seed = unsigned(std::atoi(argv[3]));
    std::string manifest = "[";
    for (int s = 0; s < scenarios; ++s) {
        Random r{std::mt19937(seed * 7919u + unsigned(s))};
        const int nClients = 3 + int(r.below(3));
        const bool allowFormat = s % 4 != 3;
        std::vector<std::unique_ptr<Doc>> docs;
        std::vector<Bytes> log;
        const auto clientCount = static_cast<std::size_t>(nClients);
        std::vector<std::vector<Bytes>> inbox(clientCount);
        static const int kRemote = 0;
        for (int c = 0; c < nClients; ++c) {
            docs.push_back(std::make_unique<Doc>(ClientId(5000 + s * 10 + c + (c == 0 ? 3000000000u : 0))));
            docs.back()->getText("text");
            docs.back()->getMap("meta");
            docs.back()->getArray("list");
            docs.back()->onUpdate([&, c](const Bytes& u, const void*) {
                log.push_back(u);
                for (int o = 0; o < nClients; ++o)
                    if (o != c)
                        inbox[std::size_t(o)].push_back(u);
            });
        }
        const int steps = 40 + int(r.below(80));
        for (int step = 0; step < steps; ++step) {
            const int c = int(r.below(std::size_t(nClients)));
            const bool offline = step < steps / 2 && c == 1;
            randomEdit(r, *docs[std::size_t(c)], allowFormat);
            if (!offline && r.chance(0.35)) {
                auto& box = inbox[std::size_t(c)];
                while (!box.empty() && r.chance(0.8)) {
                    const std::size_t i = r.chance(0.2) ? r.below(box.size()) : 0;
                    Bytes u = box[i];
                    box.erase(box.begin() + std::ptrdiff_t(i));
                    if (!docs[std::size_t(c)]->applyUpdate(u, &kRemote))
                        return 3;
                }
            }
        }
        for (int round = 0; round < 2; ++round)
            for (int c = 0; c < nClients; ++c)
                for (int o = 0; o < nClients; ++o)
                    if (o != c) {
                        const Bytes u = docs[std::size_t(o)]->encodeStateAsUpdate(docs[std::size_t(c)]->stateVector());
                        if (!docs[std::size_t(c)]->applyUpdate(u, &kRemote))
                            return 3;
                    }
        const std::string name = "scenario-" + std::to_string(s);
        writeStream(outDir / (name + ".ordered.bin"), log);
        Doc replay(1);
        replay.getText("text");
        replay.getMap("meta");
        replay.getArray("list");
        for (const Bytes& u : log)
            if (!replay.applyUpdate(u))
                return 3;
        std::ofstream(outDir / (name + ".expected.json"))
            << "{\"ordered\":" << snapshot(replay) << ",\"client0\":" << snapshot(*docs[0]) << "}";
        manifest += (s ? ",\"" : "\"") + name + "\"";
    }
    std::ofstream(outDir / "manifest.json") << manifest << "]";
    std::printf("generated %d scenarios in %s\n", scenarios, outDir.string().c_str());
    return 0;
}
