#include "app_root.h"

#include "calendar_setup.h"
#include "docs_setup.h"

#include "app_controller.h"
#include "app_link_handler.h"
#include "cache_recovery.h"
#include "emoji_font_fallback.h"
#include "first_run.h"
#include "translations.h"
#include "tray_icon.h"
#include "unsaved_changes.h"
#include "window_geometry.h"

#include <convene/call/call_controller.h>
#include <convene/chat/blob_cache.h>
#include <convene/chat/channel_list_model.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/notification_center.h>
#include <convene/chat/profile_publisher.h>
#include <convene/core/allowed_backends.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>
#include <local_backend.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>

#include <utility>

namespace convene {

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
    auto calls =
        std::make_unique<call::CallController>(*m_sync, m_userId, *m_settings, m_callEngine, std::move(hooks), options);
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
    m_tray = std::make_unique<TrayIcon>(*m_settings, main, m_trays);
    const auto showUnread = [this] { m_tray->setUnread(m_chat->channelList().totalUnread()); };
    connect(&m_chat->channelList(), &chat::ChannelListModel::totalsChanged, m_tray.get(), showUnread);
    showUnread();
    connect(m_tray.get(), &TrayIcon::notificationClicked, m_controller.get(), &AppController::openChatMessage);
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

} // namespace convene
