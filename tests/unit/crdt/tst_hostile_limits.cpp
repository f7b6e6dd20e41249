// Counts read from hostile input cannot make the decoders reserve more memory than the input
// could fill, however they nest; running out of memory while decoding is a decode error at every
// entry point, never an abort; nesting is bounded. Memory is capped with AllocationLimit (this
// binary has its own operator new), as on a machine with little to spare.
#include "allocation_limit.h"
#include "crdt/awareness.h"
#include "crdt/doc.h"
#include "crdt/sync.h"
#include "crdt/update.h"
#include "crdt/ymap.h"
#include "crdt/ytext.h"
#include "hostile_inputs.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <functional>

using namespace convene::crdt;
using Catch::Matchers::Contains;
using crdt_test::AllocationLimit;
namespace hostile = crdt_test::hostile;

namespace {

// What a decoder did under a memory cap. Nothing here allocates while the cap is on.
struct Outcome {
    enum Kind { Accepted, Rejected, BadAlloc, OtherException } kind = Accepted;
    char message[256] = "";
    std::size_t peak = 0;

    void reject(const char* why)
    {
        kind = Rejected;
        std::snprintf(message, sizeof message, "%s", why);
    }
    void take(const Status& status)
    {
        if (!status)
            reject(status.error.c_str());
    }
};

Outcome underCap(std::size_t cap, const std::function<void(Outcome&)>& decode)
{
    Outcome out;
    AllocationLimit limit(cap);
    try {
        decode(out);
    } catch (const DecodeError& e) {
        out.reject(e.what());
    } catch (const std::bad_alloc&) {
        out.kind = Outcome::BadAlloc;
    } catch (...) {
        out.kind = Outcome::OtherException;
    }
    out.peak = limit.peak();
    return out;
}

constexpr std::size_t kCap = std::size_t(64) << 20;

void checkRejected(const Outcome& out, const char* because)
{
    static const char* const kinds[] = {"accepted", "rejected", "std::bad_alloc escaped", "another exception escaped"};
    INFO(kinds[out.kind] << ": " << out.message);
    CHECK(out.kind == Outcome::Rejected);
    CHECK_THAT(std::string(out.message), Contains(because));
}

} // namespace

TEST_CASE("counts that claim the input many times over at nested levels are refused, not reserved", "[crdt][security]")
{
    // About 200 KB whose counts each claim as many elements as the bytes that remain, at 63
    // levels: clients, structs, values and 60 nested arrays (then the same with objects). Each
    // count alone fits the input; reserving for all of them would take gigabytes.
    for (const auto& update :
         {hostile::nestedCountsUpdate(60, 200'000), hostile::nestedObjectCountsUpdate(60, 200'000)}) {
        Doc doc(1);
        const std::vector<uint8_t> before = doc.encodeStateAsUpdate();
        const Outcome out = underCap(kCap, [&](Outcome& o) { o.take(doc.applyUpdate(update)); });
        checkRejected(out, "element count exceeds remaining data");
        // Whatever was reserved, the input could have filled: at most one element per byte.
        CHECK(out.peak <= 200 * update.size());
        CHECK(doc.encodeStateAsUpdate() == before);
    }
}

TEST_CASE("counts beyond the input are refused by every decoder", "[crdt][security]")
{
    constexpr uint64_t kHuge = uint64_t(1) << 40;
    auto withCount = [](const std::function<void(Encoder&)>& before, const std::function<void(Encoder&)>& after = {}) {
        Encoder enc;
        before(enc);
        enc.writeVarUint(kHuge);
        if (after)
            after(enc);
        enc.writeBytes(std::vector<uint8_t>(16, 0));
        return enc.take();
    };
    const std::vector<std::vector<uint8_t>> updates{
        withCount([](Encoder&) {}), // clients
        withCount([](Encoder& e) { e.writeVarUint(1); }), // structs
        withCount([](Encoder& e) { hostile::beginOneStructUpdate(e, hostile::kAny); }), // values
        withCount([](Encoder& e) { hostile::beginOneStructUpdate(e, hostile::kJson); }), // JSON values
        withCount([](Encoder& e) { // an array's elements
            hostile::beginOneStructUpdate(e, hostile::kAny);
            e.writeVarUint(1);
            e.writeUint8(hostile::kAnyArray);
        }),
        withCount([](Encoder& e) { // an object's keys
            hostile::beginOneStructUpdate(e, hostile::kAny);
            e.writeVarUint(1);
            e.writeUint8(hostile::kAnyObject);
        }),
        withCount([](Encoder& e) { e.writeVarUint(0); }), // delete set clients
        withCount([](Encoder& e) { // delete ranges
            e.writeVarUint(0);
            e.writeVarUint(1);
            e.writeVarUint(5);
        }),
    };
    for (const auto& update : updates) {
        Doc doc(1);
        const Outcome out = underCap(kCap, [&](Outcome& o) { o.take(doc.applyUpdate(update)); });
        checkRejected(out, "element count exceeds remaining data");
    }
    const auto stateVector = withCount([](Encoder&) {});
    checkRejected(underCap(kCap, [&](Outcome&) { (void)StateVector::decode(stateVector); }), "element count");
    checkRejected(underCap(kCap,
                           [&](Outcome& o) {
                               Awareness awareness(1);
                               o.take(awareness.applyUpdate(stateVector));
                           }),
                  "element count");
}

TEST_CASE("running out of memory while decoding is a decode error at every entry point", "[crdt][security]")
{
    // Valid input that needs more memory to decode than the cap leaves.
    constexpr std::size_t cap = 256 * 1024;
    const auto update = hostile::anyObjectUpdate(20'000);
    const auto stateVector = hostile::stateVectorWithManyClients(100'000);
    const std::string json = hostile::jsonObject(20'000);
    const auto awareness = hostile::awarenessWithManyKeys(20'000);
    Encoder deletes;
    deletes.writeVarUint(1);
    deletes.writeVarUint(5);
    deletes.writeVarUint(100'000);
    for (uint64_t i = 0; i < 100'000; ++i) {
        deletes.writeVarUint(2 * i);
        deletes.writeVarUint(1);
    }
    Encoder withDeletes;
    withDeletes.writeVarUint(0);
    withDeletes.writeBytes(deletes.data());
    const std::vector<uint8_t> deletesOnly = withDeletes.take();

    Doc doc(1);
    doc.getMap("meta").set("title", Value::string("Plan"));
    const std::vector<uint8_t> before = doc.encodeStateAsUpdate();
    const std::vector<uint8_t> ownStateVector = doc.encodeStateVector();
    const std::vector<uint8_t> updateMessage = sync::encodeUpdate(update);
    Encoder step1;
    step1.writeVarUint(uint64_t(sync::MessageType::Step1));
    step1.writeVarUint8Array(stateVector);
    const std::vector<uint8_t> step1Message = step1.take();
    const std::vector<std::vector<uint8_t>> both{update, update};

    const std::vector<std::pair<const char*, std::function<void(Outcome&)>>> entryPoints{
        {"Doc::applyUpdate", [&](Outcome& o) { o.take(doc.applyUpdate(update)); }},
        {"Doc::applyUpdate (delete set)", [&](Outcome& o) { o.take(doc.applyUpdate(deletesOnly)); }},
        {"decodeUpdate", [&](Outcome&) { (void)decodeUpdate(update); }},
        {"mergeUpdates", [&](Outcome&) { (void)mergeUpdates(both); }},
        {"diffUpdate", [&](Outcome&) { (void)diffUpdate(update, ownStateVector); }},
        {"encodeStateVectorFromUpdate", [&](Outcome&) { (void)encodeStateVectorFromUpdate(update); }},
        {"StateVector::decode", [&](Outcome&) { (void)StateVector::decode(stateVector); }},
        {"DeleteSet::read",
         [&](Outcome&) {
             Decoder dec(deletes.data());
             (void)DeleteSet::read(dec);
         }},
        {"parseJson", [&](Outcome&) { (void)parseJson(json); }},
        {"Awareness::applyUpdate",
         [&](Outcome& o) {
             Awareness peer(1);
             o.take(peer.applyUpdate(awareness));
         }},
        {"sync::handle (update)", [&](Outcome& o) { o.take(sync::handle(doc, updateMessage).status); }},
        {"sync::handle (step 1)", [&](Outcome& o) { o.take(sync::handle(doc, step1Message).status); }},
    };
    for (const auto& [name, decode] : entryPoints) {
        INFO(name);
        checkRejected(underCap(cap, decode), "out of memory");
        CHECK(doc.encodeStateAsUpdate() == before);
    }
    // With memory to spare, the same input is fine.
    REQUIRE(doc.applyUpdate(update));
}

TEST_CASE("nesting is bounded in every value decoder", "[crdt][security]")
{
    constexpr std::size_t depth = 100'000;
    for (const auto& update : {hostile::deepAnyUpdate(depth), hostile::deepJsonUpdate(depth)}) {
        Doc doc(1);
        const Outcome out = underCap(kCap, [&](Outcome& o) { o.take(doc.applyUpdate(update)); });
        checkRejected(out, "nesting too deep");
    }
    checkRejected(underCap(kCap,
                           [&](Outcome& o) {
                               Awareness awareness(1);
                               o.take(awareness.applyUpdate(hostile::deepAwareness(depth)));
                           }),
                  "nesting too deep");
    // The deepest nesting allowed still decodes.
    Doc doc(1);
    CHECK(doc.applyUpdate(hostile::deepAnyUpdate(kMaxValueDepth)));
    CHECK(doc.applyUpdate(hostile::deepJsonUpdate(kMaxValueDepth)));
}

TEST_CASE("types nested a hundred thousand deep integrate and delete without recursion", "[crdt][security]")
{
    Doc doc(1);
    REQUIRE(doc.applyUpdate(hostile::deepTypesUpdate(100'000)));
    Map root = doc.getMap("m");
    REQUIRE(root.has("child"));
    root.remove("child");
    CHECK_FALSE(root.has("child"));
    Doc copy(2);
    REQUIRE(copy.applyUpdate(doc.encodeStateAsUpdate()));
    CHECK(copy.encodeStateAsUpdate() == doc.encodeStateAsUpdate());
}

TEST_CASE("observing a text whose runs carry thousands of attributes stays within memory", "[crdt][security]")
{
    constexpr std::size_t keys = 4'000; // 96 KB: every op copying every attribute would need ~1 GB
    const auto update = hostile::interleavedFormatKeysUpdate(keys);
    Doc doc(1);
    Text text = doc.getText("text");
    std::size_t ops = 0, opsWithAttributes = 0;
    text.observe([&](const Event& ev) {
        for (const DeltaOp& op : ev.delta()) {
            ++ops;
            opsWithAttributes += op.attributes.kind() == Value::Kind::Object;
        }
    });
    const Outcome out = underCap(std::size_t(256) << 20, [&](Outcome& o) {
        o.take(doc.applyUpdate(update));
        const std::vector<DeltaOp> delta = text.toDelta();
        if (delta.size() != keys + 1)
            o.reject("unexpected delta");
    });
    INFO("peak " << out.peak / 1024 / 1024 << " MB; " << out.message);
    REQUIRE(out.kind == Outcome::Accepted);
    CHECK(text.toString().size() == keys + 1);
    // Runs of up to 64 attributes keep them; longer ones are described without.
    CHECK(ops == keys + 1);
    CHECK(opsWithAttributes == 64);
}
