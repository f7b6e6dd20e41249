#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/update.h"
#include "crdt/yarray.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"
#include "helpers.h"

#include <catch2/catch.hpp>
#include <random>

using namespace convene::crdt;
using Bytes = std::vector<uint8_t>;

namespace {

struct Scenario {
    std::vector<Bytes> updates;
    Bytes state;
};

// Two clients editing concurrently; returns every update in production order.
Scenario makeScenario(unsigned seed)
{
    std::mt19937 rng(seed);
    Doc a(100), b(200);
    Scenario s;
    for (auto* d : {&a, &b})
        d->onUpdate([&](const Bytes& u, const void*) { s.updates.push_back(u); });
    for (int i = 0; i < 40; ++i) {
        Doc& d = rng() % 2 ? a : b;
        Text t = d.getText("text");
        if (t.length() == 0 || rng() % 3)
            t.insert(rng() % (t.length() + 1), std::string_view(rng() % 2 ? "hi" : "文😀"));
        else
            t.remove(rng() % t.length(), 1);
        if (i % 7 == 0)
            d.getMap("meta").set("k" + std::to_string(i % 3), Value::number(i));
        if (i % 10 == 9) {
            REQUIRE(a.applyUpdate(b.encodeStateAsUpdate(a.stateVector())));
            REQUIRE(b.applyUpdate(a.encodeStateAsUpdate(b.stateVector())));
        }
    }
    REQUIRE(a.applyUpdate(b.encodeStateAsUpdate(a.stateVector())));
    REQUIRE(b.applyUpdate(a.encodeStateAsUpdate(b.stateVector())));
    s.state = a.encodeStateAsUpdate();
    return s;
}

} // namespace

TEST_CASE("encodeStateAsUpdate round-trips byte for byte", "[crdt][update]")
{
    const Scenario s = makeScenario(1);
    Doc c(5);
    REQUIRE(c.applyUpdate(s.state));
    CHECK(c.encodeStateAsUpdate() == s.state);
    CHECK(encodeStateVectorFromUpdate(s.state) == c.encodeStateVector());
}

TEST_CASE("updates out of order wait as pending structs and delete sets", "[crdt][update]")
{
    const Scenario s = makeScenario(2);
    Doc inOrder(5), reversed(6);
    for (const auto& u : s.updates)
        REQUIRE(inOrder.applyUpdate(u));
    for (auto it = s.updates.rbegin(); it != s.updates.rend(); ++it) {
        REQUIRE(reversed.applyUpdate(*it));
    }
    CHECK_FALSE(reversed.hasPending());
    CHECK(reversed.getText("text").toString() == inOrder.getText("text").toString());
    CHECK(reversed.encodeStateAsUpdate() == inOrder.encodeStateAsUpdate());

    // Half of the updates: what is missing stays pending and is included in the encoded state.
    Doc half(7);
    for (std::size_t i = 1; i < s.updates.size(); i += 2)
        REQUIRE(half.applyUpdate(s.updates[i]));
    CHECK(half.hasPending());
    Doc copy(8);
    REQUIRE(copy.applyUpdate(half.encodeStateAsUpdate()));
    for (std::size_t i = 0; i < s.updates.size(); i += 2)
        REQUIRE(copy.applyUpdate(s.updates[i]));
    CHECK_FALSE(copy.hasPending());
    CHECK(copy.getText("text").toString() == inOrder.getText("text").toString());
}

TEST_CASE("mergeUpdates and diffUpdate are equivalent to applying", "[crdt][update]")
{
    const Scenario s = makeScenario(3);
    const Bytes merged = mergeUpdates(s.updates);
    Doc fromMerged(5), fromAll(6);
    REQUIRE(fromMerged.applyUpdate(merged));
    for (const auto& u : s.updates)
        REQUIRE(fromAll.applyUpdate(u));
    CHECK(fromMerged.encodeStateAsUpdate() == fromAll.encodeStateAsUpdate());

    // A peer that has the first half only needs the diff against its state vector.
    Doc partial(7);
    for (std::size_t i = 0; i < s.updates.size() / 2; ++i)
        REQUIRE(partial.applyUpdate(s.updates[i]));
    const Bytes diff = diffUpdate(merged, partial.encodeStateVector());
    CHECK(diff.size() < merged.size());
    REQUIRE(partial.applyUpdate(diff));
    CHECK(partial.encodeStateAsUpdate() == fromAll.encodeStateAsUpdate());
}

TEST_CASE("deleted content is garbage collected but keeps its length", "[crdt][update]")
{
    Doc doc(1);
    Text t = doc.getText("text");
    const std::string text(200, 'x');
    t.insert(0, std::string_view(text));
    const std::size_t before = doc.encodeStateAsUpdate().size();
    t.remove(0, 150);
    const Bytes state = doc.encodeStateAsUpdate();
    CHECK(state.size() < before - 100);
    // The deleted range is a ContentDeleted struct (ref 1) that keeps the length.
    const DecodedUpdate d = decodeUpdate(state);
    REQUIRE(d.structs.at(1).size() == 2);
    CHECK(d.structs.at(1)[0]->kind == ContentKind::Deleted);
    CHECK(d.structs.at(1)[0]->length == 150);

    Doc keep(2, DocOptions{false});
    Text kt = keep.getText("text");
    kt.insert(0, std::string_view("hello world"));
    kt.remove(0, 6);
    const DecodedUpdate k = decodeUpdate(keep.encodeStateAsUpdate());
    CHECK(k.structs.at(2)[0]->kind == ContentKind::String);
}

TEST_CASE("malformed updates are rejected and leave the document unchanged", "[crdt][update]")
{
    const Scenario s = makeScenario(4);
    Doc doc(9);
    REQUIRE(doc.applyUpdate(s.updates.front()));
    const Bytes before = doc.encodeStateAsUpdate();
    int rejected = 0;
    for (std::size_t cut = 0; cut < s.state.size(); ++cut) {
        const Bytes truncated(s.state.begin(), s.state.begin() + std::ptrdiff_t(cut));
        const Status st = doc.applyUpdate(truncated);
        if (!st) {
            ++rejected;
            CHECK_FALSE(st.error.empty());
            CHECK(doc.encodeStateAsUpdate() == before);
        }
    }
    CHECK(rejected > int(s.state.size()) - 5);

    const Status hostile = doc.applyUpdate(crdt_test::fromHex("01ffffffff0f0100")); // absurd struct count
    CHECK_FALSE(hostile);
    CHECK(hostile.error.find("malformed update") != std::string::npos);
    // A struct whose origin is a later clock of its own client can never be integrated.
    CHECK_FALSE(doc.applyUpdate(crdt_test::fromHex("010105008405050161"
                                                   "00")));
    // Unknown content type 17.
    CHECK_FALSE(doc.applyUpdate(crdt_test::fromHex("0101050011"
                                                   "00")));
    CHECK(doc.encodeStateAsUpdate() == before);
}

TEST_CASE("state vectors encode in descending client order", "[crdt][update]")
{
    StateVector sv;
    sv.set(1, 10);
    sv.set(300, 2);
    CHECK(crdt_test::toHex(sv.encode()) == "02ac0202010a");
    CHECK(StateVector::decode(sv.encode()) == sv);
    CHECK_THROWS_AS(StateVector::decode(crdt_test::fromHex("05")), DecodeError);
}

TEST_CASE("A merged update with gaps never pushes a waiting struct out of the pending set")
{
    // Client 5's items 1, 3 and 6 merged into one update (skips between them) arrive while the
    // item at clock 5 waits for its origin; yjs keeps it, so must we.
    Doc doc;
    Text text = doc.getText("text");
    for (const char* hex : {"0101050004010474657874017800", "0101070044050002787800",
                            "01030502c40700070101784105010184050001780105010301",
                            "01020505c4070005020178c405000504017800",
                            "0105050144050001780a0144050101780a02c405000504017800"})
        REQUIRE(doc.applyUpdate(crdt_test::fromHex(hex)).ok);
    CHECK(text.toString() == "xxxxxxxx");
    CHECK_FALSE(doc.hasPending());
    CHECK(doc.stateVector().get(5) == 7);
}
