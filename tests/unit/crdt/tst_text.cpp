#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/ytext.h"
#include "helpers.h"

#include <catch2/catch.hpp>
#include <random>

using namespace convene::crdt;

namespace {

std::string delta(const Text& t)
{
    return deltaToJson(t.toDelta());
}

} // namespace

TEST_CASE("insert and remove count UTF-16 code units", "[crdt][text]")
{
    Doc doc(1);
    Text t = doc.getText("text");
    t.insert(0, std::string_view("hello"));
    t.insert(5, std::string_view(" 世界😀"));
    CHECK(t.length() == 10);
    t.remove(1, 2);
    CHECK(t.toString() == "hlo 世界😀");
    CHECK(t.length() == 8);
    t.remove(6, 2); // the whole surrogate pair
    CHECK(t.toString() == "hlo 世界");
}

TEST_CASE("splitting a surrogate pair leaves replacement characters like Yjs", "[crdt][text]")
{
    Doc doc(1);
    Text t = doc.getText("text");
    t.insert(0, std::string_view("a😀b"));
    t.insert(2, std::string_view("x")); // between the two halves
    CHECK(t.toString() == "a\xEF\xBF\xBDx\xEF\xBF\xBD"
                          "b");
}

TEST_CASE("formatting produces Quill deltas and identical bytes to yjs", "[crdt][text]")
{
    Doc doc(1);
    Text t = doc.getText("text");
    std::vector<std::string> updates;
    doc.onUpdate([&](const std::vector<uint8_t>& u, const void*) { updates.push_back(crdt_test::toHex(u)); });
    t.insert(0, std::string_view("hello"));
    t.insert(5, std::string_view(" 世界😀"));
    t.format(0, 5, parseJson(R"({"bold":true})"));
    t.remove(1, 2);
    CHECK(delta(t) == R"([{"insert":"hlo","attributes":{"bold":true}},{"insert":" 世界😀"}])");
    // Reference bytes produced by yjs 13.6.33 for the same calls with clientID 1.
    const std::vector<std::string> expected{
        "01010100040104746578740568656c6c6f00",
        "010101058401040b20e4b896e7958cf09f988000",
        "0102010a46010004626f6c640474727565c60104010504626f6c64046e756c6c00",
        "000101010102",
    };
    CHECK(updates == expected);
    CHECK(crdt_test::toHex(doc.encodeStateAsUpdate()) ==
          "0106010004010474657874016881010002840102026c6f8401040b20e4b896e7958cf09f988046010004626f6c640474727565c60104"
          "010504626f6c64046e756c6c0101010102");
    CHECK(crdt_test::toHex(doc.encodeStateVector()) == "01010c");
}

TEST_CASE("inserting with attributes and embeds", "[crdt][text]")
{
    Doc doc(3);
    Text t = doc.getText("text");
    t.insert(0, std::string_view("abc"));
    const Value italic = parseJson(R"({"italic":true})");
    t.insert(1, std::string_view("X"), &italic);
    t.insertEmbed(4, parseJson(R"({"image":"a.png"})"));
    CHECK(
        delta(t) ==
        R"([{"insert":"a"},{"insert":"X","attributes":{"italic":true}},{"insert":"bc"},{"insert":{"image":"a.png"}}])");
    t.format(0, 5, parseJson(R"({"italic":null})"));
    CHECK(delta(t) == R"([{"insert":"aXbc"},{"insert":{"image":"a.png"}}])");
    CHECK(t.toString() == "aXbc");
}

TEST_CASE("applyDelta replays a Quill delta", "[crdt][text]")
{
    Doc doc(4);
    Text t = doc.getText("text");
    DeltaOp a;
    a.text = u"Title\n";
    a.attributes = parseJson(R"({"header":1})");
    DeltaOp b;
    b.text = u"body";
    t.applyDelta({a, b});
    CHECK(delta(t) == R"([{"insert":"Title\n","attributes":{"header":1}},{"insert":"body"}])");
    DeltaOp retain;
    retain.kind = DeltaOp::Kind::Retain;
    retain.count = 2;
    DeltaOp del;
    del.kind = DeltaOp::Kind::Delete;
    del.count = 3;
    t.applyDelta({retain, del});
    CHECK(t.toString() == "Ti\nbody");
}

TEST_CASE("observers receive the delta of each transaction", "[crdt][text]")
{
    Doc doc(5);
    Text t = doc.getText("text");
    t.insert(0, std::string_view("abcdef"));
    std::vector<std::string> seen;
    t.observe([&](const Event& e) { seen.push_back(deltaToJson(e.delta())); });
    t.insert(2, std::string_view("XY"));
    t.remove(0, 1);
    t.format(1, 2, parseJson(R"({"bold":true})"));
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == R"([{"retain":2},{"insert":"XY"}])");
    CHECK(seen[1] == R"([{"delete":1}])");
    CHECK(seen[2] == R"([{"retain":1},{"retain":2,"attributes":{"bold":true}}])");
}

TEST_CASE("concurrent editing converges across three clients", "[crdt][text]")
{
    std::mt19937 rng(42);
    for (int round = 0; round < 20; ++round) {
        Doc a(10), b(11), c(12);
        std::vector<Doc*> docs{&a, &b, &c};
        std::vector<std::vector<uint8_t>> log;
        for (auto* d : docs)
            d->onUpdate([&](const std::vector<uint8_t>& u, const void*) { log.push_back(u); });
        const char* words[] = {"ab", "中文", "😀", "x", "\n"};
        for (int step = 0; step < 60; ++step) {
            Doc& d = *docs[rng() % 3];
            Text t = d.getText("text");
            const uint64_t len = t.length();
            if (len == 0 || rng() % 3) {
                t.insert(rng() % (len + 1), std::string_view(words[rng() % 5]));
            } else if (rng() % 2) {
                const uint64_t at = rng() % len;
                t.remove(at, 1 + rng() % std::min<uint64_t>(4, len - at));
            } else {
                const uint64_t at = rng() % len;
                t.format(at, 1 + rng() % (len - at), parseJson(rng() % 2 ? R"({"b":true})" : R"({"b":null})"));
            }
            if (rng() % 4 == 0) { // occasional sync; otherwise peers diverge offline
                for (auto* x : docs)
                    for (auto* y : docs)
                        if (x != y)
                            REQUIRE(y->applyUpdate(x->encodeStateAsUpdate(y->stateVector())));
            }
        }
        for (int pass = 0; pass < 2; ++pass)
            for (auto* x : docs)
                for (auto* y : docs)
                    if (x != y)
                        REQUIRE(y->applyUpdate(x->encodeStateAsUpdate(y->stateVector())));
        // A replay of everything in order reaches the same document as every peer.
        Doc replay(99);
        Text rt = replay.getText("text");
        for (const auto& u : log)
            REQUIRE(replay.applyUpdate(u));
        CHECK(replay.stateVector() == a.stateVector());
        CHECK(b.stateVector() == a.stateVector());
        CHECK(c.stateVector() == a.stateVector());
        CHECK(b.getText("text").length() == a.getText("text").length());
        CHECK(rt.length() == a.getText("text").length());
    }
}

TEST_CASE("search markers stay correct under random local edits", "[crdt][text]")
{
    std::mt19937 rng(7);
    Doc doc(1);
    Text t = doc.getText("text");
    std::u16string model;
    for (int i = 0; i < 3000; ++i) {
        const uint64_t len = model.size();
        if (len == 0 || rng() % 3) {
            const uint64_t at = rng() % 10 ? std::min<uint64_t>(len, rng() % (len + 1)) : len;
            const std::u16string s = rng() % 2 ? u"ab" : u"c";
            t.insert(at, std::u16string_view(s));
            model.insert(at, s);
        } else {
            const uint64_t at = rng() % len;
            const uint64_t n = 1 + rng() % std::min<uint64_t>(5, len - at);
            t.remove(at, n);
            model.erase(at, n);
        }
    }
    CHECK(t.toU16String() == model);
    CHECK(t.length() == model.size());
}
