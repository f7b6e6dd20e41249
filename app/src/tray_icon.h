#pragma once

#include <QObject>

#include <memory>

class QSystemTrayIcon;
class QWindow;

namespace convene {

class AppController;
class Settings;
class TrayMenu;
namespace chat {
class ChannelListModel;
}

// The icon in the system tray: the unread count in its tooltip and badge, desktop notifications
// as its messages, and a menu to open the window, toggle Do Not Disturb or quit. Does nothing
// where the desktop has no tray (then notifications are only counted in the window).
class TrayIcon : public QObject {
    Q_OBJECT

public:
    TrayIcon(AppController& app, Settings& settings, chat::ChannelListModel& channels, QWindow* window,
             QObject* parent = nullptr);
    ~TrayIcon() override;

    void showNotification(const QString& title, const QString& body, const QString& stream, qint64 pos,
                          qint64 threadRoot);

private:
    void updateUnread();
    void raiseWindow();

    AppController& m_app;
    chat::ChannelListModel& m_channels;
    QWindow* m_window;
    std::unique_ptr<TrayMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_tray;
    QString m_lastStream; // what a click on the last notification opens
    qint64 m_lastPos = 0;
    qint64 m_lastThread = 0;
};

} // namespace convene
