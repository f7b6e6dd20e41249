#include "system_tray_probe.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dbus/dbus.h>
#include <xcb/xcb.h>

#include <cstdlib>
#include <memory>
#endif

namespace convene {

#if defined(Q_OS_LINUX)
namespace {

// The session bus's address, without starting a bus where none runs (libdbus would autolaunch).
QByteArray sessionBusAddress()
{
    if (QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS"); !address.isEmpty())
        return address;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString socket = QDir(runtimeDir).filePath(QStringLiteral("bus"));
    if (runtimeDir.isEmpty() || !QFileInfo(socket).exists())
        return {};
    return "unix:path=" + QFile::encodeName(socket);
}

bool statusNotifierHostRegistered()
{
    const QByteArray address = sessionBusAddress();
    if (address.isEmpty())
        return false;
    DBusError error;
    dbus_error_init(&error);
    const auto close = [](DBusConnection* connection) {
        dbus_connection_close(connection);
        dbus_connection_unref(connection);
    };
    std::unique_ptr<DBusConnection, decltype(close)> bus(dbus_connection_open_private(address.constData(), &error),
                                                         close);
    bool registered = false;
    if (bus && dbus_bus_register(bus.get(), &error)) {
        DBusMessage* call = dbus_message_new_method_call("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                                         "org.freedesktop.DBus.Properties", "Get");
        const char* interface = "org.kde.StatusNotifierWatcher";
        const char* property = "IsStatusNotifierHostRegistered";
        dbus_message_append_args(call, DBUS_TYPE_STRING, &interface, DBUS_TYPE_STRING, &property, DBUS_TYPE_INVALID);
        // Short: a watcher that does not answer at once is as good as none.
        DBusMessage* reply = dbus_connection_send_with_reply_and_block(bus.get(), call, 500, &error);
        dbus_message_unref(call);
        if (reply) {
            DBusMessageIter iter;
            DBusMessageIter variant;
            if (dbus_message_iter_init(reply, &iter) && dbus_message_iter_get_arg_type(&iter) == DBUS_TYPE_VARIANT) {
                dbus_message_iter_recurse(&iter, &variant);
                if (dbus_message_iter_get_arg_type(&variant) == DBUS_TYPE_BOOLEAN) {
                    dbus_bool_t value = false;
                    dbus_message_iter_get_basic(&variant, &value);
                    registered = value;
                }
            }
            dbus_message_unref(reply);
        }
    }
    dbus_error_free(&error);
    return registered;
}

bool xembedTrayOwned()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        return false;
    int screen = 0;
    const auto disconnect = [](xcb_connection_t* connection) { xcb_disconnect(connection); };
    std::unique_ptr<xcb_connection_t, decltype(disconnect)> x(xcb_connect(nullptr, &screen), disconnect);
    if (xcb_connection_has_error(x.get()))
        return false;
    const QByteArray name = "_NET_SYSTEM_TRAY_S" + QByteArray::number(screen);
    xcb_intern_atom_reply_t* atom =
        xcb_intern_atom_reply(x.get(), xcb_intern_atom(x.get(), 1, uint16_t(name.size()), name.constData()), nullptr);
    if (!atom)
        return false;
    const xcb_atom_t selection = atom->atom;
    std::free(atom);
    if (selection == XCB_ATOM_NONE) // no tray ever claimed it
        return false;
    xcb_get_selection_owner_reply_t* owner =
        xcb_get_selection_owner_reply(x.get(), xcb_get_selection_owner(x.get(), selection), nullptr);
    const bool owned = owner && owner->owner != XCB_NONE;
    std::free(owner);
    return owned;
}

// Platforms without a desktop (offscreen, minimal, vnc, eglfs) have no tray.
bool desktopPlatform()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    return platform.isEmpty() || platform.startsWith("xcb") || platform.startsWith("wayland");
}

} // namespace
#endif

bool desktopHasSystemTray()
{
#if defined(Q_OS_LINUX)
    return desktopPlatform() && (statusNotifierHostRegistered() || xembedTrayOwned());
#else
    return true;
#endif
}

} // namespace convene
