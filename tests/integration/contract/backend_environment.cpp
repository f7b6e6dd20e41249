#include "backend_environment.h"

#include "ejabberd_server.h"
#include "xmpp_test_accounts.h"

#include <QTemporaryDir>

namespace convene::test {

namespace {

const QStringList kUsers{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};

class LocalEnvironment final : public BackendEnvironment {
public:
    QString backendName() const override { return QStringLiteral("local"); }

    sync::BackendConfig configFor(const QString& user) const override
    {
        sync::BackendConfig config;
        config.profileDir = m_dir.filePath(QStringLiteral("profile-") + user);
        config.workspacePath = m_dir.filePath(QStringLiteral("workspace.convene"));
        config.userId = user;
        config.displayName = user;
        return config;
    }

    QString userId(const QString& user) const override { return user; }

private:
    QTemporaryDir m_dir;
};

// On a Prosody (ProsodyServer) or an ejabberd (EjabberdServer) of its own.
template<class Server>
class XmppEnvironment final : public BackendEnvironment {
public:
    bool start(const typename Server::Options& options, QString* why)
    {
        if (m_server.start(options))
            return true;
        *why = m_server.errorString();
        return false;
    }

    QString backendName() const override { return QStringLiteral("xmpp"); }

    sync::BackendConfig configFor(const QString& user) const override
    {
        return xmppAccount(m_server, user, m_dir.filePath(QStringLiteral("profile-") + user));
    }

    QString userId(const QString& user) const override { return user + u'@' + m_server.domain(); }

    Server& server() { return m_server; }

private:
    QTemporaryDir m_dir;
    Server m_server;
};

template<class Server>
std::unique_ptr<BackendEnvironment> startXmpp(const typename Server::Options& options, const QString& missing,
                                              QString* why)
{
    if (!Server::available()) {
        *why = missing;
        return nullptr;
    }
    auto environment = std::make_unique<XmppEnvironment<Server>>();
    if (!environment->start(options, why))
        return nullptr;
    return environment;
}

} // namespace

std::unique_ptr<BackendEnvironment> BackendEnvironment::make(const QString& backendName, QString* why)
{
    if (backendName == u"local")
        return std::make_unique<LocalEnvironment>();
    if (backendName == u"xmpp") {
        // CONVENE_XMPP_SERVER=ejabberd: on ejabberd instead (tools/contract-ejabberd.sh).
        if (qEnvironmentVariable("CONVENE_XMPP_SERVER") == u"ejabberd")
            return startXmpp<EjabberdServer>(
                withUsers<EjabberdServer::Options>(kUsers),
                QStringLiteral("ejabberd is not installed (tools/contract-ejabberd.sh installs it)"), why);
        return startXmpp<ProsodyServer>(prosodyWithUsers(kUsers),
                                        QStringLiteral("Prosody is not installed (tools/install-deps.sh installs it)"),
                                        why);
    }
    *why = QStringLiteral("no test environment for the backend %1").arg(backendName);
    return nullptr;
}

} // namespace convene::test
