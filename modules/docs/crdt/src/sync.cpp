#include "crdt/sync.h"

#include "crdt/encoding.h"

namespace convene::crdt::sync {

std::vector<uint8_t> encodeStep1(const Doc& doc)
{
    Encoder enc;
    enc.writeVarUint(uint64_t(MessageType::Step1));
    enc.writeVarUint8Array(doc.encodeStateVector());
    return enc.take();
}

std::vector<uint8_t> encodeStep2(const Doc& doc, std::span<const uint8_t> encodedStateVector)
{
    Encoder enc;
    enc.writeVarUint(uint64_t(MessageType::Step2));
    enc.writeVarUint8Array(doc.encodeStateAsUpdate(encodedStateVector));
    return enc.take();
}

std::vector<uint8_t> encodeUpdate(std::span<const uint8_t> update)
{
    Encoder enc;
    enc.writeVarUint(uint64_t(MessageType::Update));
    enc.writeVarUint8Array(update);
    return enc.take();
}

Message decode(std::span<const uint8_t> message)
{
    return decodeOrReject([&] {
        Decoder dec(message);
        const uint64_t type = dec.readVarUint();
        if (type > 2)
            throw DecodeError("unknown sync message type");
        auto payload = dec.readVarUint8Array();
        return Message{MessageType(type), {payload.begin(), payload.end()}};
    });
}

HandleResult handle(Doc& doc, std::span<const uint8_t> message, const void* origin)
{
    HandleResult r;
    Message m;
    try {
        m = decode(message);
        r.type = m.type;
        if (m.type == MessageType::Step1) {
            StateVector::decode(m.payload); // validate before answering
            r.reply = encodeStep2(doc, m.payload);
            return r;
        }
    } catch (const DecodeError& e) {
        r.status = Status::failure(std::string("malformed sync message: ") + e.what());
        return r;
    }
    r.status = doc.applyUpdate(m.payload, origin);
    return r;
}

} // namespace convene::crdt::sync
