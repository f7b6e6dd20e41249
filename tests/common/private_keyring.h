#pragma once
// A session bus with an unlocked GNOME Keyring (the Secret Service most Linux desktops run) of
// the test's own, so keychain code runs for real.

namespace convene::test {

// Starts them once per test process and points this process at them (DBUS_SESSION_BUS_ADDRESS,
// XDG_*). They stop after the process exits, not before: a GDBus client ends its process
// with SIGTERM when its session bus goes away. False when dbus-daemon or gnome-keyring-daemon
// is missing (tools/install-deps.sh installs both) or did not start.
bool usePrivateKeyring();

} // namespace convene::test
