#include "convene/media/vp8_encoder.h"

#include <vpx/vp8cx.h>
#include <vpx/vpx_encoder.h>

#include <algorithm>

namespace convene::media {

namespace {

constexpr int kMaxDimension = 16383; // 14 bits in the VP8 frame header
constexpr int kBufferMs = 1000;
constexpr int kBufferInitialMs = 500;
constexpr int kBufferOptimalMs = 600;
constexpr int64_t kMicrosecondsPerSecond = 1000000;

Error encoderError(const QString& what, vpx_codec_err_t error)
{
    return makeError(
        ErrorCode::Internal,
        QStringLiteral("VP8 encoder: %1: %2").arg(what, QString::fromUtf8(vpx_codec_err_to_string(error))));
}

// Key frames may take this share of a frame's average budget (percent); larger ones would stall
// the stream while they drain through the rate buffer.
unsigned maxIntraBitratePercent(int fps)
{
    const int percent = kBufferOptimalMs / 2 * fps / 10;
    return unsigned(std::max(percent, 300));
}

} // namespace

struct Vp8Encoder::Codec {
    vpx_codec_ctx_t context{};
    vpx_codec_enc_cfg_t config{};
    bool initialised = false;

    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

Result<std::unique_ptr<Vp8Encoder>> Vp8Encoder::create(const Vp8EncoderSettings& settings)
{
    if (settings.width <= 0 || settings.height <= 0 || settings.width > kMaxDimension ||
        settings.height > kMaxDimension)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("VP8 encoder: unsupported picture size"));
    if (settings.fps <= 0 || settings.bitrateKbps <= 0 || settings.threads <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("VP8 encoder: frame rate, bitrate and threads must be positive"));

    std::unique_ptr<Vp8Encoder> encoder(new Vp8Encoder(settings));
    if (auto started = encoder->start(); !started)
        return started.error();
    return encoder;
}

Vp8Encoder::Vp8Encoder(const Vp8EncoderSettings& settings) : m_settings(settings)
{
    m_settings.speed = std::clamp(m_settings.speed, 0, 16);
}

Vp8Encoder::~Vp8Encoder() = default;

Result<void> Vp8Encoder::start()
{
    m_codec.reset();
    auto codec = std::make_unique<Codec>();
    vpx_codec_enc_cfg_t& cfg = codec->config;
    if (const auto error = vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &cfg, 0); error != VPX_CODEC_OK)
        return encoderError(QStringLiteral("no default configuration"), error);

    cfg.g_w = unsigned(m_settings.width);
    cfg.g_h = unsigned(m_settings.height);
    cfg.g_threads = unsigned(m_settings.threads);
    cfg.g_timebase = {1, int(kMicrosecondsPerSecond)};
    cfg.g_lag_in_frames = 0;
    cfg.g_pass = VPX_RC_ONE_PASS;
    cfg.g_error_resilient = m_settings.errorResilient ? VPX_ERROR_RESILIENT_DEFAULT : 0;
    cfg.rc_end_usage = VPX_CBR;
    cfg.rc_target_bitrate = unsigned(m_settings.bitrateKbps);
    cfg.rc_min_quantizer = 2;
    cfg.rc_max_quantizer = 56;
    cfg.rc_resize_allowed = 0;
    cfg.rc_dropframe_thresh = 30;
    cfg.rc_undershoot_pct = 100;
    cfg.rc_overshoot_pct = 15;
    cfg.rc_buf_sz = kBufferMs;
    cfg.rc_buf_initial_sz = kBufferInitialMs;
    cfg.rc_buf_optimal_sz = kBufferOptimalMs;
    if (m_settings.keyFrameIntervalFrames > 0) {
        cfg.kf_mode = VPX_KF_AUTO;
        cfg.kf_min_dist = 0;
        cfg.kf_max_dist = unsigned(m_settings.keyFrameIntervalFrames);
    } else {
        cfg.kf_mode = VPX_KF_DISABLED;
    }

    if (const auto error = vpx_codec_enc_init(&codec->context, vpx_codec_vp8_cx(), &cfg, 0); error != VPX_CODEC_OK)
        return encoderError(QStringLiteral("initialisation failed"), error);
    codec->initialised = true;

    vpx_codec_ctx_t* ctx = &codec->context;
    // A negative value fixes the speed; a positive one lets libvpx slow down to use up a share of
    // each frame interval, which costs CPU the rest of the call needs.
    vpx_codec_control(ctx, VP8E_SET_CPUUSED, -m_settings.speed);
    vpx_codec_control(ctx, VP8E_SET_STATIC_THRESHOLD, 1u);
    // The denoiser costs encode time that a realtime budget lacks; camera pipelines denoise.
    vpx_codec_control(ctx, VP8E_SET_NOISE_SENSITIVITY, 0u);
    vpx_codec_control(ctx, VP8E_SET_TOKEN_PARTITIONS, int(VP8_ONE_TOKENPARTITION));
    vpx_codec_control(ctx, VP8E_SET_MAX_INTRA_BITRATE_PCT, maxIntraBitratePercent(m_settings.fps));

    m_codec = std::move(codec);
    return {};
}

Result<Vp8Frame> Vp8Encoder::encode(const I420Frame& frame, bool forceKeyFrame)
{
    if (frame.width <= 0 || frame.height <= 0 || frame.width > kMaxDimension || frame.height > kMaxDimension)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("VP8 encoder: unsupported picture size"));
    if (frame.data.size() < I420Frame(frame.width, frame.height).data.size())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("VP8 encoder: picture data is too short"));

    if (!m_codec || frame.width != m_settings.width || frame.height != m_settings.height) {
        m_settings.width = frame.width;
        m_settings.height = frame.height;
        if (auto started = start(); !started)
            return started.error();
    }

    vpx_image_t image;
    if (!vpx_img_wrap(&image, VPX_IMG_FMT_I420, unsigned(frame.width), unsigned(frame.height), 1,
                      const_cast<uint8_t*>(frame.y())))
        return makeError(ErrorCode::Internal, QStringLiteral("VP8 encoder: cannot describe the picture"));
    // vpx_img_wrap rounds chroma strides down for odd widths; describe the planes exactly.
    image.planes[VPX_PLANE_Y] = const_cast<uint8_t*>(frame.y());
    image.planes[VPX_PLANE_U] = const_cast<uint8_t*>(frame.u());
    image.planes[VPX_PLANE_V] = const_cast<uint8_t*>(frame.v());
    image.stride[VPX_PLANE_Y] = frame.strideY();
    image.stride[VPX_PLANE_U] = frame.strideU();
    image.stride[VPX_PLANE_V] = frame.strideV();

    // Capture times drive the rate control's frame rate estimate; synthesise them when absent.
    const int64_t frameDuration = kMicrosecondsPerSecond / m_settings.fps;
    const int64_t pts = frame.captureTimeUs > m_lastPts ? frame.captureTimeUs : m_lastPts + frameDuration;
    m_lastPts = pts;

    const vpx_enc_frame_flags_t flags = forceKeyFrame ? VPX_EFLAG_FORCE_KF : 0;
    if (const auto error = vpx_codec_encode(&m_codec->context, &image, pts, static_cast<unsigned long>(frameDuration),
                                            flags, VPX_DL_REALTIME);
        error != VPX_CODEC_OK)
        return encoderError(QStringLiteral("encoding failed"), error);

    Vp8Frame encoded;
    vpx_codec_iter_t iter = nullptr;
    while (const vpx_codec_cx_pkt_t* packet = vpx_codec_get_cx_data(&m_codec->context, &iter)) {
        if (packet->kind != VPX_CODEC_CX_FRAME_PKT)
            continue;
        const auto* bytes = static_cast<const uint8_t*>(packet->data.frame.buf);
        encoded.data.insert(encoded.data.end(), bytes, bytes + packet->data.frame.sz);
        encoded.keyFrame = encoded.keyFrame || (packet->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
    }
    return encoded;
}

void Vp8Encoder::setBitrateKbps(int kbps)
{
    m_settings.bitrateKbps = std::max(kbps, 1);
    if (!m_codec)
        return;
    m_codec->config.rc_target_bitrate = unsigned(m_settings.bitrateKbps);
    vpx_codec_enc_config_set(&m_codec->context, &m_codec->config);
}

} // namespace convene::media
