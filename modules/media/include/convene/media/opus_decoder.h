#pragma once

#include "convene/core/result.h"
#include "convene/media/audio_format.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace convene::media {

// Decodes Opus packets into 48 kHz mono audio (audio_format.h) and covers lost packets, either
// from the next packet's in-band FEC or by concealment. Not thread safe.
class OpusDecoder {
public:
    static Result<std::unique_ptr<OpusDecoder>> create();
    ~OpusDecoder();
    OpusDecoder(const OpusDecoder&) = delete;
    OpusDecoder& operator=(const OpusDecoder&) = delete;

    // As many samples as the packet holds (960 for our 20 ms frames, up to 120 ms from other
    // senders). A malformed packet is an error; Opus has no checksum, so well-formed noise
    // decodes to noise.
    Result<AudioSamples> decode(const uint8_t* packet, std::size_t size);

    // Recovers the 20 ms frame before `nextPacket` from the FEC data that packet carries
    // (kAudioFrameSamples samples). Without FEC in the packet it falls back to concealment.
    // Call it before decode(nextPacket).
    Result<AudioSamples> decodeFec(const uint8_t* nextPacket, std::size_t size);

    // Packet loss concealment for one missing 20 ms frame: kAudioFrameSamples samples
    // extrapolated from the audio before it, fading to silence over consecutive losses.
    AudioSamples conceal();

private:
    struct Codec; // owns the libopus state

    explicit OpusDecoder(std::unique_ptr<Codec> codec);

    std::unique_ptr<Codec> m_codec;
};

} // namespace convene::media
