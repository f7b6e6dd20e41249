#include "convene/media/rtp_packet.h"

#include "byte_io.h"

#include <cassert>

namespace convene::media {

using namespace byte_io;

ParseResult<RtpPacket> RtpPacket::parse(std::span<const uint8_t> bytes)
{
    if (bytes.size() < kFixedHeaderSize)
        return ParseError::TruncatedHeader;
    if ((bytes[0] >> 6) != 2)
        return ParseError::BadVersion;

    const bool hasPadding = bytes[0] & 0x20;
    const bool hasExtension = bytes[0] & 0x10;
    const std::size_t csrcCount = bytes[0] & 0x0F;

    RtpPacket packet;
    packet.marker = bytes[1] & 0x80;
    packet.payloadType = bytes[1] & 0x7F;
    packet.sequenceNumber = readBe16(bytes, 2);
    packet.timestamp = readBe32(bytes, 4);
    packet.ssrc = readBe32(bytes, 8);

    std::size_t offset = kFixedHeaderSize;
    if (bytes.size() < offset + 4 * csrcCount)
        return ParseError::TruncatedCsrcList;
    packet.csrcs.reserve(csrcCount);
    for (std::size_t i = 0; i < csrcCount; ++i, offset += 4)
        packet.csrcs.push_back(readBe32(bytes, offset));

    if (hasExtension) {
        if (bytes.size() < offset + 4)
            return ParseError::TruncatedExtension;
        const uint16_t profile = readBe16(bytes, offset);
        const std::size_t length = std::size_t(readBe16(bytes, offset + 2)) * 4;
        offset += 4;
        if (bytes.size() < offset + length)
            return ParseError::TruncatedExtension;
        packet.extension = RtpHeaderExtension{
            profile, {bytes.begin() + std::ptrdiff_t(offset), bytes.begin() + std::ptrdiff_t(offset + length)}};
        offset += length;
    }

    std::size_t end = bytes.size();
    if (hasPadding) {
        const uint8_t padding = bytes.back();
        if (padding == 0 || padding > end - offset)
            return ParseError::BadPadding;
        packet.paddingSize = padding;
        end -= padding;
    }
    packet.payload.assign(bytes.begin() + std::ptrdiff_t(offset), bytes.begin() + std::ptrdiff_t(end));
    return packet;
}

std::size_t RtpPacket::serializedSize() const
{
    return kFixedHeaderSize + 4 * csrcs.size() + (extension ? 4 + extension->data.size() : 0) + payload.size() +
           paddingSize;
}

std::vector<uint8_t> RtpPacket::serialize() const
{
    assert(csrcs.size() <= kMaxCsrcs);
    assert(payloadType < 128);
    assert(!extension || (extension->data.size() % 4 == 0 && extension->data.size() / 4 <= 0xFFFF));

    std::vector<uint8_t> out;
    out.reserve(serializedSize());
    out.push_back(uint8_t(0x80 | (paddingSize ? 0x20 : 0) | (extension ? 0x10 : 0) | csrcs.size()));
    out.push_back(uint8_t((marker ? 0x80 : 0) | (payloadType & 0x7F)));
    appendBe16(out, sequenceNumber);
    appendBe32(out, timestamp);
    appendBe32(out, ssrc);
    for (const uint32_t csrc : csrcs)
        appendBe32(out, csrc);
    if (extension) {
        appendBe16(out, extension->profile);
        appendBe16(out, uint16_t(extension->data.size() / 4));
        out.insert(out.end(), extension->data.begin(), extension->data.end());
    }
    out.insert(out.end(), payload.begin(), payload.end());
    if (paddingSize) {
        out.insert(out.end(), paddingSize - 1u, uint8_t(0));
        out.push_back(paddingSize);
    }
    return out;
}

} // namespace convene::media
