#include "app_root.h"

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

AppRoot::AppRoot(AppOptions options, std::unique_ptr<PolicySource> policy, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_policy(std::move(policy))
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
        return tr("Convene Demo");
    return QFileInfo(path).completeBaseName();
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
    AppController::Startup startup{m_options.view,  m_options.theme,   m_options.language, m_translations->language(),
                                   workspaceName(), m_backends.names()};
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

Result<void> AppRoot::openWorkspace(const Account& account, const QString& password)
{
    if (!isBackendAllowed(*m_settings, account.backend))
        return makeError(ErrorCode::PermissionDenied,
                         tr("Your organization does not allow the backend “%1”.").arg(account.backend));
    // Nothing of a profile the user has not named yet reaches the workspace until they have.
    if (!account.needsSignIn() && m_controller->userName().isEmpty())
        return showFirstRun(account);
    m_account = account;
    m_sync = createSync(account, password);
    // A damaged cache gets a screen that says so, not an empty window that looks normal.
    if (const sync::CacheCheck check = sync::checkCache(m_sync->cachePath()); check.damaged)
        return showCacheProblem(check);
    return startWorkspace({});
}

Result<void> AppRoot::startWorkspace(const QList<sync::Mutation>& carriedOver)
{
    const Account& account = m_account;
    m_sync->start();
    for (const sync::Mutation& m : carriedOver)
        m_sync->submit(m); // with its client id: the server still applies it once
    const QString blobs = QFileInfo(m_sync->cachePath()).dir().filePath(QStringLiteral("blobs"));
    m_chat = std::make_unique<chat::ChatController>(*m_sync, m_userId, m_settings->state(), blobs);
    // Changes the disk refused that no conversation reports: the window does.
    m_unsaved = std::make_unique<UnsavedChanges>(
        *m_sync, [chat = m_chat.get()](const QUuid& id) { return chat->writer()->handles(id); });
    m_chat->blobs()->setCapacity(
        qint64(m_settings->value(QString::fromLatin1(SettingKey::BlobCacheMegabytes)).toInt()) * 1024 * 1024);
    m_calls = createCalls();
    m_calendar =
        std::make_unique<CalendarSetup>(CalendarSetup::Context{*m_sync, m_chat->peopleDirectory(), m_settings->state(),
                                                               m_userId, m_translations->language(), m_chat->writer()});
    m_docs = createDocs(*m_sync, m_chat->peopleDirectory(), m_settings->state(), m_userId, m_controller->userName());
    const bool backendLocked = m_settings->isLocked(QString::fromLatin1(SettingKey::Backend));
    const bool signedIn = account.needsSignIn() && !account.address.isEmpty();
    const bool canChoose = !backendLocked && !networkBackend().isEmpty();
    m_controller->setWorkspace({m_sync.get(), m_chat.get(), m_calls.get(), &m_calendar->controller(),
                                m_docs.get(), signedIn ? account.address : QString(), canChoose || signedIn});
    // A document link followed in a message opens in the docs view.
    connect(m_chat.get(), &chat::ChatController::appLinkActivated, m_controller.get(), &AppController::openDocLink);
    // The name the user goes by reaches everyone's directory after each rename, and for a network
    // account also whenever it connects (the local backend publishes it when it connects).
    m_profile = std::make_unique<chat::ProfilePublisher>(*m_sync, m_chat->peopleDirectory(), m_userId);
    const auto publish = [this] { m_profile->publish(m_controller->userName()); };
    if (signedIn) {
        connect(m_sync.get(), &sync::SyncService::accountChanged, this, publish);
        connect(m_controller.get(), &AppController::userNameChanged, m_sync.get(), publish);
    } else {
        connect(m_settings.get(), &Settings::changed, m_sync.get(), [publish](const QString& key) {
            if (key == QLatin1String(SettingKey::DisplayName))
                publish();
        });
    }
    m_geometry = std::make_unique<WindowGeometry>(m_settings->state());

    m_engine = std::make_unique<QQmlApplicationEngine>();
    if (Result<void> loaded = loadWindow(*m_engine, QStringLiteral("Main.qml"),
                                         {{QStringLiteral("app"), QVariant::fromValue(m_controller.get())},
                                          {QStringLiteral("unsavedChanges"), QVariant::fromValue(m_unsaved.get())}});
        !loaded)
        return loaded;
    QQuickWindow* main = window();
    m_geometry->restore(main);
    startNotifications(main);
    // A link given on the command line is followed once, in the first workspace.
    if (!m_options.chatStream.isEmpty())
        m_controller->openChatLink(m_options.chatStream, m_options.chatMessageId);
    if (!m_options.callStream.isEmpty())
        openCallLink(*m_controller, m_options.callStream);
    if (!m_options.docLink.isEmpty())
        m_controller->openDocLink(m_options.docLink);
    m_options.chatStream.clear();
    m_options.callStream.clear();
    m_options.docLink.clear();
    // Minimised or hidden in the tray: the server may hold back what is not urgent.
    connect(main, &QWindow::visibilityChanged, m_sync.get(), [sync = m_sync.get()](QWindow::Visibility visibility) {
        sync->setClientActive(visibility != QWindow::Minimized && visibility != QWindow::Hidden);
    });
    m_linkHandler = std::make_unique<AppLinkHandler>(*m_controller, main);
    QCoreApplication::instance()->installEventFilter(m_linkHandler.get());
    main->show();
    if (!m_backendNotice.isEmpty())
        emit m_chat->notice(std::exchange(m_backendNotice, {}));
    return {};
}

std::unique_ptr<call::CallController> AppRoot::createCalls()
{
    call::CallController::Hooks hooks;
    hooks.personName = [this](const QString& userId) { return m_chat->peopleDirectory().name(userId); };
    hooks.streamName = [this](const QString& stream) { return m_chat->channelList().title(stream); };
    hooks.isMember = [this](const QString& stream) { return m_chat->conversationState().isMember(stream); };
    hooks.hasMember = [this](const QString& stream, const QString& userId) {
        return m_chat->conversationState().members(stream).contains(userId);
    };
    hooks.otherMembers = [this](const QString& stream) {
        return int(m_chat->conversationState().members(stream).size()) - 1;
    };
    // Testers run calls without devices and only over loopback from the profile's settings file.
    const auto setting = [this](const char* key) { return m_settings->value(QString::fromLatin1(key)); };
    call::CallController::Options options;
    options.systemDevices = !setting(SettingKey::SyntheticMedia).toBool();
    options.loopbackOnly = setting(SettingKey::MediaLoopbackOnly).toBool();
    options.videoHeight = setting(SettingKey::CallVideoHeight).toInt();
    auto calls = std::make_unique<call::CallController>(*m_sync, m_userId, *m_settings, std::move(hooks), options);
    // Who may join which call follows the user's conversations (the screen before joining).
    connect(&m_chat->conversationState(), &chat::ConversationState::changed, calls.get(),
            &call::CallController::conversationsChanged);
    // A call's views name its conversation and people as the chat does, also after a rename.
    connect(&m_chat->peopleDirectory(), &chat::Directory::changed, calls.get(), &call::CallController::renamed);
    connect(&m_chat->channelList(), &chat::ChannelListModel::namesChanged, calls.get(), &call::CallController::renamed);
    return calls;
}

void AppRoot::startNotifications(QQuickWindow* main)
{
    m_tray = std::make_unique<TrayIcon>(*m_controller, *m_settings, m_chat->channelList(), main);
    chat::NotificationCenter::Hooks hooks;
    hooks.doNotDisturb = [this] { return m_settings->value(QString::fromLatin1(SettingKey::DoNotDisturb)).toBool(); };
    hooks.visibleStream = [this, main] {
        const bool looking = main->isActive() && m_controller->currentView() == u"chat";
        return looking ? m_chat->currentStream() : QString();
    };
    hooks.streamName = [this](const QString& stream) { return m_chat->channelList().displayName(stream); };
    m_notifications = std::make_unique<chat::NotificationCenter>(
        m_chat->cache(), m_sync->changes(), m_chat->peopleDirectory(), m_chat->conversationState(), std::move(hooks));
    connect(m_notifications.get(), &chat::NotificationCenter::notify, m_tray.get(), &TrayIcon::showNotification);
    connect(m_docs.get(), &docs::DocsController::notification, m_tray.get(),
            [tray = m_tray.get()](const QString& title, const QString& text) {
                tray->showNotification(title, text, {}, 0, 0);
            });
    connect(m_calendar.get(), &CalendarSetup::notification, m_tray.get(),
            [tray = m_tray.get()](const QString& title, const QString& text) {
                tray->showNotification(title, text, {}, 0, 0);
            });
    connect(m_calls.get(), &call::CallController::incomingCall, this,
            [this, main](const QString& caller, const QString& where) {
                if (!main->isActive())
                    m_tray->showNotification(tr("%1 is calling").arg(caller), where, {}, 0, 0);
            });
}

Result<void> AppRoot::showCacheProblem(const sync::CacheCheck& check)
{
    qWarning("The cache %s is damaged: %s", qPrintable(m_sync->cachePath()), qPrintable(check.problem));
    closeCacheProblem();
    m_recovery = std::make_unique<CacheRecovery>(m_sync->cachePath(), check);
    // Queued: the requests come from the window that is about to close.
    connect(m_recovery.get(), &CacheRecovery::rebuildRequested, this, &AppRoot::rebuildCache, Qt::QueuedConnection);
    connect(m_recovery.get(), &CacheRecovery::quitRequested, QCoreApplication::instance(), &QCoreApplication::quit,
            Qt::QueuedConnection);
    m_cacheProblemEngine = std::make_unique<QQmlApplicationEngine>();
    if (Result<void> loaded = loadWindow(*m_cacheProblemEngine, QStringLiteral("CacheProblemWindow.qml"),
                                         {{QStringLiteral("app"), QVariant::fromValue(m_controller.get())},
                                          {QStringLiteral("recovery"), QVariant::fromValue(m_recovery.get())}});
        !loaded)
        return loaded;
    window()->show();
    return {};
}

void AppRoot::rebuildCache()
{
    if (!m_recovery || !m_sync)
        return;
    // The damaged file is kept, renamed; what it had not sent yet goes into the new cache.
    const Result<QString> moved = sync::moveCacheAside(m_sync->cachePath(), QDateTime::currentDateTime());
    if (!moved)
        return m_recovery->fail(moved.error().message);
    const QList<sync::Mutation> unsent = sync::readOutbox(*moved);
    qInfo("Rebuilding the cache; %lld unsent changes carried over from %s", qlonglong(unsent.size()),
          qPrintable(*moved));
    closeCacheProblem();
    if (Result<void> started = startWorkspace(unsent); !started)
        qWarning("%s", qPrintable(started.error().message));
}

void AppRoot::closeCacheProblem()
{
    m_cacheProblemEngine.reset();
    m_recovery.reset();
}

void AppRoot::closeWorkspace()
{
    closeCacheProblem();
    if (m_geometry)
        m_geometry->save();
    m_linkHandler.reset();
    if (m_calls)
        m_calls->shutdown();
    m_notifications.reset();
    m_tray.reset();
    m_engine.reset();
    m_geometry.reset();
    if (m_controller)
        m_controller->setWorkspace({});
    m_profile.reset();
    m_docs.reset(); // hands the documents' last edits to the outbox
    if (m_sync)
        m_sync->stop();
    m_calendar.reset();
    m_calls.reset();
    m_unsaved.reset();
    m_chat.reset();
    m_sync.reset();
    m_account = {};
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
