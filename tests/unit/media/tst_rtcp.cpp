#include "convene/media/reception_statistics.h"
#include "convene/media/rtcp.h"
#include "convene/media/rtcp_nack.h"
#include "hex.h"

#include <catch2/catch.hpp>

using namespace convene::media;
using namespace std::chrono_literals;
using media_test::fromHex;
using media_test::toHex;

namespace {

ParseError parseError(std::string_view hex)
{
    const auto result = RtcpCompoundPacket::parse(fromHex(hex));
    REQUIRE_FALSE(result.ok());
    return result.error();
}

} // namespace

TEST_CASE("a sender report with one report block parses field by field", "[media][rtcp]")
{
    // V=2 P=0 RC=1 | PT=200 | length 12 words - 1
    // SSRC | NTP seconds, fraction | RTP timestamp | packet count | octet count
    // block: SSRC | fraction 0x40, cumulative lost -2 | ext. highest seq | jitter | LSR | DLSR
    const auto bytes = fromHex("81 c8 000c  11223344  dab1e5e1 40000000  00bc614e  00000064  00003e80"
                               "deadbeef  40 fffffe  00010005  00000020  b7052000  00054000");
    const auto compound = RtcpCompoundPacket::parse(bytes);
    REQUIRE(compound.ok());
    REQUIRE(compound->packets.size() == 1);
    CHECK(compound->paddingSize == 0);
    const auto* sr = std::get_if<RtcpSenderReport>(&compound->packets[0]);
    REQUIRE(sr);
    CHECK(sr->ssrc == 0x11223344);
    CHECK(sr->ntpTimestamp == 0xdab1e5e140000000);
    CHECK(sr->rtpTimestamp == 12345678);
    CHECK(sr->packetCount == 100);
    CHECK(sr->octetCount == 16000);
    CHECK(sr->profileExtension.empty());
    REQUIRE(sr->reportBlocks.size() == 1);
    const RtcpReportBlock& block = sr->reportBlocks[0];
    CHECK(block.ssrc == 0xdeadbeef);
    CHECK(block.fractionLost == 0x40);
    CHECK(block.cumulativeLost == -2);
    CHECK(block.extendedHighestSequence == 0x10005);
    CHECK(block.jitter == 32);
    CHECK(block.lastSenderReport == 0xb7052000);
    CHECK(block.delaySinceLastSenderReport == 0x00054000);
    CHECK(toHex(compound->serialize()) == toHex(bytes));
    CHECK(rtcpPacketSize(compound->packets[0]) == bytes.size());
}

TEST_CASE("receiver reports keep the 24-bit signed cumulative loss extremes and profile extensions", "[media][rtcp]")
{
    // RR with two blocks (cumulative lost +8388607 and -8388608) and one word of profile extension.
    const auto bytes = fromHex("82 c9 000e  01020304"
                               "aaaaaaaa 00 7fffff 0000ffff 00000000 00000000 00000000"
                               "bbbbbbbb ff 800000 00000001 00000001 00000002 00000003"
                               "cafebabe");
    const auto compound = RtcpCompoundPacket::parse(bytes);
    REQUIRE(compound.ok());
    const auto* rr = std::get_if<RtcpReceiverReport>(&compound->packets.at(0));
    REQUIRE(rr);
    CHECK(rr->ssrc == 0x01020304);
    REQUIRE(rr->reportBlocks.size() == 2);
    CHECK(rr->reportBlocks[0].cumulativeLost == RtcpReportBlock::kMaxCumulativeLost);
    CHECK(rr->reportBlocks[1].cumulativeLost == RtcpReportBlock::kMinCumulativeLost);
    CHECK(rr->reportBlocks[1].fractionLost == 0xff);
    CHECK(rr->profileExtension == fromHex("cafebabe"));
    CHECK(toHex(compound->serialize()) == toHex(bytes));
}

TEST_CASE("an empty receiver report is the minimal valid compound packet", "[media][rtcp]")
{
    const RtcpCompoundPacket compound{{RtcpReceiverReport{0x01020304, {}, {}}}, 0};
    const auto bytes = compound.serialize();
    CHECK(toHex(bytes) == toHex(fromHex("80 c9 0001 01020304")));
    const auto parsed = RtcpCompoundPacket::parse(bytes);
    REQUIRE(parsed.ok());
    CHECK(*parsed == compound);
}

TEST_CASE("generic NACK and PLI serialize to the RFC 4585 layout", "[media][rtcp]")
{
    const RtcpGenericNack nack{0x11111111, 0x22222222, {{100, 0x0005}, {0xfff0, 0x8000}}};
    const RtcpPictureLossIndication pli{0x11111111, 0x22222222};
    const RtcpCompoundPacket compound{{nack, pli}, 0};
    const auto bytes = compound.serialize();
    CHECK(toHex(bytes) == toHex(fromHex("81 cd 0004  11111111 22222222  0064 0005  fff0 8000"
                                        "81 ce 0002  11111111 22222222")));
    const auto parsed = RtcpCompoundPacket::parse(bytes);
    REQUIRE(parsed.ok());
    CHECK(*parsed == compound);
}

TEST_CASE("a compound packet round-trips with padding on its last packet", "[media][rtcp]")
{
    // SR without blocks, then a PLI padded by one word (3 zero octets + count 4).
    const auto bytes = fromHex("80 c8 0006  11223344  00000001 00000002  00000003  00000004  00000005"
                               "a1 ce 0003  11223344 55667788  00000004");
    const auto compound = RtcpCompoundPacket::parse(bytes);
    REQUIRE(compound.ok());
    REQUIRE(compound->packets.size() == 2);
    CHECK(std::holds_alternative<RtcpSenderReport>(compound->packets[0]));
    CHECK(std::get<RtcpPictureLossIndication>(compound->packets[1]) ==
          RtcpPictureLossIndication{0x11223344, 0x55667788});
    CHECK(compound->paddingSize == 4);
    CHECK(toHex(compound->serialize()) == toHex(bytes));
}

TEST_CASE("unknown packet types and feedback formats are kept verbatim", "[media][rtcp]")
{
    // SDES (PT 202) with one chunk, then a transport feedback with FMT 15 (not a NACK).
    const auto bytes = fromHex("81 ca 0002  11223344 01024142"
                               "8f cd 0002  11111111 22222222");
    const auto compound = RtcpCompoundPacket::parse(bytes);
    REQUIRE(compound.ok());
    REQUIRE(compound->packets.size() == 2);
    CHECK(std::get<RtcpUnknownPacket>(compound->packets[0]) == RtcpUnknownPacket{1, 202, fromHex("11223344 01024142")});
    CHECK(std::get<RtcpUnknownPacket>(compound->packets[1]) ==
          RtcpUnknownPacket{15, 205, fromHex("11111111 22222222")});
    CHECK(toHex(compound->serialize()) == toHex(bytes));
}

TEST_CASE("malformed RTCP is rejected with a reason", "[media][rtcp]")
{
    CHECK(parseError("") == ParseError::TruncatedRtcpHeader);
    CHECK(parseError("80 c9 00") == ParseError::TruncatedRtcpHeader);
    CHECK(parseError("80 c9 0001 01020304  80 c9") == ParseError::TruncatedRtcpHeader);

    CHECK(parseError("40 c9 0001 01020304") == ParseError::BadVersion);
    CHECK(parseError("80 c9 0001 01020304  c0 c9 0001 01020304") == ParseError::BadVersion);

    CHECK(parseError("80 c9 0002 01020304") == ParseError::RtcpLengthBeyondBuffer);
    CHECK(parseError("80 c9 ffff 01020304") == ParseError::RtcpLengthBeyondBuffer);

    // RC=1 but no room for the block; RC=2 with only one block.
    CHECK(parseError("81 c9 0001 01020304") == ParseError::TruncatedReportBlocks);
    CHECK(parseError("82 c8 000c  11223344 00000000 00000000 00000000 00000000 00000000"
                     "aaaaaaaa 00000000 00000000 00000000 00000000 00000000") == ParseError::TruncatedReportBlocks);

    CHECK(parseError("80 c8 0001 11223344") == ParseError::BadRtcpPacketSize); // no sender info
    CHECK(parseError("80 c9 0000") == ParseError::BadRtcpPacketSize); // RR without SSRC
    CHECK(parseError("81 cd 0001 11111111") == ParseError::BadRtcpPacketSize); // NACK without media SSRC
    CHECK(parseError("81 ce 0003 11111111 22222222 00000000") == ParseError::BadRtcpPacketSize); // PLI with FCI
    // NACK whose padding leaves half an FCI item.
    CHECK(parseError("a1 cd 0003 11111111 22222222 00000002") == ParseError::BadRtcpPacketSize);
    // Padding that eats the RR's SSRC.
    CHECK(parseError("a0 c9 0002 01020304 00000008") == ParseError::BadRtcpPacketSize);

    CHECK(parseError("a0 c9 0002 01020304 00000000") == ParseError::BadPadding); // count 0
    CHECK(parseError("a0 c9 0001 01020309") == ParseError::BadPadding); // count beyond the packet
    CHECK(parseError("a0 c9 0000") == ParseError::BadPadding); // nothing to hold the count
    CHECK(parseError("a0 c9 0002 01020304 00000004  80 c9 0001 01020304") == ParseError::BadPadding); // not last
}

TEST_CASE("lost sequence numbers group into PID and bitmask items", "[media][rtcp][nack]")
{
    const std::vector<uint16_t> single{100};
    CHECK(makeNackItems(single) == std::vector<NackItem>{{100, 0}});

    const std::vector<uint16_t> lost{100, 101, 103};
    CHECK(makeNackItems(lost) == std::vector<NackItem>{{100, 0x0005}});

    // PID + 16 is the last one a bitmask reaches; PID + 17 starts a new item.
    const std::vector<uint16_t> spread{100, 116, 117};
    CHECK(makeNackItems(spread) == std::vector<NackItem>{{100, 0x8000}, {117, 0}});

    CHECK(makeNackItems(std::vector<uint16_t>{}).empty());
}

TEST_CASE("NACK grouping handles wrap-around, disorder and duplicates", "[media][rtcp][nack]")
{
    const std::vector<uint16_t> wrapping{65534, 65535, 0, 3};
    CHECK(makeNackItems(wrapping) == std::vector<NackItem>{{65534, 0x0013}});

    const std::vector<uint16_t> shuffled{3, 65534, 0, 3, 65535};
    CHECK(makeNackItems(shuffled) == std::vector<NackItem>{{65534, 0x0013}});

    // 10 is 65530 + 16, the last bit of the first item; 20 needs a new one.
    const std::vector<uint16_t> acrossItems{65530, 65535, 10, 20};
    CHECK(makeNackItems(acrossItems) == std::vector<NackItem>{{65530, 0x8010}, {20, 0}});
}

TEST_CASE("NACK items expand back to the lost sequence numbers", "[media][rtcp][nack]")
{
    const std::vector<NackItem> items{{65534, 0x0013}, {100, 0x8000}};
    CHECK(expandNackItems(items) == std::vector<uint16_t>{65534, 65535, 0, 3, 100, 116});

    std::vector<uint16_t> lost;
    for (int i = 0; i < 40; ++i)
        lost.push_back(uint16_t(65500 + 3 * i));
    CHECK(expandNackItems(makeNackItems(lost)) == lost);
}

TEST_CASE("packets at a constant 20 ms spacing have zero jitter and no loss", "[media][rtcp][stats]")
{
    ReceptionStatistics stats(0xabcdef01, 48000);
    for (uint16_t i = 0; i < 50; ++i)
        stats.onPacket(uint16_t(1000 + i), 5000 + 960u * i, 3s + 20ms * i);
    CHECK(stats.jitter() == 0);
    CHECK(stats.cumulativeLost() == 0);
    CHECK(stats.extendedHighestSequence() == 1049);
    const RtcpReportBlock block = stats.makeReportBlock(0x12345678, 0x00010000);
    CHECK(block.ssrc == 0xabcdef01);
    CHECK(block.fractionLost == 0);
    CHECK(block.cumulativeLost == 0);
    CHECK(block.extendedHighestSequence == 1049);
    CHECK(block.jitter == 0);
    CHECK(block.lastSenderReport == 0x12345678);
    CHECK(block.delaySinceLastSenderReport == 0x00010000);
}

TEST_CASE("alternating +-10 ms arrival noise converges to a 20 ms jitter", "[media][rtcp][stats]")
{
    // Every transit difference |D| is 20 ms = 960 units at 48 kHz, so J -> 960 (RFC 3550 A.8).
    ReceptionStatistics stats(1, 48000);
    for (uint16_t i = 0; i < 400; ++i)
        stats.onPacket(i, 960u * i, 20ms * i + (i % 2 ? 10ms : -10ms) + 1s);
    CHECK(stats.jitter() == 960);

    // After 16 packets, 1 - (15/16)^15 of the way there.
    ReceptionStatistics early(1, 48000);
    for (uint16_t i = 0; i < 16; ++i)
        early.onPacket(i, 960u * i, 20ms * i + (i % 2 ? 10ms : -10ms) + 1s);
    CHECK(early.jitter() == 595);
}

TEST_CASE("loss counts per interval and cumulatively", "[media][rtcp][stats]")
{
    ReceptionStatistics stats(1, 90000);
    for (uint16_t sequence = 0; sequence < 10; ++sequence)
        if (sequence != 3 && sequence != 7)
            stats.onPacket(sequence, 3000u * sequence, 33ms * sequence);
    RtcpReportBlock block = stats.makeReportBlock();
    CHECK(block.cumulativeLost == 2);
    CHECK(block.fractionLost == 2 * 256 / 10);
    CHECK(block.extendedHighestSequence == 9);

    for (uint16_t sequence = 10; sequence < 20; ++sequence)
        stats.onPacket(sequence, 3000u * sequence, 33ms * sequence);
    block = stats.makeReportBlock();
    CHECK(block.fractionLost == 0);
    CHECK(block.cumulativeLost == 2);

    // Duplicates make the loss negative; the fraction stays 0.
    stats.onPacket(19, 3000u * 19, 700ms);
    stats.onPacket(19, 3000u * 19, 710ms);
    stats.onPacket(19, 3000u * 19, 720ms);
    block = stats.makeReportBlock();
    CHECK(block.cumulativeLost == -1);
    CHECK(block.fractionLost == 0);
}

TEST_CASE("the extended highest sequence counts wrap-arounds and ignores late packets", "[media][rtcp][stats]")
{
    ReceptionStatistics stats(1, 8000);
    for (uint16_t sequence = 65530; sequence != 6; ++sequence)
        stats.onPacket(sequence, 160u * sequence, 20ms * (uint16_t(sequence - 65530)));
    CHECK(stats.extendedHighestSequence() == 0x10005);
    stats.onPacket(65533, 0, 300ms); // late duplicate
    CHECK(stats.extendedHighestSequence() == 0x10005);
    CHECK(stats.cumulativeLost() == -1);
}

TEST_CASE("round trip time follows from LSR and DLSR", "[media][rtcp][rtt]")
{
    // RFC 3550 section 6.4.1 figure 2: A = 46864.500, LSR = 46853.125, DLSR = 5.250 -> 6.125 s.
    RtcpReportBlock block;
    block.lastSenderReport = 0xb7052000;
    block.delaySinceLastSenderReport = 0x00054000;
    CHECK(ntpToCompact(0x0000b71080000000) == 0xb7108000);
    CHECK(roundTripTime(block, 0xb7108000) == std::chrono::microseconds(6'125'000));

    // Across the wrap of the compact NTP clock.
    block.lastSenderReport = 0xffff8000;
    block.delaySinceLastSenderReport = 0x00008000;
    CHECK(roundTripTime(block, 0x00001000) == std::chrono::microseconds(62'500));

    block.lastSenderReport = 0;
    CHECK_FALSE(roundTripTime(block, 0xb7108000));

    // A DLSR longer than the time since the SR would give a negative RTT.
    block.lastSenderReport = 0xb7052000;
    block.delaySinceLastSenderReport = 0x00100000;
    CHECK_FALSE(roundTripTime(block, 0xb7108000));
}
