#pragma once

#include "account/account.h"
#include "app_options.h"
#include "tray_icon.h"

#include <convene/call/call_engine_library.h>
#include <convene/core/allowed_backends.h>
#include <convene/core/policy_source.h>
#include <convene/core/result.h>
#include <convene/sync/backend_registry.h>
#include <convene/sync/cache_check.h>

#include <QObject>
#include <QVariantMap>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace convene {

class CalendarSetup;
namespace docs {
class DocsController;
}

class AppController;
class AppLinkHandler;
class Autostart;
class CacheRecovery;
class CredentialStore;
class FirstRun;
class SignInController;
class Settings;
namespace sync {
class SyncService;
}
namespace call {
class CallController;
}
namespace chat {
class ChatController;
class NotificationCenter;
class ProfilePublisher;
} // namespace chat
class Translations;
class UnsavedChanges;
class WindowGeometry;

// The composition root: builds every long-lived object of one app instance and wires them.
// main() and the full-app scenario tests both construct exactly this. A workspace (sync, chat,
// calls and the main window) opens at once for the local backend; a network account opens it
// after the sign-in screen, or at once with the password saved in the keychain.
class AppRoot : public QObject {
    Q_OBJECT

public:
    // `trays`: the tray icon's maker (main() passes the tray library's; tests have none).
    AppRoot(AppOptions options, std::unique_ptr<PolicySource> policy, TrayFactory trays = {},
            QObject* parent = nullptr);
    ~AppRoot() override;

    Result<void> start();
    void shutdown();

    // The main window, or the sign-in window or the first run's (which asks for a name) while no
    // workspace is open, or the window that says the cache is damaged.
    QQuickWindow* window() const;
    SignInController* signIn() const { return m_signIn.get(); }
    QQmlApplicationEngine& engine() const { return *m_engine; }
    AppController& controller() const { return *m_controller; }
    Settings& settings() const { return *m_settings; }
    sync::SyncService& sync() const { return *m_sync; }
    chat::ChatController& chat() const { return *m_chat; }
    chat::NotificationCenter& notifications() const { return *m_notifications; }
    call::CallController& calls() const { return *m_calls; }
    CalendarSetup* calendar() const { return m_calendar.get(); } // null while no workspace is open
    const AppOptions& options() const { return m_options; }

private:
    QString workspaceName() const;
    void dropOverridesOfLockedSettings();
    // Puts another language's translations in use everywhere at once (empty: the system's).
    void switchLanguage(const QString& language);
    // The backend this run asks for (command line, else setting) as the policy lets it start.
    BackendChoice backendChoice() const;
    // The network backend the sign-in screen uses; empty when the policy allows none.
    QString networkBackend() const;
    Account configuredAccount() const;
    QStringList trustedFingerprints() const;
    Result<void> openWorkspace(const Account& account, const QString& password);
    // Starts the workspace openWorkspace prepared, submitting first what a damaged cache had
    // not sent yet.
    Result<void> startWorkspace(const QList<sync::Mutation>& carriedOver);
    Result<void> showCacheProblem(const sync::CacheCheck& check);
    void rebuildCache();
    void closeCacheProblem();
    void closeWorkspace();
    Result<void> showSignIn(const Account& account, const QString& notice);
    void closeSignIn();
    // Asks a profile without a name for one; `account` opens once it has one.
    Result<void> showFirstRun(const Account& account);
    void closeFirstRun();
    void switchToSignIn();
    void onSignedIn(const QString& server, const QString& address, const QString& password);
    void useLocalWorkspace();
    void signOut();
    Result<void> loadWindow(QQmlApplicationEngine& engine, const QString& file, const QVariantMap& properties);
    std::unique_ptr<sync::SyncService> createSync(const Account& account, const QString& password);
    QString profileUserId(const QString& cachePath);
    void startNotifications(QQuickWindow* main);
    std::unique_ptr<call::CallController> createCalls();

    AppOptions m_options;
    Account m_account;
    QString m_userId;
    QString m_backendNotice; // why this run does not use the backend asked for; shown once
    sync::BackendRegistry m_backends;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<QQmlApplicationEngine> m_signInEngine;
    std::unique_ptr<FirstRun> m_firstRun;
    std::unique_ptr<QQmlApplicationEngine> m_firstRunEngine;
    std::unique_ptr<CacheRecovery> m_recovery;
    std::unique_ptr<QQmlApplicationEngine> m_cacheProblemEngine;
    std::unique_ptr<UnsavedChanges> m_unsaved;
    std::unique_ptr<chat::ProfilePublisher> m_profile;
    std::unique_ptr<PolicySource> m_policy;
    std::unique_ptr<Settings> m_settings;
    call::CallEngineLibrary m_callEngine;
    TrayFactory m_trays;
    std::unique_ptr<Autostart> m_autostart;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<sync::SyncService> m_sync;
    std::unique_ptr<chat::ChatController> m_chat;
    std::unique_ptr<call::CallController> m_calls;
    std::unique_ptr<CalendarSetup> m_calendar;
    std::unique_ptr<docs::DocsController> m_docs;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<chat::NotificationCenter> m_notifications;
    std::unique_ptr<AppController> m_controller;
    std::unique_ptr<WindowGeometry> m_geometry;
    std::unique_ptr<AppLinkHandler> m_linkHandler;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

// Where a run keeps its data when no --profile is given.
QString defaultProfileDir();

} // namespace convene
