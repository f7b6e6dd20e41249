#include "app_root.h"

#include "app_controller.h"
#include "app_link_handler.h"
#include "network_proxy.h"
#include "translations.h"
#include "tray_icon.h"
#include "window_geometry.h"

#include <convene/call/call_controller.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/notification_center.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>
#include <convene/core/uuid_v7.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>

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
        {SettingKey::Backend, &m_options.backend},
        {SettingKey::Language, &m_options.language},
        {SettingKey::Theme, &m_options.theme},
        {SettingKey::Workspace, &m_options.workspace},
    };
    for (const auto& [key, value] : overrides) {
        if (value->isEmpty() || !m_settings->isLocked(QString::fromLatin1(key)))
            continue;
        qWarning("--%s is ignored: \"%s\" is managed by your organization",
                 key == SettingKey::Language ? "lang" : key, key);
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
    if (QFileInfo::exists(cachePath))
        if (auto cache = store::Database::open(cachePath, store::Database::Mode::ReadOnly))
            if (auto read = (*cache)->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'user_id'"))) {
                if ((*read)->step().valueOr(false))
                    id = (*read)->text(0);
                (*read)->reset();
            }
    if (id.isEmpty())
        id = UuidV7Generator().next().toString(QUuid::WithoutBraces);
    state.setValue(key, id);
    return id;
}

std::unique_ptr<sync::SyncService> AppRoot::createSync()
{
    const QDir profile(m_options.profileDir);
    sync::SyncEngine::Options options;
    options.cachePath = profile.filePath(QStringLiteral("cache.db"));
    m_userId = profileUserId(options.cachePath);
    options.backendConfig.userId = m_userId;
    options.backendName = m_options.backend.isEmpty()
                              ? m_settings->value(QString::fromLatin1(SettingKey::Backend)).toString()
                              : m_options.backend;
    options.backendConfig.profileDir = m_options.profileDir;
    options.backendConfig.workspacePath = m_options.workspace.isEmpty()
                                              ? m_settings->value(QString::fromLatin1(SettingKey::Workspace)).toString()
                                              : m_options.workspace;
    options.backendConfig.serverUrl = m_settings->value(QString::fromLatin1(SettingKey::ServerUrl)).toString();
    options.backendConfig.displayName = m_controller->userName();
    // Testers can slow down, lose or cut off the local backend from the profile's settings file.
    const QString faults = m_settings->state().value(QStringLiteral("testing/localBackendFaults")).toString();
    if (!faults.isEmpty())
        options.backendConfig.options.insert(QStringLiteral("faults"), faults);
    return std::make_unique<sync::SyncService>(std::move(options));
}

Result<void> AppRoot::start()
{
    if (!QDir().mkpath(m_options.profileDir))
        return makeError(ErrorCode::Io, tr("Cannot create the profile directory %1.").arg(m_options.profileDir));

    m_settings = std::make_unique<Settings>(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                                            std::move(m_policy));
    dropOverridesOfLockedSettings();
    if (Result<void> proxy = applyProxySetting(m_settings->value(QString::fromLatin1(SettingKey::Proxy)).toString()); !proxy)
        qWarning("%s", qPrintable(proxy.error().message));

    QString language = m_options.language;
    if (language.isEmpty())
        language = m_settings->value(QString::fromLatin1(SettingKey::Language)).toString();
    if (language.isEmpty())
        language = Translations::systemLanguage();
    m_translations = std::make_unique<Translations>(language);

    AppController::Startup startup{m_options.view, m_options.theme, m_translations->language(), workspaceName()};
    m_controller = std::make_unique<AppController>(*m_settings, startup);
    m_sync = createSync();
    m_controller->setSync(m_sync.get());
    m_sync->start();
    m_chat = std::make_unique<chat::ChatController>(*m_sync, m_userId, m_settings->state(),
                                                    QDir(m_options.profileDir).filePath(QStringLiteral("blobs")));
    m_controller->setChat(m_chat.get());
    m_calls = createCalls();
    m_controller->setCalls(m_calls.get());
    m_geometry = std::make_unique<WindowGeometry>(m_settings->state());

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->setUiLanguage(m_translations->language());
    m_engine->setInitialProperties({{QStringLiteral("app"), QVariant::fromValue(m_controller.get())}});
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Convene/App/qml/Main.qml")));

    QQuickWindow* main = window();
    if (!main)
        return makeError(ErrorCode::Internal, tr("The main window could not be created."));
    m_geometry->restore(main);
    startNotifications(main);
    if (!m_options.chatStream.isEmpty())
        m_controller->openChatLink(m_options.chatStream, m_options.chatMessageId);
    if (!m_options.callStream.isEmpty())
        m_controller->joinCall(m_options.callStream);
    m_linkHandler = std::make_unique<AppLinkHandler>(*m_controller, main);
    QCoreApplication::instance()->installEventFilter(m_linkHandler.get());
    main->show();
    return {};
}

std::unique_ptr<call::CallController> AppRoot::createCalls()
{
    call::CallController::Hooks hooks;
    hooks.personName = [this](const QString& userId) { return m_chat->peopleDirectory().name(userId); };
    hooks.streamName = [this](const QString& stream) { return m_chat->channelList().displayName(stream); };
    hooks.isMember = [this](const QString& stream) { return m_chat->conversationState().isMember(stream); };
    hooks.otherMembers = [this](const QString& stream) {
        return int(m_chat->conversationState().members(stream).size()) - 1;
    };
    // Testers run calls without devices and only over loopback from the profile's settings file.
    QSettings& state = m_settings->state();
    call::CallController::Options options;
    options.systemDevices = !state.value(QStringLiteral("testing/syntheticMedia")).toBool();
    options.loopbackOnly = state.value(QStringLiteral("testing/mediaLoopbackOnly")).toBool();
    options.videoHeight = state.value(QStringLiteral("call/videoHeight"), 720).toInt();
    return std::make_unique<call::CallController>(*m_sync, m_userId, state, std::move(hooks), options);
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
    m_notifications = std::make_unique<chat::NotificationCenter>(m_chat->cache(), m_sync->changes(),
                                                                 m_chat->peopleDirectory(), m_chat->conversationState(),
                                                                 std::move(hooks));
    connect(m_notifications.get(), &chat::NotificationCenter::notify, m_tray.get(), &TrayIcon::showNotification);
    connect(m_calls.get(), &call::CallController::incomingCall, this, [this, main](const QString& caller, const QString& where) {
        if (!main->isActive())
            m_tray->showNotification(tr("%1 is calling").arg(caller), where, {}, 0, 0);
    });
}

void AppRoot::shutdown()
{
    if (m_geometry)
        m_geometry->save();
    m_linkHandler.reset();
    if (m_calls)
        m_calls->shutdown();
    m_notifications.reset();
    m_tray.reset();
    m_engine.reset();
    m_geometry.reset();
    if (m_sync)
        m_sync->stop();
    m_controller.reset();
    m_calls.reset();
    m_chat.reset();
    m_sync.reset();
    m_translations.reset();
}

QQuickWindow* AppRoot::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
}

} // namespace convene
