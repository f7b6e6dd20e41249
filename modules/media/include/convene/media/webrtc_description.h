#pragma once

#include "convene/media/sdp.h"

#include <convene/core/result.h>

#include <QJsonObject>

namespace convene::media {

// What a WebRTC peer (a browser, an SFU) needs to know of our streams besides the transport.
struct WebRtcStreams {
    quint32 audioSsrc = 0;
    quint32 videoSsrc = 0;
    QString cname; // RTCP CNAME, the same for both
    QString streamId; // msid: audio and video of one participant
};

// An offer for our media as a browser accepts it: audio (Opus 111) and video (VP8 96, with
// NACK, PLI and FIR feedback) bundled on one ICE/DTLS transport with rtcp-mux, our SSRCs and
// msid, and the transport's ICE credentials, candidates and fingerprint (setup actpass). No
// header extensions or retransmission streams are offered, so the peer sends plain RTP that
// MediaSession reads as it reads ours. `transport` is DtlsSrtpTransport's description over an
// IceTransport.
SessionDescription webRtcOffer(const QJsonObject& transport, const WebRtcStreams& streams, quint64 sessionId);

// The transport description (for DtlsSrtpTransport over IceTransport) that a WebRTC answer to
// webRtcOffer() gives: the bundled transport's ICE credentials and candidates, its fingerprint
// and DTLS role ("dtlsSetup"). Refused when the answer rejects or does not bundle a section,
// answers with other payload types than offered, or has no usable DTLS role.
Result<QJsonObject> transportFromWebRtcAnswer(const SessionDescription& answer);

// What call signaling carries between two sides: our transport description as a WebRTC session
// description, {"type": "offer" | "answer", "sdp": …} as RTCSessionDescriptionInit has it. An
// offer's DTLS role is actpass; an answer's is the one the transport took ("dtlsSetup"), or
// actpass while it has not taken one. Descriptions are sent again as they grow (trickle) and
// after ICE restarts; a=x-convene-peer-ufrag tells which of the peer's credentials ours are
// paired with.
QJsonObject toWebRtcSignal(const QJsonObject& transport, const WebRtcStreams& streams, bool offer);
// And back: the transport description a peer's offer or answer gives. An offer must carry
// Opus as 111 and VP8 as 96 (what this side sends), an answer answer with them.
Result<QJsonObject> transportFromWebRtcSignal(const QJsonObject& signal);

} // namespace convene::media
