#pragma once
// Update format v1: decoding to structs, encoding of stores, and update-level utilities.
#include "crdt/delete_set.h"
#include "crdt/error.h"
#include "crdt/item.h"

#include <map>
#include <span>
#include <vector>

namespace convene::crdt {

class Encoder;
class Decoder;
class StructStore;

struct DecodedUpdate {
    std::map<ClientId, std::vector<ItemPtr>> structs; // per client, in clock order
    DeleteSet deleteSet;
};

// Reads and validates a whole update; throws DecodeError.
DecodedUpdate decodeUpdate(std::span<const uint8_t> update);
// Writes one decoded struct (item, GC or skip) starting at offset.
void writeStruct(Encoder& enc, const Item& item, Clock offset);
void writeClientsStructs(Encoder& enc, const StructStore& store, const StateVector& target);
std::vector<uint8_t> encodeDecoded(const DecodedUpdate& update);

// Yjs' update utilities; they throw DecodeError for malformed input.
std::vector<uint8_t> mergeUpdates(const std::vector<std::vector<uint8_t>>& updates);
std::vector<uint8_t> diffUpdate(std::span<const uint8_t> update, std::span<const uint8_t> encodedStateVector);
std::vector<uint8_t> encodeStateVectorFromUpdate(std::span<const uint8_t> update);

} // namespace convene::crdt
