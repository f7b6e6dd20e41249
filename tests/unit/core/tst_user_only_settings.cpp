// Settings that are not policies: the call encoder and video settings and the testing switches.
// Their user values stay where testers have always written them, [call] and [testing] of
// settings.ini.
#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QTemporaryDir>

#include <utility>

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
const QString kThreads = QString::fromLatin1(SettingKey::CallEncoderThreads);
const QString kHeight = QString::fromLatin1(SettingKey::CallVideoHeight);
const QString kSynthetic = QString::fromLatin1(SettingKey::SyntheticMedia);
const QString kLoopback = QString::fromLatin1(SettingKey::MediaLoopbackOnly);

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

TEST_CASE("Encoder threads, video height and loopback-only media have defaults and their own sections")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    CHECK(settings->value(kThreads).toInt() == 1);
    CHECK(settings->value(kHeight).toInt() == 720);
    CHECK_FALSE(settings->value(kLoopback).toBool());

    // As the call scenarios write them, straight into the profile's file.
    settings->state().setValue(QStringLiteral("call/encoderThreads"), 3);
    settings->state().setValue(QStringLiteral("call/videoHeight"), 360);
    settings->state().setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
    CHECK(settings->value(kThreads).toInt() == 3);
    CHECK(settings->value(kHeight).toInt() == 360);
    CHECK(settings->value(kLoopback).toBool());

    REQUIRE(settings->setValue(kThreads, 2).ok());
    REQUIRE(settings->setValue(kHeight, 540).ok());
    REQUIRE(settings->setValue(kLoopback, false).ok());
    CHECK(settings->state().value(QStringLiteral("call/encoderThreads")).toInt() == 2);
    CHECK(settings->state().value(QStringLiteral("call/videoHeight")).toInt() == 540);
    CHECK_FALSE(settings->state().value(QStringLiteral("testing/mediaLoopbackOnly")).toBool());
}

TEST_CASE("Hand-edited encoder threads, video height and loopback values are clamped or fall back")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    const auto stored = [&](const char* path, const QVariant& value) {
        settings->state().setValue(QLatin1String(path), value);
    };
    stored("call/encoderThreads", 64);
    CHECK(settings->value(kThreads).toInt() == 4);
    stored("call/encoderThreads", 0);
    CHECK(settings->value(kThreads).toInt() == 1);
    stored("call/encoderThreads", QStringLiteral("many"));
    CHECK(settings->value(kThreads).toInt() == 1);

    stored("call/videoHeight", 1080);
    CHECK(settings->value(kHeight).toInt() == 720);
    stored("call/videoHeight", 100);
    CHECK(settings->value(kHeight).toInt() == 360);
    stored("call/videoHeight", QStringLiteral("hd"));
    CHECK(settings->value(kHeight).toInt() == 720);

    stored("testing/mediaLoopbackOnly", QStringLiteral("perhaps"));
    CHECK_FALSE(settings->value(kLoopback).toBool());
    stored("testing/mediaLoopbackOnly", QStringLiteral("yes"));
    CHECK(settings->value(kLoopback).toBool());

    for (const auto& [key, bad] :
         {std::pair{kThreads, QVariant(0)}, std::pair{kThreads, QVariant(5)}, std::pair{kHeight, QVariant(359)},
          std::pair{kHeight, QVariant(1080)}, std::pair{kLoopback, QVariant(QStringLiteral("perhaps"))}}) {
        INFO(key.toStdString() << " = " << bad.toString().toStdString());
        const Result<void> refused = settings->setValue(key, bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidArgument);
    }
}

TEST_CASE("Policy cannot set user-only settings, and no policy template lists them")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "[call]\nencoderSpeed=16\nencoderThreads=4\nvideoHeight=360\n"
                                      "[testing]\nsyntheticMedia=true\nmediaLoopbackOnly=true\n"
                                      "[Recommended]\ncall\\encoderSpeed=12\n");
    CHECK(settings->value(kSpeed).toInt() == 8);
    CHECK(settings->value(kThreads).toInt() == 1);
    CHECK(settings->value(kHeight).toInt() == 720);
    CHECK_FALSE(settings->value(kSynthetic).toBool());
    CHECK_FALSE(settings->value(kLoopback).toBool());
    for (const QString& key : {kSpeed, kThreads, kHeight, kSynthetic, kLoopback})
        CHECK_FALSE(settings->isLocked(key));

    for (const SettingSpec& spec : userOnlySettingSpecs()) {
        INFO(spec.key);
        CHECK(spec.levels == PolicyLevels::None);
        CHECK(spec.msiProperty == nullptr);
        CHECK(findSettingSpec(QString::fromLatin1(spec.key)) == &spec);
        CHECK(spec.defaultValue.metaType().id() == int(spec.type));
        if (spec.minimum < spec.maximum) {
            CHECK(spec.defaultValue.toInt() >= spec.minimum);
            CHECK(spec.defaultValue.toInt() <= spec.maximum);
        }
        for (const SettingSpec& policy : settingSpecs())
            CHECK(QByteArray(policy.key) != QByteArray(spec.key));
    }
    for (const SettingSpec& policy : settingSpecs())
        CHECK(policy.levels != PolicyLevels::None);
}
