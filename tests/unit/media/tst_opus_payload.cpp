#include "convene/media/opus_payload.h"
#include "hex.h"

#include <catch2/catch.hpp>

using namespace convene::media;
using media_test::fromHex;

TEST_CASE("Opus packet durations come from the TOC byte in 48 kHz samples", "[media][opus]")
{
    const auto duration = [](std::string_view hex) {
        const auto result = opusPacketDuration(fromHex(hex));
        REQUIRE(result.ok());
        return *result;
    };
    CHECK(duration("08 00") == 960); // config 1: SILK NB 20 ms, one frame
    CHECK(duration("18") == 2880); // config 3: SILK NB 60 ms
    CHECK(duration("78 00") == 960); // config 15: hybrid FB 20 ms
    CHECK(duration("80") == 120); // config 16: CELT NB 2.5 ms
    CHECK(duration("f8 aa") == 960); // config 31: CELT FB 20 ms
    CHECK(duration("f9 aa") == 1920); // code 1: two frames
    CHECK(duration("fa aa") == 1920); // code 2: two frames of different sizes
    CHECK(duration("fb 03 aa") == 2880); // code 3: three frames
    CHECK(duration("1b 02 aa") == 5760); // two 60 ms frames: the 120 ms limit

    const auto reject = [](std::string_view hex) {
        const auto result = opusPacketDuration(fromHex(hex));
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    CHECK(reject("") == ParseError::EmptyPayload);
    CHECK(reject("fb") == ParseError::BadOpusPacket);
    CHECK(reject("fb 00") == ParseError::BadOpusPacket);
    CHECK(reject("1b 03") == ParseError::BadOpusPacket); // 180 ms
}

TEST_CASE("one Opus packet per RTP packet; the marker starts each talkspurt", "[media][opus]")
{
    OpusPacketizer packetizer({.ssrc = 77, .payloadType = 111, .firstSequenceNumber = 65535});
    const auto twentyMs = fromHex("f8 0102030405");
    const uint32_t start = 0xFFFFFFFFu - 959; // the timestamp wraps after the first packet

    const RtpPacket first = packetizer.packetize({twentyMs, start});
    const RtpPacket second = packetizer.packetize({twentyMs, start + 960});
    const RtpPacket afterDtx = packetizer.packetize({twentyMs, start + 960 * 10});
    CHECK(first.marker);
    CHECK_FALSE(second.marker);
    CHECK(afterDtx.marker);
    CHECK(first.sequenceNumber == 65535);
    CHECK(second.sequenceNumber == 0);
    CHECK(second.timestamp == 0);
    CHECK(first.payloadType == 111);
    CHECK(first.ssrc == 77);
    CHECK(first.payload == twentyMs);

    const auto parsed = RtpPacket::parse(second.serialize());
    REQUIRE(parsed.ok());
    const auto frame = depacketizeOpus(*parsed);
    REQUIRE(frame.ok());
    CHECK(*frame == OpusFrame{twentyMs, 0});
}

TEST_CASE("RTP packets without a valid Opus packet are rejected", "[media][opus]")
{
    RtpPacket packet;
    CHECK(depacketizeOpus(packet).error() == ParseError::EmptyPayload);
    packet.payload = fromHex("fb");
    CHECK(depacketizeOpus(packet).error() == ParseError::BadOpusPacket);
}
