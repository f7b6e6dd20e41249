// The `autostart` setting writes and removes the OS's sign-in entry. The checks read the XDG
// desktop file, so they run where the app writes one (Linux and other freedesktop systems).
#include "map_policy_source.h"

#include "autostart.h"

#include <convene/core/policy_source.h>
#include <convene/core/settings.h>

#include "catch_qt_strings.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace convene;

#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)

namespace {

using FixedPolicy = test::MapPolicySource;

struct Fixture {
    explicit Fixture(QVariantMap policy = {})
        : settings(dir.filePath(QStringLiteral("settings.ini")), std::make_unique<FixedPolicy>(std::move(policy)))
    {
        REQUIRE(dir.isValid());
    }
    QString autostartDir() const { return dir.filePath(QStringLiteral("config/autostart")); }
    QString entryPath() const { return autostartDir() + QStringLiteral("/convene.desktop"); }
    QString entry() const
    {
        QFile file(entryPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    QStringList execLines() const { return entry().split(u'\n').filter(QRegularExpression(QStringLiteral("^Exec="))); }
    void setAutostart(bool on) { REQUIRE(settings.setValue(QStringLiteral("autostart"), on).ok()); }

    QTemporaryDir dir;
    Settings settings;
};

const QString kProgram = QStringLiteral("/opt/convene/bin/convene");

} // namespace

TEST_CASE("Autostart on writes an XDG autostart entry that starts this program")
{
    Fixture f;
    Autostart autostart(f.settings, f.autostartDir(), kProgram);
    REQUIRE(autostart.update().ok());
    CHECK_FALSE(QFile::exists(f.entryPath())); // off by default

    f.setAutostart(true); // a live change applies at once
    REQUIRE(QFile::exists(f.entryPath()));
    const QStringList lines = f.entry().split(u'\n');
    CHECK(lines.contains(QStringLiteral("[Desktop Entry]")));
    CHECK(lines.contains(QStringLiteral("Type=Application")));
    CHECK(lines.contains(QStringLiteral("Name=Convene")));
    CHECK(lines.contains(QStringLiteral("X-GNOME-Autostart-enabled=true")));
    CHECK(f.execLines() == QStringList{QStringLiteral("Exec=/opt/convene/bin/convene")});
}

TEST_CASE("Autostart off removes the entry")
{
    Fixture f;
    Autostart autostart(f.settings, f.autostartDir(), kProgram);
    f.setAutostart(true);
    REQUIRE(QFile::exists(f.entryPath()));
    f.setAutostart(false);
    CHECK_FALSE(QFile::exists(f.entryPath()));
    CHECK(autostart.update().ok()); // nothing to remove is fine
}

TEST_CASE("Autostart leaves an entry alone that is already right, and replaces a stale one")
{
    Fixture f;
    f.setAutostart(true);
    {
        Autostart autostart(f.settings, f.autostartDir(), kProgram);
        REQUIRE(autostart.update().ok());
    }
    const QDateTime old = QDateTime(QDate(2001, 2, 3), QTime(4, 5, 6), Qt::UTC);
    {
        QFile file(f.entryPath());
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.setFileTime(old, QFileDevice::FileModificationTime));
    }

    // The next start finds the same entry: not rewritten.
    Autostart again(f.settings, f.autostartDir(), kProgram);
    REQUIRE(again.update().ok());
    CHECK(QFileInfo(f.entryPath()).lastModified() == old);

    // Started from somewhere else (the app moved): the entry follows.
    Autostart moved(f.settings, f.autostartDir(), QStringLiteral("/usr/local/bin/convene"));
    REQUIRE(moved.update().ok());
    CHECK(QFileInfo(f.entryPath()).lastModified() != old);
    CHECK(f.execLines() == QStringList{QStringLiteral("Exec=/usr/local/bin/convene")});
}

TEST_CASE("Autostart quotes and escapes the program's path as the Desktop Entry spec says")
{
    Fixture f;
    f.setAutostart(true);
    {
        Autostart spaces(f.settings, f.autostartDir(), QStringLiteral("/home/ann/My Apps/convene"));
        REQUIRE(spaces.update().ok());
        CHECK(f.execLines() == QStringList{QStringLiteral("Exec=\"/home/ann/My Apps/convene\"")});
    }
    {
        // Inside quotes $ and \ take a backslash, which the string value escapes again; % doubles.
        Autostart odd(f.settings, f.autostartDir(), QStringLiteral("/tmp/50% $off\\x/convene"));
        REQUIRE(odd.update().ok());
        CHECK(f.execLines() == QStringList{QStringLiteral("Exec=\"/tmp/50%% \\\\$off\\\\\\\\x/convene\"")});
    }
}

TEST_CASE("Autostart follows the organisation's policy over the user's choice")
{
    Fixture f({{QStringLiteral("autostart"), true}});
    Autostart autostart(f.settings, f.autostartDir(), kProgram);
    REQUIRE(autostart.update().ok());
    CHECK(QFile::exists(f.entryPath()));
    CHECK_FALSE(f.settings.setValue(QStringLiteral("autostart"), false).ok()); // locked
    CHECK(QFile::exists(f.entryPath()));
}

TEST_CASE("Autostart's default folder is the user's XDG autostart folder")
{
    CHECK(Autostart::defaultLocation().endsWith(QStringLiteral("/autostart")));
}

#endif
