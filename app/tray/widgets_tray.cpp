// The tray library's entry points (convene/tray/system_tray_port.h), on Qt Widgets.
#include <convene/tray/system_tray_port.h>

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

#include <memory>

namespace convene {

namespace {

class WidgetsTray final : public SystemTrayPort {
public:
    explicit WidgetsTray(SystemTrayEvents& events) : m_events(events)
    {
        m_open = m_menu.addAction(QString());
        m_doNotDisturb = m_menu.addAction(QString());
        m_doNotDisturb->setCheckable(true);
        m_menu.addSeparator();
        m_quit = m_menu.addAction(QString());
        // triggered, not toggled: setDoNotDisturb() must not echo back as the person's choice.
        QObject::connect(m_open, &QAction::triggered, [this] { m_events.trayOpenChosen(); });
        QObject::connect(m_doNotDisturb, &QAction::triggered, [this](bool on) { m_events.trayDoNotDisturbChosen(on); });
        QObject::connect(m_quit, &QAction::triggered, [this] { m_events.trayQuitChosen(); });
        QObject::connect(&m_icon, &QSystemTrayIcon::activated, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                m_events.trayIconClicked();
        });
        QObject::connect(&m_icon, &QSystemTrayIcon::messageClicked, [this] { m_events.trayMessageClicked(); });
        m_icon.setContextMenu(&m_menu);
    }

    void setIcon(const QIcon& icon) override
    {
        m_icon.setIcon(icon);
        m_icon.show(); // once it has an icon: an empty one would flash in the tray
    }
    void setToolTip(const QString& text) override { m_icon.setToolTip(text); }
    void setMenuTexts(const SystemTrayMenuTexts& texts) override
    {
        m_open->setText(texts.open);
        m_doNotDisturb->setText(texts.doNotDisturb);
        m_quit->setText(texts.quit);
    }
    void setDoNotDisturb(bool on) override { m_doNotDisturb->setChecked(on); }
    void showMessage(const QString& title, const QString& body, const QIcon& icon, int milliseconds) override
    {
        m_icon.showMessage(title, body, icon, milliseconds);
    }

private:
    SystemTrayEvents& m_events;
    QMenu m_menu; // before the icon, which refers to it until it is gone
    QSystemTrayIcon m_icon;
    QAction* m_open = nullptr;
    QAction* m_doNotDisturb = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace

} // namespace convene

extern "C" Q_DECL_EXPORT QGuiApplication* convene_tray_create_application(int& argc, char** argv)
{
    return new QApplication(argc, argv);
}

extern "C" Q_DECL_EXPORT convene::SystemTrayPort* convene_tray_create_icon(convene::SystemTrayEvents& events)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return nullptr;
    return new convene::WidgetsTray(events);
}

// The app calls these through the boundary's types: keep the two in step.
static_assert(std::is_same_v<decltype(&convene_tray_create_application), convene::CreateTrayApplication>);
static_assert(std::is_same_v<decltype(&convene_tray_create_icon), convene::CreateSystemTray>);
