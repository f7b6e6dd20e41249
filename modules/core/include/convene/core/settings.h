#pragma once

#include "convene/core/policy_source.h"
#include "convene/core/result.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace convene {

// The user's settings with the organisation's policy around them:
//   mandatory policy > user > recommended policy > built-in default.
// A key set by mandatory policy is locked: the user value is kept but neither read nor writable.
// A key whose spec names a `lockedWhen` policy (serverUrl and backend with lockServer) is also
// locked while that policy is on, and then takes the recommended or built-in value. A key whose
// spec names an `allowedIn` list (backend with allowedBackends) refuses values not in that list.
class Settings : public QObject {
    Q_OBJECT

public:
    Settings(const QString& userFile, std::unique_ptr<PolicySource> policy, QObject* parent = nullptr);
    ~Settings() override;

    Q_INVOKABLE QVariant value(const QString& key) const;
    Q_INVOKABLE bool isLocked(const QString& key) const;
    // The only values the organisation allows for `key` (the mandatory list its spec names in
    // `allowedIn`), in the policy's order; empty when any value is allowed.
    QStringList allowedValues(const QString& key) const;
    Result<void> setValue(const QString& key, const QVariant& value);
    // For QML: returns an empty string on success, else the reason.
    Q_INVOKABLE QString setFromUi(const QString& key, const QVariant& value);

    QString policyLocation() const { return m_policy->location(); }
    QString userFile() const;
    // Free-form state that is not a setting (window geometry, last view): never managed.
    QSettings& state() { return m_user; }

signals:
    void changed(const QString& key);

private:
    void readPolicy();
    QVariant coerced(const QString& key, const QVariant& raw) const;
    QVariant unlockedFallback(const QString& key) const; // recommended, else default

    std::unique_ptr<PolicySource> m_policy;
    QVariantMap m_mandatory;
    QVariantMap m_recommended;
    mutable QSettings m_user;
};

} // namespace convene
