#include "convene/core/setting_keys.h"

#include <QStringList>

namespace convene {

std::span<const SettingSpec> settingSpecs()
{
    static const SettingSpec specs[] = {
        {SettingKey::Language, QMetaType::QString, QString(),
         "User interface language, e.g. en or zh_CN; empty follows the system."},
        {SettingKey::Theme, QMetaType::QString, QStringLiteral("system"),
         "Colour theme: system, light or dark."},
        {SettingKey::Backend, QMetaType::QString, QStringLiteral("local"),
         "Backend to connect to: local (embedded workspace) or a network backend such as xmpp."},
        {SettingKey::AllowedBackends, QMetaType::QStringList, QStringList(),
         "Comma-separated backends the user may choose from; empty allows all."},
        {SettingKey::ServerUrl, QMetaType::QString, QString(),
         "Server address for network backends."},
        {SettingKey::Workspace, QMetaType::QString, QString(),
         "Workspace file of the local backend; empty uses the profile's own."},
        {SettingKey::DisplayName, QMetaType::QString, QString(),
         "Name shown for the user on this device; empty uses the account name."},
        {SettingKey::DisableAutoUpdate, QMetaType::Bool, false,
         "Never check for or install updates; updates come from the organisation's packages."},
        {SettingKey::Autostart, QMetaType::Bool, false,
         "Start Convene when the user signs in."},
        {SettingKey::Proxy, QMetaType::QString, QString(),
         "Proxy URL for network backends, e.g. http://proxy:3128; empty uses the system proxy."},
        {SettingKey::DoNotDisturb, QMetaType::Bool, false,
         "Suppress desktop notifications."},
    };
    return specs;
}

const SettingSpec* findSettingSpec(QStringView key)
{
    for (const SettingSpec& spec : settingSpecs())
        if (key == QLatin1String(spec.key))
            return &spec;
    return nullptr;
}

} // namespace convene
