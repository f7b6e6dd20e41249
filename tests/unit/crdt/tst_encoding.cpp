#include "crdt/encoding.h"
#include "crdt/error.h"
#include "crdt/value.h"
#include "helpers.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace convene::crdt;
using crdt_test::fromHex;
using crdt_test::toHex;

TEST_CASE("var uints use 7 bits per byte like lib0", "[crdt][encoding]")
{
    Encoder enc;
    enc.writeVarUint(0);
    enc.writeVarUint(127);
    enc.writeVarUint(128);
    enc.writeVarUint(300);
    enc.writeVarUint(kMaxSafeInteger);
    CHECK(toHex(enc.data()) == "007f8001ac02ffffffffffffff0f");
    Decoder dec(enc.data());
    CHECK(dec.readVarUint() == 0);
    CHECK(dec.readVarUint() == 127);
    CHECK(dec.readVarUint() == 128);
    CHECK(dec.readVarUint() == 300);
    CHECK(dec.readVarUint() == kMaxSafeInteger);
    CHECK(dec.atEnd());
}

TEST_CASE("var ints carry the sign in the first byte", "[crdt][encoding]")
{
    for (int64_t v : {int64_t(0), int64_t(1), int64_t(-1), int64_t(63), int64_t(64), int64_t(-64), int64_t(-2147483647),
                      int64_t(1) << 40}) {
        Encoder enc;
        enc.writeVarInt(v);
        Decoder dec(enc.data());
        CHECK(dec.readVarInt() == v);
        CHECK(dec.atEnd());
    }
    Encoder e;
    e.writeVarInt(-1);
    CHECK(toHex(e.data()) == "41");
}

TEST_CASE("integers beyond 2^53 and truncated input are rejected", "[crdt][encoding]")
{
    const auto tooBig = fromHex("ffffffffffffffff7f");
    Decoder d1(tooBig);
    CHECK_THROWS_AS(d1.readVarUint(), DecodeError);
    const auto truncated = fromHex("ff");
    Decoder d2(truncated);
    CHECK_THROWS_AS(d2.readVarUint(), DecodeError);
    const auto longString = fromHex("0561");
    Decoder d3(longString);
    CHECK_THROWS_AS(d3.readVarString(), DecodeError);
    const auto badUtf8 = fromHex("02c328");
    Decoder d4(badUtf8);
    CHECK_THROWS_AS(d4.readVarString(), DecodeError);
}

TEST_CASE("any values round-trip and match lib0's encoding", "[crdt][encoding]")
{
    // Bytes of the map/array state written by yjs 13.6: "Plan" (string), 1.5 (float32),
    // 1 (varint), {"three":[3]}, null, true.
    Encoder enc;
    enc.writeAny(Value::string("Plan"));
    enc.writeAny(Value::number(1.5));
    enc.writeAny(Value::number(1));
    enc.writeAny(parseJson(R"({"three":[3]})"));
    enc.writeAny(Value::null());
    enc.writeAny(Value::boolean(true));
    CHECK(toHex(enc.data()) == "7704506c616e7c3fc000007d0176010574687265657501"
                               "7d037e78");
    Decoder dec(enc.data());
    CHECK(dec.readAny() == Value::string("Plan"));
    CHECK(dec.readAny().asNumber() == 1.5);
    CHECK(dec.readAny().asNumber() == 1);
    CHECK(dec.readAny().toJson() == R"({"three":[3]})");
    CHECK(dec.readAny().isNull());
    CHECK(dec.readAny().asBool());
    CHECK(dec.atEnd());

    Encoder big;
    big.writeAny(Value::number(0.1));
    big.writeAny(Value::number(1e300));
    big.writeAny(Value::bigint(-5));
    big.writeAny(Value::binary({1, 2, 3}));
    Decoder bd(big.data());
    CHECK(bd.readAny().asNumber() == 0.1);
    CHECK(bd.readAny().asNumber() == 1e300);
    CHECK(bd.readAny().asBigInt() == -5);
    CHECK(bd.readAny().asBinary() == std::vector<uint8_t>{1, 2, 3});
}

TEST_CASE("UTF-16 conversion counts surrogate pairs as two units", "[crdt][encoding]")
{
    const std::u16string s = toUtf16("a中😀");
    CHECK(s.size() == 4);
    CHECK(toUtf8(s) == "a中😀");
    CHECK(toUtf8(std::u16string(1, char16_t(0xD83D))) == "\xEF\xBF\xBD"); // lone surrogate -> U+FFFD
    CHECK_FALSE(validUtf8("\xED\xA0\x80")); // encoded surrogate
    CHECK_FALSE(validUtf8("\xC0\xAF")); // overlong
    CHECK(validUtf8("协作😀"));
}

TEST_CASE("JSON parsing and JavaScript-style printing", "[crdt][encoding]")
{
    const Value v =
        parseJson(R"({"a":[1,2.5,"x\n\u4e2d\ud83d\ude00"],"b":{"c":null,"d":false},"e":-0.000001,"f":1e21})");
    CHECK(v.toJson() == "{\"a\":[1,2.5,\"x\\n中😀\"],\"b\":{\"c\":null,\"d\":false},\"e\":-0.000001,\"f\":1e+21}");
    CHECK_THROWS_AS(parseJson("{\"a\":}"), DecodeError);
    CHECK_THROWS_AS(parseJson("[1,2"), DecodeError);
    CHECK_THROWS_AS(parseJson("1 2"), DecodeError);
    CHECK_THROWS_AS(parseJson(std::string(200, '[')), DecodeError);
}
