#include "tray_icon.h"

#include "notification_text.h"

#include <convene/core/language_change.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
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

QString doNotDisturbKey()
{
    return QString::fromLatin1(SettingKey::DoNotDisturb);
}

} // namespace

TrayIcon::TrayIcon(Settings& settings, QWindow* window, const TrayFactory& factory, QObject* parent)
    : QObject(parent), m_settings(settings), m_window(window)
{
    if (factory)
        m_tray = factory(*this);
    if (!m_tray)
        return;
    m_tray->setDoNotDisturb(settings.value(doNotDisturbKey()).toBool());
    connect(&settings, &Settings::changed, this, [this](const QString& key) {
        if (key == doNotDisturbKey())
            m_tray->setDoNotDisturb(m_settings.value(key).toBool());
    });
    new LanguageChangeWatcher([this] { retranslate(); }, this);
    retranslate();
    m_tray->setIcon(badgedIcon(false));
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::setUnread(int count)
{
    if (!m_tray || count == m_unread)
        return;
    const bool badgeChanges = (count > 0) != (m_unread > 0);
    m_unread = count;
    if (badgeChanges)
        m_tray->setIcon(badgedIcon(count > 0));
    showToolTip();
}

void TrayIcon::showToolTip()
{
    m_tray->setToolTip(m_unread > 0 ? tr("Convene — %n unread", "", m_unread) : tr("Convene"));
}

void TrayIcon::retranslate()
{
    showToolTip();
    m_tray->setMenuTexts({tr("Open Convene"), tr("Do not disturb"), tr("Quit")});
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

void TrayIcon::trayIconClicked()
{
    raiseWindow();
}

void TrayIcon::trayMessageClicked()
{
    if (!m_lastStream.isEmpty())
        emit notificationClicked(m_lastStream, m_lastPos, m_lastThread);
    raiseWindow();
}

void TrayIcon::trayOpenChosen()
{
    raiseWindow();
}

void TrayIcon::trayDoNotDisturbChosen(bool on)
{
    (void)m_settings.setFromUi(doNotDisturbKey(), on);
    // A locked setting stays as it is: the menu shows what holds.
    m_tray->setDoNotDisturb(m_settings.value(doNotDisturbKey()).toBool());
}

void TrayIcon::trayQuitChosen()
{
    QCoreApplication::quit();
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
