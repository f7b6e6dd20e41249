#pragma once

#include "convene/media/ice_description.h"
#include "convene/media/ice_server.h"
#include "convene/media/media_transport.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace convene::media {

class GlibLoop;

// Declared outside IceTransport so that `Options options = {}` can be a default argument there.
struct IceTransportOptions {
    bool loopbackOnly = false; // candidates on 127.0.0.1 only, ours and the peer's — tests and single-machine use
    QList<QHostAddress> localAddresses; // when set, host candidates on these alone
    QList<IceServer> servers; // STUN and TURN
    bool relayOnly = false; // offer only relayed candidates (hides this side's addresses)
    std::optional<bool> controlling; // unset: the side whose ufrag sorts higher controls
    int connectTimeoutMs = 15000;
    int silenceMs = 2500; // nothing heard this long on a connected path: it is lost
    int restartIntervalMs = 4000; // while the path stays lost, restart again this often
    int reconnectTimeoutMs = 30000; // then give up
};

// The media path over ICE (RFC 8445) with libnice: host, server-reflexive (STUN) and relayed
// (TURN over UDP, TCP or TLS) candidates, sent as they are found (trickle), with consent
// freshness (RFC 7675). A path that falls silent is restarted with new credentials (an ICE
// restart) without ending the call: the transport reports Checking until the new path works.
// It encrypts nothing itself: calls run DtlsSrtpTransport above it.
//
// Restarts need no offer/answer: each description names the peer credentials it is paired with
// (IceDescription::peerUfrag), so a side tells a peer's restart (answer it with a restart of
// its own) from the peer's answer to its restart, and two restarts that cross pair up.
//
// libnice runs on a GLib thread of the transport's own; everything reaches this object through
// queued calls. Call it only from the thread it lives on.
class IceTransport final : public MediaTransport {
    Q_OBJECT

public:
    using Options = IceTransportOptions;

    struct Counters {
        quint64 sent = 0;
        quint64 received = 0;
        quint64 droppedBeforeConnected = 0; // sent while no path was selected
        quint64 restarts = 0; // ICE restarts, ours and the peer's
    };

    explicit IceTransport(Options options = {}, QObject* parent = nullptr);
    ~IceTransport() override;

    void start() override;
    QJsonObject localDescription() const override;
    void setRemoteDescription(const QJsonObject& description) override;
    void send(const QByteArray& packet) override;
    void close() override;
    void restartPath() override;

    State state() const override { return m_state; }
    QString remoteAddress() const override { return m_connected ? m_pair.remoteAddress : QString(); }
    QString candidatePair() const override;
    Counters counters() const { return m_counters; }
    // The description as it stands, for tests and the SDP writer.
    IceDescription localIce() const;

    // Opaque parts of libnice's callbacks, delivered to the thread this object lives on.
    struct SelectedPair {
        QString localType, remoteType; // host, srflx, prflx, relay
        QString localTransport, remoteTransport; // "UDP", "TCP"
        QString localAddress; // of a relayed local candidate: on the TURN server
        QString remoteAddress;
    };
    void onLocalCandidate(unsigned stream, const SdpCandidate& candidate);
    void onGatheringDone(unsigned stream);
    void onComponentState(unsigned stream, unsigned state);
    void onSelectedPair(unsigned stream, const SelectedPair& pair);
    void onDatagram(unsigned stream, const QByteArray& datagram);

private:
    void gather();
    void newStream();
    void pairWith(const IceDescription& remote);
    void addRemoteCandidates(const QList<SdpCandidate>& candidates);
    void restart(const char* why);
    void retireRemoteUfrag();
    void pathLost();
    void checkSilence();
    void announce();
    void fail(const QString& reason);
    void setState(State state);
    void shutDown();

    Options m_options;
    std::unique_ptr<GlibLoop> m_loop;
    void* m_agent = nullptr; // NiceAgent*
    unsigned m_stream = 0;
    State m_state = State::New;
    bool m_connected = false; // a path is selected and usable
    bool m_everConnected = false;
    bool m_gathering = false;
    IceDescription m_local;
    QString m_remoteUfrag; // the peer credentials the current stream is paired with
    bool m_remoteComplete = false;
    QSet<QString> m_remoteCandidates;
    QList<QString> m_retiredRemoteUfrags; // paired before a restart; late descriptions with them are stale
    QElapsedTimer m_peerRestart; // when the peer's restart was last answered with one of ours
    QJsonObject m_deferredRemote; // a restart that came too soon after the last, with m_deferTimer
    QTimer m_deferTimer{this};
    SelectedPair m_pair;
    QTimer m_announceTimer{this};
    QTimer m_connectTimer{this};
    QTimer m_silenceTimer{this};
    QTimer m_restartTimer{this};
    QElapsedTimer m_lastHeard;
    QElapsedTimer m_lostFor;
    int m_pendingLookups = 0;
    Counters m_counters;
};

} // namespace convene::media
