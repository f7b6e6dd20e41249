#pragma once

#include <convene/core/result.h>

#include <QList>
#include <QString>

namespace convene::media {

// A STUN or TURN server from settings or policy.
struct IceServer {
    enum class Kind { Stun, Turn };
    enum class Transport { Udp, Tcp, Tls };

    Kind kind = Kind::Stun;
    QString host; // a name or a literal address, without brackets
    quint16 port = 3478;
    Transport transport = Transport::Udp; // how the relay is reached (TURN only)
    QString username, password; // TURN only

    // The server as a URI without its credentials, for logs and messages.
    QString displayName() const;
    bool operator==(const IceServer&) const = default;
};

// Comma-separated URIs as RFC 7064 and RFC 7065 write them: "stun:host[:port]",
// "turn:host[:port][?transport=udp|tcp]" or "turns:host[:port]" (TLS, 5349 by default). A TURN
// server's credentials come before the host, percent-encoded: "turn:user:secret@host".
// Errors name an entry by its place in the list and its host, never by what else it holds.
Result<QList<IceServer>> parseIceServers(const QString& text);

} // namespace convene::media
