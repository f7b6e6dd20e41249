#pragma once

#include "app_options.h"

#include <convene/core/policy_source.h>
#include <convene/core/result.h>

#include <QObject>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace convene {

class AppController;
class AppLinkHandler;
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
} // namespace chat
class TrayIcon;
class Translations;
class WindowGeometry;

// The composition root: builds every long-lived object of one app instance and wires them.
// main() and the full-app scenario tests both construct exactly this.
class AppRoot : public QObject {
    Q_OBJECT

public:
    AppRoot(AppOptions options, std::unique_ptr<PolicySource> policy, QObject* parent = nullptr);
    ~AppRoot() override;

    Result<void> start();
    void shutdown();

    QQuickWindow* window() const;
    QQmlApplicationEngine& engine() const { return *m_engine; }
    AppController& controller() const { return *m_controller; }
    Settings& settings() const { return *m_settings; }
    sync::SyncService& sync() const { return *m_sync; }
    chat::ChatController& chat() const { return *m_chat; }
    chat::NotificationCenter& notifications() const { return *m_notifications; }
    call::CallController& calls() const { return *m_calls; }
    const AppOptions& options() const { return m_options; }

private:
    QString workspaceName() const;
    void dropOverridesOfLockedSettings();
    std::unique_ptr<sync::SyncService> createSync();
    QString profileUserId(const QString& cachePath);
    void startNotifications(QQuickWindow* main);
    std::unique_ptr<call::CallController> createCalls();

    AppOptions m_options;
    QString m_userId;
    std::unique_ptr<PolicySource> m_policy;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<sync::SyncService> m_sync;
    std::unique_ptr<chat::ChatController> m_chat;
    std::unique_ptr<call::CallController> m_calls;
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
