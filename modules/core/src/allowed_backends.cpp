#include "convene/core/allowed_backends.h"

#include "convene/core/setting_keys.h"
#include "convene/core/settings.h"

#include <QCoreApplication>

namespace convene {

namespace {
QStringList policyList(const Settings& settings)
{
    return settings.allowedValues(QString::fromLatin1(SettingKey::Backend));
}
} // namespace

QStringList allowedBackends(const Settings& settings, const QStringList& installed)
{
    const QStringList policy = policyList(settings);
    if (policy.isEmpty()) {
        QStringList all = installed;
        all.sort();
        return all;
    }
    QStringList result;
    for (const QString& name : policy)
        if (installed.contains(name) && !result.contains(name))
            result << name;
    return result;
}

bool isBackendAllowed(const Settings& settings, const QString& backend)
{
    const QStringList policy = policyList(settings);
    return policy.isEmpty() || policy.contains(backend);
}

BackendChoice chooseBackend(const Settings& settings, const QString& wanted, const QStringList& installed)
{
    if (isBackendAllowed(settings, wanted))
        return {wanted, {}};
    const QStringList allowed = allowedBackends(settings, installed);
    if (allowed.isEmpty())
        return {{},
                QCoreApplication::translate("BackendChoice",
                                            "Your organization allows only the backends %1, and none of them is "
                                            "installed.")
                    .arg(policyList(settings).join(QStringLiteral(", ")))};
    return {allowed.constFirst(),
            QCoreApplication::translate("BackendChoice",
                                        "Your organization does not allow the backend “%1”; Convene uses “%2” "
                                        "instead.")
                .arg(wanted, allowed.constFirst())};
}

} // namespace convene
