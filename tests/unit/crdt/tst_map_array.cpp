#include "crdt/doc.h"
#include "crdt/yarray.h"
#include "crdt/ymap.h"
#include "helpers.h"

#include <catch2/catch.hpp>

using namespace convene::crdt;

TEST_CASE("map set, get, delete and bytes like yjs", "[crdt][map]")
{
    Doc doc(7);
    Map m = doc.getMap("meta");
    m.set("title", Value::string("Plan"));
    m.set("n", Value::number(1.5));
    Array list = doc.getArray("list");
    list.insert(0, {Value::number(1), Value::string("two"), parseJson(R"({"three":[3]})"), Value::null(),
                    Value::boolean(true)});
    CHECK(crdt_test::toHex(doc.encodeStateAsUpdate()) ==
          "010307002801046d657461057469746c65017704506c616e2801046d657461016e017c3fc000000801046c697374057d01770374776f"
          "760105746872656575017d037e7800");
    CHECK(m.get("title")->asString() == "Plan");
    CHECK(m.toJson().toJson() == R"({"n":1.5,"title":"Plan"})");
    m.remove("title");
    CHECK_FALSE(m.has("title"));
    m.set("n", Value::number(2));
    CHECK(m.get("n")->asNumber() == 2);
    CHECK(list.toJson().toJson() == R"([1,"two",{"three":[3]},null,true])");
}

TEST_CASE("concurrent map writes resolve the same way everywhere", "[crdt][map]")
{
    Doc a(1), b(2);
    a.getMap("m").set("k", Value::string("from a"));
    b.getMap("m").set("k", Value::string("from b"));
    REQUIRE(a.applyUpdate(b.encodeStateAsUpdate()));
    REQUIRE(b.applyUpdate(a.encodeStateAsUpdate()));
    CHECK(a.getMap("m").get("k")->asString() == b.getMap("m").get("k")->asString());
    // Yjs keeps the write of the higher client id.
    CHECK(a.getMap("m").get("k")->asString() == "from b");
}

TEST_CASE("array insert and delete with observers", "[crdt][array]")
{
    Doc doc(3);
    Array list = doc.getArray("list");
    std::vector<std::string> deltas;
    list.observe([&](const Event& e) { deltas.push_back(deltaToJson(e.delta())); });
    list.push({Value::number(1), Value::number(2), Value::number(3)});
    list.insert(1, {Value::string("x")});
    list.remove(0, 2);
    CHECK(list.toJson().toJson() == "[2,3]");
    REQUIRE(deltas.size() == 3);
    CHECK(deltas[0] == R"([{"insert":[1,2,3]}])");
    CHECK(deltas[1] == R"([{"retain":1},{"insert":["x"]}])");
    CHECK(deltas[2] == R"([{"delete":2}])");
}

TEST_CASE("map observers report key changes", "[crdt][map]")
{
    Doc doc(3);
    Map m = doc.getMap("m");
    m.set("a", Value::number(1));
    std::vector<std::string> log;
    m.observe([&](const Event& e) {
        for (const auto& [k, change] : e.keys)
            log.push_back(k + ":" + std::to_string(int(change.action)) + ":" + change.oldValue.toJson());
    });
    m.set("a", Value::number(2));
    m.set("b", Value::number(3));
    m.remove("a");
    REQUIRE(log.size() == 3);
    CHECK(log[0] == "a:1:1");
    CHECK(log[1] == "b:0:null");
    CHECK(log[2] == "a:2:2");
}
