#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace convene {

class Settings;

// The tray icon's menu: open the window, Do Not Disturb, quit. Its texts follow the language in
// use, also when it changes while the app runs. Needs a QApplication (widgets).
class TrayMenu : public QObject {
public:
    TrayMenu(Settings& settings, std::function<void()> openWindow, QObject* parent = nullptr);
    ~TrayMenu() override;

    QMenu* menu() const { return m_menu.get(); }

private:
    void retranslate();

    Settings& m_settings;
    std::unique_ptr<QMenu> m_menu;
    QAction* m_open = nullptr;
    QAction* m_doNotDisturb = nullptr;
    QAction* m_quit = nullptr;
};

} // namespace convene
