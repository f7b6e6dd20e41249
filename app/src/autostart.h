#pragma once

#include <convene/core/result.h>

#include <QObject>
#include <QString>

namespace convene {

class Settings;

// Makes the OS start Convene when the user signs in, as the `autostart` setting (user or
// policy) says: an XDG autostart entry on Linux, the per-user Run value on Windows, a
// LaunchAgent on macOS. The entry is written or removed only when it differs from what the
// setting asks for, and again whenever the setting changes.
class Autostart : public QObject {
    Q_OBJECT

public:
    // `location`: the autostart folder (Linux, macOS) or the Run registry key (Windows), which
    // stays the real user's even with --profile; tests pass their own. `program`: what to start.
    Autostart(Settings& settings, QString location, QString program, QObject* parent = nullptr);

    static QString defaultLocation();

    // Brings the OS's entry in line with the setting.
    Result<void> update();

private:
    Result<void> apply(bool enabled);

    Settings& m_settings;
    QString m_location;
    QString m_program;
};

} // namespace convene
