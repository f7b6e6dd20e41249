#pragma once

#include "convene/core/result.h"
#include "convene/media/audio_format.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace convene::media {

struct OpusEncoderSettings {
    int bitrate = 32000; // bits per second
    bool fec = true; // in-band forward error correction: each packet also carries the previous frame
    bool dtx = true; // discontinuous transmission: near-empty packets during silence
    int packetLossPercent = 10; // expected loss; more spends more bits on FEC
    int complexity = 9; // 0..10
};

// Encodes 20 ms frames of 48 kHz mono audio (audio_format.h) with Opus tuned for speech
// (OPUS_APPLICATION_VOIP). Not thread safe.
class OpusEncoder {
public:
    static Result<std::unique_ptr<OpusEncoder>> create(const OpusEncoderSettings& settings = {});
    ~OpusEncoder();
    OpusEncoder(const OpusEncoder&) = delete;
    OpusEncoder& operator=(const OpusEncoder&) = delete;

    // Encodes kAudioFrameSamples samples into one packet. With DTX on, a packet of 2 bytes or less
    // (see isDtxPacket) means "nothing to send": the receiver fills the gap with comfort noise.
    Result<std::vector<uint8_t>> encode(const int16_t* samples);

    // Both take effect from the next frame; out-of-range values are clamped.
    void setPacketLossPercent(int percent);
    void setBitrate(int bitsPerSecond);

    const OpusEncoderSettings& settings() const { return m_settings; }

    static bool isDtxPacket(const std::vector<uint8_t>& packet) { return packet.size() <= 2; }

private:
    struct Codec; // owns the libopus state

    OpusEncoder(std::unique_ptr<Codec> codec, const OpusEncoderSettings& settings);

    std::unique_ptr<Codec> m_codec;
    OpusEncoderSettings m_settings;
};

} // namespace convene::media
