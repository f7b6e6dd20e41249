#include "crdt/doc.h"
#include "crdt/undo_manager.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"
#include "helpers.h"

#include <catch2/catch.hpp>

using namespace convene::crdt;

namespace {

struct FakeClock {
    int64_t ms = 1000;
};

UndoManager::Options optionsWith(FakeClock& clock)
{
    UndoManager::Options o;
    o.now = [&clock] { return clock.ms; };
    return o;
}

} // namespace

TEST_CASE("undo and redo local text edits", "[crdt][undo]")
{
    FakeClock clock;
    Doc doc(1);
    Text t = doc.getText("text");
    UndoManager um(doc, {t.type()}, optionsWith(clock));
    t.insert(0, std::string_view("hello"));
    clock.ms += 1000;
    t.insert(5, std::string_view(" world"));
    clock.ms += 1000;
    t.format(0, 5, parseJson(R"({"bold":true})"));
    CHECK(um.undoDepth() == 3);
    REQUIRE(um.undo());
    CHECK(deltaToJson(t.toDelta()) == R"([{"insert":"hello world"}])");
    REQUIRE(um.undo());
    CHECK(t.toString() == "hello");
    REQUIRE(um.redo());
    CHECK(t.toString() == "hello world");
    REQUIRE(um.undo());
    REQUIRE(um.undo());
    CHECK(t.toString().empty());
    CHECK_FALSE(um.undo());
    REQUIRE(um.redo());
    REQUIRE(um.redo());
    REQUIRE(um.redo());
    CHECK(deltaToJson(t.toDelta()) == R"([{"insert":"hello","attributes":{"bold":true}},{"insert":" world"}])");
}

TEST_CASE("edits within the capture timeout form one undo step", "[crdt][undo]")
{
    FakeClock clock;
    Doc doc(1);
    Text t = doc.getText("text");
    UndoManager um(doc, {t.type()}, optionsWith(clock));
    for (const char* c : {"a", "b", "c"}) {
        t.insert(t.length(), std::string_view(c));
        clock.ms += 100;
    }
    clock.ms += 1000;
    t.remove(0, 1);
    CHECK(um.undoDepth() == 2);
    REQUIRE(um.undo());
    CHECK(t.toString() == "abc");
    REQUIRE(um.undo());
    CHECK(t.toString().empty());
}

TEST_CASE("undo ignores remote changes and restores deleted text", "[crdt][undo]")
{
    FakeClock clock;
    Doc a(1), b(2);
    crdt_test::link({&a, &b});
    Text ta = a.getText("text");
    Text tb = b.getText("text");
    UndoManager um(a, {ta.type()}, optionsWith(clock));
    ta.insert(0, std::string_view("mine "));
    clock.ms += 1000;
    tb.insert(5, std::string_view("theirs"));
    clock.ms += 1000;
    ta.remove(0, 2); // "ne theirs"
    CHECK(ta.toString() == "ne theirs");
    REQUIRE(um.undo());
    CHECK(ta.toString() == "mine theirs");
    CHECK(tb.toString() == "mine theirs");
    REQUIRE(um.undo());
    CHECK(ta.toString() == "theirs");
    CHECK(tb.toString() == "theirs");
    CHECK_FALSE(um.canUndo());
}

TEST_CASE("undo of map changes restores previous values", "[crdt][undo]")
{
    FakeClock clock;
    Doc doc(1);
    Map m = doc.getMap("meta");
    UndoManager um(doc, {m.type()}, optionsWith(clock));
    m.set("title", Value::string("one"));
    clock.ms += 1000;
    m.set("title", Value::string("two"));
    REQUIRE(um.undo());
    CHECK(m.get("title")->asString() == "one");
    REQUIRE(um.undo());
    CHECK_FALSE(m.has("title"));
    REQUIRE(um.redo());
    CHECK(m.get("title")->asString() == "one");
}
