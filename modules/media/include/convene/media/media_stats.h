#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace convene::media {

// One remote participant as the stats overlay shows it, refreshed every second.
struct PeerStats {
    QString peerId;
    QString path; // the transport's remote address
    QString protection; // what encrypts the media (empty: nothing)
    QString candidatePair; // the selected ICE pair, "relay TCP ↔ host UDP" (empty: none)
    quint64 rejectedPackets = 0; // failed authentication or replayed, dropped
    int width = 0; // of the last decoded picture
    int height = 0;
    double fps = 0; // pictures shown per second
    double videoKbps = 0; // received
    double audioKbps = 0;
    double lossPercent = 0; // over the last report interval, both streams
    double jitterMs = 0; // audio interarrival jitter
    double rttMs = -1; // -1 until a report about our streams came back
    double latencyMs = -1; // glass to glass: measured from frame stamps when they exist, else estimated
    bool latencyMeasured = false;
    double audioDelayMs = 0; // the jitter buffer's current delay
    double concealedPercent = 0;
    quint64 framesShown = 0;
    // Video packets this peer asked for again (NACK), those sent again, and those refused: over
    // the per-NACK cap or the peer's resend budget.
    quint64 resendsRequested = 0;
    quint64 resent = 0;
    quint64 resendsRefused = 0;
};

// What we send, for the self-view tile.
struct LocalStats {
    int width = 0;
    int height = 0;
    double fps = 0;
    double videoKbps = 0;
    double audioKbps = 0;
    int targetVideoKbps = 0;
    quint64 keyFrames = 0;
    quint64 retransmittedPackets = 0; // answers to NACKs
};

} // namespace convene::media

Q_DECLARE_METATYPE(convene::media::PeerStats)
Q_DECLARE_METATYPE(convene::media::LocalStats)
