#pragma once

#include <QSettings>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace convene {

// Read-only settings set by the organisation (managed policy). Values are read once at start.
class PolicySource {
public:
    virtual ~PolicySource() = default;
    virtual QVariantMap values() const = 0;
    virtual QString location() const = 0;
};

// Policy stored in a QSettings backend: an INI file on Linux, the registry on Windows,
// a managed-preferences plist on macOS.
class QSettingsPolicySource final : public PolicySource {
public:
    QSettingsPolicySource(QString location, QSettings::Format format);
    QVariantMap values() const override { return m_values; }
    QString location() const override { return m_location; }

private:
    QString m_location;
    QVariantMap m_values;
};

// Where this platform keeps the organisation's policy for Convene.
std::unique_ptr<PolicySource> platformPolicySource();

} // namespace convene
