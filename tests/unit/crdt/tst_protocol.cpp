#include "crdt/awareness.h"
#include "crdt/doc.h"
#include "crdt/sync.h"
#include "crdt/ytext.h"
#include "helpers.h"

#include <catch2/catch.hpp>

using namespace convene::crdt;

TEST_CASE("sync step 1 matches y-protocols bytes", "[crdt][sync]")
{
    Doc doc(1);
    doc.getText("text").insert(0, std::string_view("hello"));
    doc.getText("text").insert(5, std::string_view(" 世界😀")); // 5 UTF-16 units: clock 10
    CHECK(crdt_test::toHex(sync::encodeStep1(doc)) == "000301010a");
}

TEST_CASE("two peers converge through step 1 / step 2 / update messages", "[crdt][sync]")
{
    Doc a(1), b(2);
    a.getText("text").insert(0, std::string_view("from a "));
    b.getText("text").insert(0, std::string_view("from b "));
    // a -> b: step 1; b answers with step 2 and sends its own step 1.
    auto r1 = sync::handle(b, sync::encodeStep1(a));
    REQUIRE(r1.status);
    CHECK(r1.type == sync::MessageType::Step1);
    REQUIRE(sync::handle(a, r1.reply).status);
    auto r2 = sync::handle(a, sync::encodeStep1(b));
    REQUIRE(sync::handle(b, r2.reply).status);
    CHECK(a.getText("text").toString() == b.getText("text").toString());

    std::vector<uint8_t> lastUpdate;
    a.onUpdate([&](const std::vector<uint8_t>& u, const void*) { lastUpdate = u; });
    a.getText("text").insert(0, std::string_view(">"));
    auto r3 = sync::handle(b, sync::encodeUpdate(lastUpdate));
    REQUIRE(r3.status);
    CHECK(r3.type == sync::MessageType::Update);
    CHECK(a.getText("text").toString() == b.getText("text").toString());

    CHECK_FALSE(sync::handle(b, crdt_test::fromHex("07")).status);
    CHECK_FALSE(sync::handle(b, crdt_test::fromHex("0205ff")).status);
}

TEST_CASE("awareness messages match y-protocols and follow its clock rules", "[crdt][awareness]")
{
    // y-protocols starts every client with an empty state at clock 0, so real states start at 1.
    Awareness ann(5);
    ann.setLocalState(parseJson("{}"));
    ann.setLocalState(parseJson(R"({"user":{"name":"Ann","color":"#ff0"},"cursor":null})"));
    const auto msg = ann.encodeUpdate({5});
    CHECK(crdt_test::toHex(msg) == "010501347b2275736572223a7b226e616d65223a22416e6e222c22636f6c6f72223a2223666630227d2"
                                   "c22637572736f72223a6e756c6c7d");

    Awareness bob(6);
    Awareness::Changes changes;
    REQUIRE(bob.applyUpdate(msg, &changes, 1000));
    CHECK(changes.added == std::vector<ClientId>{5});
    REQUIRE(bob.states().at(5).state.get("user"));

    // An older clock is ignored; a newer null state removes the peer.
    Awareness::Changes none;
    REQUIRE(bob.applyUpdate(msg, &none, 1000));
    CHECK(none.added.empty());
    CHECK(none.updated.empty());
    ann.setLocalState(Value::null());
    Awareness::Changes gone;
    REQUIRE(bob.applyUpdate(ann.encodeUpdate({5}), &gone, 2000));
    CHECK(gone.removed == std::vector<ClientId>{5});

    CHECK_FALSE(bob.applyUpdate(crdt_test::fromHex("0105000a7b")));
    CHECK(bob.removeOutdated(100000).empty());
}
