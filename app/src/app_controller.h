#pragma once

#include <convene/call/call_controller.h>
#include <convene/calendar/calendar_controller.h>
#include <convene/chat/chat_controller.h>
#include <convene/docs/docs_controller.h>
#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace convene {

// The shell's state for QML: current view, effective theme, account summary, versions and
// access to settings. Features get their own controllers; this one knows only the shell.
class AppController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")

    Q_PROPERTY(QString currentView READ currentView WRITE setCurrentView NOTIFY currentViewChanged)
    Q_PROPERTY(bool darkMode READ darkMode NOTIFY darkModeChanged)
    Q_PROPERTY(QString workspaceName READ workspaceName NOTIFY workspaceNameChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userNameChanged)
    Q_PROPERTY(QString accountAddress READ accountAddress NOTIFY workspaceChanged)
    Q_PROPERTY(bool canSignIn READ canSignIn NOTIFY workspaceChanged)
    Q_PROPERTY(convene::sync::SyncService* sync READ sync NOTIFY workspaceChanged)
    Q_PROPERTY(convene::chat::ChatController* chat READ chat NOTIFY workspaceChanged)
    Q_PROPERTY(convene::call::CallController* calls READ calls NOTIFY workspaceChanged)
    Q_PROPERTY(convene::calendar::CalendarController* calendar READ calendar NOTIFY workspaceChanged)
    Q_PROPERTY(convene::docs::DocsController* docs READ docs NOTIFY workspaceChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    // What this run's command line chose (--theme, --lang) until a choice is made in the app;
    // empty when the settings are in effect.
    Q_PROPERTY(QString themeFromCommandLine READ themeFromCommandLine NOTIFY commandLineOverridesChanged)
    Q_PROPERTY(QString languageFromCommandLine READ languageFromCommandLine NOTIFY commandLineOverridesChanged)
    Q_PROPERTY(QVariantList versions READ versions CONSTANT)
    Q_PROPERTY(QStringList views READ views CONSTANT)
    Q_PROPERTY(QStringList backends READ backends CONSTANT)
    Q_PROPERTY(QString proxyProblem READ proxyProblem NOTIFY proxyProblemChanged)
    Q_PROPERTY(convene::Settings* settings READ settings CONSTANT)

public:
    struct Startup {
        QString view;
        QString themeOverride;
        QString languageOverride;
        QString language; // in use
        QString workspaceName;
        QStringList installedBackends;
        std::function<QString()> callEngineComponents; // loads the call engine: asked for by About only
    };

    AppController(Settings& settings, const Startup& startup, QObject* parent = nullptr);

    QString currentView() const { return m_currentView; }
    void setCurrentView(const QString& view);
    bool darkMode() const { return m_darkMode; }
    QString workspaceName() const;
    QString userName() const;
    QString language() const { return m_language; }
    // Called once the translations of `language` are in use.
    void setLanguage(const QString& language);
    QString themeFromCommandLine() const { return m_themeOverride; }
    QString languageFromCommandLine() const { return m_languageOverride; }
    // A choice made in Settings: saved, in effect at once, and it replaces the command line's.
    // Return an empty string on success, else the reason.
    Q_INVOKABLE QString chooseTheme(const QString& theme);
    Q_INVOKABLE QString chooseLanguage(const QString& language);
    QVariantList versions() const;
    QStringList views() const;
    // The installed backends the organisation allows.
    QStringList backends() const;
    // Why the proxy setting cannot be used (the system's proxy is used instead); empty when it can.
    QString proxyProblem() const { return m_proxyProblem; }
    Settings* settings() const { return &m_settings; }
    sync::SyncService* sync() const { return m_sync; }
    chat::ChatController* chat() const { return m_chat; }
    call::CallController* calls() const { return m_calls; }
    calendar::CalendarController* calendar() const { return m_calendar; }
    docs::DocsController* docs() const { return m_docs; }
    // The open workspace's services (all null while none is open) and the network account it
    // is signed in with (empty for the local workspace).
    struct Workspace {
        sync::SyncService* sync = nullptr;
        chat::ChatController* chat = nullptr;
        call::CallController* calls = nullptr;
        calendar::CalendarController* calendar = nullptr;
        docs::DocsController* docs = nullptr;
        QString accountAddress;
        bool canSignIn = false; // the organisation lets this profile choose a server
    };
    void setWorkspace(const Workspace& workspace);
    QString accountAddress() const { return m_accountAddress; }
    bool canSignIn() const { return m_canSignIn; }
    // Leave this workspace for the sign-in screen; signing out also forgets the saved password.
    Q_INVOKABLE void signInToServer() { emit signInRequested(); }
    Q_INVOKABLE void signOut() { emit signOutRequested(); }
    // Connects the open workspace at once instead of after the current backoff.
    Q_INVOKABLE void reconnectNow();
    // Shows a message in its conversation (and thread), e.g. from a link or a notification.
    // A message by its position in this device's cache (notifications, search).
    Q_INVOKABLE void openChatMessage(const QString& stream, qint64 pos, qint64 threadRoot = 0);
    // A message by its server id (links).
    void openChatLink(const QString& stream, const QString& messageId);
    // A document by its link (convene://docs/<id>), in the docs view.
    Q_INVOKABLE void openDocLink(const QUrl& link);

signals:
    void currentViewChanged();
    void darkModeChanged();
    void userNameChanged();
    void workspaceNameChanged();
    void languageChanged();
    void commandLineOverridesChanged();
    // The translations of another language are wanted (empty: the system's).
    void languageRequested(const QString& language);
    void proxyProblemChanged();
    void workspaceChanged();
    void signInRequested();
    void signOutRequested();

private:
    void onSettingChanged(const QString& key);
    void updateDarkMode();
    void applyProxy();
    bool systemPrefersDark() const;

    Settings& m_settings;
    sync::SyncService* m_sync = nullptr;
    chat::ChatController* m_chat = nullptr;
    call::CallController* m_calls = nullptr;
    calendar::CalendarController* m_calendar = nullptr;
    docs::DocsController* m_docs = nullptr;
    QString m_currentView;
    QString m_themeOverride;
    QString m_languageOverride;
    QString m_language;
    QString m_workspaceName;
    QStringList m_installedBackends;
    std::function<QString()> m_callEngineComponents;
    QString m_proxyProblem;
    QString m_accountAddress;
    bool m_canSignIn = false;
    bool m_darkMode = false;
};

} // namespace convene
