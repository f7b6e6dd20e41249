#include "convene/media/rtp_packet.h"
#include "hex.h"

#include <catch2/catch.hpp>

using namespace convene::media;
using media_test::fromHex;
using media_test::toHex;

TEST_CASE("a minimal RFC 3550 header parses field by field", "[media][rtp]")
{
    // V=2 P=0 X=0 CC=0 | M=1 PT=96 | seq 0x1234 | timestamp 0x00bc614e | SSRC 0xdeadbeef | payload
    const auto bytes = fromHex("80 e0 1234  00bc614e  deadbeef  0102 03");
    const auto packet = RtpPacket::parse(bytes);
    REQUIRE(packet.ok());
    CHECK(packet->marker);
    CHECK(packet->payloadType == 96);
    CHECK(packet->sequenceNumber == 0x1234);
    CHECK(packet->timestamp == 12345678);
    CHECK(packet->ssrc == 0xdeadbeef);
    CHECK(packet->csrcs.empty());
    CHECK_FALSE(packet->extension);
    CHECK(packet->paddingSize == 0);
    CHECK(packet->payload == fromHex("010203"));
    CHECK(packet->serialize() == bytes);
}

TEST_CASE("CSRC list, header extension and padding parse and serialize byte for byte", "[media][rtp]")
{
    // V=2 P=1 X=1 CC=2 | M=0 PT=111 | seq 0xffff | ts 0xffffffff | SSRC
    // CSRC x2 | extension profile 0xbede, 1 word | payload aabb | 3 padding octets ending in the count
    const auto bytes = fromHex("b2 6f ffff ffffffff 11223344"
                               "aaaaaaaa bbbbbbbb"
                               "bede 0001 10ff0000"
                               "aabb"
                               "000003");
    const auto packet = RtpPacket::parse(bytes);
    REQUIRE(packet.ok());
    CHECK_FALSE(packet->marker);
    CHECK(packet->payloadType == 111);
    CHECK(packet->sequenceNumber == 0xffff);
    CHECK(packet->timestamp == 0xffffffff);
    CHECK(packet->csrcs == std::vector<uint32_t>{0xaaaaaaaa, 0xbbbbbbbb});
    REQUIRE(packet->extension);
    CHECK(packet->extension->profile == 0xbede);
    CHECK(packet->extension->data == fromHex("10ff0000"));
    CHECK(packet->payload == fromHex("aabb"));
    CHECK(packet->paddingSize == 3);
    CHECK(toHex(packet->serialize()) == toHex(bytes));
    CHECK(packet->serializedSize() == bytes.size());
}

TEST_CASE("an empty extension and padding that fills the whole payload are valid", "[media][rtp]")
{
    const auto packet = RtpPacket::parse(fromHex("b0 00 0001 00000002 00000003  1000 0000  0002"));
    REQUIRE(packet.ok());
    REQUIRE(packet->extension);
    CHECK(packet->extension->profile == 0x1000);
    CHECK(packet->extension->data.empty());
    CHECK(packet->payload.empty());
    CHECK(packet->paddingSize == 2);
}

TEST_CASE("malformed RTP packets are rejected with the reason", "[media][rtp]")
{
    const auto reject = [](std::string_view hex) {
        const auto result = RtpPacket::parse(fromHex(hex));
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    CHECK(reject("") == ParseError::TruncatedHeader);
    CHECK(reject("80 60 0001 00000002 000000") == ParseError::TruncatedHeader);
    CHECK(reject("40 60 0001 00000002 00000003") == ParseError::BadVersion);
    CHECK(reject("c0 60 0001 00000002 00000003") == ParseError::BadVersion);
    CHECK(reject("82 60 0001 00000002 00000003  aaaaaaaa bbbbbb") == ParseError::TruncatedCsrcList);
    CHECK(reject("90 60 0001 00000002 00000003  bede") == ParseError::TruncatedExtension);
    CHECK(reject("90 60 0001 00000002 00000003  bede 0002 00000000") == ParseError::TruncatedExtension);
    CHECK(reject("a0 60 0001 00000002 00000003  0102 00") == ParseError::BadPadding);
    CHECK(reject("a0 60 0001 00000002 00000003  0104") == ParseError::BadPadding);
    CHECK(reject("a0 60 0001 00000002 00000003") == ParseError::BadPadding);
    CHECK(std::string_view(toString(ParseError::BadPadding)).find("padding") != std::string_view::npos);
}

TEST_CASE("serialized packets parse back to the same fields", "[media][rtp]")
{
    RtpPacket packet;
    packet.marker = true;
    packet.payloadType = 127;
    packet.sequenceNumber = 65535;
    packet.timestamp = 0x80000000;
    packet.ssrc = 1;
    for (uint32_t i = 0; i < RtpPacket::kMaxCsrcs; ++i)
        packet.csrcs.push_back(i * 0x01010101u);
    packet.extension = RtpHeaderExtension{0x1000, std::vector<uint8_t>(4 * 300, 0x5a)};
    packet.payload = std::vector<uint8_t>(1000, 0xa5);
    packet.paddingSize = 255;

    const auto bytes = packet.serialize();
    CHECK(bytes.size() == packet.serializedSize());
    CHECK((bytes[0] & 0x0f) == 15);
    const auto parsed = RtpPacket::parse(bytes);
    REQUIRE(parsed.ok());
    CHECK(*parsed == packet);
}
