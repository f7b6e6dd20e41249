#include "app_root.h"

#include "bundled_library_location.h"
#include "calendar_setup.h"
#include "docs_setup.h"

#include "account/credential_store.h"
#include "account/sign_in_controller.h"
#include "app_controller.h"
#include "app_link_handler.h"
#include "autostart.h"
#include "cache_recovery.h"
#include "emoji_font_fallback.h"
#include "first_run.h"
#include "translations.h"
#include "tray_icon.h"
#include "unsaved_changes.h"
#include "window_geometry.h"

#include <convene/call/call_controller.h>
#include <convene/chat/blob_cache.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/notification_center.h>
#include <convene/chat/profile_publisher.h>
#include <convene/core/allowed_backends.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>
#include <convene/core/uuid_v7.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/sync_service.h>
#include <local_backend.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>

#include <utility>

namespace convene {

QString defaultProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AppRoot::AppRoot(AppOptions options, std::unique_ptr<PolicySource> policy, TrayFactory trays, QObject* parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_policy(std::move(policy)),
      m_callEngine(bundledLibraryCandidates("CONVENE_CALL_ENGINE", QStringLiteral("convene_call_engine"))),
      m_trays(std::move(trays))
{
    if (m_options.profileDir.isEmpty())
        m_options.profileDir = defaultProfileDir();
}

AppRoot::~AppRoot()
{
    shutdown();
}

QString AppRoot::workspaceName() const
{
    QString path = m_options.workspace;
    if (path.isEmpty())
        path = m_settings->value(QString::fromLatin1(SettingKey::Workspace)).toString();
    if (path.isEmpty())
        path = backends::local::LocalBackend::defaultWorkspacePath(m_options.profileDir);
    return backends::local::LocalBackend::workspaceNameAt(path); // its own name, never its file's
}

void AppRoot::dropOverridesOfLockedSettings()
{
    // The organisation's policy wins over the command line too.
    const std::pair<const char*, QString*> overrides[] = {
        {SettingKey::Backend, &m_options.backend},     {SettingKey::ServerUrl, &m_options.server},
        {SettingKey::Language, &m_options.language},   {SettingKey::Theme, &m_options.theme},
        {SettingKey::Workspace, &m_options.workspace},
    };
    for (const auto& [key, value] : overrides) {
        if (value->isEmpty() || !m_settings->isLocked(QString::fromLatin1(key)))
            continue;
        qWarning("--%s is ignored: \"%s\" is managed by your organization", key == SettingKey::Language ? "lang" : key,
                 key);
        value->clear();
    }
}

QString AppRoot::profileUserId(const QString& cachePath)
{
    QSettings& state = m_settings->state();
    const QString key = QStringLiteral("profile/userId");
    QString id = state.value(key).toString();
    if (!id.isEmpty())
        return id;
    // A profile whose cache predates this setting keeps the identity its cache knows.
    id = sync::cachedUserId(cachePath);
    if (id.isEmpty())
        id = UuidV7Generator().next().toString(QUuid::WithoutBraces);
    state.setValue(key, id);
    return id;
}

std::unique_ptr<sync::SyncService> AppRoot::createSync(const Account& account, const QString& password)
{
    sync::SyncEngine::Options options;
    options.backendName = account.backend;
    if (account.needsSignIn() && !account.address.isEmpty()) {
        const QString dataDir = accountDataDir(m_options.profileDir, account.address);
        QDir().mkpath(dataDir);
        options.cachePath = QDir(dataDir).filePath(QStringLiteral("cache.db"));
        options.backendConfig = networkBackendConfig(account, password, trustedFingerprints(), dataDir);
        // Only a name the user chose; otherwise the server's name for the account stands.
        options.backendConfig.displayName = m_settings->value(QString::fromLatin1(SettingKey::DisplayName)).toString();
        m_userId = options.backendConfig.userId;
        return std::make_unique<sync::SyncService>(std::move(options));
    }
    const QDir profile(m_options.profileDir);
    options.cachePath = profile.filePath(QStringLiteral("cache.db"));
    m_userId = profileUserId(options.cachePath);
    options.backendConfig.userId = m_userId;
    options.backendConfig.profileDir = m_options.profileDir;
    options.backendConfig.workspacePath = m_options.workspace.isEmpty()
                                              ? m_settings->value(QString::fromLatin1(SettingKey::Workspace)).toString()
                                              : m_options.workspace;
    options.backendConfig.serverUrl = account.server;
    options.backendConfig.displayName = m_controller->userName();
    // Testers can slow down, lose or cut off the local backend from the profile's settings file.
    const QString faults = m_settings->state().value(QStringLiteral("testing/localBackendFaults")).toString();
    if (!faults.isEmpty())
        options.backendConfig.options.insert(QStringLiteral("faults"), faults);
    return std::make_unique<sync::SyncService>(std::move(options));
}

BackendChoice AppRoot::backendChoice() const
{
    const QString wanted = m_options.backend.isEmpty()
                               ? m_settings->value(QString::fromLatin1(SettingKey::Backend)).toString()
                               : m_options.backend;
    return chooseBackend(*m_settings, wanted, m_backends.names());
}

QString AppRoot::networkBackend() const
{
    const QStringList allowed = allowedBackends(*m_settings, m_backends.names());
    for (const QString& name : allowed) {
        Account account;
        account.backend = name;
        if (account.needsSignIn())
            return name;
    }
    return {};
}

Account AppRoot::configuredAccount() const
{
    const auto setting = [this](const char* key) { return m_settings->value(QString::fromLatin1(key)).toString(); };
    Account account;
    account.backend = backendChoice().backend;
    account.server = m_options.server.isEmpty() ? setting(SettingKey::ServerUrl) : m_options.server;
    QSettings& state = m_settings->state();
    // The last account, unless this run names another server.
    if (state.value(QStringLiteral("account/server")).toString() == account.server)
        account.address = state.value(QStringLiteral("account/address")).toString();
    return account;
}

QStringList AppRoot::trustedFingerprints() const
{
    // The organisation's, and those the user accepted on the sign-in screen.
    return normalizedFingerprints(
        m_settings->value(QString::fromLatin1(SettingKey::ServerCertificateSha256)).toString() + u',' +
        m_settings->state().value(QStringLiteral("account/trustedCertificates")).toString());
}

Result<void> AppRoot::start()
{
    if (!QDir().mkpath(m_options.profileDir))
        return makeError(ErrorCode::Io, tr("Cannot create the profile directory %1.").arg(m_options.profileDir));

    m_settings = std::make_unique<Settings>(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                                            std::move(m_policy));
    dropOverridesOfLockedSettings();
    const BackendChoice backend = backendChoice();
    if (backend.backend.isEmpty())
        return makeError(ErrorCode::PermissionDenied, backend.notice);
    if (!backend.notice.isEmpty()) {
        qWarning("%s", qPrintable(backend.notice));
        m_backendNotice = backend.notice;
    }
    m_autostart =
        std::make_unique<Autostart>(*m_settings, Autostart::defaultLocation(), QCoreApplication::applicationFilePath());
    if (Result<void> autostart = m_autostart->update(); !autostart)
        qWarning("%s", qPrintable(autostart.error().message));

    QString language = m_options.language;
    if (language.isEmpty())
        language = m_settings->value(QString::fromLatin1(SettingKey::Language)).toString();
    if (language.isEmpty())
        language = Translations::systemLanguage();
    m_translations = std::make_unique<Translations>(language);
    preferColourEmoji();

    // The controller also applies the proxy setting, now and whenever it changes.
    AppController::Startup startup{m_options.view,
                                   m_options.theme,
                                   m_options.language,
                                   m_translations->language(),
                                   workspaceName(),
                                   m_backends.names(),
                                   [this] { return m_callEngine.components(); }};
    m_controller = std::make_unique<AppController>(*m_settings, startup);
    // Queued: the request comes from a control that the new language makes anew.
    connect(m_controller.get(), &AppController::languageRequested, this, &AppRoot::switchLanguage,
            Qt::QueuedConnection);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("Convene"));
    // Queued: the request comes from the window about to be destroyed.
    connect(m_controller.get(), &AppController::signInRequested, this, &AppRoot::switchToSignIn, Qt::QueuedConnection);
    connect(m_controller.get(), &AppController::signOutRequested, this, &AppRoot::signOut, Qt::QueuedConnection);

    const Account account = configuredAccount();
    // A backend nobody provides opens no sign-in screen: the header reports it instead.
    if (!account.needsSignIn() || !m_backends.names().contains(account.backend))
        return openWorkspace(account, {});
    if (Result<void> shown = showSignIn(account, {}); !shown)
        return shown;
    m_signIn->resume();
    return {};
}

void AppRoot::switchLanguage(const QString& language)
{
    const QString inUse =
        m_translations->setLanguage(language.isEmpty() ? m_translations->systemLanguageNow() : language);
    // Models that show translated text or dates refresh on QEvent::LanguageChange; QML on this.
    for (QQmlApplicationEngine* engine :
         {m_engine.get(), m_signInEngine.get(), m_firstRunEngine.get(), m_cacheProblemEngine.get()}) {
        if (engine) {
            engine->setUiLanguage(inUse);
            engine->retranslate();
        }
    }
    m_controller->setLanguage(inUse);
}

void AppRoot::shutdown()
{
    closeWorkspace();
    closeSignIn();
    closeFirstRun();
    m_controller.reset();
    m_credentials.reset();
    m_translations.reset();
}

QQuickWindow* AppRoot::window() const
{
    for (const auto* engine :
         {m_engine.get(), m_signInEngine.get(), m_firstRunEngine.get(), m_cacheProblemEngine.get()})
        if (engine && !engine->rootObjects().isEmpty())
            return qobject_cast<QQuickWindow*>(engine->rootObjects().constFirst());
    return nullptr;
}

} // namespace convene
