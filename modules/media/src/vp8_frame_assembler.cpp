#include "convene/media/vp8_frame_assembler.h"

#include "convene/media/vp8_descriptor.h"

#include <utility>

namespace convene::media {

Vp8FrameAssembler::Vp8FrameAssembler(Vp8FrameAssemblerConfig config) : m_config(config) { }

void Vp8FrameAssembler::insert(const RtpPacket& packet)
{
    ++m_stats.packets;
    const auto payload = parseVp8Payload(packet.payload);
    if (!payload) {
        ++m_stats.malformed;
        return;
    }
    const int64_t sequence = m_unwrapper.unwrap(packet.sequenceNumber);
    if (m_nextSequence && sequence < *m_nextSequence) {
        ++m_stats.late;
        return;
    }
    if (m_buffer.contains(sequence)) {
        ++m_stats.duplicates;
        return;
    }

    const Vp8Descriptor& descriptor = payload->descriptor;
    BufferedPacket buffered;
    buffered.timestamp = packet.timestamp;
    buffered.startsFrame = descriptor.startsFrame();
    buffered.endsFrame = packet.marker;
    buffered.keyFrame = buffered.startsFrame && isVp8KeyFrame(payload->data);
    buffered.pictureId = descriptor.pictureId;
    buffered.data.assign(payload->data.begin(), payload->data.end());
    m_buffer.emplace(sequence, std::move(buffered));
    ++m_packetsPerTimestamp[packet.timestamp];

    process(false);
}

void Vp8FrameAssembler::flush()
{
    process(true);
}

void Vp8FrameAssembler::process(bool giveUpWaiting)
{
    while (!m_buffer.empty()) {
        // Before the first frame the earliest packet seen is the best guess for the stream start.
        const int64_t head = m_nextSequence.value_or(m_buffer.begin()->first);
        const HeadInspection inspection = inspectHead(head);
        if (inspection.state == HeadState::Complete)
            emitFrame(head, inspection.end);
        else if (inspection.state == HeadState::Broken || giveUpWaiting || overBudget())
            dropHead(head);
        else
            return;
    }
}

Vp8FrameAssembler::HeadInspection Vp8FrameAssembler::inspectHead(int64_t head) const
{
    auto it = m_buffer.find(head);
    if (it == m_buffer.end())
        return {HeadState::Waiting};
    // Once a frame has ended, the next packet must start one; before that the real first
    // packet may still be on its way.
    if (!it->second.startsFrame)
        return {m_nextSequence ? HeadState::Broken : HeadState::Waiting};
    const uint32_t timestamp = it->second.timestamp;
    for (int64_t sequence = head;; ++sequence) {
        if (it->second.endsFrame)
            return {HeadState::Complete, sequence + 1};
        ++it;
        if (it == m_buffer.end() || it->first != sequence + 1)
            return {HeadState::Waiting};
        // The next frame began before this one ended: its last packet is gone for good.
        if (it->second.startsFrame || it->second.timestamp != timestamp)
            return {HeadState::Broken};
    }
}

bool Vp8FrameAssembler::overBudget() const
{
    return m_packetsPerTimestamp.size() > m_config.maxPendingFrames || m_buffer.size() > m_config.maxBufferedPackets;
}

void Vp8FrameAssembler::emitFrame(int64_t head, int64_t end)
{
    const auto first = m_buffer.find(head);
    const auto last = m_buffer.lower_bound(end);
    Vp8Frame frame;
    frame.keyFrame = first->second.keyFrame;
    frame.pictureId = first->second.pictureId;
    frame.rtpTimestamp = first->second.timestamp;
    std::size_t size = 0;
    for (auto it = first; it != last; ++it)
        size += it->second.data.size();
    frame.data.reserve(size);
    for (auto it = first; it != last; ++it)
        frame.data.insert(frame.data.end(), it->second.data.begin(), it->second.data.end());

    erase(first, last);
    m_nextSequence = end;
    m_frames.push_back(std::move(frame));
    ++m_stats.framesEmitted;
}

void Vp8FrameAssembler::dropHead(int64_t head)
{
    // Skip to the next place a frame can start: a start packet after the head, or the packet
    // after an end-of-frame packet; with neither, everything buffered belongs to lost frames.
    const auto first = m_buffer.lower_bound(head);
    int64_t boundary = m_buffer.rbegin()->first + 1;
    for (auto it = first; it != m_buffer.end(); ++it) {
        if (it->first > head && it->second.startsFrame) {
            boundary = it->first;
            break;
        }
        if (it->second.endsFrame) {
            boundary = it->first + 1;
            break;
        }
    }

    erase(first, m_buffer.lower_bound(boundary));
    m_nextSequence = boundary;
    m_losses.push_back({head, boundary - 1});
    m_keyFrameRequested = true;
    ++m_stats.losses;
}

void Vp8FrameAssembler::erase(std::map<int64_t, BufferedPacket>::iterator first,
                              std::map<int64_t, BufferedPacket>::iterator last)
{
    for (auto it = first; it != last; ++it) {
        const auto count = m_packetsPerTimestamp.find(it->second.timestamp);
        if (--count->second == 0)
            m_packetsPerTimestamp.erase(count);
    }
    m_buffer.erase(first, last);
}

std::vector<Vp8Frame> Vp8FrameAssembler::takeFrames()
{
    return std::exchange(m_frames, {});
}

std::vector<Vp8FrameLoss> Vp8FrameAssembler::takeLosses()
{
    return std::exchange(m_losses, {});
}

bool Vp8FrameAssembler::takeKeyFrameRequest()
{
    return std::exchange(m_keyFrameRequested, false);
}

} // namespace convene::media
