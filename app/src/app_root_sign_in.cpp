#include "app_root.h"

#include "account/credential_store.h"
#include "account/sign_in_controller.h"
#include "app_controller.h"
#include "first_run.h"
#include "translations.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>
#include <local_backend.h>

#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <utility>

namespace convene {

Result<void> AppRoot::loadWindow(QQmlApplicationEngine& engine, const QString& file, const QVariantMap& properties)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setUiLanguage(m_translations->language());
    engine.setInitialProperties(properties);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Convene/App/qml/") + file));
    if (engine.rootObjects().isEmpty() || !qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst()))
        return makeError(ErrorCode::Internal, tr("The main window could not be created."));
    return {};
}

Result<void> AppRoot::showSignIn(const Account& account, const QString& notice)
{
    closeSignIn();
    SignInController::Setup setup;
    setup.account = account;
    setup.serverPreset = m_settings->isLocked(QString::fromLatin1(SettingKey::ServerUrl)) && !account.server.isEmpty();
    setup.canUseDemo = !m_settings->isLocked(QString::fromLatin1(SettingKey::Backend)) &&
                       isBackendAllowed(*m_settings, QStringLiteral("local"));
    setup.trusted = trustedFingerprints();
    setup.profileDir = m_options.profileDir;
    setup.notice = notice.isEmpty() ? m_backendNotice : notice;
    m_signIn = std::make_unique<SignInController>(std::move(setup), m_backends, *m_credentials);
    connect(m_signIn.get(), &SignInController::signedIn, this, &AppRoot::onSignedIn, Qt::QueuedConnection);
    connect(m_signIn.get(), &SignInController::demoRequested, this, &AppRoot::useLocalWorkspace, Qt::QueuedConnection);
    m_signInEngine = std::make_unique<QQmlApplicationEngine>();
    if (Result<void> loaded = loadWindow(*m_signInEngine, QStringLiteral("SignInWindow.qml"),
                                         {{QStringLiteral("app"), QVariant::fromValue(m_controller.get())},
                                          {QStringLiteral("signIn"), QVariant::fromValue(m_signIn.get())}});
        !loaded)
        return loaded;
    window()->show();
    return {};
}

void AppRoot::closeSignIn()
{
    m_signInEngine.reset();
    m_signIn.reset();
}

Result<void> AppRoot::showFirstRun(const Account& account)
{
    closeFirstRun();
    m_firstRun = std::make_unique<FirstRun>(*m_settings, workspaceName());
    // Queued: the name comes from the window about to close.
    connect(
        m_firstRun.get(), &FirstRun::named, this,
        [this, account] {
            closeFirstRun();
            if (Result<void> opened = openWorkspace(account, {}); !opened)
                qWarning("%s", qPrintable(opened.error().message));
        },
        Qt::QueuedConnection);
    m_firstRunEngine = std::make_unique<QQmlApplicationEngine>();
    if (Result<void> loaded = loadWindow(*m_firstRunEngine, QStringLiteral("FirstRunWindow.qml"),
                                         {{QStringLiteral("app"), QVariant::fromValue(m_controller.get())},
                                          {QStringLiteral("firstRun"), QVariant::fromValue(m_firstRun.get())}});
        !loaded)
        return loaded;
    window()->show();
    return {};
}

void AppRoot::closeFirstRun()
{
    m_firstRunEngine.reset();
    m_firstRun.reset();
}

void AppRoot::switchToSignIn()
{
    Account account = configuredAccount();
    if (!account.needsSignIn())
        account.backend = networkBackend();
    if (account.backend.isEmpty())
        return; // the organisation allows no network backend
    closeWorkspace();
    if (Result<void> shown = showSignIn(account, {}); !shown)
        qWarning("%s", qPrintable(shown.error().message));
}

void AppRoot::onSignedIn(const QString& server, const QString& address, const QString& password)
{
    if (!m_signIn)
        return;
    Account account = configuredAccount();
    if (!account.needsSignIn())
        account.backend = networkBackend();
    account.server = server;
    account.address = address;
    // Next time this account opens without asking, where the organisation lets the user choose.
    if (!m_settings->isLocked(QString::fromLatin1(SettingKey::Backend)))
        (void)m_settings->setValue(QString::fromLatin1(SettingKey::Backend), account.backend);
    if (!m_settings->isLocked(QString::fromLatin1(SettingKey::ServerUrl)))
        (void)m_settings->setValue(QString::fromLatin1(SettingKey::ServerUrl), account.server);
    QSettings& state = m_settings->state();
    state.setValue(QStringLiteral("account/address"), address);
    state.setValue(QStringLiteral("account/server"), server);
    const QStringList already = trustedFingerprints();
    QStringList accepted =
        normalizedFingerprints(state.value(QStringLiteral("account/trustedCertificates")).toString());
    for (const QString& pin : m_signIn->trusted())
        if (!already.contains(pin))
            accepted << pin;
    state.setValue(QStringLiteral("account/trustedCertificates"), accepted.join(u','));
    closeSignIn();
    if (Result<void> opened = openWorkspace(account, password); !opened)
        qWarning("%s", qPrintable(opened.error().message));
}

void AppRoot::useLocalWorkspace()
{
    if (!isBackendAllowed(*m_settings, QStringLiteral("local")))
        return;
    (void)m_settings->setValue(QString::fromLatin1(SettingKey::Backend), QStringLiteral("local"));
    m_options.backend.clear();
    closeSignIn();
    Account local = configuredAccount();
    local.backend = QStringLiteral("local");
    if (Result<void> opened = openWorkspace(local, {}); !opened)
        qWarning("%s", qPrintable(opened.error().message));
}

void AppRoot::signOut()
{
    const Account account = m_account;
    if (!account.needsSignIn() || account.address.isEmpty())
        return;
    closeWorkspace();
    m_credentials->remove(account.address, [](const Result<void>& removed) {
        if (!removed)
            qWarning("%s", qPrintable(removed.error().message));
    });
    m_settings->state().remove(QStringLiteral("account/address"));
    Account next = account;
    next.address.clear();
    if (Result<void> shown = showSignIn(next, tr("You have signed out of %1.").arg(account.address)); !shown)
        qWarning("%s", qPrintable(shown.error().message));
}

} // namespace convene
