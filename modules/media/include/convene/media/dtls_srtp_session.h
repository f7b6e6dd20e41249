#pragma once

#include "convene/media/dtls_certificate.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

namespace convene::media {

namespace detail {
class SrtpContext;
struct DtlsEndpoint;
} // namespace detail

// DTLS-SRTP for one call leg (RFC 5764, RFC 7983), above any datagram path: a DTLS 1.2
// handshake with the call's own certificate, the peer's certificate checked against the
// fingerprint signaling brought, then SRTP and SRTCP keyed from the handshake —
// AEAD_AES_128_GCM when both sides offer it, AES_CM_128_HMAC_SHA1_80 otherwise. Nothing goes
// out in the clear: before the handshake ends, media is dropped and counted.
//
// Lives on a thread with an event loop (handshake retransmissions run on a timer).
class DtlsSrtpSession final : public QObject {
    Q_OBJECT

public:
    enum class Role { Client, Server }; // SDP's a=setup:active and passive
    enum class State { New, Handshaking, Connected, Failed, Closed };
    Q_ENUM(State)
    enum class Profile { None, AeadAes128Gcm, AesCm128HmacSha1_80 };

    struct Options {
        bool offerGcm = true; // AEAD_AES_128_GCM first, then AES_CM_128_HMAC_SHA1_80
        int handshakeTimeoutMs = 10000;
    };
    struct Counters {
        quint64 sent = 0; // media packets protected and handed out
        quint64 received = 0; // media packets that passed authentication
        quint64 droppedBeforeConnected = 0;
        quint64 droppedAuthentication = 0; // tampered, forged or under another key
        quint64 droppedReplay = 0;
        quint64 droppedMalformed = 0; // not DTLS, RTP or RTCP by its first byte, or too short (either way)
    };

    // `remoteFingerprint` may come later (setRemoteFingerprint): the handshake then waits for
    // it before media flows.
    DtlsSrtpSession(Role role, std::shared_ptr<const DtlsCertificate> certificate, const QString& remoteFingerprint,
                    Options options, QObject* parent = nullptr);
    ~DtlsSrtpSession() override;

    void setRemoteFingerprint(const QString& fingerprint);
    // The client sends its first flight; the server waits for it.
    void start();
    // A datagram from the path: DTLS goes to the handshake, SRTP and SRTCP are checked and
    // decrypted (packetReceived), STUN is left to the path.
    void receiveDatagram(const QByteArray& datagram);
    // An RTP or RTCP packet to protect and hand out (datagramOut).
    void sendPacket(const QByteArray& packet);
    void close();

    State state() const { return m_state; }
    Role role() const { return m_role; }
    Profile profile() const { return m_profile; }
    Counters counters() const { return m_counters; }

signals:
    void datagramOut(const QByteArray& datagram);
    void packetReceived(const QByteArray& packet);
    void stateChanged(convene::media::DtlsSrtpSession::State state);
    void failed(const QString& reason);

private:
    void advanceHandshake();
    void flushOutgoing();
    void scheduleRetransmission();
    bool finishHandshake();
    void fail(const QString& reason);
    void setState(State state);

    Role m_role;
    std::shared_ptr<const DtlsCertificate> m_certificate;
    QString m_remoteFingerprint;
    Options m_options;
    std::unique_ptr<detail::DtlsEndpoint> m_dtls;
    std::unique_ptr<detail::SrtpContext> m_outbound, m_inbound;
    QTimer m_retransmit{this}; // children: they move with the session to its thread
    QTimer m_deadline{this};
    State m_state = State::New;
    Profile m_profile = Profile::None;
    bool m_handshakeDone = false; // DTLS finished; media waits for the fingerprint check
    Counters m_counters;
};

} // namespace convene::media
