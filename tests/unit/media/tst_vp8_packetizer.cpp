#include "convene/media/vp8_descriptor.h"
#include "convene/media/vp8_packetizer.h"
#include "hex.h"

#include <catch2/catch.hpp>

using namespace convene::media;
using media_test::toHex;

namespace {

Vp8Frame frameOfSize(std::size_t size, std::optional<uint16_t> pictureId)
{
    Vp8Frame frame;
    frame.data.resize(size);
    for (std::size_t i = 0; i < size; ++i)
        frame.data[i] = uint8_t(i * 7);
    frame.pictureId = pictureId;
    frame.rtpTimestamp = 90000;
    return frame;
}

} // namespace

TEST_CASE("a frame is split into balanced packets with S first and the marker last", "[media][vp8]")
{
    Vp8Packetizer packetizer(
        {.ssrc = 0x1234, .payloadType = 100, .firstSequenceNumber = 65534, .maxPayloadSize = 1200});
    const Vp8Frame frame = frameOfSize(3000, 0x4321);
    const auto packets = packetizer.packetize(frame);

    // 4-byte descriptor leaves 1196 bytes per packet: 3 packets of 1000.
    REQUIRE(packets.size() == 3);
    CHECK(toHex(std::span(packets[0].payload).first(4)) == "9080c321");
    CHECK(toHex(std::span(packets[1].payload).first(4)) == "8080c321");
    std::vector<uint8_t> joined;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const RtpPacket& p = packets[i];
        CHECK(p.payload.size() == 1004);
        CHECK(p.marker == (i == 2));
        CHECK(p.payloadType == 100);
        CHECK(p.ssrc == 0x1234);
        CHECK(p.timestamp == 90000);
        const auto payload = parseVp8Payload(p.payload);
        REQUIRE(payload.ok());
        CHECK(payload->descriptor.startsFrame() == (i == 0));
        CHECK(payload->descriptor.pictureId == 0x4321);
        joined.insert(joined.end(), payload->data.begin(), payload->data.end());
    }
    CHECK(packets[0].sequenceNumber == 65534);
    CHECK(packets[1].sequenceNumber == 65535);
    CHECK(packets[2].sequenceNumber == 0);
    CHECK(packetizer.nextSequenceNumber() == 1);
    CHECK(joined == frame.data);
}

TEST_CASE("packet payloads never exceed the budget and differ by at most one byte", "[media][vp8]")
{
    for (const std::size_t budget : {2u, 5u, 100u, 1200u}) {
        for (const std::size_t size : {1u, 2u, 99u, 1196u, 1197u, 5000u, 200000u}) {
            Vp8Packetizer packetizer({.maxPayloadSize = budget});
            const auto packets = packetizer.packetize(frameOfSize(size, 7));
            REQUIRE_FALSE(packets.empty());
            std::size_t smallest = SIZE_MAX;
            std::size_t largest = 0;
            std::size_t total = 0;
            for (const RtpPacket& p : packets) {
                smallest = std::min(smallest, p.payload.size());
                largest = std::max(largest, p.payload.size());
                total += p.payload.size() - 4;
            }
            // A budget below descriptor + 1 byte still has to move data.
            CHECK(largest <= std::max<std::size_t>(budget, 5));
            CHECK(largest - smallest <= 1);
            CHECK(total == size);
        }
    }
}

TEST_CASE("without a PictureID the descriptor is a single byte", "[media][vp8]")
{
    Vp8Packetizer packetizer({});
    const auto packets = packetizer.packetize(frameOfSize(10, std::nullopt));
    REQUIRE(packets.size() == 1);
    CHECK(packets[0].payload.size() == 11);
    CHECK(packets[0].payload[0] == 0x10);
    CHECK(packets[0].marker);
    CHECK(packetizer.packetize(Vp8Frame{}).empty());
    CHECK(packetizer.nextSequenceNumber() == 1);
}
