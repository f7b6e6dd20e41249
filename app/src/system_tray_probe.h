#pragma once

namespace convene {

// Whether the desktop shows tray icons, asked before the application object exists (that choice
// decides whether the app loads Qt Widgets at all). Windows and macOS always have one. On Linux:
// a StatusNotifierItem host on the session bus (KDE, GNOME with the AppIndicator extension,
// Xfce...) or an XEmbed tray on the X display. A tray that appears later is not looked for, as
// Qt's QSystemTrayIcon does not either.
bool desktopHasSystemTray();

} // namespace convene
