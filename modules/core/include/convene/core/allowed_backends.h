#pragma once

#include <QString>
#include <QStringList>

namespace convene {

class Settings;

// The allowedBackends policy applied to the backends this build has (`installed`).

// Those the policy allows, in its order; all installed ones, sorted, when it names none.
QStringList allowedBackends(const Settings& settings, const QStringList& installed);

// Whether the policy lets this profile start `backend` (installed or not).
bool isBackendAllowed(const Settings& settings, const QString& backend);

struct BackendChoice {
    QString backend; // the one to start; empty when the policy allows none that is installed
    QString notice; // for the user when `wanted` was refused; empty otherwise
};

// The backend to start when `wanted` is asked for: it, if allowed, else the first allowed one.
BackendChoice chooseBackend(const Settings& settings, const QString& wanted, const QStringList& installed);

} // namespace convene
