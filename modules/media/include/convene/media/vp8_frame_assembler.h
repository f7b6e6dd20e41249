#pragma once

#include "convene/media/rtp_packet.h"
#include "convene/media/sequence_unwrapper.h"
#include "convene/media/vp8_frame.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace convene::media {

struct Vp8FrameAssemblerConfig {
    // How many frames may have packets waiting behind an incomplete one before it is given up.
    // Must exceed the reordering depth in frames, or late packets turn into losses.
    std::size_t maxPendingFrames = 16;
    std::size_t maxBufferedPackets = 8192;
};

// Packets in [firstSequence, lastSequence] were given up without producing a frame. Sequence
// numbers are unwrapped: the first packet inserted keeps its 16-bit value.
struct Vp8FrameLoss {
    int64_t firstSequence = 0;
    int64_t lastSequence = 0;

    bool operator==(const Vp8FrameLoss&) const = default;
};

struct Vp8FrameAssemblerStats {
    uint64_t packets = 0;
    uint64_t malformed = 0;
    uint64_t duplicates = 0;
    uint64_t late = 0; // arrived after their frame was emitted or given up
    uint64_t framesEmitted = 0;
    uint64_t losses = 0;
};

// Rebuilds VP8 frames from the RTP packets of one SSRC arriving in any order, with loss and
// duplicates. Frames come out in sequence order, each exactly once; a frame with a missing packet
// is reported as a loss once later frames make waiting pointless, and raises a key frame request
// (for a PLI) because the decoder cannot use the following delta frames.
class Vp8FrameAssembler {
public:
    explicit Vp8FrameAssembler(Vp8FrameAssemblerConfig config = {});

    void insert(const RtpPacket& packet);
    // Stops waiting for missing packets (end of stream): emits what is complete, reports the rest.
    void flush();

    std::vector<Vp8Frame> takeFrames();
    std::vector<Vp8FrameLoss> takeLosses();
    // True once after any loss until read.
    bool takeKeyFrameRequest();

    std::size_t bufferedPackets() const { return m_buffer.size(); }
    const Vp8FrameAssemblerStats& stats() const { return m_stats; }

private:
    struct BufferedPacket {
        uint32_t timestamp = 0;
        bool startsFrame = false;
        bool endsFrame = false;
        bool keyFrame = false;
        std::optional<uint16_t> pictureId;
        std::vector<uint8_t> data;
    };
    enum class HeadState { Complete, Waiting, Broken };
    struct HeadInspection {
        HeadState state = HeadState::Waiting;
        int64_t end = 0; // one past the last packet of a complete frame
    };

    void process(bool giveUpWaiting);
    HeadInspection inspectHead(int64_t head) const;
    bool overBudget() const;
    void emitFrame(int64_t head, int64_t end);
    void dropHead(int64_t head);
    void erase(std::map<int64_t, BufferedPacket>::iterator first, std::map<int64_t, BufferedPacket>::iterator last);

    Vp8FrameAssemblerConfig m_config;
    SequenceNumberUnwrapper m_unwrapper;
    std::map<int64_t, BufferedPacket> m_buffer;
    std::map<uint32_t, std::size_t> m_packetsPerTimestamp; // counts the frames waiting
    std::optional<int64_t> m_nextSequence; // where the next frame starts, once known
    std::vector<Vp8Frame> m_frames;
    std::vector<Vp8FrameLoss> m_losses;
    bool m_keyFrameRequested = false;
    Vp8FrameAssemblerStats m_stats;
};

} // namespace convene::media
