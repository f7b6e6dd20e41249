#pragma once

#include "convene/core/policy_source.h"
#include "convene/core/result.h"

#include <QObject>
#include <QSettings>
#include <QVariant>

#include <memory>

namespace convene {

// The user's settings with the organisation's policy on top: policy > user > default.
// A key set by policy is locked: the user value is kept but neither read nor writable.
class Settings : public QObject {
    Q_OBJECT

public:
    Settings(const QString& userFile, std::unique_ptr<PolicySource> policy, QObject* parent = nullptr);
    ~Settings() override;

    Q_INVOKABLE QVariant value(const QString& key) const;
    Q_INVOKABLE bool isLocked(const QString& key) const;
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
    QVariant coerced(const QString& key, const QVariant& raw) const;

    std::unique_ptr<PolicySource> m_policy;
    QVariantMap m_policyValues;
    mutable QSettings m_user;
};

} // namespace convene
