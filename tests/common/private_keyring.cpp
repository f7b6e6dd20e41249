#include "private_keyring.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace convene::test {

namespace {

bool start()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty())
        return false;
    QTemporaryDir home;
    home.setAutoRemove(false); // removed by the watcher below, after the daemons
    // In sessions of their own: the keyring daemon signals its whole process group on exit.
    QProcess bus;
    bus.start(QStringLiteral("setsid"),
              {QStringLiteral("dbus-daemon"), QStringLiteral("--session"), QStringLiteral("--fork"),
               QStringLiteral("--print-address=1"), QStringLiteral("--print-pid=1")});
    if (!bus.waitForFinished(5000))
        return false;
    const QStringList lines = QString::fromUtf8(bus.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() < 2)
        return false;
    const QString busPid = lines.at(1).trimmed();
    // Once this process is gone: the bus, which the keyring daemon leaves with, and the folder.
    const QString watch =
        QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 0.5; done; kill %2; sleep 1; rm -rf '%3'")
            .arg(QCoreApplication::applicationPid())
            .arg(busPid, home.path());
    QProcess::startDetached(QStringLiteral("setsid"), {QStringLiteral("sh"), QStringLiteral("-c"), watch});

    qputenv("DBUS_SESSION_BUS_ADDRESS", lines.at(0).trimmed().toUtf8());
    qputenv("XDG_DATA_HOME", QDir(home.path()).filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());
    // The login keyring is created and unlocked with the password read from stdin.
    QProcess login;
    login.start(QStringLiteral("setsid"),
                {QStringLiteral("gnome-keyring-daemon"), QStringLiteral("--daemonize"), QStringLiteral("--login")});
    login.write("keyring-test-password");
    login.closeWriteChannel();
    if (!login.waitForFinished(10000))
        return false;
    QProcess secrets;
    secrets.start(QStringLiteral("setsid"), {QStringLiteral("gnome-keyring-daemon"), QStringLiteral("--start"),
                                             QStringLiteral("--components=secrets")});
    return secrets.waitForFinished(10000) && secrets.exitCode() == 0;
}

} // namespace

bool usePrivateKeyring()
{
    static const bool started = start();
    return started;
}

} // namespace convene::test
