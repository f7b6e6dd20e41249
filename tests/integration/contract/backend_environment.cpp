#include "backend_environment.h"

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

class XmppEnvironment final : public BackendEnvironment {
public:
    bool start(QString* why)
    {
        if (m_server.start(prosodyWithUsers(kUsers)))
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

    ProsodyServer& server() { return m_server; }

private:
    QTemporaryDir m_dir;
    ProsodyServer m_server;
};

} // namespace

std::unique_ptr<BackendEnvironment> BackendEnvironment::make(const QString& backendName, QString* why)
{
    if (backendName == u"local")
        return std::make_unique<LocalEnvironment>();
    if (backendName == u"xmpp") {
        if (!ProsodyServer::available()) {
            *why = QStringLiteral("Prosody is not installed (tools/install-deps.sh installs it)");
            return nullptr;
        }
        auto environment = std::make_unique<XmppEnvironment>();
        if (!environment->start(why))
            return nullptr;
        return environment;
    }
    *why = QStringLiteral("no test environment for the backend %1").arg(backendName);
    return nullptr;
}

} // namespace convene::test
