#include "sign_in_controller.h"

#include "credential_store.h"

#include <convene/sync/backend_registry.h>

#include <QHostAddress>
#include <QUrl>

namespace convene {

namespace {

constexpr int kProbeTimeoutMs = 20000;

QString grouped(const QString& hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(u':');
}

} // namespace

SignInController::SignInController(Setup setup, const sync::BackendRegistry& backends, CredentialStore& credentials,
                                   QObject* parent)
    : QObject(parent),
      m_setup(std::move(setup)),
      m_backends(backends),
      m_credentials(credentials),
      m_notice(m_setup.notice)
{
    m_probeTimeout.setSingleShot(true);
    m_probeTimeout.setInterval(kProbeTimeoutMs);
    connect(&m_probeTimeout, &QTimer::timeout, this,
            [this] { fail(tr("The server did not answer. Check the address and your connection.")); });
}

SignInController::~SignInController() = default;

QString SignInController::presetDomain() const
{
    if (!m_setup.serverPreset)
        return {};
    // The server's name is the accounts' domain; an address names none, so people type theirs.
    const QString server = m_setup.account.server;
    const QString host =
        QUrl(server.contains(QLatin1String("://")) ? server : QStringLiteral("xmpp://") + server).host();
    return QHostAddress().setAddress(host) ? QString() : host;
}

QString SignInController::certificateFingerprint() const
{
    return grouped(m_certificate);
}

void SignInController::resume()
{
    const Account account = m_setup.account;
    if (account.address.isEmpty())
        return;
    m_busy = true;
    emit stateChanged();
    m_credentials.read(account.address, [this, account](const Result<QString>& password) {
        m_busy = false;
        if (password)
            return emit signedIn(account.server, account.address, *password);
        m_notice = password.error().code == ErrorCode::NotFound ? tr("Enter your password to sign in.")
                                                                : password.error().message;
        emit stateChanged();
    });
}

void SignInController::signIn(const QString& server, const QString& address, const QString& password)
{
    if (m_busy)
        return;
    m_pending = m_setup.account;
    if (!m_setup.serverPreset)
        m_pending.server = server.trimmed();
    m_pending.address = completeAddress(address, presetDomain());
    m_certificate.clear();
    m_keychainProblem.clear();
    if (m_pending.address.isEmpty())
        return fail(m_setup.serverPreset ? tr("Enter your user name.")
                                         : tr("Enter your address, such as name@example.org."));
    if (password.isEmpty())
        return fail(tr("Enter your password."));
    m_password = password;
    check();
}

// Signs in once, only to learn whether the server takes this address and password.
void SignInController::check()
{
    m_error.clear();
    m_busy = true;
    emit stateChanged();
    const sync::BackendConfig config = networkBackendConfig(m_pending, m_password, m_setup.trusted,
                                                            accountDataDir(m_setup.profileDir, m_pending.address));
    auto probe = m_backends.create(m_pending.backend, config);
    if (!probe)
        return fail(probe.error().message);
    m_probe = std::move(probe).value();
    connect(m_probe.get(), &sync::Backend::certificateUntrusted, this,
            [this](const QString& sha256, const QString&) { m_certificate = sha256; });
    connect(m_probe.get(), &sync::Backend::connected, this, [this] {
        finishProbe();
        save();
    });
    // Refused (password, account, certificate) or unreachable: the backend says which.
    const auto failed = [this](const Error& reason) {
        if (!m_certificate.isEmpty())
            fail(tr("The server's certificate is not trusted (%1). Trust it only if your administrator confirms "
                    "this fingerprint.")
                     .arg(reason.message));
        else
            fail(reason.message);
    };
    connect(m_probe.get(), &sync::Backend::connectionFailed, this, failed);
    connect(m_probe.get(), &sync::Backend::disconnected, this, failed);
    m_probeTimeout.start();
    m_probe->connectToServer();
}

void SignInController::finishProbe()
{
    m_probeTimeout.stop();
    if (!m_probe)
        return;
    m_probe->disconnect(this);
    m_probe->disconnectFromServer();
    m_probe.release()->deleteLater(); // we may be inside one of its signals
}

void SignInController::fail(const QString& message)
{
    finishProbe();
    m_busy = false;
    m_error = message;
    emit stateChanged();
}

void SignInController::save()
{
    m_credentials.write(m_pending.address, m_password, [this](const Result<void>& saved) {
        if (saved)
            return emit signedIn(m_pending.server, m_pending.address, m_password);
        m_busy = false;
        m_keychainProblem = saved.error().message;
        emit stateChanged();
    });
}

void SignInController::trustCertificate()
{
    if (m_certificate.isEmpty() || m_busy)
        return;
    m_setup.trusted << m_certificate;
    m_certificate.clear();
    check();
}

void SignInController::continueWithoutSaving()
{
    if (!m_keychainProblem.isEmpty())
        emit signedIn(m_pending.server, m_pending.address, m_password);
}

void SignInController::useDemo()
{
    if (m_setup.canUseDemo && !m_busy)
        emit demoRequested();
}

} // namespace convene
