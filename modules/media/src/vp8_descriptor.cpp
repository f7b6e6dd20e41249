#include "convene/media/vp8_descriptor.h"

namespace convene::media {

namespace {

constexpr uint8_t kExtendedBit = 0x80;
constexpr uint8_t kNonReferenceBit = 0x20;
constexpr uint8_t kStartBit = 0x10;
constexpr uint8_t kPartitionMask = 0x07;
constexpr uint8_t kPictureIdBit = 0x80;
constexpr uint8_t kTl0PicIndexBit = 0x40;
constexpr uint8_t kTemporalLayerBit = 0x20;
constexpr uint8_t kKeyIndexBit = 0x10;
constexpr uint8_t kLongPictureIdBit = 0x80;
constexpr uint8_t kLayerSyncBit = 0x20;
constexpr uint8_t kKeyIndexMask = 0x1F;

} // namespace

std::size_t Vp8Descriptor::size() const
{
    const bool extended = pictureId || tl0PicIndex || temporalLayer || keyIndex;
    if (!extended)
        return 1;
    return 2 + (pictureId ? (longPictureId ? 2 : 1) : 0) + (tl0PicIndex ? 1 : 0) + (temporalLayer || keyIndex ? 1 : 0);
}

void Vp8Descriptor::appendTo(std::vector<uint8_t>& out) const
{
    const bool extended = pictureId || tl0PicIndex || temporalLayer || keyIndex;
    out.push_back(uint8_t((extended ? kExtendedBit : 0) | (nonReference ? kNonReferenceBit : 0) |
                          (startOfPartition ? kStartBit : 0) | (partitionIndex & kPartitionMask)));
    if (!extended)
        return;
    out.push_back(uint8_t((pictureId ? kPictureIdBit : 0) | (tl0PicIndex ? kTl0PicIndexBit : 0) |
                          (temporalLayer ? kTemporalLayerBit : 0) | (keyIndex ? kKeyIndexBit : 0)));
    if (pictureId) {
        if (longPictureId) {
            out.push_back(uint8_t(kLongPictureIdBit | ((*pictureId >> 8) & 0x7F)));
            out.push_back(uint8_t(*pictureId));
        } else {
            out.push_back(uint8_t(*pictureId & 0x7F));
        }
    }
    if (tl0PicIndex)
        out.push_back(*tl0PicIndex);
    if (temporalLayer || keyIndex) {
        out.push_back(uint8_t((temporalLayer ? ((*temporalLayer & 0x03) << 6) | (layerSync ? kLayerSyncBit : 0) : 0) |
                              (keyIndex ? (*keyIndex & kKeyIndexMask) : 0)));
    }
}

ParseResult<Vp8Payload> parseVp8Payload(std::span<const uint8_t> rtpPayload)
{
    if (rtpPayload.empty())
        return ParseError::TruncatedDescriptor;
    Vp8Descriptor d;
    const uint8_t first = rtpPayload[0];
    d.nonReference = first & kNonReferenceBit;
    d.startOfPartition = first & kStartBit;
    d.partitionIndex = first & kPartitionMask;

    std::size_t offset = 1;
    if (first & kExtendedBit) {
        if (rtpPayload.size() <= offset)
            return ParseError::TruncatedDescriptor;
        const uint8_t flags = rtpPayload[offset++];
        if (flags & kPictureIdBit) {
            if (rtpPayload.size() <= offset)
                return ParseError::TruncatedDescriptor;
            const uint8_t high = rtpPayload[offset++];
            d.longPictureId = high & kLongPictureIdBit;
            if (d.longPictureId) {
                if (rtpPayload.size() <= offset)
                    return ParseError::TruncatedDescriptor;
                d.pictureId = uint16_t(((high & 0x7F) << 8) | rtpPayload[offset++]);
            } else {
                d.pictureId = uint16_t(high & 0x7F);
            }
        }
        if (flags & kTl0PicIndexBit) {
            if (rtpPayload.size() <= offset)
                return ParseError::TruncatedDescriptor;
            d.tl0PicIndex = rtpPayload[offset++];
        }
        if (flags & (kTemporalLayerBit | kKeyIndexBit)) {
            if (rtpPayload.size() <= offset)
                return ParseError::TruncatedDescriptor;
            const uint8_t layer = rtpPayload[offset++];
            // TID/Y are ignored unless T is set, KEYIDX unless K is set (section 4.2).
            if (flags & kTemporalLayerBit) {
                d.temporalLayer = uint8_t(layer >> 6);
                d.layerSync = layer & kLayerSyncBit;
            }
            if (flags & kKeyIndexBit)
                d.keyIndex = uint8_t(layer & kKeyIndexMask);
        }
    }
    if (rtpPayload.size() <= offset)
        return ParseError::EmptyPayload;
    return Vp8Payload{d, rtpPayload.subspan(offset)};
}

bool isVp8KeyFrame(std::span<const uint8_t> firstPartitionStart)
{
    return !firstPartitionStart.empty() && (firstPartitionStart[0] & 0x01) == 0;
}

} // namespace convene::media
