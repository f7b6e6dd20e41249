#include "convene/core/setting_keys.h"

#include <QStringList>

namespace convene {

std::span<const SettingSpec> settingSpecs()
{
    using enum PolicyLevels;
    static const SettingSpec specs[] = {
        {.key = SettingKey::ServerUrl,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Server URL",
         .titleZhCN = "服务器地址",
         .description = "Server address for network backends, e.g. xmpp://chat.example.com.",
         .descriptionZhCN = "网络后端使用的服务器地址，例如 xmpp://chat.example.com。",
         .msiProperty = "SERVERURL",
         .lockedWhen = SettingKey::LockServer},
        {.key = SettingKey::ServerCertificateSha256,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Trusted server certificates",
         .titleZhCN = "受信任的服务器证书",
         .description = "Comma-separated SHA-256 fingerprints (hex, colons allowed) of server certificates to trust "
                        "even if the system does not, e.g. self-signed or from a private CA; empty trusts only "
                        "what the system trusts.",
         .descriptionZhCN =
             "以逗号分隔的服务器证书 SHA-256 指纹（十六进制，可含冒号）；即使系统不信任，也信任这些证书，"
             "例如自签名或由私有 CA 签发的证书。留空表示只信任系统信任的证书。",
         .levels = MandatoryOnly,
         .lockedWhen = SettingKey::LockServer},
        {.key = SettingKey::Backend,
         .type = QMetaType::QString,
         .defaultValue = QStringLiteral("local"),
         .title = "Backend",
         .titleZhCN = "后端",
         .description = "Backend to connect to: local (embedded workspace) or a network backend such as xmpp.",
         .descriptionZhCN = "要连接的后端：local（内置工作区）或网络后端，例如 xmpp。",
         .msiProperty = "BACKEND",
         .lockedWhen = SettingKey::LockServer,
         .allowedIn = SettingKey::AllowedBackends},
        {.key = SettingKey::AllowedBackends,
         .type = QMetaType::QStringList,
         .defaultValue = QStringList(),
         .title = "Allowed backends",
         .titleZhCN = "允许的后端",
         .description = "Comma-separated backends the user may choose from, e.g. local,xmpp; any other backend "
                        "(set by the user, by policy or on the command line) is not started, and the first of "
                        "these that is installed is used instead. Empty allows all.",
         .descriptionZhCN =
             "用户可以选择的后端，以逗号分隔，例如 local,xmpp；其他后端（无论由用户、策略还是命令行指定）"
             "都不会启动，而改用其中第一个已安装的后端。留空表示允许全部。",
         .levels = MandatoryOnly},
        {.key = SettingKey::LockServer,
         .type = QMetaType::Bool,
         .defaultValue = false,
         .title = "Lock server and backend",
         .titleZhCN = "锁定服务器和后端",
         .description = "When true, users cannot change the server URL, the backend or the trusted server "
                        "certificates, even where policy only recommends them; they keep the recommended or "
                        "built-in value.",
         .descriptionZhCN = "设为 true 时，用户无法更改服务器地址、后端和受信任的服务器证书，即使策略只给出了推荐值；"
                            "它们保持推荐值或内置默认值。",
         .levels = MandatoryOnly},
        {.key = SettingKey::Autostart,
         .type = QMetaType::Bool,
         .defaultValue = false,
         .title = "Start at sign-in",
         .titleZhCN = "登录时启动",
         .description = "Start Convene when the user signs in.",
         .descriptionZhCN = "用户登录时启动 Convene。",
         .msiProperty = "AUTOSTART"},
        {.key = SettingKey::Language,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Language",
         .titleZhCN = "语言",
         .description = "User interface language, en or zh_CN; empty follows the system.",
         .descriptionZhCN = "用户界面语言，en 或 zh_CN；留空表示跟随系统。"},
        {.key = SettingKey::Theme,
         .type = QMetaType::QString,
         .defaultValue = QStringLiteral("system"),
         .title = "Colour theme",
         .titleZhCN = "颜色主题",
         .description = "Colour theme: system, light or dark.",
         .descriptionZhCN = "颜色主题：system（跟随系统）、light（浅色）或 dark（深色）。"},
        {.key = SettingKey::Proxy,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Proxy",
         .titleZhCN = "代理服务器",
         .description = "Proxy URL for network backends, e.g. http://proxy:3128; empty uses the system proxy.",
         .descriptionZhCN = "网络后端使用的代理地址，例如 http://proxy:3128；留空表示使用系统代理。"},
        {.key = SettingKey::StunServers,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "STUN servers for calls",
         .titleZhCN = "通话使用的 STUN 服务器",
         .description = "Comma-separated STUN servers that tell calls this computer's public address, e.g. "
                        "stun:stun.example.com:3478; empty uses none, so calls connect only where the other "
                        "side can be reached directly or through a TURN server.",
         .descriptionZhCN = "以逗号分隔的 STUN 服务器，用于让通话得知本机的公网地址，例如 "
                            "stun:stun.example.com:3478；留空表示不使用，此时通话只能在对方可直接到达或经由 "
                            "TURN 服务器时接通。"},
        {.key = SettingKey::TurnServers,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "TURN servers for calls",
         .titleZhCN = "通话使用的 TURN 服务器",
         .description = "Comma-separated TURN servers that relay call media when no direct path exists, with "
                        "their credentials percent-encoded, e.g. turn:user:secret@turn.example.com:3478 or "
                        "turn:user:secret@turn.example.com:443?transport=tcp (turns: for TLS). Credentials are "
                        "never written to logs.",
         .descriptionZhCN = "以逗号分隔的 TURN 服务器，在没有直接路径时中继通话媒体，凭据使用百分号编码，例如 "
                            "turn:user:secret@turn.example.com:3478 或 "
                            "turn:user:secret@turn.example.com:443?transport=tcp（TLS 使用 turns:）。凭据从不写入日志。"},
        {.key = SettingKey::DoNotDisturb,
         .type = QMetaType::Bool,
         .defaultValue = false,
         .title = "Do not disturb",
         .titleZhCN = "免打扰",
         .description = "Suppress desktop notifications.",
         .descriptionZhCN = "不显示桌面通知。"},
        {.key = SettingKey::Workspace,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Local workspace file",
         .titleZhCN = "本地工作区文件",
         .description = "Workspace file of the local backend; empty uses the profile's own.",
         .descriptionZhCN = "本地后端的工作区文件；留空表示使用用户配置目录中的文件。"},
        {.key = SettingKey::DisplayName,
         .type = QMetaType::QString,
         .defaultValue = QString(),
         .title = "Display name",
         .titleZhCN = "显示名称",
         .description = "Name the user goes by; in a network workspace others see it too. Empty uses the account "
                        "name.",
         .descriptionZhCN = "用户使用的名称；在网络工作区中其他人也会看到。留空表示使用账户名称。",
         .levels = MandatoryOnly},
    };
    return specs;
}

std::span<const SettingSpec> userOnlySettingSpecs()
{
    static const SettingSpec specs[] = {
        {.key = SettingKey::CallEncoderSpeed,
         .type = QMetaType::Int,
         .defaultValue = 8,
         .title = "Video encoder speed",
         .titleZhCN = "视频编码速度",
         .description = "libvpx speed (cpu-used) for call video, 4 to 16: lower gives better pictures, higher "
                        "uses less CPU.",
         .descriptionZhCN = "通话视频的 libvpx 编码速度（cpu-used），4 到 16：越小画质越好，越大越省 CPU。",
         .levels = PolicyLevels::None,
         .ownGroup = true,
         .minimum = 4,
         .maximum = 16},
        {.key = SettingKey::CallEncoderThreads,
         .type = QMetaType::Int,
         .defaultValue = 1,
         .title = "Video encoder threads",
         .titleZhCN = "视频编码线程数",
         .description = "Threads libvpx uses to encode call video, 1 to 4; more can help on machines with several "
                        "cores.",
         .descriptionZhCN = "编码通话视频时 libvpx 使用的线程数，1 到 4；在多核机器上，更多线程可能更快。",
         .levels = PolicyLevels::None,
         .ownGroup = true,
         .minimum = 1,
         .maximum = 4},
        {.key = SettingKey::CallVideoHeight,
         .type = QMetaType::Int,
         .defaultValue = 720,
         .title = "Call video height",
         .titleZhCN = "通话视频高度",
         .description = "Height of the video sent in calls, 360 to 720 lines, rounded up to 360, 540 or 720.",
         .descriptionZhCN = "通话中发送的视频高度，360 到 720 行，向上取整到 360、540 或 720。",
         .levels = PolicyLevels::None,
         .ownGroup = true,
         .minimum = 360,
         .maximum = 720},
        {.key = SettingKey::SyntheticMedia,
         .type = QMetaType::Bool,
         .defaultValue = false,
         .title = "Synthetic call media",
         .titleZhCN = "合成通话媒体",
         .description = "For testing: calls use only the test pattern, the synthetic voice and a silent speaker, "
                        "never the system's devices.",
         .descriptionZhCN = "用于测试：通话只使用测试图案、合成语音和静音扬声器，从不使用系统设备。",
         .levels = PolicyLevels::None,
         .ownGroup = true},
        {.key = SettingKey::MediaLoopbackOnly,
         .type = QMetaType::Bool,
         .defaultValue = false,
         .title = "Call media over loopback only",
         .titleZhCN = "通话媒体仅走本机回环",
         .description = "For testing: call media travels only over 127.0.0.1, so calls connect only between "
                        "instances on the same machine.",
         .descriptionZhCN = "用于测试：通话媒体只经由 127.0.0.1 传输，因此只能在同一台机器上的实例之间通话。",
         .levels = PolicyLevels::None,
         .ownGroup = true},
        {.key = SettingKey::BlobCacheMegabytes,
         .type = QMetaType::Int,
         .defaultValue = 512,
         .title = "Downloaded files kept",
         .titleZhCN = "保留的已下载文件",
         .description = "Megabytes of attachments and their previews kept on this computer, 16 to 65536; the "
                        "files used longest ago are removed first and downloaded again when needed.",
         .descriptionZhCN =
             "在本机保留的附件及其预览的大小（MB），16 到 65536；最久未用的文件最先删除，需要时重新下载。",
         .levels = PolicyLevels::None,
         .ownGroup = true,
         .minimum = 16,
         .maximum = 65536},
    };
    return specs;
}

const SettingSpec* findSettingSpec(QStringView key)
{
    for (const auto specs : {settingSpecs(), userOnlySettingSpecs()})
        for (const SettingSpec& spec : specs)
            if (key == QLatin1String(spec.key))
                return &spec;
    return nullptr;
}

} // namespace convene
