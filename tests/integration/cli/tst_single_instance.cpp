// One app per profile, checked on the real binary: a later launch on a profile in use hands its
// link to the running app and exits 0 at once; options only a starting app can apply are
// explained; garbage on the hand-over socket is refused without harm; an app that died leaves
// nothing in the way; and apps on different profiles run side by side.
#include "catch_qt_strings.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

#include <cstdio>
#include <memory>
#include <optional>

namespace {

// Home, data, settings and the runtime directory (where the hand-over socket lives) of the test's own.
struct Environment {
    QTemporaryDir home;

    QProcessEnvironment variables() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path()); // 0700, as a runtime directory must be
        return env;
    }
};

// A running app whose log is collected as it goes.
class App {
public:
    App(const Environment& environment, const QStringList& arguments)
    {
        m_process.setProcessEnvironment(environment.variables());
        m_process.start(QStringLiteral(CONVENE_BINARY), arguments);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // Waits for `pattern` in what the app logged; returns the first match's first group (or all).
    std::optional<QString> waitFor(const QString& pattern, int timeoutMs = 30000)
    {
        const QRegularExpression expression(pattern);
        QElapsedTimer timer;
        timer.start();
        while (true) {
            m_log += QString::fromUtf8(m_process.readAllStandardError());
            if (const auto match = expression.match(m_log); match.hasMatch())
                return match.lastCapturedIndex() >= 1 ? match.captured(1) : match.captured(0);
            if (timer.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning)
                return std::nullopt;
            m_process.waitForReadyRead(100);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    void killHard()
    {
        m_process.kill(); // SIGKILL: nothing is cleaned up
        m_process.waitForFinished(10000);
    }
    QString log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        return m_log;
    }

private:
    QProcess m_process;
    QString m_log;
};

struct Run {
    int exitCode = -1;
    QString err;
    qint64 elapsedMs = 0;
};

Run launch(const Environment& environment, const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment.variables());
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(CONVENE_BINARY), arguments);
    const bool finished = process.waitForFinished(30000);
    Run run{finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardError()), timer.elapsed()};
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    return run;
}

const QString kListening = QStringLiteral("Listening for later launches on (\\S+)");
const QString kOnline = QStringLiteral("connection \"online\"");

QStringList profileArgs(const QTemporaryDir& profile, const QStringList& more = {})
{
    // The name given on first run, so that the workspace opens at once.
    QSettings settings(profile.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    if (!settings.contains(QStringLiteral("settings/displayName")))
        settings.setValue(QStringLiteral("settings/displayName"), QStringLiteral("Tess"));
    return QStringList{QStringLiteral("--profile"), profile.path()} + more;
}

// Sends raw bytes to the hand-over socket, as any local process could; returns what came back.
QByteArray sendRaw(const QString& server, const QByteArray& bytes)
{
    QLocalSocket socket;
    socket.connectToServer(server);
    if (!socket.waitForConnected(5000))
        return "no connection";
    socket.write(bytes);
    socket.waitForBytesWritten(5000);
    QByteArray answer;
    while (socket.waitForReadyRead(6000))
        answer += socket.readAll();
    return answer;
}

QByteArray header(quint32 length)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, bytes.data());
    return bytes;
}

} // namespace

TEST_CASE("A later launch on the same profile hands its link to the running app and exits 0", "[security]")
{
    Environment environment;
    QTemporaryDir profile;
    QTemporaryDir workspace;
    App first(environment, profileArgs(profile, {QStringLiteral("--workspace"),
                                                 workspace.filePath(QStringLiteral("team.convene"))}));
    REQUIRE(first.waitFor(kOnline).has_value());

    // A link, as the desktop passes it (Exec=convene %u): handed over, followed by the first app.
    const Run calendar = launch(environment, profileArgs(profile, {QStringLiteral("convene://calendar")}));
    INFO(calendar.err.toStdString());
    CHECK(calendar.exitCode == 0);
    std::printf("A later launch handed its link over and exited in %lld ms\n",
                static_cast<long long>(calendar.elapsedMs));
    CHECK(calendar.elapsedMs < 15000); // loose: it waits for no window, only for the answer
    REQUIRE(first.waitFor(QStringLiteral("Following the link convene://calendar")).has_value());

    // A call link goes through the same path: the first app opens the screen before joining.
    const Run call = launch(environment, profileArgs(profile, {QStringLiteral("convene://calls/channel%3Ageneral")}));
    CHECK(call.exitCode == 0);
    REQUIRE(first.waitFor(QStringLiteral("Following the link convene://calls/channel%3Ageneral")).has_value());

    // What the running app cannot take is said, not silently dropped.
    const Run lang = launch(environment, profileArgs(profile, {QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                                                               QStringLiteral("convene://docs")}));
    CHECK(lang.exitCode == 0);
    CHECK(lang.err.contains(QStringLiteral("--lang is not applied")));
    REQUIRE(first.waitFor(QStringLiteral("Following the link convene://docs")).has_value());

    QTemporaryDir shots;
    const QString shot = shots.filePath(QStringLiteral("shot.png"));
    const Run screenshot = launch(environment, profileArgs(profile, {QStringLiteral("--screenshot"), shot}));
    CHECK(screenshot.exitCode == 1);
    CHECK(screenshot.err.contains(QStringLiteral("already running")));
    CHECK_FALSE(QFileInfo::exists(shot));

    // Without a link the window just comes up.
    CHECK(launch(environment, profileArgs(profile)).exitCode == 0);
    CHECK(first.running());
}

TEST_CASE("Garbage on the hand-over socket is refused and the app keeps serving", "[security]")
{
    Environment environment;
    QTemporaryDir profile;
    App first(environment, profileArgs(profile));
    const auto server = first.waitFor(kListening);
    REQUIRE(server.has_value());

    const QByteArray notJson("not json!!!");
    const QByteArray notOurs(R"({"v":1,"show":true,"links":["file:///bin/sh"]})");
    for (const QByteArray& bytes :
         {header(0x7fffffff) + QByteArray(4096, 'x'), QByteArray("GET / HTTP/1.0\r\n\r\n"),
          header(quint32(notJson.size())) + notJson, header(quint32(notOurs.size())) + notOurs}) {
        INFO(bytes.left(40).toStdString());
        const QByteArray answer = sendRaw(*server, bytes);
        CHECK(answer.contains("\"ok\":false"));
    }
    CHECK(first.waitFor(QStringLiteral("Ignored a message from another launch")).has_value());
    CHECK_FALSE(first.log().contains(QStringLiteral("Following the link")));
    REQUIRE(first.running());

    const Run later = launch(environment, profileArgs(profile, {QStringLiteral("convene://docs")}));
    CHECK(later.exitCode == 0);
    CHECK(first.waitFor(QStringLiteral("Following the link convene://docs")).has_value());
}

TEST_CASE("Apps on different profiles run side by side; an app that died leaves its profile free", "[security]")
{
    Environment environment;
    QTemporaryDir one;
    QTemporaryDir two;
    auto first = std::make_unique<App>(environment, profileArgs(one));
    const auto firstServer = first->waitFor(kListening);
    REQUIRE(firstServer.has_value());
    App second(environment, profileArgs(two));
    const auto secondServer = second.waitFor(kListening);
    REQUIRE(secondServer.has_value());
    CHECK(*firstServer != *secondServer);
    QThread::msleep(1000);
    CHECK(first->running());
    CHECK(second.running());

    // Killed without a chance to clean up, the first app leaves its socket behind; the next
    // launch on that profile starts anyway instead of handing over to nobody.
    first->killHard();
    App again(environment, profileArgs(one));
    const auto againServer = again.waitFor(kListening);
    INFO(again.log().toStdString());
    REQUIRE(againServer.has_value());
    CHECK(*againServer == *firstServer);
    CHECK(again.running());
}
