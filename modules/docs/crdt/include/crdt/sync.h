#pragma once
// y-protocols sync messages: step 1 (state vector), step 2 (missing updates), update.
#include "crdt/doc.h"

namespace convene::crdt::sync {

enum class MessageType : uint8_t { Step1 = 0, Step2 = 1, Update = 2 };

std::vector<uint8_t> encodeStep1(const Doc& doc);
std::vector<uint8_t> encodeStep2(const Doc& doc, std::span<const uint8_t> encodedStateVector);
std::vector<uint8_t> encodeUpdate(std::span<const uint8_t> update);

struct Message {
    MessageType type = MessageType::Step1;
    std::vector<uint8_t> payload; // state vector for step 1, update otherwise
};
// Throws DecodeError.
Message decode(std::span<const uint8_t> message);

// Handles one incoming message; a step 1 produces the step 2 reply (empty otherwise).
struct HandleResult {
    Status status;
    MessageType type = MessageType::Step1;
    std::vector<uint8_t> reply;
};
HandleResult handle(Doc& doc, std::span<const uint8_t> message, const void* origin = nullptr);

} // namespace convene::crdt::sync
