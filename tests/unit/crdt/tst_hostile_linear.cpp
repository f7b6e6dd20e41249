// Hostile updates that a lookup per element in a growing list makes quadratic: objects with many
// keys, many clients, format keys and changed types. Each input here is sized so that a
// quadratic decoder needs minutes; this test has a ctest TIMEOUT of 60 s and asserts no timing
// itself, only that every input decodes (or waits) correctly.
#include "crdt/awareness.h"
#include "crdt/doc.h"
#include "crdt/update.h"
#include "crdt/yarray.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"
#include "hostile_inputs.h"

#include <catch2/catch.hpp>

using namespace convene::crdt;
namespace hostile = crdt_test::hostile;

namespace {

constexpr std::size_t kKeys = 300'000;
constexpr std::size_t kClients = 1'000'000;

void checkManyKeys(const Value& object, std::size_t keys)
{
    REQUIRE(object.kind() == Value::Kind::Object);
    REQUIRE(object.asObject().size() == keys);
    CHECK(object.asObject().front().first == hostile::key(0));
    CHECK(object.asObject().back().first == hostile::key(keys - 1));
    CHECK(object.asObject()[keys / 2].second.isNull());
}

} // namespace

TEST_CASE("a lib0 any object with hundreds of thousands of keys decodes in linear time", "[crdt][security]")
{
    const auto update = hostile::anyObjectUpdate(kKeys);
    Doc doc(1);
    REQUIRE(doc.applyUpdate(update));
    const std::vector<Value> values = doc.getArray("root").toVector();
    REQUIRE(values.size() == 1);
    checkManyKeys(values[0], kKeys);
    CHECK(doc.encodeStateAsUpdate() == update);
}

TEST_CASE("a JSON object with hundreds of thousands of keys decodes in linear time", "[crdt][security]")
{
    const auto update = hostile::jsonObjectUpdate(kKeys);
    Doc doc(1);
    REQUIRE(doc.applyUpdate(update));
    const std::vector<Value> values = doc.getArray("root").toVector();
    REQUIRE(values.size() == 1);
    checkManyKeys(values[0], kKeys);
    CHECK(doc.encodeStateAsUpdate() == update);
}

TEST_CASE("an awareness state with hundreds of thousands of keys decodes in linear time", "[crdt][security]")
{
    Awareness awareness(1);
    REQUIRE(awareness.applyUpdate(hostile::awarenessWithManyKeys(kKeys)));
    checkManyKeys(awareness.states().at(7).state, kKeys);
}

TEST_CASE("many repeated keys keep their first place and their last value, as in JavaScript", "[crdt][security]")
{
    // Enough keys for the sorting path; every key comes three times.
    std::string json = "{";
    Encoder any;
    any.writeUint8(hostile::kAnyObject);
    any.writeVarUint(3 * 100);
    for (int round = 0; round < 3; ++round)
        for (int i = 99; i >= 0; --i) {
            json += (json.size() > 1 ? "," : "") + ("\"" + std::to_string(i) + "\":") + std::to_string(round);
            any.writeVarString(std::to_string(i));
            any.writeAny(Value::number(round));
        }
    json += '}';
    Decoder dec(any.data());
    for (const Value& object : {parseJson(json), dec.readAny()}) {
        REQUIRE(object.asObject().size() == 100);
        CHECK(object.asObject().front().first == "99");
        CHECK(object.asObject().back().first == "0");
        CHECK(*object.get("42") == Value::number(2));
    }
}

TEST_CASE("a state vector of a million clients decodes in linear time", "[crdt][security]")
{
    const auto encoded = hostile::stateVectorWithManyClients(kClients);
    const StateVector sv = StateVector::decode(encoded);
    CHECK(sv.size() == kClients);
    CHECK(sv.get(1) == 1);
    CHECK(sv.get(kClients) == 1);
    CHECK(sv.encode() == encoded);
    Doc doc(1);
    CHECK_FALSE(doc.encodeStateAsUpdate(encoded).empty());
}

TEST_CASE("a hundred thousand format keys in a text apply in linear time", "[crdt][security]")
{
    constexpr std::size_t keys = 120'000;
    Doc doc(1);
    Text text = doc.getText("text");
    std::size_t observedAttributes = 0;
    text.observe([&](const Event& ev) {
        for (const DeltaOp& op : ev.delta())
            if (op.attributes.kind() == Value::Kind::Object)
                observedAttributes = op.attributes.asObject().size();
    });
    REQUIRE(doc.applyUpdate(hostile::formatKeysUpdate(keys)));
    CHECK(text.toString() == "xy");
    // A run with more attributes than a delta carries is described without them.
    CHECK(observedAttributes == 0);
    const std::vector<DeltaOp> delta = text.toDelta();
    REQUIRE(delta.size() == 2);
    CHECK(delta[1].attributes.kind() != Value::Kind::Object);
}

TEST_CASE("an update that changes hundreds of thousands of types applies in linear time", "[crdt][security]")
{
    constexpr std::size_t types = 500'000;
    const auto updates = hostile::manyChangedTypes(types);
    Doc doc(1);
    REQUIRE(doc.applyUpdate(updates.first));
    std::size_t events = 0;
    doc.getMap("m").observe([&](const Event&) { ++events; });
    REQUIRE(doc.applyUpdate(updates.second));
    const Type* root = doc.rootType("m");
    REQUIRE(root->map.size() == types);
    const Item* last = root->map.at(hostile::key(types - 1, 8));
    REQUIRE(last->kind == ContentKind::Type);
    CHECK(last->extra->type->map.count("a") == 1);
    CHECK(events == 0); // only the nested maps changed
}

TEST_CASE("a chain of hundreds of thousands of clients waiting on each other applies in linear time",
          "[crdt][security]")
{
    constexpr std::size_t clients = 300'000;
    Doc doc(1);
    REQUIRE(doc.applyUpdate(hostile::dependencyChainUpdate(clients)));
    CHECK(doc.hasPending());
    CHECK(doc.getArray("root").length() == 0);
    // The struct they all wait for arrives: every one of them integrates.
    Encoder first;
    first.writeVarUint(1);
    hostile::beginClient(first, 1, 0);
    hostile::beginRootStruct(first, hostile::kAny, "root");
    first.writeVarUint(1);
    first.writeUint8(hostile::kAnyNull);
    hostile::endUpdate(first);
    REQUIRE(doc.applyUpdate(first.data()));
    CHECK_FALSE(doc.hasPending());
    CHECK(doc.getArray("root").length() == clients + 1);
}

TEST_CASE("hundreds of thousands of client ids chosen to collide in a hash table apply in linear time",
          "[crdt][security]")
{
    constexpr std::size_t clients = 300'000;
    Doc doc(1);
    REQUIRE(doc.applyUpdate(hostile::collidingClientsUpdate(clients)));
    CHECK(doc.store().clients.size() == clients);
    CHECK(doc.stateVector().size() == clients);
}
