#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>

namespace convene::media {

// Carries one peer-to-peer media connection: RTP and RTCP multiplexed on one path (RFC 5761).
// The call layer exchanges the two sides' descriptions through signaling and never looks inside
// them, so a WebRTC-compatible transport (ICE, DTLS-SRTP) can replace the plain UDP one without
// touching signaling, sessions or the media pipeline.
class MediaTransport : public QObject {
    Q_OBJECT

public:
    enum class State { New, Checking, Connected, Failed, Closed };
    Q_ENUM(State)

    using QObject::QObject;

    // Binds and starts gathering; localDescription() is usable at once and may grow afterwards
    // (localDescriptionChanged()). Emits failed() on error.
    virtual void start() = 0;
    // What the remote side needs to reach us (candidates, credentials), as an opaque object.
    virtual QJsonObject localDescription() const = 0;
    // Starts connectivity checks towards the remote side. May be called again with more candidates.
    virtual void setRemoteDescription(const QJsonObject& description) = 0;
    // Sends one RTP or RTCP packet; dropped (and counted) until the transport is connected.
    virtual void send(const QByteArray& packet) = 0;
    virtual void close() = 0;
    // The network changed: find a new path (an ICE restart) while the session above carries on.
    virtual void restartPath() { }

    virtual State state() const = 0;
    // The selected remote address, for the stats overlay; empty until connected.
    virtual QString remoteAddress() const = 0;
    // What protects the media once connected, for the stats overlay ("DTLS 1.2, SRTP …");
    // empty: nothing does.
    virtual QString protection() const { return {}; }
    // The selected candidate pair, for the stats overlay ("relay TCP ↔ host UDP"); empty until
    // connected or where there are no candidates.
    virtual QString candidatePair() const { return {}; }
    // Packets from the path that failed authentication or came again, dropped.
    virtual quint64 rejectedPackets() const { return 0; }

signals:
    void stateChanged(convene::media::MediaTransport::State state);
    // localDescription() has grown (more candidates) or changed (new credentials after a
    // restart): the other side needs it again.
    void localDescriptionChanged();
    // Only RTP/RTCP from the authenticated remote side reaches here.
    void packetReceived(const QByteArray& packet);
    void failed(const QString& reason);
};

} // namespace convene::media
