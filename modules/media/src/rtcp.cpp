#include "convene/media/rtcp.h"

#include "byte_io.h"

#include <cassert>
#include <optional>

namespace convene::media {

using namespace byte_io;

namespace {

constexpr std::size_t kSenderInfoSize = 24; // SSRC + NTP + RTP timestamp + packet and octet counts
constexpr std::size_t kFeedbackHeaderSize = 8; // sender and media SSRC
constexpr std::size_t kMaxCount = 31;

int32_t readSigned24(std::span<const uint8_t> bytes, std::size_t at)
{
    const int32_t value = int32_t(bytes[at]) << 16 | int32_t(bytes[at + 1]) << 8 | int32_t(bytes[at + 2]);
    return value & 0x800000 ? value - 0x1000000 : value;
}

RtcpReportBlock readReportBlock(std::span<const uint8_t> bytes, std::size_t at)
{
    RtcpReportBlock block;
    block.ssrc = readBe32(bytes, at);
    block.fractionLost = bytes[at + 4];
    block.cumulativeLost = readSigned24(bytes, at + 5);
    block.extendedHighestSequence = readBe32(bytes, at + 8);
    block.jitter = readBe32(bytes, at + 12);
    block.lastSenderReport = readBe32(bytes, at + 16);
    block.delaySinceLastSenderReport = readBe32(bytes, at + 20);
    return block;
}

// Reads `count` report blocks starting at `at`; whatever follows is the profile extension.
std::optional<ParseError> readReportBlocks(std::span<const uint8_t> body, std::size_t at, std::size_t count,
                                           std::vector<RtcpReportBlock>& blocks, std::vector<uint8_t>& extension)
{
    if (body.size() < at + count * RtcpReportBlock::kSize)
        return ParseError::TruncatedReportBlocks;
    blocks.reserve(count);
    for (std::size_t i = 0; i < count; ++i, at += RtcpReportBlock::kSize)
        blocks.push_back(readReportBlock(body, at));
    extension.assign(body.begin() + std::ptrdiff_t(at), body.end());
    return std::nullopt;
}

ParseResult<RtcpPacket> parseSenderReport(std::size_t count, std::span<const uint8_t> body)
{
    if (body.size() < kSenderInfoSize)
        return ParseError::BadRtcpPacketSize;
    RtcpSenderReport report;
    report.ssrc = readBe32(body, 0);
    report.ntpTimestamp = uint64_t(readBe32(body, 4)) << 32 | readBe32(body, 8);
    report.rtpTimestamp = readBe32(body, 12);
    report.packetCount = readBe32(body, 16);
    report.octetCount = readBe32(body, 20);
    if (const auto error = readReportBlocks(body, kSenderInfoSize, count, report.reportBlocks, report.profileExtension))
        return *error;
    return RtcpPacket(std::move(report));
}

ParseResult<RtcpPacket> parseReceiverReport(std::size_t count, std::span<const uint8_t> body)
{
    if (body.size() < 4)
        return ParseError::BadRtcpPacketSize;
    RtcpReceiverReport report;
    report.ssrc = readBe32(body, 0);
    if (const auto error = readReportBlocks(body, 4, count, report.reportBlocks, report.profileExtension))
        return *error;
    return RtcpPacket(std::move(report));
}

ParseResult<RtcpPacket> parseGenericNack(std::span<const uint8_t> body)
{
    if (body.size() < kFeedbackHeaderSize || body.size() % 4 != 0)
        return ParseError::BadRtcpPacketSize;
    RtcpGenericNack nack;
    nack.senderSsrc = readBe32(body, 0);
    nack.mediaSsrc = readBe32(body, 4);
    nack.items.reserve((body.size() - kFeedbackHeaderSize) / 4);
    for (std::size_t at = kFeedbackHeaderSize; at < body.size(); at += 4)
        nack.items.push_back({readBe16(body, at), readBe16(body, at + 2)});
    return RtcpPacket(std::move(nack));
}

ParseResult<RtcpPacket> parsePictureLossIndication(std::span<const uint8_t> body)
{
    // RFC 4585 section 6.3.1: PLI carries no FCI.
    if (body.size() != kFeedbackHeaderSize)
        return ParseError::BadRtcpPacketSize;
    return RtcpPacket(RtcpPictureLossIndication{readBe32(body, 0), readBe32(body, 4)});
}

ParseResult<RtcpPacket> parsePacket(uint8_t count, uint8_t packetType, std::span<const uint8_t> body)
{
    switch (packetType) {
    case RtcpSenderReport::kPacketType: return parseSenderReport(count, body);
    case RtcpReceiverReport::kPacketType: return parseReceiverReport(count, body);
    case RtcpGenericNack::kPacketType:
        if (count == RtcpGenericNack::kFormat)
            return parseGenericNack(body);
        break;
    case RtcpPictureLossIndication::kPacketType:
        if (count == RtcpPictureLossIndication::kFormat)
            return parsePictureLossIndication(body);
        break;
    default: break;
    }
    return RtcpPacket(RtcpUnknownPacket{count, packetType, {body.begin(), body.end()}});
}

void appendHeader(std::vector<uint8_t>& out, std::size_t count, uint8_t packetType, std::size_t totalSize, bool padded)
{
    assert(count <= kMaxCount);
    assert(totalSize % 4 == 0 && totalSize / 4 - 1 <= 0xFFFF);
    out.push_back(uint8_t(0x80 | (padded ? 0x20 : 0) | count));
    out.push_back(packetType);
    appendBe16(out, uint16_t(totalSize / 4 - 1));
}

void appendReportBlock(std::vector<uint8_t>& out, const RtcpReportBlock& block)
{
    assert(block.cumulativeLost >= RtcpReportBlock::kMinCumulativeLost &&
           block.cumulativeLost <= RtcpReportBlock::kMaxCumulativeLost);
    const uint32_t lost = uint32_t(block.cumulativeLost) & 0xFFFFFF;
    appendBe32(out, block.ssrc);
    appendBe32(out, uint32_t(block.fractionLost) << 24 | lost);
    appendBe32(out, block.extendedHighestSequence);
    appendBe32(out, block.jitter);
    appendBe32(out, block.lastSenderReport);
    appendBe32(out, block.delaySinceLastSenderReport);
}

void appendReportBlocks(std::vector<uint8_t>& out, const std::vector<RtcpReportBlock>& blocks,
                        const std::vector<uint8_t>& extension)
{
    for (const RtcpReportBlock& block : blocks)
        appendReportBlock(out, block);
    out.insert(out.end(), extension.begin(), extension.end());
}

struct PacketWriter {
    std::vector<uint8_t>& out;
    std::size_t totalSize; // including padding
    bool padded;

    void operator()(const RtcpSenderReport& report) const
    {
        appendHeader(out, report.reportBlocks.size(), RtcpSenderReport::kPacketType, totalSize, padded);
        appendBe32(out, report.ssrc);
        appendBe32(out, uint32_t(report.ntpTimestamp >> 32));
        appendBe32(out, uint32_t(report.ntpTimestamp));
        appendBe32(out, report.rtpTimestamp);
        appendBe32(out, report.packetCount);
        appendBe32(out, report.octetCount);
        appendReportBlocks(out, report.reportBlocks, report.profileExtension);
    }
    void operator()(const RtcpReceiverReport& report) const
    {
        appendHeader(out, report.reportBlocks.size(), RtcpReceiverReport::kPacketType, totalSize, padded);
        appendBe32(out, report.ssrc);
        appendReportBlocks(out, report.reportBlocks, report.profileExtension);
    }
    void operator()(const RtcpGenericNack& nack) const
    {
        appendHeader(out, RtcpGenericNack::kFormat, RtcpGenericNack::kPacketType, totalSize, padded);
        appendBe32(out, nack.senderSsrc);
        appendBe32(out, nack.mediaSsrc);
        for (const NackItem& item : nack.items) {
            appendBe16(out, item.pid);
            appendBe16(out, item.blp);
        }
    }
    void operator()(const RtcpPictureLossIndication& pli) const
    {
        appendHeader(out, RtcpPictureLossIndication::kFormat, RtcpPictureLossIndication::kPacketType, totalSize,
                     padded);
        appendBe32(out, pli.senderSsrc);
        appendBe32(out, pli.mediaSsrc);
    }
    void operator()(const RtcpUnknownPacket& packet) const
    {
        appendHeader(out, packet.count, packet.packetType, totalSize, padded);
        out.insert(out.end(), packet.body.begin(), packet.body.end());
    }
};

struct PacketSize {
    std::size_t operator()(const RtcpSenderReport& r) const
    {
        return RtcpCompoundPacket::kHeaderSize + kSenderInfoSize + r.reportBlocks.size() * RtcpReportBlock::kSize +
               r.profileExtension.size();
    }
    std::size_t operator()(const RtcpReceiverReport& r) const
    {
        return RtcpCompoundPacket::kHeaderSize + 4 + r.reportBlocks.size() * RtcpReportBlock::kSize +
               r.profileExtension.size();
    }
    std::size_t operator()(const RtcpGenericNack& n) const
    {
        return RtcpCompoundPacket::kHeaderSize + kFeedbackHeaderSize + 4 * n.items.size();
    }
    std::size_t operator()(const RtcpPictureLossIndication&) const
    {
        return RtcpCompoundPacket::kHeaderSize + kFeedbackHeaderSize;
    }
    std::size_t operator()(const RtcpUnknownPacket& p) const { return RtcpCompoundPacket::kHeaderSize + p.body.size(); }
};

} // namespace

std::size_t rtcpPacketSize(const RtcpPacket& packet)
{
    return std::visit(PacketSize{}, packet);
}

ParseResult<RtcpCompoundPacket> RtcpCompoundPacket::parse(std::span<const uint8_t> bytes)
{
    if (bytes.empty())
        return ParseError::TruncatedRtcpHeader;

    RtcpCompoundPacket compound;
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        if (bytes.size() - offset < kHeaderSize)
            return ParseError::TruncatedRtcpHeader;
        if ((bytes[offset] >> 6) != 2)
            return ParseError::BadVersion;
        const bool hasPadding = bytes[offset] & 0x20;
        const uint8_t count = bytes[offset] & 0x1F;
        const uint8_t packetType = bytes[offset + 1];
        const std::size_t packetSize = (std::size_t(readBe16(bytes, offset + 2)) + 1) * 4;
        if (packetSize > bytes.size() - offset)
            return ParseError::RtcpLengthBeyondBuffer;

        auto body = bytes.subspan(offset + kHeaderSize, packetSize - kHeaderSize);
        offset += packetSize;
        if (hasPadding) {
            // RFC 3550 appendix A.2: only the last packet of a compound may be padded.
            if (offset != bytes.size() || body.empty() || body.back() == 0 || body.back() > body.size())
                return ParseError::BadPadding;
            compound.paddingSize = body.back();
            body = body.first(body.size() - compound.paddingSize);
        }

        auto packet = parsePacket(count, packetType, body);
        if (!packet)
            return packet.error();
        compound.packets.push_back(std::move(packet).value());
    }
    return compound;
}

std::vector<uint8_t> RtcpCompoundPacket::serialize() const
{
    std::vector<uint8_t> out;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const bool last = i + 1 == packets.size();
        const uint8_t padding = last ? paddingSize : 0;
        const std::size_t start = out.size();
        const std::size_t totalSize = rtcpPacketSize(packets[i]) + padding;
        std::visit(PacketWriter{out, totalSize, padding != 0}, packets[i]);
        if (padding) {
            out.insert(out.end(), padding - 1u, uint8_t(0));
            out.push_back(padding);
        }
        assert(out.size() - start == totalSize);
        (void)start;
    }
    return out;
}

} // namespace convene::media
