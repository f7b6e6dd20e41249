#pragma once
// Accounts on a test XMPP server (ProsodyServer, EjabberdServer), and the XMPP backend's
// configuration for them: each user's password is "<name>-secret", and the server's own CA is
// trusted.
#include "prosody_server.h"

#include <convene/sync/backend.h>

#include <QStringList>

namespace convene::test {

inline QString testPassword(const QString& user)
{
    return user + QStringLiteral("-secret");
}

// The server's options with these users.
template<typename Options>
Options withUsers(const QStringList& users)
{
    Options options;
    for (const QString& user : users)
        options.users.append({user, testPassword(user)});
    return options;
}

inline ProsodyServer::Options prosodyWithUsers(const QStringList& users)
{
    return withUsers<ProsodyServer::Options>(users);
}

template<typename Server>
sync::BackendConfig xmppAccount(const Server& server, const QString& user, const QString& profileDir)
{
    sync::BackendConfig config;
    config.profileDir = profileDir;
    config.userId = user + u'@' + server.domain();
    config.displayName = user;
    config.serverUrl = QStringLiteral("%1:%2").arg(server.host()).arg(server.c2sPort());
    config.options.insert(QStringLiteral("password"), testPassword(user));
    config.options.insert(QStringLiteral("caCertificates"), server.caCertificatePem());
    return config;
}

} // namespace convene::test
