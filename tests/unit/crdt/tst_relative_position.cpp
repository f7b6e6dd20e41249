// Relative positions against yjs 13.6: the bytes and JSON yjs made for positions in a document it
// wrote, and where yjs found them again after more edits (tests/interop/relpos-interop.mjs
// checks random documents the same way).
#include "helpers.h"

#include "crdt/error.h"
#include "crdt/relative_position.h"
#include "crdt/ytext.h"

#include <catch2/catch.hpp>

using namespace convene::crdt;
using crdt_test::fromHex;
using crdt_test::toHex;

namespace {

// Two clients (101, 202) edited "Hello world" concurrently into "Jello, world" (this state);
// then client 202 made it ">> Jello,orld!" (the later update).
const char* kState = "0201ca0100c465046505012c046500010107636f6e74656e740184650004656c6c6f8465040620776f726c64c46500650101"
                     "4a0165010001";
const char* kLater = "0102ca0101c46500650b033e3e2084650a012101650200010502";

struct YjsCase {
    uint64_t index;
    int64_t assoc;
    const char* bytes; // encodeRelativePosition
    const char* json; // relativePositionToJSON
    uint64_t indexLater; // createAbsolutePositionFromRelativePosition after the later update
};

const YjsCase kCases[] = {
    {7, 0, "00650600", R"({"tname":"content","item":{"client":101,"clock":6},"assoc":0})", 9},
    {0, 0, "00650b00", R"({"tname":"content","item":{"client":101,"clock":11},"assoc":0})", 3},
    {0, -1, "0107636f6e74656e7441", R"({"tname":"content","assoc":-1})", 0},
    {3, -1, "00650241", R"({"tname":"content","item":{"client":101,"clock":2},"assoc":-1})", 6},
    {12, 0, "0107636f6e74656e7400", R"({"tname":"content","assoc":0})", 14},
    {12, -1, "00650a41", R"({"tname":"content","item":{"client":101,"clock":10},"assoc":-1})", 13},
    {6, 0, "00650500", R"({"tname":"content","item":{"client":101,"clock":5},"assoc":0})", 9}, // deleted later
};

} // namespace

TEST_CASE("relative positions are made, encoded and found again as yjs does", "[crdt][relpos]")
{
    Doc doc(7);
    Text text = doc.getText("content");
    REQUIRE(doc.applyUpdate(fromHex(kState)));
    REQUIRE(text.toString() == "Jello, world");
    std::vector<RelativePosition> made;
    for (const YjsCase& c : kCases) {
        INFO("index " << c.index << " assoc " << c.assoc);
        const RelativePosition position = relativePositionFromIndex(text.type(), c.index, c.assoc);
        CHECK(toHex(encodeRelativePosition(position)) == c.bytes);
        CHECK(relativePositionToJson(position).toJson() == c.json);
        // The binary form names the item alone (yjs leaves the type out when there is one).
        const RelativePosition decoded = decodeRelativePosition(fromHex(c.bytes));
        CHECK(toHex(encodeRelativePosition(decoded)) == c.bytes);
        CHECK(decoded.item == position.item);
        CHECK(decoded.assoc == position.assoc);
        CHECK(absolutePosition(decoded, doc)->index == c.index);
        CHECK(relativePositionFromJson(parseJson(c.json)) == position);
        const auto now = absolutePosition(position, doc);
        REQUIRE(now);
        CHECK(now->type == text.type());
        CHECK(now->index == c.index);
        made.push_back(position);
    }
    REQUIRE(doc.applyUpdate(fromHex(kLater)));
    REQUIRE(text.toString() == ">> Jello,orld!");
    for (std::size_t i = 0; i < made.size(); ++i) {
        INFO("index " << kCases[i].index << " assoc " << kCases[i].assoc);
        const auto later = absolutePosition(made[i], doc);
        REQUIRE(later);
        CHECK(later->index == kCases[i].indexLater);
    }
}

TEST_CASE("a position stays on its character while text is inserted and deleted before it", "[crdt][relpos]")
{
    Doc doc(1);
    Text text = doc.getText("content");
    text.insert(0, std::string_view("abc world"));
    const RelativePosition onW = relativePositionFromIndex(text.type(), 4);
    text.insert(0, std::string_view("hello "));
    text.remove(6, 3); // "abc"
    CHECK(text.toString() == "hello  world");
    CHECK(absolutePosition(onW, doc)->index == 7);
    // Another replica finds it in the same place.
    Doc other(2);
    other.getText("content");
    REQUIRE(other.applyUpdate(doc.encodeStateAsUpdate()));
    CHECK(absolutePosition(onW, other)->index == 7);
}

TEST_CASE("positions naming what a document lacks are not found; bad input is refused", "[crdt][relpos]")
{
    Doc doc(1);
    Text text = doc.getText("content");
    text.insert(0, std::string_view("abc"));
    CHECK_FALSE(absolutePosition(RelativePosition{{}, std::string("content"), ID{99, 0}, 0}, doc));
    CHECK_FALSE(absolutePosition(RelativePosition{{}, std::string("content"), ID{1, 3}, 0}, doc));
    CHECK_FALSE(absolutePosition(RelativePosition{{}, std::string("elsewhere"), {}, 0}, doc));
    CHECK(doc.roots().count("elsewhere") == 0); // looking did not make the root
    CHECK_FALSE(absolutePosition(RelativePosition{ID{1, 0}, {}, {}, 0}, doc)); // not a type
    CHECK_THROWS_AS(decodeRelativePosition(fromHex("07")), DecodeError);
    CHECK_THROWS_AS(decodeRelativePosition(fromHex("0065")), DecodeError);
    CHECK_THROWS_AS(decodeRelativePosition(fromHex("01ff")), DecodeError);
    CHECK_FALSE(relativePositionFromJson(parseJson(R"({"assoc":0})")));
    CHECK_FALSE(relativePositionFromJson(parseJson(R"({"item":{"client":-1,"clock":0}})")));
    CHECK_FALSE(relativePositionFromJson(parseJson(R"({"item":{"client":1.5,"clock":0}})")));
    CHECK_FALSE(relativePositionFromJson(parseJson(R"({"tname":7})")));
    CHECK_FALSE(relativePositionFromJson(parseJson("12")));
    // The form y-quill's cursors take (the class instance through JSON.stringify): nulls included.
    const auto yQuill =
        relativePositionFromJson(parseJson(R"({"type":null,"tname":"content","item":{"client":1,"clock":2},"assoc":0})"));
    REQUIRE(yQuill);
    CHECK(absolutePosition(*yQuill, doc)->index == 2);
}
