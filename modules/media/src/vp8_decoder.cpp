#include "convene/media/vp8_decoder.h"

#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>

#include <cstring>
#include <limits>

namespace convene::media {

namespace {

Error decoderError(ErrorCode code, const QString& what)
{
    return makeError(code, QStringLiteral("VP8 decoder: %1").arg(what));
}

void copyPlane(const uint8_t* src, int srcStride, uint8_t* dst, int width, int height)
{
    for (int row = 0; row < height; ++row)
        std::memcpy(dst + std::size_t(row) * std::size_t(width), src + std::ptrdiff_t(row) * srcStride,
                    std::size_t(width));
}

} // namespace

struct Vp8Decoder::Codec {
    vpx_codec_ctx_t context{};
    bool initialised = false;

    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

Result<std::unique_ptr<Vp8Decoder>> Vp8Decoder::create(int threads)
{
    if (threads <= 0)
        return decoderError(ErrorCode::InvalidArgument, QStringLiteral("thread count must be positive"));

    std::unique_ptr<Vp8Decoder> decoder(new Vp8Decoder);
    vpx_codec_dec_cfg_t config{};
    config.threads = unsigned(threads);
    const vpx_codec_err_t error = vpx_codec_dec_init(&decoder->m_codec->context, vpx_codec_vp8_dx(), &config, 0);
    if (error != VPX_CODEC_OK)
        return decoderError(
            ErrorCode::Internal,
            QStringLiteral("initialisation failed: %1").arg(QString::fromUtf8(vpx_codec_err_to_string(error))));
    decoder->m_codec->initialised = true;
    return decoder;
}

Vp8Decoder::Vp8Decoder() : m_codec(std::make_unique<Codec>()) { }

Vp8Decoder::~Vp8Decoder() = default;

Result<I420Frame> Vp8Decoder::decode(const uint8_t* data, std::size_t size)
{
    // A null buffer would mean "flush" to libvpx.
    if (!data || size == 0)
        return decoderError(ErrorCode::InvalidArgument, QStringLiteral("empty frame"));
    if (size > std::numeric_limits<unsigned int>::max())
        return decoderError(ErrorCode::TooLarge, QStringLiteral("frame too large"));
    vpx_codec_stream_info_t info{};
    info.sz = sizeof(info);
    if (vpx_codec_peek_stream_info(vpx_codec_vp8_dx(), data, unsigned(size), &info) == VPX_CODEC_OK && info.is_kf &&
        (info.w > unsigned(kMaxWidth) || info.h > unsigned(kMaxHeight)))
        return decoderError(ErrorCode::TooLarge, QStringLiteral("a %1×%2 picture is over the %3×%4 limit")
                                                     .arg(info.w)
                                                     .arg(info.h)
                                                     .arg(kMaxWidth)
                                                     .arg(kMaxHeight));

    vpx_codec_ctx_t* ctx = &m_codec->context;
    if (const auto error = vpx_codec_decode(ctx, data, unsigned(size), nullptr, 0); error != VPX_CODEC_OK) {
        const char* detail = vpx_codec_error_detail(ctx);
        return decoderError(ErrorCode::Corrupt,
                            QStringLiteral("cannot decode: %1%2")
                                .arg(QString::fromUtf8(vpx_codec_err_to_string(error)),
                                     detail ? QStringLiteral(" (%1)").arg(QString::fromUtf8(detail)) : QString()));
    }

    int corrupted = 0;
    if (vpx_codec_control(ctx, VP8D_GET_FRAME_CORRUPTED, &corrupted) == VPX_CODEC_OK && corrupted)
        return decoderError(ErrorCode::Corrupt, QStringLiteral("frame is corrupted"));

    vpx_codec_iter_t iter = nullptr;
    const vpx_image_t* image = nullptr;
    while (const vpx_image_t* next = vpx_codec_get_frame(ctx, &iter))
        image = next;
    if (!image)
        return decoderError(ErrorCode::Corrupt, QStringLiteral("no picture produced"));
    if (image->fmt != VPX_IMG_FMT_I420)
        return decoderError(ErrorCode::Unsupported, QStringLiteral("unexpected picture format"));

    I420Frame picture(int(image->d_w), int(image->d_h));
    const int chromaWidth = I420Frame::chromaWidth(picture.width);
    const int chromaHeight = I420Frame::chromaHeight(picture.height);
    copyPlane(image->planes[VPX_PLANE_Y], image->stride[VPX_PLANE_Y], picture.y(), picture.width, picture.height);
    copyPlane(image->planes[VPX_PLANE_U], image->stride[VPX_PLANE_U], picture.u(), chromaWidth, chromaHeight);
    copyPlane(image->planes[VPX_PLANE_V], image->stride[VPX_PLANE_V], picture.v(), chromaWidth, chromaHeight);
    return picture;
}

} // namespace convene::media
