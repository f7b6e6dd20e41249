#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <span>

namespace convene {

// The one list of settings an organisation can manage. Each also exists as a user setting;
// a policy value overrides it and locks it. Packaging templates are generated from this list.
struct SettingSpec {
    const char* key;
    QMetaType::Type type;
    QVariant defaultValue;
    const char* description; // English, for administrators' documentation
};

namespace SettingKey {
inline constexpr char Language[] = "language";       // "" follows the system, else e.g. "zh_CN"
inline constexpr char Theme[] = "theme";             // system | light | dark
inline constexpr char Backend[] = "backend";         // local | xmpp | ...
inline constexpr char AllowedBackends[] = "allowedBackends";
inline constexpr char ServerUrl[] = "serverUrl";
inline constexpr char Workspace[] = "workspace";     // local backend's workspace file
inline constexpr char DisplayName[] = "displayName";
inline constexpr char DisableAutoUpdate[] = "disableAutoUpdate";
inline constexpr char Autostart[] = "autostart";
inline constexpr char Proxy[] = "proxy";
inline constexpr char DoNotDisturb[] = "doNotDisturb";
} // namespace SettingKey

std::span<const SettingSpec> settingSpecs();
const SettingSpec* findSettingSpec(QStringView key);

} // namespace convene
