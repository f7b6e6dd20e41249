#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>

using namespace convene;

namespace {

QString writePolicy(const QTemporaryDir& dir, const QByteArray& ini)
{
    const QString path = dir.filePath(QStringLiteral("policy.conf"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(ini);
    return path;
}

std::unique_ptr<Settings> settingsWith(const QTemporaryDir& dir, const QByteArray& policyIni)
{
    const QString policy = writePolicy(dir, policyIni);
    return std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")),
                                      std::make_unique<QSettingsPolicySource>(policy, QSettings::IniFormat));
}

} // namespace

TEST_CASE("Settings fall back to defaults, then user values")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    CHECK(settings->value(QStringLiteral("theme")).toString() == QStringLiteral("system"));
    CHECK(settings->value(QStringLiteral("backend")).toString() == QStringLiteral("local"));
    CHECK_FALSE(settings->isLocked(QStringLiteral("theme")));

    QSignalSpy changed(settings.get(), &Settings::changed);
    REQUIRE(settings->setValue(QStringLiteral("theme"), QStringLiteral("dark")).ok());
    CHECK(settings->value(QStringLiteral("theme")).toString() == QStringLiteral("dark"));
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).toString() == QStringLiteral("theme"));

    // Setting the same value again is not a change.
    REQUIRE(settings->setValue(QStringLiteral("theme"), QStringLiteral("dark")).ok());
    CHECK(changed.count() == 1);
}

TEST_CASE("User settings persist across instances")
{
    QTemporaryDir dir;
    {
        auto settings = settingsWith(dir, "");
        REQUIRE(settings->setValue(QStringLiteral("doNotDisturb"), true).ok());
    }
    auto reopened = settingsWith(dir, "");
    CHECK(reopened->value(QStringLiteral("doNotDisturb")).toBool());
}

TEST_CASE("Policy wins over user settings and locks them (policy > user > default)")
{
    QTemporaryDir dir;
    {
        auto settings = settingsWith(dir, "");
        REQUIRE(settings->setValue(QStringLiteral("backend"), QStringLiteral("xmpp")).ok());
        REQUIRE(settings->setValue(QStringLiteral("theme"), QStringLiteral("light")).ok());
    }
    auto settings = settingsWith(dir, "[General]\nbackend=local\nlanguage=zh_CN\n");
    CHECK(settings->value(QStringLiteral("backend")).toString() == QStringLiteral("local"));
    CHECK(settings->isLocked(QStringLiteral("backend")));
    CHECK(settings->value(QStringLiteral("language")).toString() == QStringLiteral("zh_CN"));
    // Keys the policy does not set stay the user's.
    CHECK(settings->value(QStringLiteral("theme")).toString() == QStringLiteral("light"));
    CHECK_FALSE(settings->isLocked(QStringLiteral("theme")));

    const Result<void> denied = settings->setValue(QStringLiteral("backend"), QStringLiteral("xmpp"));
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == ErrorCode::PermissionDenied);
    CHECK(settings->value(QStringLiteral("backend")).toString() == QStringLiteral("local"));
    CHECK(settings->setFromUi(QStringLiteral("backend"), QStringLiteral("xmpp"))
              .contains(QStringLiteral("organization")));
}

TEST_CASE("A mandatory allowedBackends list limits the backends the user may choose")
{
    QTemporaryDir dir;
    const QString backend = QStringLiteral("backend");
    {
        auto settings = settingsWith(dir, "");
        CHECK(settings->allowedValues(backend).isEmpty());
        REQUIRE(settings->setValue(backend, QStringLiteral("xmpp")).ok());
    }
    auto settings = settingsWith(dir, "[General]\nallowedBackends=\"xmpp, local\"\n");
    CHECK(settings->allowedValues(backend) == QStringList{QStringLiteral("xmpp"), QStringLiteral("local")});
    CHECK(settings->allowedValues(QStringLiteral("theme")).isEmpty());
    REQUIRE(settings->setValue(backend, QStringLiteral("local")).ok());

    QTemporaryDir other;
    auto limited = settingsWith(other, "[General]\nallowedBackends=local\n");
    const Result<void> refused = limited->setValue(backend, QStringLiteral("xmpp"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::PermissionDenied);
    CHECK(refused.error().message.contains(QStringLiteral("xmpp")));
    CHECK_FALSE(limited->isLocked(backend)); // still the user's to choose among the allowed ones
    CHECK(limited->setValue(backend, QStringLiteral("local")).ok());

    // Only a mandatory list counts: a recommended or the user's own list limits nothing.
    QTemporaryDir third;
    auto recommended = settingsWith(third, "[Recommended]\nallowedBackends=local\n");
    REQUIRE(recommended->setValue(QStringLiteral("allowedBackends"), QStringLiteral("local")).ok());
    CHECK(recommended->allowedValues(backend).isEmpty());
    CHECK(recommended->setValue(backend, QStringLiteral("xmpp")).ok());
}

TEST_CASE("Policy values are converted to each setting's type")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "[General]\nlockServer=1\ndoNotDisturb=yes\n"
                                      "allowedBackends=\"local, xmpp\"\nautostart=maybe\nunknownKey=3\n");
    CHECK(settings->value(QStringLiteral("lockServer")).toBool());
    CHECK(settings->value(QStringLiteral("doNotDisturb")).toBool());
    CHECK(settings->value(QStringLiteral("allowedBackends")).toStringList() ==
          QStringList{QStringLiteral("local"), QStringLiteral("xmpp")});
    // A string value with unquoted commas (read by QSettings as a list) is kept whole.
    QTemporaryDir other;
    CHECK(settingsWith(other, "[General]\nserverCertificateSha256=AA:BB, cc:dd\n")
              ->value(QStringLiteral("serverCertificateSha256"))
              .toString() == QStringLiteral("AA:BB, cc:dd"));
    // A value of the wrong type is ignored rather than guessed.
    CHECK_FALSE(settings->isLocked(QStringLiteral("autostart")));
    CHECK_FALSE(settings->value(QStringLiteral("autostart")).toBool());
}

TEST_CASE("Unknown keys and bad values are refused with a reason")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "");
    const Result<void> unknown = settings->setValue(QStringLiteral("noSuchKey"), 1);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::InvalidArgument);
    CHECK(unknown.error().message.contains(QStringLiteral("noSuchKey")));

    const Result<void> bad = settings->setValue(QStringLiteral("doNotDisturb"), QStringLiteral("perhaps"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidArgument);
    CHECK_FALSE(settings->value(QStringLiteral("doNotDisturb")).toBool());
}

TEST_CASE("A missing policy file means no policy; the Linux location is the system-wide one")
{
    QTemporaryDir dir;
    QSettingsPolicySource missing(dir.filePath(QStringLiteral("absent.conf")), QSettings::IniFormat);
    CHECK(missing.values().isEmpty());
#if defined(Q_OS_LINUX)
    CHECK(platformPolicySource()->location() == QStringLiteral("/etc/xdg/Convene/policy.conf"));
#endif
}

TEST_CASE(
    "Recommended policy replaces the default but not the user's choice (mandatory > user > recommended > default)")
{
    QTemporaryDir dir;
    const QByteArray policy = "[General]\ntheme=dark\n"
                              "[Recommended]\nlanguage=zh_CN\ndoNotDisturb=true\ntheme=light\n";
    {
        auto settings = settingsWith(dir, policy);
        CHECK(settings->value(QStringLiteral("language")).toString() == QStringLiteral("zh_CN"));
        CHECK(settings->value(QStringLiteral("doNotDisturb")).toBool());
        CHECK_FALSE(settings->isLocked(QStringLiteral("language")));
        CHECK_FALSE(settings->isLocked(QStringLiteral("doNotDisturb")));
        // Mandatory beats recommended for the same key.
        CHECK(settings->value(QStringLiteral("theme")).toString() == QStringLiteral("dark"));
        CHECK(settings->isLocked(QStringLiteral("theme")));

        REQUIRE(settings->setValue(QStringLiteral("language"), QStringLiteral("en")).ok());
        REQUIRE(settings->setValue(QStringLiteral("doNotDisturb"), false).ok());
        CHECK(settings->value(QStringLiteral("language")).toString() == QStringLiteral("en"));
        CHECK_FALSE(settings->value(QStringLiteral("doNotDisturb")).toBool());
    }
    // The user's choice survives a restart with the same recommendation.
    auto reopened = settingsWith(dir, policy);
    CHECK(reopened->value(QStringLiteral("language")).toString() == QStringLiteral("en"));
    CHECK_FALSE(reopened->value(QStringLiteral("doNotDisturb")).toBool());
    // Keys nobody set still have the built-in default.
    CHECK(reopened->value(QStringLiteral("backend")).toString() == QStringLiteral("local"));
}

TEST_CASE("Keys that can only be mandatory ignore a recommended value")
{
    QTemporaryDir dir;
    auto settings = settingsWith(dir, "[Recommended]\nlockServer=true\n"
                                      "allowedBackends=local\nserverCertificateSha256=AB:CD\n");
    CHECK_FALSE(settings->value(QStringLiteral("lockServer")).toBool());
    CHECK_FALSE(settings->isLocked(QStringLiteral("lockServer")));
    CHECK(settings->value(QStringLiteral("allowedBackends")).toStringList().isEmpty());
    CHECK_FALSE(settings->isLocked(QStringLiteral("serverUrl")));
    CHECK(settings->value(QStringLiteral("serverCertificateSha256")).toString().isEmpty());
    CHECK_FALSE(settings->isLocked(QStringLiteral("serverCertificateSha256")));
}

TEST_CASE("Pinned server certificates: a mandatory pin is kept, lockServer drops the user's own")
{
    const QString key = QStringLiteral("serverCertificateSha256");
    const QString userPin = QStringLiteral("00:11:22:33");
    const QString policyPin = QStringLiteral("AA:BB:CC:DD,EEFF0011");
    QTemporaryDir dir;
    {
        auto settings = settingsWith(dir, "");
        CHECK(settings->value(key).toString().isEmpty());
        REQUIRE(settings->setValue(key, userPin).ok());
    }
    SECTION("without lockServer the user's pin counts")
    {
        auto settings = settingsWith(dir, "[General]\nlockServer=false\n");
        CHECK_FALSE(settings->isLocked(key));
        CHECK(settings->value(key).toString() == userPin);
    }
    SECTION("lockServer locks it at the built-in (empty) value")
    {
        auto settings = settingsWith(dir, "[General]\nlockServer=true\n");
        CHECK(settings->isLocked(key));
        CHECK(settings->value(key).toString().isEmpty());
        CHECK(settings->setValue(key, userPin).error().code == ErrorCode::PermissionDenied);
    }
    SECTION("a mandatory pin wins over the user's, even with lockServer")
    {
        auto settings =
            settingsWith(dir, "[General]\nlockServer=true\nserverCertificateSha256=\"" + policyPin.toUtf8() + "\"\n");
        CHECK(settings->isLocked(key));
        CHECK(settings->value(key).toString() == policyPin);
    }
}

TEST_CASE("lockServer locks server URL and backend at their recommended or default value")
{
    QTemporaryDir dir;
    {
        auto settings = settingsWith(dir, "");
        REQUIRE(settings->setValue(QStringLiteral("serverUrl"), QStringLiteral("xmpp://mine.example")).ok());
        REQUIRE(settings->setValue(QStringLiteral("backend"), QStringLiteral("xmpp")).ok());
    }
    SECTION("without lockServer a recommended server stays the user's to change")
    {
        auto settings = settingsWith(dir, "[Recommended]\nserverUrl=xmpp://corp.example\n");
        CHECK(settings->value(QStringLiteral("serverUrl")).toString() == QStringLiteral("xmpp://mine.example"));
        CHECK_FALSE(settings->isLocked(QStringLiteral("serverUrl")));
    }
    SECTION("with lockServer the user's values no longer count")
    {
        auto settings = settingsWith(dir, "[General]\nlockServer=true\n[Recommended]\nserverUrl=xmpp://corp.example\n");
        CHECK(settings->isLocked(QStringLiteral("serverUrl")));
        CHECK(settings->isLocked(QStringLiteral("backend")));
        CHECK(settings->isLocked(QStringLiteral("serverCertificateSha256")));
        CHECK(settings->value(QStringLiteral("serverUrl")).toString() == QStringLiteral("xmpp://corp.example"));
        CHECK(settings->value(QStringLiteral("backend")).toString() == QStringLiteral("local"));
        CHECK_FALSE(settings->isLocked(QStringLiteral("theme")));

        const Result<void> denied = settings->setValue(QStringLiteral("serverUrl"), QStringLiteral("xmpp://x"));
        REQUIRE_FALSE(denied.ok());
        CHECK(denied.error().code == ErrorCode::PermissionDenied);
    }
    SECTION("lockServer=false locks nothing")
    {
        auto settings = settingsWith(dir, "[General]\nlockServer=false\n");
        CHECK_FALSE(settings->isLocked(QStringLiteral("serverUrl")));
        CHECK(settings->value(QStringLiteral("backend")).toString() == QStringLiteral("xmpp"));
    }
}

TEST_CASE("Every setting has a description and a default of its own type")
{
    for (const SettingSpec& spec : settingSpecs()) {
        INFO(spec.key);
        CHECK(QByteArray(spec.description).size() > 10);
        CHECK(QByteArray(spec.title).size() > 2);
        CHECK(spec.defaultValue.metaType().id() == int(spec.type));
        CHECK(findSettingSpec(QString::fromLatin1(spec.key)) == &spec);
    }
}

TEST_CASE("Every setting is described in Simplified Chinese too")
{
    auto isHan = [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; };
    for (const SettingSpec& spec : settingSpecs()) {
        INFO(spec.key);
        const QString title = QString::fromUtf8(spec.titleZhCN);
        CHECK(std::any_of(title.cbegin(), title.cend(), isHan));
        const QString description = QString::fromUtf8(spec.descriptionZhCN);
        CHECK(std::count_if(description.cbegin(), description.cend(), isHan) >= 4);
    }
}

TEST_CASE("MSI properties and lock links of the key list are consistent")
{
    QStringList properties;
    for (const SettingSpec& spec : settingSpecs()) {
        INFO(spec.key);
        if (spec.msiProperty) {
            const QString property = QString::fromLatin1(spec.msiProperty);
            CHECK(property == property.toUpper()); // public MSI properties are upper case
            CHECK_FALSE(properties.contains(property));
            properties << property;
        }
        if (spec.lockedWhen) {
            const SettingSpec* lock = findSettingSpec(QString::fromLatin1(spec.lockedWhen));
            REQUIRE(lock != nullptr);
            CHECK(lock->type == QMetaType::Bool);
            CHECK(lock->levels == PolicyLevels::MandatoryOnly);
        }
    }
    properties.sort();
    CHECK(properties ==
          QStringList{QStringLiteral("AUTOSTART"), QStringLiteral("BACKEND"), QStringLiteral("SERVERURL")});
}
