#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace convene::media {

// One received Opus RTP packet. Sequence number and timestamp are unwrapped (see
// sequence_unwrapper.h); the timestamp is in 48 kHz units.
struct AudioPacket {
    int64_t sequence = 0;
    int64_t rtpTimestamp = 0;
    int64_t arrivalMs = 0;
    uint32_t durationSamples = 960;
    std::vector<uint8_t> payload;
};

enum class PlayoutAction {
    Play, // decode `payload`, the next packet in order
    Fec, // the next packet is missing: decode its in-band FEC copy from `payload` (the packet after it)
    Conceal, // the next packet is lost for good: decoder packet loss concealment
    Stretch, // the next packet may still come: stretch (expand) the audio without consuming it
    Drop, // too much delay: one frame (`droppedPayload`) is skipped, play `payload` or accelerate both
    Silence, // nothing to play: before the stream starts, in a DTX gap or after a long outage
};

const char* toString(PlayoutAction action);

struct PlayoutDecision {
    PlayoutAction action = PlayoutAction::Silence;
    std::vector<uint8_t> payload;
    std::vector<uint8_t> droppedPayload;
    int64_t sequence = -1; // the packet `payload` belongs to, for Play, Fec and Drop
};

struct AudioJitterBufferConfig {
    int minDelayMs = 20;
    int maxDelayMs = 500;
    int initialDelayMs = 40;
    // The target covers this fraction of the packets' delay variation over the window.
    double delayPercentile = 0.95;
    int64_t jitterWindowMs = 3000;
    // Hysteresis: the target rises at once but falls only this fast.
    double delayDecreasePerSecondMs = 20.0;
    std::size_t maxBufferedPackets = 50;
    // Frames played between two Drop decisions, so acceleration stays inaudible.
    int minFramesBetweenDrops = 5;
    // With nothing buffered for this long the stream is treated as paused (DTX, outage) and
    // playout restarts from the next packet once the target delay is buffered again.
    int64_t silenceAfterMs = 200;
};

struct AudioJitterBufferStats {
    uint64_t received = 0;
    uint64_t played = 0;
    uint64_t fecRecovered = 0;
    uint64_t concealed = 0;
    uint64_t stretched = 0;
    uint64_t droppedForDelay = 0; // Drop decisions
    uint64_t droppedLate = 0;
    uint64_t droppedOverflow = 0;
    uint64_t duplicates = 0;
    int currentDelayMs = 0; // audio buffered ahead of the playout point at the last pull
    int targetDelayMs = 0;

    // Concealed frames over the frames the playout has moved past.
    double concealmentRatio() const;
};

// Adaptive playout buffer for one Opus stream. Packets go in as they arrive, in any order; the
// playout clock pulls one decision per frame. The target delay follows the percentile of the
// packets' transit time variation over a sliding window, and the buffered audio is steered
// towards it: Stretch while below it with nothing to play, Drop when well above it.
class AudioJitterBuffer {
public:
    explicit AudioJitterBuffer(AudioJitterBufferConfig config = {});

    void insert(AudioPacket packet);
    PlayoutDecision pull(int64_t nowMs);

    std::size_t bufferedPackets() const { return m_buffer.size(); }
    const AudioJitterBufferStats& stats() const { return m_stats; }

private:
    struct TransitSample {
        int64_t arrivalMs = 0;
        double transitMs = 0;
    };

    bool wasPlayed(int64_t sequence) const;
    void markPlayed(int64_t sequence);
    void updateTargetDelay(const AudioPacket& packet);
    int bufferedMs() const;
    bool tryStart(int64_t nowMs);
    PlayoutDecision decideMissingHead(int64_t nowMs, int levelMs);
    PlayoutDecision play(PlayoutAction action, std::map<int64_t, AudioPacket>::iterator packet);
    PlayoutDecision drop(std::map<int64_t, AudioPacket>::iterator head);

    AudioJitterBufferConfig m_config;
    std::map<int64_t, AudioPacket> m_buffer;
    std::deque<int64_t> m_recentlyPlayed; // tells duplicates of played packets from late ones
    std::deque<TransitSample> m_transits;
    double m_targetDelayMs;
    std::optional<int64_t> m_lastTargetUpdateMs;
    double m_smoothedLevelMs = 0;
    bool m_playing = false;
    std::optional<int64_t> m_nextSequence; // set once playout has started
    int64_t m_nextTimestamp = 0;
    uint32_t m_frameSamples = 960; // duration of the last packet, for concealed frames
    int m_framesSinceDrop = 0;
    int64_t m_lastArrivalMs = 0;
    AudioJitterBufferStats m_stats;
};

} // namespace convene::media
