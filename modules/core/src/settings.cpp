#include "convene/core/settings.h"

#include "convene/core/logging.h"
#include "convene/core/setting_keys.h"

#include <QCoreApplication>

#include <algorithm>

namespace convene {

namespace {
const QString kUserGroup = QStringLiteral("settings/");

QString userPath(const SettingSpec& spec)
{
    return spec.ownGroup ? QString::fromLatin1(spec.key) : kUserGroup + QLatin1String(spec.key);
}

bool hasRange(const SettingSpec& spec)
{
    return spec.type == QMetaType::Int && spec.minimum < spec.maximum;
}
} // namespace

Settings::Settings(const QString& userFile, std::unique_ptr<PolicySource> policy, QObject* parent)
    : QObject(parent), m_policy(std::move(policy)), m_user(userFile, QSettings::IniFormat)
{
    readPolicy();
}

void Settings::readPolicy()
{
    const QString recommendedPrefix = QLatin1String(kRecommendedPolicyGroup) + QLatin1Char('/');
    const QVariantMap raw = m_policy->values();
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        const bool recommended = it.key().startsWith(recommendedPrefix);
        const QString key = recommended ? it.key().mid(recommendedPrefix.size()) : it.key();
        const SettingSpec* spec = findSettingSpec(key);
        if (!spec) {
            qCWarning(lcSettings) << "policy sets unknown key" << it.key() << "- ignored";
            continue;
        }
        if (spec->levels == PolicyLevels::None) {
            qCWarning(lcSettings) << "policy sets" << key << "which is not a policy - ignored";
            continue;
        }
        if (recommended && spec->levels == PolicyLevels::MandatoryOnly) {
            qCWarning(lcSettings) << "policy key" << key << "can only be mandatory - recommended value ignored";
            continue;
        }
        const QVariant value = coerced(key, it.value());
        if (!value.isValid()) {
            qCWarning(lcSettings) << "policy value for" << it.key() << "has the wrong type - ignored";
            continue;
        }
        (recommended ? m_recommended : m_mandatory).insert(key, value);
    }
}

Settings::~Settings() = default;

QString Settings::userFile() const
{
    return m_user.fileName();
}

QVariant Settings::coerced(const QString& key, const QVariant& raw) const
{
    const SettingSpec* spec = findSettingSpec(key);
    if (!spec)
        return {};
    if (hasRange(*spec)) { // a hand-edited file may hold anything
        bool ok = false;
        const int number = raw.toInt(&ok);
        return ok ? QVariant(std::clamp(number, spec->minimum, spec->maximum)) : QVariant();
    }
    const QMetaType target(spec->type);
    if (raw.metaType() == target)
        return raw;
    if (spec->type == QMetaType::QStringList && raw.metaType().id() == QMetaType::QString) {
        // INI and registry values arrive as one comma-separated string.
        QStringList items = raw.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& item : items)
            item = item.trimmed();
        return items;
    }
    if (spec->type == QMetaType::QString && raw.metaType().id() == QMetaType::QStringList) {
        // An INI value with unquoted commas (serverCertificateSha256=ab:cd, ef:01) arrives as a list;
        // a string setting takes it back whole (QSettings has already trimmed the items).
        return raw.toStringList().join(QStringLiteral(", "));
    }
    if (spec->type == QMetaType::Bool && raw.metaType().id() == QMetaType::QString) {
        const QString text = raw.toString().trimmed().toLower();
        if (text == u"true" || text == u"1" || text == u"yes" || text == u"on")
            return true;
        if (text == u"false" || text == u"0" || text == u"no" || text == u"off")
            return false;
        return {};
    }
    QVariant converted = raw;
    if (!converted.convert(target))
        return {};
    return converted;
}

QVariant Settings::unlockedFallback(const QString& key) const
{
    if (auto it = m_recommended.constFind(key); it != m_recommended.cend())
        return *it;
    return findSettingSpec(key)->defaultValue;
}

QVariant Settings::value(const QString& key) const
{
    if (!findSettingSpec(key)) {
        qCWarning(lcSettings) << "unknown setting" << key;
        return {};
    }
    if (auto it = m_mandatory.constFind(key); it != m_mandatory.cend())
        return *it;
    if (isLocked(key)) // locked by another policy key: the user's value does not count
        return unlockedFallback(key);
    const QVariant user = m_user.value(userPath(*findSettingSpec(key)));
    if (user.isValid()) {
        if (QVariant value = coerced(key, user); value.isValid())
            return value;
    }
    return unlockedFallback(key);
}

bool Settings::isLocked(const QString& key) const
{
    if (m_mandatory.contains(key))
        return true;
    const SettingSpec* spec = findSettingSpec(key);
    return spec && spec->lockedWhen && m_mandatory.value(QLatin1String(spec->lockedWhen)).toBool();
}

QStringList Settings::allowedValues(const QString& key) const
{
    const SettingSpec* spec = findSettingSpec(key);
    if (!spec || !spec->allowedIn)
        return {};
    return m_mandatory.value(QLatin1String(spec->allowedIn)).toStringList();
}

Result<void> Settings::setValue(const QString& key, const QVariant& value)
{
    const SettingSpec* spec = findSettingSpec(key);
    if (!spec)
        return makeError(ErrorCode::InvalidArgument, tr("Unknown setting “%1”.").arg(key));
    if (isLocked(key))
        return makeError(ErrorCode::PermissionDenied, tr("This setting is managed by your organization."));
    const QVariant converted = coerced(key, value);
    const bool clamped = converted.isValid() && hasRange(*spec) && converted.toInt() != value.toInt();
    if (!converted.isValid() || clamped)
        return makeError(ErrorCode::InvalidArgument, tr("Invalid value for setting “%1”.").arg(key));
    if (const QStringList allowed = allowedValues(key); !allowed.isEmpty() && !allowed.contains(converted.toString()))
        return makeError(ErrorCode::PermissionDenied,
                         tr("Your organization does not allow “%1” for this setting.").arg(converted.toString()));
    if (this->value(key) == converted)
        return {};
    m_user.setValue(userPath(*spec), converted);
    m_user.sync();
    if (m_user.status() != QSettings::NoError)
        return makeError(ErrorCode::Io, tr("Could not save settings to %1.").arg(m_user.fileName()));
    emit changed(key);
    return {};
}

QString Settings::setFromUi(const QString& key, const QVariant& value)
{
    const Result<void> result = setValue(key, value);
    return result.ok() ? QString() : result.error().message;
}

} // namespace convene
