#include "convene/media/vp8_packetizer.h"

#include "convene/media/vp8_descriptor.h"

#include <algorithm>

namespace convene::media {

Vp8Packetizer::Vp8Packetizer(Vp8PacketizerConfig config)
    : m_config(config), m_nextSequenceNumber(config.firstSequenceNumber)
{ }

std::vector<RtpPacket> Vp8Packetizer::packetize(const Vp8Frame& frame)
{
    if (frame.data.empty())
        return {};

    Vp8Descriptor descriptor;
    if (frame.pictureId)
        descriptor.pictureId = uint16_t(*frame.pictureId & 0x7FFF);
    const std::size_t capacity =
        std::max<std::size_t>(m_config.maxPayloadSize, descriptor.size() + 1) - descriptor.size();
    const std::size_t packetCount = (frame.data.size() + capacity - 1) / capacity;
    const std::size_t baseSize = frame.data.size() / packetCount;
    const std::size_t largerPackets = frame.data.size() % packetCount; // these carry one byte more

    std::vector<RtpPacket> packets;
    packets.reserve(packetCount);
    std::size_t offset = 0;
    for (std::size_t i = 0; i < packetCount; ++i) {
        const std::size_t size = baseSize + (i < largerPackets ? 1 : 0);
        descriptor.startOfPartition = i == 0;

        RtpPacket packet;
        packet.marker = i + 1 == packetCount;
        packet.payloadType = m_config.payloadType;
        packet.sequenceNumber = m_nextSequenceNumber++;
        packet.timestamp = frame.rtpTimestamp;
        packet.ssrc = m_config.ssrc;
        packet.payload.reserve(descriptor.size() + size);
        descriptor.appendTo(packet.payload);
        packet.payload.insert(packet.payload.end(), frame.data.begin() + std::ptrdiff_t(offset),
                              frame.data.begin() + std::ptrdiff_t(offset + size));
        offset += size;
        packets.push_back(std::move(packet));
    }
    return packets;
}

} // namespace convene::media
