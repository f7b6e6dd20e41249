#include "convene/media/vp8_descriptor.h"
#include "hex.h"

#include <catch2/catch.hpp>

using namespace convene::media;
using media_test::fromHex;
using media_test::toHex;

namespace {

std::string written(const Vp8Descriptor& descriptor)
{
    std::vector<uint8_t> out;
    descriptor.appendTo(out);
    CHECK(out.size() == descriptor.size());
    return toHex(out);
}

} // namespace

// Byte layouts follow the descriptor figure of RFC 7741 section 4.2.
TEST_CASE("the shortest descriptor is one byte: S and PID", "[media][vp8]")
{
    Vp8Descriptor d;
    d.startOfPartition = true;
    CHECK(written(d) == "10");
    d.startOfPartition = false;
    d.partitionIndex = 5;
    d.nonReference = true;
    CHECK(written(d) == "25");

    const auto parsedBytes = fromHex("10 9d012a");
    const auto parsed = parseVp8Payload(parsedBytes);
    REQUIRE(parsed.ok());
    CHECK(parsed->descriptor.startsFrame());
    CHECK_FALSE(parsed->descriptor.pictureId);
    CHECK(toHex(parsed->data) == "9d012a");
}

TEST_CASE("7-bit and 15-bit PictureIDs follow the M bit", "[media][vp8]")
{
    Vp8Descriptor d;
    d.startOfPartition = true;
    d.pictureId = 17;
    d.longPictureId = false;
    CHECK(written(d) == "908011");
    d.longPictureId = true;
    d.pictureId = 0x1234;
    CHECK(written(d) == "90809234");

    const auto shortIdBytes = fromHex("90 80 11 ff");
    const auto shortId = parseVp8Payload(shortIdBytes);
    REQUIRE(shortId.ok());
    CHECK(shortId->descriptor.pictureId == 17);
    CHECK_FALSE(shortId->descriptor.longPictureId);
    const auto longIdBytes = fromHex("90 80 9234 ff");
    const auto longId = parseVp8Payload(longIdBytes);
    REQUIRE(longId.ok());
    CHECK(longId->descriptor.pictureId == 0x1234);
    CHECK(longId->descriptor.longPictureId);
    CHECK(toHex(longId->data) == "ff");
}

TEST_CASE("all optional fields: PictureID, TL0PICIDX, TID/Y, KEYIDX", "[media][vp8]")
{
    Vp8Descriptor d;
    d.nonReference = true;
    d.partitionIndex = 3;
    d.pictureId = 0x7fff;
    d.tl0PicIndex = 0xab;
    d.temporalLayer = 2;
    d.layerSync = true;
    d.keyIndex = 5;
    // X N PID=3 | I L T K | M + PictureID | TL0PICIDX | TID=2 Y KEYIDX=5
    CHECK(written(d) == "a3f0ffffaba5");

    const auto parsedBytes = fromHex("a3 f0 ffff ab a5  00");
    const auto parsed = parseVp8Payload(parsedBytes);
    REQUIRE(parsed.ok());
    CHECK(parsed->descriptor == d);
    CHECK(parsed->data.size() == 1);
}

TEST_CASE("TID/Y and KEYIDX are only read when their flag is set", "[media][vp8]")
{
    const auto keyIndexOnlyBytes = fromHex("80 10 ff 00");
    const auto keyIndexOnly = parseVp8Payload(keyIndexOnlyBytes);
    REQUIRE(keyIndexOnly.ok());
    CHECK(keyIndexOnly->descriptor.keyIndex == 31);
    CHECK_FALSE(keyIndexOnly->descriptor.temporalLayer);
    CHECK_FALSE(keyIndexOnly->descriptor.layerSync);
    CHECK(written(keyIndexOnly->descriptor) == "80101f");

    const auto layerOnlyBytes = fromHex("80 20 7f 00");
    const auto layerOnly = parseVp8Payload(layerOnlyBytes);
    REQUIRE(layerOnly.ok());
    CHECK(layerOnly->descriptor.temporalLayer == 1);
    CHECK(layerOnly->descriptor.layerSync);
    CHECK_FALSE(layerOnly->descriptor.keyIndex);
    CHECK(written(layerOnly->descriptor) == "802060");

    const auto tl0OnlyBytes = fromHex("80 40 07 00");
    const auto tl0Only = parseVp8Payload(tl0OnlyBytes);
    REQUIRE(tl0Only.ok());
    CHECK(tl0Only->descriptor.tl0PicIndex == 7);
    CHECK(written(tl0Only->descriptor) == "804007");
}

TEST_CASE("truncated descriptors and descriptors without data are rejected", "[media][vp8]")
{
    const auto reject = [](std::string_view hex) {
        const auto result = parseVp8Payload(fromHex(hex));
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    CHECK(reject("") == ParseError::TruncatedDescriptor);
    CHECK(reject("90") == ParseError::TruncatedDescriptor);
    CHECK(reject("90 80") == ParseError::TruncatedDescriptor);
    CHECK(reject("90 80 92") == ParseError::TruncatedDescriptor);
    CHECK(reject("90 40") == ParseError::TruncatedDescriptor);
    CHECK(reject("90 30") == ParseError::TruncatedDescriptor);
    CHECK(reject("10") == ParseError::EmptyPayload);
    CHECK(reject("90 80 9234") == ParseError::EmptyPayload);
}

TEST_CASE("the P bit of the VP8 payload header marks key frames", "[media][vp8]")
{
    // RFC 7741 section 4.3: |Size0|H| VER |P|, P = 0 for key frames.
    CHECK(isVp8KeyFrame(fromHex("502d00 9d012a")));
    CHECK_FALSE(isVp8KeyFrame(fromHex("31 0a 00")));
    CHECK_FALSE(isVp8KeyFrame({}));
}
