#pragma once

#include "convene/core/result.h"
#include "convene/media/video_frame.h"
#include "convene/media/vp8_frame.h"

#include <memory>

namespace convene::media {

struct Vp8EncoderSettings {
    int width = 1280;
    int height = 720;
    int fps = 30;
    int bitrateKbps = 1200;
    int speed = 8; // libvpx cpu-used for realtime, 0..16: higher is faster and blurrier
    int threads = 1;
    int keyFrameIntervalFrames = 3000;
    bool errorResilient = true; // lets the receiver keep decoding after a lost delta frame
};

// Realtime one-pass CBR VP8 encoder (libvpx), tuned like WebRTC's: no look-ahead, a 1 s rate
// buffer, one token partition, capped key frame size. Not thread safe; use from one thread.
class Vp8Encoder {
public:
    static Result<std::unique_ptr<Vp8Encoder>> create(const Vp8EncoderSettings& settings);
    ~Vp8Encoder();
    Vp8Encoder(const Vp8Encoder&) = delete;
    Vp8Encoder& operator=(const Vp8Encoder&) = delete;

    // Encodes one picture. A picture whose size differs from the configured one restarts the
    // encoder at the new size, so its output is a key frame. The result has `data` and `keyFrame`
    // set; `pictureId` and `rtpTimestamp` are the caller's. When rate control drops the frame to
    // stay within the bitrate, the result is an empty Vp8Frame (no data): send nothing for it.
    Result<Vp8Frame> encode(const I420Frame& frame, bool forceKeyFrame = false);

    // Takes effect from the next frame.
    void setBitrateKbps(int kbps);

    const Vp8EncoderSettings& settings() const { return m_settings; }

private:
    struct Codec;

    explicit Vp8Encoder(const Vp8EncoderSettings& settings);
    Result<void> start();

    Vp8EncoderSettings m_settings;
    std::unique_ptr<Codec> m_codec;
    int64_t m_lastPts = -1;
};

} // namespace convene::media
