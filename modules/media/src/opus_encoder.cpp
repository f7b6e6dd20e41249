#include "convene/media/opus_encoder.h"

#include <opus/opus.h>

#include <algorithm>

namespace convene::media {

namespace {

// Largest packet one 20 ms Opus frame can produce (RFC 6716 section 3.4, R4).
constexpr int kMaxPacketBytes = 1275;
constexpr int kMinBitrate = 6000;
constexpr int kMaxBitrate = 510000;

Error opusError(ErrorCode code, const QString& what, int error)
{
    return makeError(code, QStringLiteral("Opus encoder: %1: %2").arg(what, QString::fromUtf8(opus_strerror(error))));
}

} // namespace

struct OpusEncoder::Codec {
    ::OpusEncoder* state = nullptr;

    ~Codec() { opus_encoder_destroy(state); }
};

Result<std::unique_ptr<OpusEncoder>> OpusEncoder::create(const OpusEncoderSettings& settings)
{
    if (settings.bitrate < kMinBitrate || settings.bitrate > kMaxBitrate || settings.complexity < 0 ||
        settings.complexity > 10 || settings.packetLossPercent < 0 || settings.packetLossPercent > 100)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Opus encoder: settings out of range"));

    int error = OPUS_OK;
    auto codec = std::make_unique<Codec>();
    codec->state = opus_encoder_create(kAudioSampleRate, kAudioChannels, OPUS_APPLICATION_VOIP, &error);
    if (!codec->state || error != OPUS_OK)
        return opusError(ErrorCode::Internal, QStringLiteral("cannot create"), error);
    ::OpusEncoder* raw = codec->state;
    std::unique_ptr<OpusEncoder> encoder(new OpusEncoder(std::move(codec), settings));

    const int results[] = {
        opus_encoder_ctl(raw, OPUS_SET_BITRATE(settings.bitrate)),
        opus_encoder_ctl(raw, OPUS_SET_COMPLEXITY(settings.complexity)),
        opus_encoder_ctl(raw, OPUS_SET_INBAND_FEC(settings.fec ? 1 : 0)),
        opus_encoder_ctl(raw, OPUS_SET_DTX(settings.dtx ? 1 : 0)),
        opus_encoder_ctl(raw, OPUS_SET_PACKET_LOSS_PERC(settings.packetLossPercent)),
    };
    for (const int result : results) {
        if (result != OPUS_OK)
            return opusError(ErrorCode::Internal, QStringLiteral("cannot configure"), result);
    }
    return encoder;
}

OpusEncoder::OpusEncoder(std::unique_ptr<Codec> codec, const OpusEncoderSettings& settings)
    : m_codec(std::move(codec)), m_settings(settings)
{ }

OpusEncoder::~OpusEncoder() = default;

Result<std::vector<uint8_t>> OpusEncoder::encode(const int16_t* samples)
{
    if (!samples)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Opus encoder: no samples"));

    std::vector<uint8_t> packet(kMaxPacketBytes);
    const opus_int32 size = opus_encode(m_codec->state, samples, kAudioFrameSamples, packet.data(), kMaxPacketBytes);
    if (size < 0)
        return opusError(ErrorCode::Internal, QStringLiteral("encoding failed"), size);
    packet.resize(std::size_t(size));
    return packet;
}

void OpusEncoder::setPacketLossPercent(int percent)
{
    m_settings.packetLossPercent = std::clamp(percent, 0, 100);
    opus_encoder_ctl(m_codec->state, OPUS_SET_PACKET_LOSS_PERC(m_settings.packetLossPercent));
}

void OpusEncoder::setBitrate(int bitsPerSecond)
{
    m_settings.bitrate = std::clamp(bitsPerSecond, kMinBitrate, kMaxBitrate);
    opus_encoder_ctl(m_codec->state, OPUS_SET_BITRATE(m_settings.bitrate));
}

} // namespace convene::media
