#include "convene/core/policy_source.h"

#include "convene/core/logging.h"

#include <QFileInfo>

namespace convene {

QSettingsPolicySource::QSettingsPolicySource(QString location, QSettings::Format format)
    : m_location(std::move(location))
{
    if (format != QSettings::NativeFormat && !QFileInfo::exists(m_location))
        return;
    QSettings settings(m_location, format);
    if (settings.status() != QSettings::NoError) {
        qCWarning(lcSettings) << "ignoring unreadable policy" << m_location;
        return;
    }
    for (const QString& key : settings.allKeys())
        m_values.insert(key, settings.value(key));
    if (!m_values.isEmpty())
        qCInfo(lcSettings) << "managed policy from" << m_location << "sets" << m_values.keys();
}

std::unique_ptr<PolicySource> platformPolicySource()
{
#if defined(Q_OS_WIN)
    return std::make_unique<QSettingsPolicySource>(
        QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Convene\\Convene"), QSettings::NativeFormat);
#elif defined(Q_OS_MACOS)
    return std::make_unique<QSettingsPolicySource>(
        QStringLiteral("/Library/Managed Preferences/com.convene.desktop.plist"), QSettings::NativeFormat);
#else
    return std::make_unique<QSettingsPolicySource>(QStringLiteral("/etc/xdg/Convene/policy.conf"),
                                                   QSettings::IniFormat);
#endif
}

} // namespace convene
