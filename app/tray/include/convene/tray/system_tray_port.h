#pragma once

// The boundary between the app and its tray library (app/tray), which holds everything that
// needs Qt Widgets: the QApplication and the tray icon with its menu. The app loads it only where
// the desktop has a tray, so elsewhere Qt Widgets is never loaded. Only this header's types cross
// it: no QObject, no code.

#include <QIcon>
#include <QString>

class QGuiApplication;

namespace convene {

// What the person does with the tray icon; the app implements it.
class SystemTrayEvents {
public:
    virtual void trayIconClicked() = 0;
    virtual void trayMessageClicked() = 0;
    virtual void trayOpenChosen() = 0;
    virtual void trayDoNotDisturbChosen(bool on) = 0;
    virtual void trayQuitChosen() = 0;

protected:
    ~SystemTrayEvents() = default;
};

struct SystemTrayMenuTexts {
    QString open;
    QString doNotDisturb;
    QString quit;
};

// One icon in the desktop's tray, with its menu: Open, Do not disturb (checkable), Quit.
class SystemTrayPort {
public:
    virtual ~SystemTrayPort() = default;

    virtual void setIcon(const QIcon& icon) = 0;
    virtual void setToolTip(const QString& text) = 0;
    virtual void setMenuTexts(const SystemTrayMenuTexts& texts) = 0;
    virtual void setDoNotDisturb(bool on) = 0;
    virtual void showMessage(const QString& title, const QString& body, const QIcon& icon, int milliseconds) = 0;
};

// The library's entry points. The application object is made first, by the library, because the
// tray needs a QApplication; the tray is null where the desktop turns out to have none.
using CreateTrayApplication = QGuiApplication* (*)(int& argc, char** argv);
inline constexpr char kCreateTrayApplicationSymbol[] = "convene_tray_create_application";
using CreateSystemTray = SystemTrayPort* (*)(SystemTrayEvents& events);
inline constexpr char kCreateSystemTraySymbol[] = "convene_tray_create_icon";

} // namespace convene
