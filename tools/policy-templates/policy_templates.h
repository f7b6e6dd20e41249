#pragma once

#include <QString>

namespace convene::policy {

// Group Policy templates and documentation generated from core's settingSpecs(), so the list an
// administrator sees can never drift from the keys the app reads.
enum class AdmlLanguage { EnUS, ZhCN };

QString admx();
QString adml(AdmlLanguage language);
QString admlLanguageDir(AdmlLanguage language); // "en-US", "zh-CN"
QString markdownTable(); // the policy table of packaging/README.md

// Registry key the templates write and the Windows policy source reads (under HKLM).
inline constexpr char kRegistryKey[] = "Software\\Policies\\Convene\\Convene";

} // namespace convene::policy
