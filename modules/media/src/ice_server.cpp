#include "convene/media/ice_server.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace convene::media {

namespace {

constexpr int kMaxServers = 8;

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

QString decoded(const QString& text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// Errors name the entry by its place in the list and, once it reads as a URI, by its host:
// nothing else of it is repeated, since a mistyped entry may hold a password anywhere.
Result<IceServer> parseOne(const QString& entry, int place)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(stun|turns?):(?:([^:@]+):([^@]*)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(?:\?transport=(udp|tcp))?$)"));
    const QRegularExpressionMatch match = pattern.match(entry);
    if (!match.hasMatch())
        return invalid(QStringLiteral("server %1 of the list is not a stun:, turn: or turns: URI").arg(place));
    const QString shown = QStringLiteral("server %1 (%2)").arg(place).arg(match.captured(4));
    IceServer server;
    const QString scheme = match.captured(1);
    server.kind = scheme == u"stun" ? IceServer::Kind::Stun : IceServer::Kind::Turn;
    server.host = match.captured(4);
    if (server.host.startsWith(u'[')) {
        server.host = server.host.mid(1, server.host.size() - 2);
        if (QHostAddress(server.host).protocol() != QAbstractSocket::IPv6Protocol)
            return invalid(QStringLiteral("%1 has no valid IPv6 address in brackets").arg(shown));
    }
    if (scheme == u"turns") {
        server.port = 5349;
        server.transport = IceServer::Transport::Tls;
    }
    if (match.hasCaptured(5)) {
        const int port = match.captured(5).toInt();
        if (port < 1 || port > 65535)
            return invalid(QStringLiteral("%1 has a port outside 1 to 65535").arg(shown));
        server.port = quint16(port);
    }
    const QString transport = match.captured(6);
    if (!transport.isEmpty()) {
        if (scheme != u"turn")
            return invalid(QStringLiteral("%1: only turn: servers take a transport").arg(shown));
        server.transport = transport == u"tcp" ? IceServer::Transport::Tcp : IceServer::Transport::Udp;
    }
    const bool hasCredentials = match.hasCaptured(2);
    if (server.kind == IceServer::Kind::Stun && hasCredentials)
        return invalid(QStringLiteral("%1: a STUN server takes no credentials").arg(shown));
    if (server.kind == IceServer::Kind::Turn) {
        if (!hasCredentials)
            return invalid(QStringLiteral("%1: a TURN server needs a user name and password").arg(shown));
        server.username = decoded(match.captured(2));
        server.password = decoded(match.captured(3));
    }
    return server;
}

} // namespace

QString IceServer::displayName() const
{
    const QString scheme = kind == Kind::Stun                                  ? QStringLiteral("stun:")
                           : transport == Transport::Tls                       ? QStringLiteral("turns:")
                                                                               : QStringLiteral("turn:");
    const QString shownHost = host.contains(u':') ? u'[' + host + u']' : host;
    QString text = scheme + shownHost + u':' + QString::number(port);
    if (kind == Kind::Turn && transport != Transport::Tls)
        text += transport == Transport::Tcp ? QStringLiteral("?transport=tcp") : QStringLiteral("?transport=udp");
    return text;
}

Result<QList<IceServer>> parseIceServers(const QString& text)
{
    QList<IceServer> servers;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (entry.isEmpty())
            continue;
        if (servers.size() == kMaxServers)
            return invalid(QStringLiteral("more than %1 servers").arg(kMaxServers));
        auto server = parseOne(entry, int(servers.size()) + 1);
        if (!server)
            return server.error();
        servers << *server;
    }
    return servers;
}

} // namespace convene::media
