// Two apps on two "computers": each in a network namespace of its own, joined by a veth pair
// with addresses this test picks, so nothing relies on sharing 127.0.0.1. The server (Prosody)
// runs beside Alice; Bob reaches it, and Alice's media, across the link. They sign in, talk in
// a channel both ways and make a call.
//
//   tst_xmpp_netns                     (root) creates the namespaces and the link, runs Alice in
//                                      the first, removes everything after
//   tst_xmpp_netns --role alice ...    Prosody and Alice; starts Bob in the second namespace
//   tst_xmpp_netns --role bob ...      Bob
#include "app_controller.h"
#include "app_identity.h"
#include "app_root.h"
#include "prosody_server.h"
#include "scenario.h"
#include "xmpp_test_accounts.h"

#include <convene/call/call_controller.h>
#include <convene/call/participant_model.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QHostAddress>
#include <QProcess>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <stdexcept>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_AppPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatCorePlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

using convene::chat::MessageListModel;
using convene::test::Scenario;

namespace {

const QString kPing = QStringLiteral("ping from namespace A");
const QString kPong = QStringLiteral("pong from namespace B");
constexpr int kWaitMs = 20000;

void require(bool condition, const char* what)
{
    if (!condition)
        throw std::runtime_error(what);
}

void log(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

int run(const QString& program, const QStringList& arguments, int timeoutMs = 10000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// ---- both people -------------------------------------------------------------------------

Scenario::Config person(const QString& server, const QString& fingerprint)
{
    QTemporaryDir* profile = new QTemporaryDir; // lives as long as the process
    QSettings state(profile->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    state.setValue(QStringLiteral("testing/syntheticMedia"), true); // media on the veth link, not loopback
    state.setValue(QStringLiteral("call/videoHeight"), 360);
    state.sync();
    Scenario::Config config;
    config.options.profileDir = profile->path();
    config.options.language = QStringLiteral("en");
    config.policy = {{QStringLiteral("backend"), QStringLiteral("xmpp")},
                     {QStringLiteral("serverUrl"), server},
                     {QStringLiteral("serverCertificateSha256"), fingerprint}};
    return config;
}

void signIn(Scenario& s, const QString& address, const QString& password)
{
    require(s.window()->objectName() == QLatin1String("signInWindow"), "the sign-in screen is shown");
    s.click(QStringLiteral("signInAddress"));
    s.typeText(address);
    s.click(QStringLiteral("signInPassword"));
    s.typeText(password);
    s.press(QKeySequence(Qt::Key_Return));
    require(s.waitFor(
                [&] {
                    return s.window()->objectName() == QLatin1String("mainWindow") ||
                           s.isShown(QStringLiteral("keychainProblem"));
                },
                kWaitMs),
            "signed in");
    if (s.window()->objectName() != QLatin1String("mainWindow"))
        s.click(QStringLiteral("continueWithoutSavingButton"));
    require(s.waitFor([&] { return s.app().sync().stateName() == QLatin1String("online"); }, kWaitMs), "online");
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(s.app().chat().timeline());
}

bool shows(Scenario& s, const QString& text)
{
    MessageListModel& model = timelineOf(s);
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::TextRole).toString() == text)
            return true;
    return false;
}

// For the log of a failed run.
bool dumpTimeline(Scenario& s)
{
    MessageListModel& model = timelineOf(s);
    log(QStringLiteral("%1's timeline of %2: %3 rows")
            .arg(s.controller().accountAddress(), s.app().chat().currentStream())
            .arg(model.rowCount()));
    for (int row = 0; row < model.rowCount(); ++row)
        log(QStringLiteral("  ") + model.data(model.index(row), MessageListModel::TextRole).toString());
    return false;
}

void post(Scenario& s, const QString& text)
{
    const QString stream = s.app().chat().currentStream();
    require(s.waitFor(
                [&] {
                    return s.app().chat().conversationState().isMember(stream) &&
                           s.isShown(QStringLiteral("composer_input"));
                },
                kWaitMs),
            "the conversation is open to write in");
    require(QTest::qWaitForWindowExposed(s.window()), "the window is shown");
    s.window()->requestActivate();
    require(s.waitFor([&] { return s.window()->isActive(); }, kWaitMs), "the window is active");
    require(s.clickToFocus(QStringLiteral("composer_input"), kWaitMs), "the composer takes the focus");
    s.typeText(text);
    QObject* composer = s.find(QStringLiteral("composer_input"));
    require(s.waitFor([&] { return composer->property("text").toString() == text; }, kWaitMs), "the text is typed");
    s.press(QKeySequence(Qt::Key_Return));
    require(s.waitFor([&] { return shows(s, text); }, kWaitMs) || dumpTimeline(s), "the message is in the timeline");
}

bool otherConnected(Scenario& s)
{
    auto& participants = *qobject_cast<convene::call::ParticipantModel*>(s.app().calls().participants());
    for (const QString& endpoint : participants.endpoints())
        if (const auto* row = participants.find(endpoint); row && !row->isSelf)
            return row->connection == QLatin1String("connected");
    return false;
}

// ---- Bob, in the second namespace --------------------------------------------------------

int bob(const QString& server, const QString& fingerprint, const QString& domain, const QString& channel)
{
    Scenario s(person(server, fingerprint));
    signIn(s, QStringLiteral("bob@") + domain, convene::test::testPassword(QStringLiteral("bob")));
    require(
        s.waitFor([&] { return s.app().chat().channelList().displayName(channel) == QLatin1String("netns"); }, kWaitMs),
        "Bob learns of Alice's channel");
    require(s.app().chat().admin()->join(channel).isEmpty(), "Bob joins");
    s.app().chat().openConversation(channel);
    require(s.waitFor([&] { return shows(s, kPing); }, kWaitMs) || dumpTimeline(s), "Bob sees Alice's message");
    post(s, kPong);
    auto& calls = s.app().calls();
    require(s.waitFor([&] { return calls.stateName() == QLatin1String("ringing"); }, kWaitMs),
            "Alice's call rings for Bob");
    s.click(QStringLiteral("incomingAcceptButton"));
    require(s.waitFor([&] { return otherConnected(s); }, kWaitMs), "Bob's call connects to Alice");
    log(QStringLiteral("bob: call connected"));
    if (!s.waitFor([&] { return calls.stateName() == QLatin1String("idle"); }, kWaitMs))
        s.click(QStringLiteral("callLeaveButton"));
    return 0;
}

// ---- Alice and the server, in the first namespace ----------------------------------------

int alice(const QString& self, const QString& address, const QString& peerNamespace)
{
    convene::test::ProsodyServer server;
    convene::test::ProsodyServer::Options options =
        convene::test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")});
    options.bindAddress = QHostAddress(address);
    require(server.start(options), "Prosody starts on the link's address");
    const QString serverAddress = QStringLiteral("%1:%2").arg(address).arg(server.c2sPort());
    const QString fingerprint = server.serverCertificateSha256();

    Scenario s(person(serverAddress, fingerprint));
    signIn(s, QStringLiteral("alice@") + server.domain(), convene::test::testPassword(QStringLiteral("alice")));
    require(s.app().chat().admin()->createChannel(QStringLiteral("netns"), {}, false).isEmpty(),
            "Alice creates a channel");
    const QString channel = s.app().chat().currentStream();
    post(s, kPing);

    QProcess bobProcess;
    bobProcess.setProcessChannelMode(QProcess::ForwardedChannels);
    bobProcess.start(QStringLiteral("ip"),
                     {QStringLiteral("netns"), QStringLiteral("exec"), peerNamespace, self, QStringLiteral("--role"),
                      QStringLiteral("bob"), QStringLiteral("--server"), serverAddress, QStringLiteral("--fingerprint"),
                      fingerprint, QStringLiteral("--domain"), server.domain(), QStringLiteral("--channel"), channel});
    const auto bobFinished = [&] { return bobProcess.state() == QProcess::NotRunning; };
    require((s.waitFor([&] { return shows(s, kPong) || bobFinished(); }, 3 * kWaitMs) && shows(s, kPong)) ||
                dumpTimeline(s),
            "Alice sees Bob's answer from the other namespace");
    auto& calls = s.app().calls();
    s.app().controller().setCurrentView(QStringLiteral("chat"));
    s.click(QStringLiteral("videoCallButton"));
    require(s.waitFor([&] { return otherConnected(s) || bobFinished(); }, 2 * kWaitMs) && otherConnected(s),
            "Alice's call connects to Bob across the link");
    log(QStringLiteral("alice: call connected"));
    QTest::qWait(1000); // a moment of media both ways
    s.click(QStringLiteral("callLeaveButton"));
    require(s.waitFor([&] { return calls.stateName() == QLatin1String("idle"); }, kWaitMs), "Alice leaves the call");
    require(s.waitFor(bobFinished, 2 * kWaitMs), "Bob finishes");
    require(bobProcess.exitStatus() == QProcess::NormalExit && bobProcess.exitCode() == 0, "Bob's part succeeded");
    return 0;
}

// ---- the namespaces ----------------------------------------------------------------------

struct Link {
    QString namespaceA, namespaceB, vethA, vethB, addressA, addressB;

    Link()
    {
        const int id = int(QCoreApplication::applicationPid() % 50000);
        namespaceA = QStringLiteral("convene-a-%1").arg(id);
        namespaceB = QStringLiteral("convene-b-%1").arg(id);
        vethA = QStringLiteral("cva%1").arg(id);
        vethB = QStringLiteral("cvb%1").arg(id);
        // A /30 of 10.0.0.0/8 of this run's own: nothing else on this machine is expected there.
        const int third = id % 250, second = 100 + id / 250 % 100;
        addressA = QStringLiteral("10.%1.%2.1").arg(second).arg(third);
        addressB = QStringLiteral("10.%1.%2.2").arg(second).arg(third);
    }

    bool create() const
    {
        const QString ip = QStringLiteral("ip");
        const QList<QStringList> steps = {
            {QStringLiteral("netns"), QStringLiteral("add"), namespaceA},
            {QStringLiteral("netns"), QStringLiteral("add"), namespaceB},
            {QStringLiteral("link"), QStringLiteral("add"), vethA, QStringLiteral("type"), QStringLiteral("veth"),
             QStringLiteral("peer"), QStringLiteral("name"), vethB},
            {QStringLiteral("link"), QStringLiteral("set"), vethA, QStringLiteral("netns"), namespaceA},
            {QStringLiteral("link"), QStringLiteral("set"), vethB, QStringLiteral("netns"), namespaceB},
            {QStringLiteral("-n"), namespaceA, QStringLiteral("addr"), QStringLiteral("add"),
             addressA + QStringLiteral("/30"), QStringLiteral("dev"), vethA},
            {QStringLiteral("-n"), namespaceB, QStringLiteral("addr"), QStringLiteral("add"),
             addressB + QStringLiteral("/30"), QStringLiteral("dev"), vethB},
            {QStringLiteral("-n"), namespaceA, QStringLiteral("link"), QStringLiteral("set"), vethA,
             QStringLiteral("up")},
            {QStringLiteral("-n"), namespaceB, QStringLiteral("link"), QStringLiteral("set"), vethB,
             QStringLiteral("up")},
            {QStringLiteral("-n"), namespaceA, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
             QStringLiteral("up")},
            {QStringLiteral("-n"), namespaceB, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
             QStringLiteral("up")},
        };
        for (const QStringList& step : steps)
            if (run(ip, step) != 0) {
                log(QStringLiteral("failed: ip ") + step.join(u' '));
                return false;
            }
        return true;
    }

    // Whatever still runs in either namespace is stopped; the veth pair goes with them.
    void remove() const
    {
        for (const QString& ns : {namespaceA, namespaceB}) {
            QProcess pids;
            pids.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("pids"), ns});
            pids.waitForFinished(5000);
            const QStringList left = QString::fromLatin1(pids.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
            if (!left.isEmpty())
                run(QStringLiteral("kill"), QStringList{QStringLiteral("-KILL")} + left);
            run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("del"), ns});
        }
    }
};

int orchestrate(const QString& self)
{
    if (geteuid() != 0) {
        log(QStringLiteral("tst_xmpp_netns must run as root: it creates network namespaces and a veth pair."));
        return 1;
    }
    const Link link;
    if (!link.create()) {
        link.remove();
        return 1;
    }
    log(QStringLiteral("namespaces %1 (%2) and %3 (%4)")
            .arg(link.namespaceA, link.addressA, link.namespaceB, link.addressB));
    const int result = run(QStringLiteral("ip"),
                           {QStringLiteral("netns"), QStringLiteral("exec"), link.namespaceA, self,
                            QStringLiteral("--role"), QStringLiteral("alice"), QStringLiteral("--address"),
                            link.addressA, QStringLiteral("--peer-namespace"), link.namespaceB},
                           240000);
    link.remove();
    return result;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", QDir(home.path()).filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", home.path().toLocal8Bit());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain: the password stays in memory
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    convene::setApplicationIdentity();
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    const QStringList names{QStringLiteral("role"),   QStringLiteral("address"),     QStringLiteral("peer-namespace"),
                            QStringLiteral("server"), QStringLiteral("fingerprint"), QStringLiteral("domain"),
                            QStringLiteral("channel")};
    for (const QString& name : names)
        parser.addOption(QCommandLineOption(name, name, name));
    parser.process(app);
    const QString self = QCoreApplication::applicationFilePath();
    try {
        const QString role = parser.value(QStringLiteral("role"));
        if (role == u"alice")
            return alice(self, parser.value(QStringLiteral("address")), parser.value(QStringLiteral("peer-namespace")));
        if (role == u"bob")
            return bob(parser.value(QStringLiteral("server")), parser.value(QStringLiteral("fingerprint")),
                       parser.value(QStringLiteral("domain")), parser.value(QStringLiteral("channel")));
        const int result = orchestrate(self);
        log(result == 0 ? QStringLiteral("passed") : QStringLiteral("FAILED"));
        return result;
    } catch (const std::exception& e) {
        log(QStringLiteral("FAILED: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }
}
