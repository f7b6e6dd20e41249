#pragma once

#include "convene/media/media_transport.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTimer>
#include <QUdpSocket>

#include <optional>

class QNetworkDatagram;

namespace convene::media {

// Declared outside UdpTransport so that `Options options = {}` can be a default argument there.
struct UdpTransportOptions {
    bool loopbackOnly = false; // offer and accept only 127.0.0.1 — tests and single-machine use
    int checkIntervalMs = 50;
    int connectTimeoutMs = 15000;
    int keepAliveIntervalMs = 2000;
    int disconnectTimeoutMs = 10000;
    quint16 port = 0; // 0 = any
};

// For tests only (calls use IceTransport): a plain UDP media path with host candidates,
// connectivity checks that carry a random token per side, then RTP/RTCP and DTLS accepted only
// from remote addresses that passed a check. It encrypts nothing itself: DtlsSrtpTransport runs
// above it in the tests that need encryption.
//
// Check packet, 37 bytes: "CVNP", type (1 = request, 2 = response), the recipient's 16-byte
// token, the sender's 16-byte token. 'C' (67) has version bits 01 and is above DTLS's 20..63,
// so checks never look like RTP or DTLS.
//
// Lives on a thread with an event loop; call it only from that thread.
class UdpTransport final : public MediaTransport {
    Q_OBJECT

public:
    using Options = UdpTransportOptions;

    // Media packets only; check packets appear here only when dropped.
    struct Counters {
        quint64 sent = 0;
        quint64 received = 0;
        quint64 droppedBeforeConnected = 0; // sent, or received from the remote side, while not connected
        quint64 droppedUnknownSource = 0; // address or token that is not the remote side's
        quint64 droppedMalformed = 0; // neither RTP version 2 nor DTLS, outside 12..1500 bytes, or a broken check
    };

    static constexpr int kTokenSize = 16;
    static constexpr int kMaxCandidates = 16;
    static constexpr qsizetype kMinPacketSize = 12; // the fixed RTP header
    static constexpr qsizetype kMaxPacketSize = 1500;

    explicit UdpTransport(Options options = {}, QObject* parent = nullptr);
    // Closes the socket and stops the timers without emitting signals.
    ~UdpTransport() override;

    void start() override;
    QJsonObject localDescription() const override;
    void setRemoteDescription(const QJsonObject& description) override;
    void send(const QByteArray& packet) override;
    void close() override;

    State state() const override { return m_state; }
    QString remoteAddress() const override;
    Counters counters() const { return m_counters; }

private:
    struct Endpoint {
        QHostAddress address;
        quint16 port = 0;
        bool operator==(const Endpoint&) const = default;
    };
    struct Candidate {
        Endpoint endpoint;
        quint32 priority = 0;
    };
    enum class CheckType : quint8 { Request = 1, Response = 2 };

    void readPendingDatagrams();
    void handleDatagram(const QNetworkDatagram& datagram);
    void handleCheck(const QByteArray& data, const Endpoint& source);
    void handleMedia(const QByteArray& data, const Endpoint& source);
    void sendChecks();
    void sendCheck(CheckType type, const QByteArray& recipientToken, const Endpoint& to);
    void heardFromRemote(const Endpoint& source);
    void selectPath(const Endpoint& path);
    void fail(const QString& reason);
    void shutDown();
    void setState(State state);

    Options m_options;
    State m_state = State::New;
    QUdpSocket m_socket{this};
    QTimer m_checkTimer{this};
    QTimer m_connectTimer{this};
    QTimer m_keepAliveTimer{this};
    QTimer m_silenceTimer{this};
    QByteArray m_localToken;
    QList<Candidate> m_localCandidates;
    QByteArray m_remoteToken;
    QList<Candidate> m_remoteCandidates;
    // Every address that passed a check: on multi-homed hosts each side may pick a different
    // path, so the peer's media can arrive from another of its validated addresses.
    QList<Endpoint> m_validatedRemotes;
    std::optional<Endpoint> m_path;
    Counters m_counters;
};

} // namespace convene::media
