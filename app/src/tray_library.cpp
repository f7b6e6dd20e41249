#include "tray_library.h"

#include <convene/core/loadable_library.h>

#include <QGuiApplication>

namespace convene {

TrayLibrary::TrayLibrary(QStringList candidates) : m_candidates(std::move(candidates)) { }

std::unique_ptr<QGuiApplication> TrayLibrary::createApplication(int& argc, char** argv, bool desktopHasTray)
{
    if (desktopHasTray) {
        const Result<void> loaded =
            loadFirstLibrary(m_library, m_candidates, {kCreateTrayApplicationSymbol, kCreateSystemTraySymbol});
        if (loaded) {
            m_createIcon = reinterpret_cast<CreateSystemTray>(m_library.resolve(kCreateSystemTraySymbol));
            auto create = reinterpret_cast<CreateTrayApplication>(m_library.resolve(kCreateTrayApplicationSymbol));
            return std::unique_ptr<QGuiApplication>(create(argc, argv));
        }
        // The window works without it; only the tray icon is missing.
        qWarning("Tray: %s", qPrintable(loaded.error().message));
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

std::unique_ptr<SystemTrayPort> TrayLibrary::createIcon(SystemTrayEvents& events) const
{
    return std::unique_ptr<SystemTrayPort>(m_createIcon ? m_createIcon(events) : nullptr);
}

} // namespace convene
