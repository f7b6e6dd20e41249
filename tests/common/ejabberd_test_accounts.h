#pragma once
// Accounts on a test ejabberd, and the XMPP backend's configuration for them, as on a test
// Prosody (xmpp_test_accounts.h): each user's password is "<name>-secret", and the server's
// own CA is trusted.
#include "ejabberd_server.h"
#include "xmpp_test_accounts.h"

namespace convene::test {

inline EjabberdServer::Options ejabberdWithUsers(const QStringList& users)
{
    EjabberdServer::Options options;
    for (const QString& user : users)
        options.users << EjabberdUser{user, testPassword(user)};
    return options;
}

inline sync::BackendConfig xmppAccount(const EjabberdServer& server, const QString& user, const QString& profileDir)
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
