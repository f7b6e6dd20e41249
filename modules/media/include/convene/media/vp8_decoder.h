#pragma once

#include "convene/core/result.h"
#include "convene/media/video_frame.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace convene::media {

// Decodes VP8 frames (libvpx) into tightly packed I420 pictures. Not thread safe.
class Vp8Decoder {
public:
    static Result<std::unique_ptr<Vp8Decoder>> create(int threads = 1);

    // Key frames announcing a larger picture are refused before libvpx allocates for them, so a
    // peer cannot make us reserve a gigabyte with one small packet.
    static constexpr int kMaxWidth = 3840;
    static constexpr int kMaxHeight = 2160;
    ~Vp8Decoder();
    Vp8Decoder(const Vp8Decoder&) = delete;
    Vp8Decoder& operator=(const Vp8Decoder&) = delete;

    // One whole encoded frame in, one picture out. Malformed, truncated or corrupted input and a
    // delta frame before the first key frame give an error (the caller should ask for a key
    // frame); the decoder stays usable. `captureTimeUs` of the picture is left 0.
    Result<I420Frame> decode(const uint8_t* data, std::size_t size);

private:
    struct Codec;

    Vp8Decoder();

    std::unique_ptr<Codec> m_codec;
};

} // namespace convene::media
