#include "convene/media/opus_decoder.h"

#include <opus/opus.h>

#include <limits>

namespace convene::media {

namespace {

// The longest packet Opus allows: 120 ms.
constexpr int kMaxPacketSamples = kAudioSampleRate * 120 / 1000;

Error opusError(const QString& what, int error)
{
    return makeError(error == OPUS_INVALID_PACKET ? ErrorCode::Corrupt : ErrorCode::Internal,
                     QStringLiteral("Opus decoder: %1: %2").arg(what, QString::fromUtf8(opus_strerror(error))));
}

Result<void> checkPacket(const uint8_t* packet, std::size_t size)
{
    if (!packet || size == 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Opus decoder: empty packet"));
    if (size > std::size_t(std::numeric_limits<opus_int32>::max()))
        return makeError(ErrorCode::TooLarge, QStringLiteral("Opus decoder: packet too large"));
    return {};
}

} // namespace

struct OpusDecoder::Codec {
    ::OpusDecoder* state = nullptr;

    ~Codec() { opus_decoder_destroy(state); }
};

Result<std::unique_ptr<OpusDecoder>> OpusDecoder::create()
{
    int error = OPUS_OK;
    auto codec = std::make_unique<Codec>();
    codec->state = opus_decoder_create(kAudioSampleRate, kAudioChannels, &error);
    if (!codec->state || error != OPUS_OK)
        return opusError(QStringLiteral("cannot create"), error);
    return std::unique_ptr<OpusDecoder>(new OpusDecoder(std::move(codec)));
}

OpusDecoder::OpusDecoder(std::unique_ptr<Codec> codec) : m_codec(std::move(codec)) { }

OpusDecoder::~OpusDecoder() = default;

Result<AudioSamples> OpusDecoder::decode(const uint8_t* packet, std::size_t size)
{
    if (auto checked = checkPacket(packet, size); !checked)
        return checked.error();

    AudioSamples samples(kMaxPacketSamples);
    const int count = opus_decode(m_codec->state, packet, opus_int32(size), samples.data(), kMaxPacketSamples, 0);
    if (count < 0)
        return opusError(QStringLiteral("cannot decode"), count);
    samples.resize(std::size_t(count));
    return samples;
}

Result<AudioSamples> OpusDecoder::decodeFec(const uint8_t* nextPacket, std::size_t size)
{
    if (auto checked = checkPacket(nextPacket, size); !checked)
        return checked.error();

    AudioSamples samples(kAudioFrameSamples);
    const int count = opus_decode(m_codec->state, nextPacket, opus_int32(size), samples.data(), kAudioFrameSamples, 1);
    if (count < 0)
        return opusError(QStringLiteral("cannot recover from FEC"), count);
    samples.resize(std::size_t(count));
    return samples;
}

AudioSamples OpusDecoder::conceal()
{
    AudioSamples samples(kAudioFrameSamples);
    const int count = opus_decode(m_codec->state, nullptr, 0, samples.data(), kAudioFrameSamples, 0);
    if (count != kAudioFrameSamples)
        return AudioSamples(kAudioFrameSamples, 0); // silence is the safe stand-in
    return samples;
}

} // namespace convene::media
