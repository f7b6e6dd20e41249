// Input: a sequence of packets, each a 16-bit big-endian length followed by that many bytes.
// Every packet goes through the RTP parser (which must round-trip what it accepts), the VP8
// descriptor parser (same), the Opus depacketizer and one frame assembler, whose buffer must stay
// within its budget and whose output must be consistent.
#include "convene/media/opus_payload.h"
#include "convene/media/rtp_packet.h"
#include "convene/media/vp8_descriptor.h"
#include "convene/media/vp8_frame_assembler.h"

#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

using namespace convene::media;

namespace {

void checkVp8Payload(std::span<const uint8_t> bytes)
{
    const auto payload = parseVp8Payload(bytes);
    if (!payload)
        return;
    std::vector<uint8_t> rewritten;
    payload->descriptor.appendTo(rewritten);
    if (rewritten.size() != payload->descriptor.size())
        std::abort();
    rewritten.insert(rewritten.end(), payload->data.begin(), payload->data.end());
    const auto again = parseVp8Payload(rewritten);
    if (!again || again->descriptor != payload->descriptor ||
        !std::equal(again->data.begin(), again->data.end(), payload->data.begin(), payload->data.end()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const uint8_t> input(data, size);
    const Vp8FrameAssemblerConfig config{.maxPendingFrames = 8, .maxBufferedPackets = 256};
    Vp8FrameAssembler assembler(config);

    std::size_t offset = 0;
    while (offset + 2 <= input.size()) {
        const std::size_t length = std::size_t(input[offset] << 8 | input[offset + 1]);
        offset += 2;
        const auto bytes = input.subspan(offset, std::min(length, input.size() - offset));
        offset += bytes.size();

        checkVp8Payload(bytes);
        const auto packet = RtpPacket::parse(bytes);
        if (!packet)
            continue;
        const std::vector<uint8_t> serialized = packet->serialize();
        const auto reparsed = RtpPacket::parse(serialized);
        if (!reparsed || *reparsed != *packet || serialized.size() != packet->serializedSize())
            std::abort();
        checkVp8Payload(packet->payload);
        if (const auto opus = depacketizeOpus(*packet); opus && opus->data != packet->payload)
            std::abort();

        assembler.insert(*packet);
        if (assembler.bufferedPackets() > config.maxBufferedPackets + 1)
            std::abort();
        for (const Vp8Frame& frame : assembler.takeFrames())
            if (frame.data.empty())
                std::abort();
        const auto losses = assembler.takeLosses();
        for (const Vp8FrameLoss& loss : losses)
            if (loss.lastSequence < loss.firstSequence)
                std::abort();
        if (!losses.empty() && !assembler.takeKeyFrameRequest())
            std::abort();
    }
    assembler.flush();
    if (assembler.bufferedPackets() != 0)
        std::abort();
    return 0;
}
