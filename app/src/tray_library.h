#pragma once

#include <convene/tray/system_tray_port.h>

#include <QLibrary>
#include <QStringList>

#include <memory>

class QGuiApplication;

namespace convene {

// The tray library (app/tray): the QApplication and the tray icon with its menu. Loaded only
// where the desktop has a tray, so that elsewhere the app runs without Qt Widgets.
class TrayLibrary {
public:
    // `candidates`: the library's possible file paths, tried in order.
    explicit TrayLibrary(QStringList candidates);

    // The application object: the library's QApplication where `desktopHasTray` and the library
    // loads; otherwise (and then there is no tray icon) a QGuiApplication.
    std::unique_ptr<QGuiApplication> createApplication(int& argc, char** argv, bool desktopHasTray);
    // The tray icon; null where the library is not loaded or the desktop has no tray after all.
    std::unique_ptr<SystemTrayPort> createIcon(SystemTrayEvents& events) const;

private:
    QStringList m_candidates;
    QLibrary m_library;
    CreateSystemTray m_createIcon = nullptr;
};

} // namespace convene
