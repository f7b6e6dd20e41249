#include "tray_icon.h"

#include "app_controller.h"
#include "notification_text.h"
#include "tray_menu.h"

#include <convene/chat/channel_list_model.h>
#include <convene/core/language_change.h>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWindow>

namespace convene {

namespace {

// The app icon with a red dot when something is unread.
QIcon badgedIcon(bool unread)
{
    QIcon base = QGuiApplication::windowIcon();
    if (!unread)
        return base;
    QPixmap pixmap = base.pixmap(64, 64);
    if (pixmap.isNull())
        return base;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xD6, 0x45, 0x45));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(36, 0, 28, 28));
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(AppController& app, Settings& settings, chat::ChannelListModel& channels, QWindow* window,
                   QObject* parent)
    : QObject(parent), m_app(app), m_channels(channels), m_window(window)
{
    // Tests run on a plain QGuiApplication: no widgets, so no tray.
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()) || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_menu = std::make_unique<TrayMenu>(settings, [this] { raiseWindow(); });
    m_tray = std::make_unique<QSystemTrayIcon>();
    m_tray->setContextMenu(m_menu->menu());
    connect(m_tray.get(), &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            raiseWindow();
    });
    connect(m_tray.get(), &QSystemTrayIcon::messageClicked, this, [this] {
        // Messages without a conversation (an incoming call) only bring the window up.
        if (!m_lastStream.isEmpty())
            m_app.openChatMessage(m_lastStream, m_lastPos, m_lastThread);
        raiseWindow();
    });
    connect(&channels, &chat::ChannelListModel::totalsChanged, this, &TrayIcon::updateUnread);
    new LanguageChangeWatcher([this] { updateUnread(); }, this); // the tooltip
    updateUnread();
    m_tray->show();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::updateUnread()
{
    if (!m_tray)
        return;
    const int unread = m_channels.totalUnread();
    m_tray->setIcon(badgedIcon(unread > 0));
    m_tray->setToolTip(unread > 0 ? tr("Convene — %n unread", "", unread) : tr("Convene"));
}

void TrayIcon::showNotification(const QString& title, const QString& body, const QString& stream, qint64 pos,
                                qint64 threadRoot)
{
    m_lastStream = stream;
    m_lastPos = pos;
    m_lastThread = threadRoot;
    if (m_tray)
        m_tray->showMessage(title, notificationBody(body), QGuiApplication::windowIcon(), 8000);
    else if (m_window)
        m_window->alert(0); // no tray: at least flash the taskbar entry
}

void TrayIcon::raiseWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

} // namespace convene
