// Feeds arbitrary bytes as the organisation's policy file (/etc/xdg/Convene/policy.conf, an INI
// file) through the policy reader and the settings built on it. Whatever the file holds: no
// crash, every setting reads back in its own type (numbers within their range), a key the
// policy sets is locked, and the backend chosen is one the policy allows.
#include "fuzz_support.h"

#include <convene/core/allowed_backends.h>
#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace convene;

using fuzz::check;

namespace {

void checkSpec(const Settings& settings, const SettingSpec& spec, const QVariantMap& policy)
{
    const QString key = QString::fromLatin1(spec.key);
    const QVariant value = settings.value(key);
    check(value.isValid());
    if (spec.type == QMetaType::Int && spec.minimum < spec.maximum) {
        bool ok = false;
        const int number = value.toInt(&ok);
        check(ok && number >= spec.minimum && number <= spec.maximum);
    } else if (spec.defaultValue.isValid()) {
        check(value.metaType().id() == int(spec.type));
    }
    // A mandatory value the reader took locks the setting against the user.
    if (policy.contains(key) && settings.isLocked(key) && spec.levels != PolicyLevels::None)
        check(!const_cast<Settings&>(settings).setValue(key, spec.defaultValue).ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("convene.*=false"));
        return true;
    }();
    (void)quiet;
    if (size > 64 * 1024)
        return 0;
    static QTemporaryDir dir;
    static int run = 0;
    // A new name each time: QSettings keeps what it read of a file name it has seen.
    const QString path = dir.filePath(QStringLiteral("policy-%1.conf").arg(++run));
    const QString userPath = dir.filePath(QStringLiteral("settings-%1.ini").arg(run));
    {
        QFile file(path);
        check(file.open(QIODevice::WriteOnly));
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    {
        auto source = std::make_unique<QSettingsPolicySource>(path, QSettings::IniFormat);
        const QVariantMap policy = source->values();
        Settings settings(userPath, std::move(source));
        for (const SettingSpec& spec : settingSpecs())
            checkSpec(settings, spec, policy);
        for (const SettingSpec& spec : userOnlySettingSpecs())
            checkSpec(settings, spec, policy);
        const QStringList installed{QStringLiteral("local"), QStringLiteral("xmpp")};
        const QStringList allowed = allowedBackends(settings, installed);
        for (const QString& name : allowed)
            check(installed.contains(name) && isBackendAllowed(settings, name));
        const BackendChoice choice =
            chooseBackend(settings, settings.value(QString::fromLatin1(SettingKey::Backend)).toString(), installed);
        check(choice.backend.isEmpty() || isBackendAllowed(settings, choice.backend));
    }
    QFile::remove(path);
    QFile::remove(userPath);
    return 0;
}
