#include "backend_environment.h"

#include "prosody_server.h"

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
        ProsodyServer::Options options;
        for (const QString& user : kUsers)
            options.users << ProsodyUser{user, user + QStringLiteral("-secret")};
        if (m_server.start(options))
            return true;
        *why = m_server.errorString();
        return false;
    }

    QString backendName() const override { return QStringLiteral("xmpp"); }

    sync::BackendConfig configFor(const QString& user) const override
    {
        sync::BackendConfig config;
        config.profileDir = m_dir.filePath(QStringLiteral("profile-") + user);
        config.serverUrl = QStringLiteral("%1:%2").arg(m_server.host()).arg(m_server.c2sPort());
        config.userId = userId(user);
        config.displayName = user;
        config.options.insert(QStringLiteral("password"), user + QStringLiteral("-secret"));
        config.options.insert(QStringLiteral("caCertificates"), m_server.caCertificatePem());
        return config;
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
