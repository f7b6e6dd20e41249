// Feeds arbitrary bytes to every decoder of the CRDT: updates (v1), update utilities, state
// vectors, sync and awareness messages, JSON. A rejected update must leave the document exactly
// as it was; no decoder may let anything but DecodeError escape (std::bad_alloc included).
#include "crdt/awareness.h"
#include "crdt/doc.h"
#include "crdt/sync.h"
#include "crdt/update.h"
#include "crdt/ytext.h"

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

using namespace convene::crdt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> input(data, size);
    Doc doc(77);
    Text text = doc.getText("text");
    text.insert(0, std::string_view("seed text 中文😀"));
    text.format(2, 4, parseJson(R"({"bold":true})"));
    const std::vector<uint8_t> before = doc.encodeStateAsUpdate();

    const Status status = doc.applyUpdate(input);
    if (!status) {
        if (doc.encodeStateAsUpdate() != before)
            std::abort(); // a rejected update changed the document
    } else {
        // Whatever was accepted must survive a round trip through the encoder.
        Doc copy(78);
        if (!copy.applyUpdate(doc.encodeStateAsUpdate()))
            std::abort();
        (void)text.toDelta();
    }
    try {
        const std::vector<uint8_t> merged = mergeUpdates({std::vector<uint8_t>(input.begin(), input.end()), before});
        (void)diffUpdate(merged, doc.encodeStateVector());
        (void)encodeStateVectorFromUpdate(input);
    } catch (const DecodeError&) { }
    try {
        (void)StateVector::decode(input);
    } catch (const DecodeError&) { }
    try {
        (void)parseJson(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const DecodeError&) { }
    (void)sync::handle(doc, input);
    Awareness awareness(1);
    (void)awareness.applyUpdate(input);
    return 0;
}
