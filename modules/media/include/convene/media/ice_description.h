#pragma once

#include "convene/media/sdp.h"

#include <convene/core/result.h>

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace convene::media {

// What one side of an IceTransport tells the other through signaling. Sent again whenever it
// grows (trickle) or the side restarts ICE with new credentials.
struct IceDescription {
    QString ufrag, pwd;
    // The other side's ufrag this side's credentials are paired with; empty until it knows one.
    // Tells an answer to a restart from a restart of its own.
    QString peerUfrag;
    QList<SdpCandidate> candidates;
    bool complete = false; // every candidate has been gathered

    bool operator==(const IceDescription&) const = default;
};

inline constexpr int kMaxIceCandidates = 64;

// Strict: type "ice", ICE credentials as RFC 8839 allows them, at most kMaxIceCandidates
// candidates for component 1 (RTP and RTCP share it) over UDP or TCP, each with a literal
// address a check can go to (no name, no multicast, broadcast or unspecified address).
Result<IceDescription> parseIceDescription(const QJsonObject& description);
QJsonObject toJson(const IceDescription& description);
// Why a candidate cannot be used by the rules above (a name, say, as browsers hide host
// addresses behind), or nullopt.
std::optional<QString> iceCandidateProblem(const SdpCandidate& candidate);

} // namespace convene::media
