#include "convene/media/webrtc_description.h"

#include "convene/media/audio_send_stream.h"
#include "convene/media/dtls_srtp_transport.h"
#include "convene/media/ice_description.h"
#include "convene/media/video_send_stream.h"

namespace convene::media {

namespace {

const QString kAudioMid = QStringLiteral("0");
const QString kVideoMid = QStringLiteral("1");

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("WebRTC answer: ") + message);
}

SdpMedia section(const QString& kind, const QString& mid, const SdpCodec& codec, quint32 ssrc,
                 const WebRtcStreams& streams, const IceDescription& ice)
{
    SdpMedia m;
    m.kind = kind;
    m.mid = mid;
    m.codecs = {codec};
    m.ssrc = ssrc;
    m.cname = streams.cname;
    m.streamId = streams.streamId;
    m.trackId = streams.streamId + u'-' + kind;
    // Bundled: the candidates go with the first section only (JSEP 5.2.1).
    if (mid == kAudioMid) {
        m.candidates = ice.candidates;
        m.endOfCandidates = ice.complete;
    }
    return m;
}

} // namespace

SessionDescription webRtcOffer(const QJsonObject& transport, const WebRtcStreams& streams, quint64 sessionId)
{
    const IceDescription ice = parseIceDescription(transport).valueOr({});
    SessionDescription offer;
    offer.sessionId = sessionId;
    offer.iceUfrag = ice.ufrag;
    offer.icePwd = ice.pwd;
    offer.fingerprint = transport.value(QLatin1String(DtlsSrtpTransport::kFingerprintKey)).toString();
    offer.setup = QStringLiteral("actpass");
    offer.bundle = {kAudioMid, kVideoMid};
    const SdpCodec opus{kOpusPayloadType, QStringLiteral("opus"), 48000, 2, {}, QStringLiteral("minptime=10;useinbandfec=1")};
    const SdpCodec vp8{kVp8PayloadType, QStringLiteral("VP8"), 90000, 0,
                       {QStringLiteral("nack"), QStringLiteral("nack pli"), QStringLiteral("ccm fir")}, {}};
    offer.media = {section(QStringLiteral("audio"), kAudioMid, opus, streams.audioSsrc, streams, ice),
                   section(QStringLiteral("video"), kVideoMid, vp8, streams.videoSsrc, streams, ice)};
    return offer;
}

Result<QJsonObject> transportFromWebRtcAnswer(const SessionDescription& answer)
{
    if (answer.media.size() != 2 || answer.media[0].kind != u"audio" || answer.media[1].kind != u"video")
        return invalid(QStringLiteral("it does not answer the audio and video sections"));
    if (!answer.bundle.contains(kAudioMid) || !answer.bundle.contains(kVideoMid))
        return invalid(QStringLiteral("it does not bundle audio and video on one transport"));
    const SdpMedia& first = answer.media[0];
    for (const SdpMedia& m : answer.media) {
        const int offered = m.kind == u"audio" ? kOpusPayloadType : kVp8PayloadType;
        if (m.codecs.isEmpty() || m.codecs[0].payloadType != offered)
            return invalid(QStringLiteral("the %1 section uses a payload type that was not offered").arg(m.kind));
        if (!m.rtcpMux)
            return invalid(QStringLiteral("the %1 section does not multiplex RTCP").arg(m.kind));
    }
    const QString setup = answer.setupOf(first);
    if (setup != u"active" && setup != u"passive")
        return invalid(QStringLiteral("its DTLS role is \"%1\", not active or passive").arg(setup));

    IceDescription ice;
    ice.ufrag = answer.iceUfragOf(first);
    ice.pwd = answer.icePwdOf(first);
    for (const SdpMedia& m : answer.media) {
        for (const SdpCandidate& candidate : m.candidates) {
            // A browser may hide its host addresses behind mDNS names: those are no use here.
            if (!iceCandidateProblem(candidate) && ice.candidates.size() < kMaxIceCandidates)
                ice.candidates << candidate;
        }
        ice.complete = ice.complete || m.endOfCandidates;
    }
    QJsonObject transport = toJson(ice);
    const auto checked = parseIceDescription(transport); // the same rules as for any peer
    if (!checked)
        return invalid(checked.error().message);
    transport.insert(QLatin1String(DtlsSrtpTransport::kFingerprintKey), answer.fingerprintOf(first));
    transport.insert(QLatin1String(DtlsSrtpTransport::kSetupKey), setup);
    return transport;
}

} // namespace convene::media
