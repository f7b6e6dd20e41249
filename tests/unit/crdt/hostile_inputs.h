#pragma once
// Hostile inputs for the CRDT decoders, built byte by byte: objects with very many keys, many
// clients, format keys or changed types (each a case where a linear lookup per element makes
// decoding or applying quadratic), counts that claim far more elements than the input holds at
// every nesting level, and deep nesting. Shared by the security tests, the decode benchmark and
// the writer of the fuzz corpus seeds.
#include "crdt/encoding.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace crdt_test::hostile {

using Bytes = std::vector<uint8_t>;
using convene::crdt::Encoder;

inline constexpr uint8_t kGC = 0, kJson = 2, kString = 4, kFormat = 6, kType = 7, kAny = 8;
inline constexpr uint8_t kHasOrigin = 0x80, kHasParentSub = 0x20;
inline constexpr uint8_t kAnyNull = 126, kAnyObject = 118, kAnyArray = 117;
inline constexpr uint64_t kTypeRefMap = 1;

// Distinct keys of one length that share a long prefix, so comparing two of them costs a full scan.
inline std::string key(std::size_t i, std::size_t length = 24)
{
    std::string digits = std::to_string(i);
    return std::string(length > digits.size() ? length - digits.size() : 0, 'k') + digits;
}

// The header of one client's structs.
inline void beginClient(Encoder& enc, uint64_t structs, uint64_t client, uint64_t clock = 0)
{
    enc.writeVarUint(structs);
    enc.writeVarUint(client);
    enc.writeVarUint(clock);
}

// A struct without origins whose parent is the root type `root` (optionally at a map key).
inline void beginRootStruct(Encoder& enc, uint8_t contentKind, const std::string& root,
                            const std::string* parentSub = nullptr)
{
    enc.writeUint8(uint8_t(contentKind | (parentSub ? kHasParentSub : 0)));
    enc.writeVarUint(1); // parent is a root type
    enc.writeVarString(root);
    if (parentSub)
        enc.writeVarString(*parentSub);
}

// A struct that follows (client, clock): its parent is the origin's.
inline void beginFollowingStruct(Encoder& enc, uint8_t contentKind, uint64_t client, uint64_t clock)
{
    enc.writeUint8(uint8_t(contentKind | kHasOrigin));
    enc.writeVarUint(client);
    enc.writeVarUint(clock);
}

// The start of a v1 update of one struct at the root type "root"; its content follows.
inline void beginOneStructUpdate(Encoder& enc, uint8_t contentKind)
{
    enc.writeVarUint(1); // clients
    beginClient(enc, 1, 42);
    beginRootStruct(enc, contentKind, "root");
}

inline void endUpdate(Encoder& enc)
{
    enc.writeVarUint(0); // empty delete set
}

// ContentAny with one lib0 object of `keys` distinct keys, each mapped to null.
inline Bytes anyObjectUpdate(std::size_t keys, std::size_t keyLength = 24)
{
    Encoder enc;
    beginOneStructUpdate(enc, kAny);
    enc.writeVarUint(1); // one value
    enc.writeUint8(kAnyObject);
    enc.writeVarUint(keys);
    for (std::size_t i = 0; i < keys; ++i) {
        enc.writeVarString(key(i, keyLength));
        enc.writeUint8(kAnyNull);
    }
    endUpdate(enc);
    return enc.take();
}

// {"kk..0":null,"kk..1":null,...} as JSON text.
inline std::string jsonObject(std::size_t keys, std::size_t keyLength = 24)
{
    std::string json = "{";
    for (std::size_t i = 0; i < keys; ++i) {
        if (i)
            json += ',';
        json += '"' + key(i, keyLength) + "\":null";
    }
    return json + '}';
}

// ContentJSON with one JSON object of `keys` distinct keys.
inline Bytes jsonObjectUpdate(std::size_t keys, std::size_t keyLength = 24)
{
    Encoder enc;
    beginOneStructUpdate(enc, kJson);
    enc.writeVarUint(1);
    enc.writeVarString(jsonObject(keys, keyLength));
    endUpdate(enc);
    return enc.take();
}

// A y-protocols awareness message whose one state is a JSON object of `keys` distinct keys.
inline Bytes awarenessWithManyKeys(std::size_t keys, std::size_t keyLength = 24)
{
    Encoder enc;
    enc.writeVarUint(1);
    enc.writeVarUint(7); // client
    enc.writeVarUint(1); // clock
    enc.writeVarString(jsonObject(keys, keyLength));
    return enc.take();
}

// A state vector of `clients` entries in the order Yjs writes them (client ids descending).
inline Bytes stateVectorWithManyClients(std::size_t clients)
{
    Encoder enc;
    enc.writeVarUint(clients);
    for (std::size_t i = clients; i > 0; --i) {
        enc.writeVarUint(i);
        enc.writeVarUint(1);
    }
    return enc.take();
}

// A text "text" holding "x", then `keys` format items of distinct keys, then "y".
inline Bytes formatKeysUpdate(std::size_t keys)
{
    Encoder enc;
    enc.writeVarUint(1);
    beginClient(enc, keys + 2, 42);
    beginRootStruct(enc, kString, "text");
    enc.writeVarString("x");
    for (std::size_t i = 0; i < keys; ++i) {
        beginFollowingStruct(enc, kFormat, 42, i);
        enc.writeVarString(key(i));
        enc.writeVarString("true");
    }
    beginFollowingStruct(enc, kString, 42, keys);
    enc.writeVarString("y");
    endUpdate(enc);
    return enc.take();
}

// A text "text" holding "x", then `keys` times a format item of a new key and a character: each
// character starts a run with one more attribute than the last.
inline Bytes interleavedFormatKeysUpdate(std::size_t keys)
{
    Encoder enc;
    enc.writeVarUint(1);
    beginClient(enc, 2 * keys + 1, 42);
    beginRootStruct(enc, kString, "text");
    enc.writeVarString("x");
    uint64_t clock = 1;
    for (std::size_t i = 0; i < keys; ++i) {
        beginFollowingStruct(enc, kFormat, 42, clock - 1);
        enc.writeVarString(key(i));
        enc.writeVarString("true");
        beginFollowingStruct(enc, kString, 42, clock);
        enc.writeVarString("a");
        clock += 2;
    }
    endUpdate(enc);
    return enc.take();
}

// First update: `types` maps inside the root map "m". Second: one entry in each of them, so one
// transaction changes every one of those types.
struct TwoUpdates {
    Bytes first, second;
};
inline TwoUpdates manyChangedTypes(std::size_t types)
{
    Encoder a;
    a.writeVarUint(1);
    beginClient(a, types, 42);
    for (std::size_t i = 0; i < types; ++i) {
        const std::string sub = key(i, 8);
        beginRootStruct(a, kType, "m", &sub);
        a.writeVarUint(kTypeRefMap);
    }
    endUpdate(a);
    Encoder b;
    b.writeVarUint(1);
    beginClient(b, types, 43);
    for (std::size_t i = 0; i < types; ++i) {
        b.writeUint8(kAny | kHasParentSub);
        b.writeVarUint(0); // parent is the item (42, i)
        b.writeVarUint(42);
        b.writeVarUint(i);
        b.writeVarString("a");
        b.writeVarUint(1);
        b.writeUint8(kAnyNull);
    }
    endUpdate(b);
    return {a.take(), b.take()};
}

// `clients` clients of one struct each, client c following a struct of client c - 1: each one
// waits for the next, down to client 0, which never comes.
inline Bytes dependencyChainUpdate(std::size_t clients)
{
    Encoder enc;
    enc.writeVarUint(clients);
    for (std::size_t c = clients; c >= 1; --c) {
        beginClient(enc, 1, c);
        beginFollowingStruct(enc, kAny, c - 1, 0);
        enc.writeVarUint(1);
        enc.writeUint8(kAnyNull);
    }
    endUpdate(enc);
    return enc.take();
}

// `clients` clients of one GC struct each, with ids that std::hash (the identity) puts into one
// bucket of a std::unordered_map of that many entries.
inline Bytes collidingClientsUpdate(std::size_t clients)
{
    std::unordered_map<uint64_t, int> probe;
    for (std::size_t i = 0; i < clients; ++i)
        probe.emplace(i, 0);
    const uint64_t buckets = probe.bucket_count();
    Encoder enc;
    enc.writeVarUint(clients);
    for (std::size_t c = clients; c >= 1; --c) {
        beginClient(enc, 1, c * buckets);
        enc.writeUint8(kGC);
        enc.writeVarUint(1);
    }
    endUpdate(enc);
    return enc.take();
}

// Counts that each fit the remaining input but together claim it many times over: clients, the
// first client's structs, the values of its ContentAny and then `levels` arrays nested one in
// the other, each as many as the bytes that remain; then `filler` nulls and nothing else.
inline Bytes nestedCountsUpdate(std::size_t levels, std::size_t filler)
{
    Encoder enc;
    enc.writeVarUint(filler / 3); // clients
    beginClient(enc, filler, 42); // structs
    beginRootStruct(enc, kAny, "root");
    enc.writeVarUint(filler + levels); // values
    for (std::size_t level = 0; level < levels; ++level) {
        enc.writeUint8(kAnyArray);
        enc.writeVarUint(filler + levels - level - 1);
    }
    for (std::size_t i = 0; i < filler; ++i)
        enc.writeUint8(kAnyNull);
    return enc.take();
}

// The same claim with objects: each level's first value is the next level, then empty keys and
// nulls fill the input.
inline Bytes nestedObjectCountsUpdate(std::size_t levels, std::size_t filler)
{
    Encoder enc;
    beginOneStructUpdate(enc, kAny);
    enc.writeVarUint(1);
    for (std::size_t level = 0; level < levels; ++level) {
        enc.writeUint8(kAnyObject);
        enc.writeVarUint((filler + levels - level) / 2);
        enc.writeVarString("k");
    }
    enc.writeUint8(kAnyNull);
    for (std::size_t i = 0; i < filler / 2; ++i) {
        enc.writeVarString("");
        enc.writeUint8(kAnyNull);
    }
    return enc.take();
}

// lib0 arrays nested `depth` deep inside one ContentAny value.
inline Bytes deepAnyUpdate(std::size_t depth)
{
    Encoder enc;
    beginOneStructUpdate(enc, kAny);
    enc.writeVarUint(1);
    for (std::size_t i = 0; i < depth; ++i) {
        enc.writeUint8(kAnyArray);
        enc.writeVarUint(1);
    }
    enc.writeUint8(kAnyNull);
    endUpdate(enc);
    return enc.take();
}

// JSON arrays nested `depth` deep inside one ContentJSON value.
inline Bytes deepJsonUpdate(std::size_t depth)
{
    Encoder enc;
    beginOneStructUpdate(enc, kJson);
    enc.writeVarUint(1);
    enc.writeVarString(std::string(depth, '[') + std::string(depth, ']'));
    endUpdate(enc);
    return enc.take();
}

// An awareness message whose state nests JSON arrays `depth` deep.
inline Bytes deepAwareness(std::size_t depth)
{
    Encoder enc;
    enc.writeVarUint(1);
    enc.writeVarUint(7);
    enc.writeVarUint(1);
    enc.writeVarString(std::string(depth, '[') + std::string(depth, ']'));
    return enc.take();
}

// `depth` maps, each inside the one before, the first in the root map "m".
inline Bytes deepTypesUpdate(std::size_t depth)
{
    Encoder enc;
    enc.writeVarUint(1);
    beginClient(enc, depth, 42);
    const std::string sub = "child";
    beginRootStruct(enc, kType, "m", &sub);
    enc.writeVarUint(kTypeRefMap);
    for (std::size_t i = 1; i < depth; ++i) {
        enc.writeUint8(kType | kHasParentSub);
        enc.writeVarUint(0); // parent is the previous map
        enc.writeVarUint(42);
        enc.writeVarUint(i - 1);
        enc.writeVarString(sub);
        enc.writeVarUint(kTypeRefMap);
    }
    endUpdate(enc);
    return enc.take();
}

} // namespace crdt_test::hostile
