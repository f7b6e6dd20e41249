#pragma once

#include "convene/media/dtls_certificate.h"
#include "convene/media/dtls_srtp_session.h"
#include "convene/media/media_transport.h"

#include <memory>

namespace convene::media {

// A media transport that encrypts: DTLS-SRTP (DtlsSrtpSession) over another transport's
// datagram path, which finds and keeps the way to the peer. Its description is the path's plus
// the certificate's fingerprint; a peer whose description has none is refused, never spoken to
// in the clear. Connected once the handshake is done and the fingerprint matched.
//
// Roles follow from the fingerprints, so both sides decide alike without another round of
// signaling: the side whose fingerprint sorts higher is the DTLS client.
class DtlsSrtpTransport final : public MediaTransport {
    Q_OBJECT

public:
    // `path` carries the datagrams (RTP, RTCP and DTLS); this transport owns it.
    explicit DtlsSrtpTransport(std::unique_ptr<MediaTransport> path, DtlsSrtpSession::Options options = {},
                               QObject* parent = nullptr);
    ~DtlsSrtpTransport() override;

    void start() override;
    QJsonObject localDescription() const override;
    void setRemoteDescription(const QJsonObject& description) override;
    void send(const QByteArray& packet) override;
    void close() override;
    void restartPath() override { m_path->restartPath(); }
    State state() const override { return m_state; }
    QString remoteAddress() const override;
    QString candidatePair() const override { return m_path->candidatePair(); }

    QString protection() const override; // "DTLS 1.2, SRTP AEAD_AES_128_GCM" once connected
    quint64 rejectedPackets() const override;

    static constexpr char kFingerprintKey[] = "dtlsFingerprint"; // SHA-256, as SDP writes it
    // The peer's DTLS role where signaling fixed it (a WebRTC answer's a=setup: "active" or
    // "passive"); without it, roles follow from the fingerprints.
    static constexpr char kSetupKey[] = "dtlsSetup";

private:
    DtlsSrtpSession::Counters counters() const;
    void onPathState(State state);
    void onSessionState(DtlsSrtpSession::State state);
    void fail(const QString& reason);
    void setState(State state);

    MediaTransport* m_path; // a child
    DtlsSrtpSession::Options m_options;
    std::shared_ptr<const DtlsCertificate> m_certificate;
    DtlsSrtpSession* m_session = nullptr; // a child, made once the peer's fingerprint is known
    QString m_remoteFingerprint;
    State m_state = State::New;
    quint64 m_droppedBeforeSession = 0;
};

} // namespace convene::media
