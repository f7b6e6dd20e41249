#include "tray_menu.h"

#include "tray_icon.h"

#include <convene/core/language_change.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QAction>
#include <QCoreApplication>
#include <QMenu>

namespace convene {

TrayMenu::TrayMenu(Settings& settings, std::function<void()> openWindow, QObject* parent)
    : QObject(parent), m_settings(settings), m_menu(std::make_unique<QMenu>())
{
    m_open = m_menu->addAction(QString(), this, std::move(openWindow));
    m_doNotDisturb = m_menu->addAction(QString());
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setChecked(settings.value(QString::fromLatin1(SettingKey::DoNotDisturb)).toBool());
    connect(m_doNotDisturb, &QAction::toggled, this,
            [this](bool on) { (void)m_settings.setFromUi(QString::fromLatin1(SettingKey::DoNotDisturb), on); });
    connect(&settings, &Settings::changed, m_doNotDisturb, [this](const QString& key) {
        if (key == QLatin1String(SettingKey::DoNotDisturb))
            m_doNotDisturb->setChecked(m_settings.value(key).toBool());
    });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString(), qApp, &QCoreApplication::quit);
    retranslate();
    new LanguageChangeWatcher([this] { retranslate(); }, this);
}

TrayMenu::~TrayMenu() = default;

void TrayMenu::retranslate()
{
    // The tray's own context, where the catalogues have these texts.
    m_open->setText(TrayIcon::tr("Open Convene"));
    m_doNotDisturb->setText(TrayIcon::tr("Do not disturb"));
    m_quit->setText(TrayIcon::tr("Quit"));
}

} // namespace convene
