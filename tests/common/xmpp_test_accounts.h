#pragma once
// Accounts on a test Prosody, and the XMPP backend's configuration for them: each user's
// password is "<name>-secret", and the server's own CA is trusted.
#include "prosody_server.h"

#include <convene/sync/backend.h>

#include <QStringList>

namespace convene::test {

inline QString testPassword(const QString& user)
{
    return user + QStringLiteral("-secret");
}

inline ProsodyServer::Options prosodyWithUsers(const QStringList& users)
{
    ProsodyServer::Options options;
    for (const QString& user : users)
        options.users << ProsodyUser{user, testPassword(user)};
    return options;
}

inline sync::BackendConfig xmppAccount(const ProsodyServer& server, const QString& user, const QString& profileDir)
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
