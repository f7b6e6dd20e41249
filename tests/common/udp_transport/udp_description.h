#pragma once

#include <convene/core/result.h>

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>

namespace convene::media {

struct UdpCandidate {
    QHostAddress address;
    quint16 port = 0;
    quint32 priority = 0;
};

// What the other side of a UdpTransport sends through signaling, checked: type "udp", a 16-byte
// token, and 1 to 16 candidates, each a canonical IPv4 address a check can go to and a port.
struct UdpDescription {
    QByteArray token;
    QList<UdpCandidate> candidates;
};

// Strict: anything unexpected is an error naming what was wrong.
Result<UdpDescription> parseUdpDescription(const QJsonObject& description);

} // namespace convene::media
