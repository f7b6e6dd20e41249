#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

#include <span>

namespace convene {

// How an organisation may set a key. Mandatory values win over the user's and lock the setting;
// recommended values only replace the built-in default, so the user can still change them.
enum class PolicyLevels {
    MandatoryOnly,
    MandatoryOrRecommended,
    None, // a user setting only; policy values for it are ignored
};

// One setting. settingSpecs() is the one list of settings an organisation can manage; each also
// exists as a user setting. The ADMX/ADML templates, the policy table in packaging/README.md and
// the MSI's public properties are all derived from (and tested against) that list.
struct SettingSpec {
    const char* key;
    QMetaType::Type type;
    QVariant defaultValue;
    const char* title; // short English name, e.g. the Group Policy entry
    const char* titleZhCN; // the same in Simplified Chinese
    const char* description; // English, for administrators' documentation
    const char* descriptionZhCN;
    PolicyLevels levels = PolicyLevels::MandatoryOrRecommended;
    const char* msiProperty = nullptr; // public MSI property that writes it as mandatory policy
    const char* lockedWhen = nullptr; // a boolean policy key that also locks this setting
    // A list policy key that, when set (mandatory), names the only values this setting may take.
    const char* allowedIn = nullptr;
    // The user's value lives at <key> in settings.ini (its own [group]) instead of under
    // [settings], where testers and the README have always put it.
    bool ownGroup = false;
    int minimum = 0; // for Int settings: values outside [minimum, maximum] are clamped on read
    int maximum = 0; // and refused by Settings::setValue
};

namespace SettingKey {
inline constexpr char Language[] = "language"; // "" follows the system, else e.g. "zh_CN"
inline constexpr char Theme[] = "theme"; // system | light | dark
inline constexpr char Backend[] = "backend"; // local | xmpp | ...
inline constexpr char AllowedBackends[] = "allowedBackends";
inline constexpr char ServerUrl[] = "serverUrl";
// Comma-separated SHA-256 fingerprints (hex, colons allowed) of server certificates to trust
// even when the system does not; "" trusts only what the system trusts.
inline constexpr char ServerCertificateSha256[] = "serverCertificateSha256";
inline constexpr char LockServer[] = "lockServer"; // locks serverUrl, serverCertificateSha256 and backend
inline constexpr char Workspace[] = "workspace"; // local backend's workspace file
inline constexpr char DisplayName[] = "displayName";
inline constexpr char Autostart[] = "autostart";
inline constexpr char Proxy[] = "proxy";
inline constexpr char DoNotDisturb[] = "doNotDisturb";
// Calls: comma-separated "stun:host[:port]" and "turn:user:password@host[:port][?transport=tcp]"
inline constexpr char StunServers[] = "stunServers";
inline constexpr char TurnServers[] = "turnServers";
// Not policies (see userOnlySettingSpecs()):
inline constexpr char CallEncoderSpeed[] = "call/encoderSpeed"; // libvpx cpu-used, 4-16
inline constexpr char CallEncoderThreads[] = "call/encoderThreads"; // libvpx threads, 1-4
inline constexpr char CallVideoHeight[] = "call/videoHeight"; // sent video: 360, 540 or 720 lines
inline constexpr char SyntheticMedia[] = "testing/syntheticMedia"; // calls without system devices
inline constexpr char MediaLoopbackOnly[] = "testing/mediaLoopbackOnly"; // call media only over 127.0.0.1
inline constexpr char BlobCacheMegabytes[] = "chat/blobCacheMegabytes"; // downloaded files kept, 16-65536 MB
} // namespace SettingKey

// Recommended policy values live in this group (INI section [Recommended], registry subkey
// ...\Convene\Convene\Recommended); everything else in the policy is mandatory.
inline constexpr char kRecommendedPolicyGroup[] = "Recommended";

std::span<const SettingSpec> settingSpecs();
// Settings only the user (or a tester) sets; no policy template lists them.
std::span<const SettingSpec> userOnlySettingSpecs();
// Searches both lists.
const SettingSpec* findSettingSpec(QStringView key);

} // namespace convene
