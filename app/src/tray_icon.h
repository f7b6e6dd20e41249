#pragma once

#include <convene/tray/system_tray_port.h>

#include <QObject>

#include <functional>
#include <memory>

class QWindow;

namespace convene {

class Settings;

// Makes the tray icon where there is one (the app's tray library, or a test's); null otherwise.
using TrayFactory = std::function<std::unique_ptr<SystemTrayPort>(SystemTrayEvents&)>;

// The icon in the system tray: the unread count in its tooltip and badge, desktop notifications
// as its messages, and a menu to open the window, toggle Do Not Disturb or quit. Does nothing
// where the desktop has no tray (then notifications only flash the window's taskbar entry).
class TrayIcon : public QObject, private SystemTrayEvents {
    Q_OBJECT

public:
    TrayIcon(Settings& settings, QWindow* window, const TrayFactory& factory, QObject* parent = nullptr);
    ~TrayIcon() override;

    bool isShown() const { return m_tray != nullptr; }
    void setUnread(int count);
    void showNotification(const QString& title, const QString& body, const QString& stream, qint64 pos,
                          qint64 threadRoot);

signals:
    // The last notification was clicked; it was about this message (an empty stream: about no
    // conversation, e.g. an incoming call). The window is raised either way.
    void notificationClicked(const QString& stream, qint64 pos, qint64 threadRoot);

private:
    void trayIconClicked() override;
    void trayMessageClicked() override;
    void trayOpenChosen() override;
    void trayDoNotDisturbChosen(bool on) override;
    void trayQuitChosen() override;

    void showToolTip();
    void retranslate();
    void raiseWindow();

    Settings& m_settings;
    QWindow* m_window;
    std::unique_ptr<SystemTrayPort> m_tray;
    int m_unread = 0;
    QString m_lastStream; // what a click on the last notification opens
    qint64 m_lastPos = 0;
    qint64 m_lastThread = 0;
};

} // namespace convene
