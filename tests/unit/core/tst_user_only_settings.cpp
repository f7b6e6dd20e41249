// Settings that are not policies: call/encoderSpeed and testing/syntheticMedia. Their user values
// stay where testers have always written them, [call] and [testing] of settings.ini.
#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QTemporaryDir>

using namespace convene;

namespace {

std::unique_ptr<Settings> settingsWith(const QTemporaryDir& dir, const QByteArray& policyIni)
{
    const QString policy = dir.filePath(QStringLiteral("policy.conf"));
    QFile file(policy);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(policyIni);
    file.close();
    return std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")),
                                      std::make_unique<QSettingsPolicySource>(policy, QSettings::IniFormat));
}

const QString kSpeed = QString::fromLatin1(SettingKey::CallEncoderSpeed);
const QString kSynthetic = QString::fromLatin1(SettingKey::SyntheticMedia);

} // namespace

TEST_CASE("User-only settings have defaults and are read from their own INI sections")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    CHECK(settings->value(kSpeed).toInt() == 8);
    CHECK_FALSE(settings->value(kSynthetic).toBool());

    // As the call scenarios write them, straight into the profile's file.
    settings->state().setValue(QStringLiteral("testing/syntheticMedia"), true);
    settings->state().setValue(QStringLiteral("call/encoderSpeed"), 12);
    CHECK(settings->value(kSynthetic).toBool());
    CHECK(settings->value(kSpeed).toInt() == 12);

    REQUIRE(settings->setValue(kSpeed, 5).ok());
    CHECK(settings->state().value(QStringLiteral("call/encoderSpeed")).toInt() == 5);
}

TEST_CASE("The encoder speed is clamped to 4-16 when read and refused outside it when set")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    settings->state().setValue(QStringLiteral("call/encoderSpeed"), 40);
    CHECK(settings->value(kSpeed).toInt() == 16);
    settings->state().setValue(QStringLiteral("call/encoderSpeed"), 1);
    CHECK(settings->value(kSpeed).toInt() == 4);
    settings->state().setValue(QStringLiteral("call/encoderSpeed"), QStringLiteral("fast"));
    CHECK(settings->value(kSpeed).toInt() == 8);

    for (const QVariant& bad : {QVariant(3), QVariant(17), QVariant(QStringLiteral("x"))}) {
        INFO(bad.toString().toStdString());
        const Result<void> refused = settings->setValue(kSpeed, bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidArgument);
    }
    CHECK(settings->setValue(kSpeed, 16).ok());
    CHECK(settings->setValue(kSpeed, QStringLiteral("4")).ok());
    CHECK(settings->value(kSpeed).toInt() == 4);
}

TEST_CASE("Policy cannot set user-only settings, and no policy template lists them")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "[call]\nencoderSpeed=16\n[testing]\nsyntheticMedia=true\n"
                                      "[Recommended]\ncall\\encoderSpeed=12\n");
    CHECK(settings->value(kSpeed).toInt() == 8);
    CHECK_FALSE(settings->value(kSynthetic).toBool());
    CHECK_FALSE(settings->isLocked(kSpeed));
    CHECK_FALSE(settings->isLocked(kSynthetic));

    for (const SettingSpec& spec : userOnlySettingSpecs()) {
        INFO(spec.key);
        CHECK(spec.levels == PolicyLevels::None);
        CHECK(spec.msiProperty == nullptr);
        CHECK(findSettingSpec(QString::fromLatin1(spec.key)) == &spec);
        CHECK(spec.defaultValue.metaType().id() == int(spec.type));
        for (const SettingSpec& policy : settingSpecs())
            CHECK(QByteArray(policy.key) != QByteArray(spec.key));
    }
    for (const SettingSpec& policy : settingSpecs())
        CHECK(policy.levels != PolicyLevels::None);
}
