#include "convene/media/webrtc_description.h"

#include "convene/media/audio_send_stream.h"
#include "convene/media/dtls_srtp_transport.h"
#include "convene/media/ice_description.h"
#include "convene/media/video_send_stream.h"

#include <algorithm>

namespace convene::media {

namespace {

const QString kAudioMid = QStringLiteral("0");
const QString kVideoMid = QStringLiteral("1");

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("WebRTC description: ") + message);
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

SessionDescription describe(const QJsonObject& transport, const WebRtcStreams& streams, quint64 sessionId,
                            const QString& setup)
{
    const IceDescription ice = parseIceDescription(transport).valueOr({});
    SessionDescription d;
    d.sessionId = sessionId;
    d.iceUfrag = ice.ufrag;
    d.icePwd = ice.pwd;
    d.fingerprint = transport.value(QLatin1String(DtlsSrtpTransport::kFingerprintKey)).toString();
    d.setup = setup;
    d.peerUfrag = ice.peerUfrag;
    d.bundle = {kAudioMid, kVideoMid};
    const SdpCodec opus{kOpusPayloadType, QStringLiteral("opus"), 48000, 2, {}, QStringLiteral("minptime=10;useinbandfec=1")};
    const SdpCodec vp8{kVp8PayloadType, QStringLiteral("VP8"), 90000, 0,
                       {QStringLiteral("nack"), QStringLiteral("nack pli"), QStringLiteral("ccm fir")}, {}};
    d.media = {section(QStringLiteral("audio"), kAudioMid, opus, streams.audioSsrc, streams, ice),
                   section(QStringLiteral("video"), kVideoMid, vp8, streams.videoSsrc, streams, ice)};
    return d;
}

Result<QJsonObject> transportFrom(const SessionDescription& description, bool offer)
{
    if (description.media.size() != 2 || description.media[0].kind != u"audio" || description.media[1].kind != u"video")
        return invalid(QStringLiteral("it does not answer the audio and video sections"));
    if (!description.bundle.contains(kAudioMid) || !description.bundle.contains(kVideoMid))
        return invalid(QStringLiteral("it does not bundle audio and video on one transport"));
    const SdpMedia& first = description.media[0];
    for (const SdpMedia& m : description.media) {
        const int ours = m.kind == u"audio" ? kOpusPayloadType : kVp8PayloadType;
        const QString name = m.kind == u"audio" ? QStringLiteral("opus") : QStringLiteral("VP8");
        const bool carried = offer ? std::any_of(m.codecs.cbegin(), m.codecs.cend(),
                                                 [&](const SdpCodec& c) {
                                                     return c.payloadType == ours &&
                                                            c.name.compare(name, Qt::CaseInsensitive) == 0;
                                                 })
                                   : !m.codecs.isEmpty() && m.codecs[0].payloadType == ours;
        if (!carried)
            return invalid(QStringLiteral("the %1 section uses a payload type that was not offered").arg(m.kind));
        if (!m.rtcpMux)
            return invalid(QStringLiteral("the %1 section does not multiplex RTCP").arg(m.kind));
    }
    const QString setup = description.setupOf(first);
    // An answer takes a role; an offer (and an answer sent before its side knows the other's
    // certificate) leaves it to the fingerprints.
    const bool roleTaken = setup == u"active" || setup == u"passive";
    if (!roleTaken && setup != u"actpass")
        return invalid(QStringLiteral("its DTLS role is \"%1\", not active or passive").arg(setup));

    IceDescription ice;
    ice.ufrag = description.iceUfragOf(first);
    ice.pwd = description.icePwdOf(first);
    ice.peerUfrag = description.peerUfrag;
    for (const SdpMedia& m : description.media) {
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
    transport.insert(QLatin1String(DtlsSrtpTransport::kFingerprintKey), description.fingerprintOf(first));
    if (roleTaken)
        transport.insert(QLatin1String(DtlsSrtpTransport::kSetupKey), setup);
    return transport;
}

} // namespace

SessionDescription webRtcOffer(const QJsonObject& transport, const WebRtcStreams& streams, quint64 sessionId)
{
    return describe(transport, streams, sessionId, QStringLiteral("actpass"));
}

Result<QJsonObject> transportFromWebRtcAnswer(const SessionDescription& answer)
{
    return transportFrom(answer, false);
}

QJsonObject toWebRtcSignal(const QJsonObject& transport, const WebRtcStreams& streams, bool offer)
{
    const QString taken = transport.value(QLatin1String(DtlsSrtpTransport::kSetupKey)).toString();
    const QString setup = offer || taken.isEmpty() ? QStringLiteral("actpass") : taken;
    return {{QStringLiteral("type"), offer ? QStringLiteral("offer") : QStringLiteral("answer")},
            {QStringLiteral("sdp"), writeSdp(describe(transport, streams, 0, setup))}};
}

Result<QJsonObject> transportFromWebRtcSignal(const QJsonObject& signal)
{
    const QString type = signal.value(QLatin1String("type")).toString();
    if (type != u"offer" && type != u"answer")
        return invalid(QStringLiteral("the signal is neither an offer nor an answer"));
    QString error;
    const auto description = parseSdp(signal.value(QLatin1String("sdp")).toString(), &error);
    if (!description)
        return invalid(QStringLiteral("the session description is unusable: ") + error);
    return transportFrom(*description, type == u"offer");
}

} // namespace convene::media
