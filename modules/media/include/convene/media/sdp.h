#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convene::media {

// The parts of a WebRTC session description (RFC 8866 with JSEP's attributes, RFC 8829) that a
// call needs: ICE credentials and candidates, the DTLS fingerprint and role, BUNDLE, and per
// media section its codecs, feedback, stream ids and SSRC. A browser's offer parses, and what
// writeSdp() makes is an offer or answer a browser accepts.
struct SdpCandidate {
    QString foundation;
    int component = 1;
    QString transport; // "udp" or "tcp"
    quint32 priority = 0;
    QString address;
    quint16 port = 0;
    QString type; // host, srflx, prflx, relay
    QString relatedAddress;
    quint16 relatedPort = 0;
    QString tcpType; // active, passive, so (TCP candidates only)

    bool operator==(const SdpCandidate&) const = default;
};

struct SdpCodec {
    int payloadType = 0;
    QString name; // as in a=rtpmap: "VP8", "opus"
    int clockRate = 0;
    int channels = 0; // 0: not given
    QStringList feedback; // a=rtcp-fb values: "nack", "nack pli", "ccm fir"
    QString format; // a=fmtp parameters, as they are

    bool operator==(const SdpCodec&) const = default;
};

struct SdpMedia {
    QString kind; // "audio" or "video"
    QString mid;
    QString direction = QStringLiteral("sendrecv");
    QList<SdpCodec> codecs; // in order of preference
    bool rtcpMux = true; // read as false unless a=rtcp-mux is there
    quint32 ssrc = 0; // 0: none
    QString cname;
    QString streamId, trackId; // a=msid
    // Where a section gives its own, they win over the session's.
    QString iceUfrag, icePwd, fingerprint, setup;
    QList<SdpCandidate> candidates;
    bool endOfCandidates = false;

    bool operator==(const SdpMedia&) const = default;
};

struct SessionDescription {
    quint64 sessionId = 0;
    QString iceUfrag, icePwd;
    QString fingerprint; // SHA-256, "AB:CD:…"
    QString setup; // actpass, active or passive
    QStringList bundle; // mids in a=group:BUNDLE
    // Convene's own a=x-convene-peer-ufrag (others ignore it): the peer credentials this
    // description's ICE credentials are paired with (IceDescription::peerUfrag).
    QString peerUfrag;
    QList<SdpMedia> media;

    bool operator==(const SessionDescription&) const = default;
    // A section's own value, else the session's.
    QString iceUfragOf(const SdpMedia& m) const { return m.iceUfrag.isEmpty() ? iceUfrag : m.iceUfrag; }
    QString icePwdOf(const SdpMedia& m) const { return m.icePwd.isEmpty() ? icePwd : m.icePwd; }
    QString fingerprintOf(const SdpMedia& m) const { return m.fingerprint.isEmpty() ? fingerprint : m.fingerprint; }
    QString setupOf(const SdpMedia& m) const { return m.setup.isEmpty() ? setup : m.setup; }
};

// One candidate attribute's value, after "candidate:" (RFC 8839); nullopt when it is not one.
std::optional<SdpCandidate> parseSdpCandidate(QStringView value);
QString sdpCandidateValue(const SdpCandidate& candidate);

// Limits on what is read, so that a hostile description costs little.
inline constexpr int kMaxSdpBytes = 64 * 1024;
inline constexpr int kMaxSdpMedia = 16;
inline constexpr int kMaxSdpCodecs = 64;
inline constexpr int kMaxSdpCandidates = 64;

// nullopt with `error` set when the text is not a description a call can use: not SDP, over
// the limits, audio or video not over UDP/TLS/RTP/SAVPF (or TCP/DTLS/RTP/SAVPF), a section
// without ICE credentials, a SHA-256 fingerprint or a codec, or values out of range. Sections
// other than audio and video (a data channel) are left out.
std::optional<SessionDescription> parseSdp(const QString& text, QString* error = nullptr);
// Values given for the session go at session level, a section's own in the section.
QString writeSdp(const SessionDescription& description);

} // namespace convene::media
