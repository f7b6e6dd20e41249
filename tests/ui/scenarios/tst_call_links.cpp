// Call links as anyone can put them in a web page (convene://calls/<stream>): they open the screen
// before joining, with a camera preview, device and microphone/camera choices, Join and Cancel.
// Nothing is sent for the call until Join, which is checked where it would show: the call
// signals in the local workspace every member's app reads. A link to a conversation the user is
// not in is refused with a message, and sends nothing either.
#include "app_controller.h"
#include "app_link_handler.h"
#include "app_root.h"
#include "command_line.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/call/call_controller.h>
#include <convene/call/call_signal.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/chat_events.h>
#include <convene/store/database.h>

#include "catch_qt_strings.h"

#include <QCoreApplication>
#include <QFileOpenEvent>
#include <QQuickItem>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using convene::call::CallController;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");
// Longer than a join's wait for calls already going on, and than a call's heartbeat.
constexpr int kQuietMs = 2500;

struct Workspace {
    QTemporaryDir shared;
    QString file = shared.filePath(QStringLiteral("team.convene"));
};

Scenario::Config member(const Workspace& workspace, const QString& profileDir,
                        const QString& name = QStringLiteral("Alice"))
{
    QSettings state(profileDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    state.setValue(QStringLiteral("testing/syntheticMedia"), true);
    state.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
    state.setValue(QStringLiteral("call/videoHeight"), 360);
    state.sync();
    Scenario::Config config;
    config.options.workspace = workspace.file;
    config.options.profileDir = profileDir;
    config.options.language = QStringLiteral("en");
    config.options.theme = QStringLiteral("light");
    config.policy = {{QStringLiteral("displayName"), name}};
    return config;
}

CallController& callsOf(Scenario& s)
{
    return s.app().calls();
}

QString userOf(Scenario& s)
{
    return s.app().chat().conversationState().userId();
}

// The call signals `userId` sent through the workspace (what every member's app receives).
int callSignalsSent(const Workspace& workspace, const QString& userId)
{
    auto db = convene::store::Database::open(workspace.file, convene::store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto count = (*db)->prepare(QStringLiteral("SELECT count(*) FROM ephemeral WHERE kind = ? AND sender = ?"));
    REQUIRE(count.ok());
    (*count)->bind(1, QString::fromLatin1(convene::call::kCallSignalKind)).bind(2, userId);
    REQUIRE((*count)->step().valueOr(false));
    return int((*count)->int64(0));
}

// The way the system hands a link to the running app (and a later launch hands over its own).
void follow(const QString& link)
{
    QCoreApplication::postEvent(QCoreApplication::instance(), new QFileOpenEvent(QUrl(link)));
    QTest::qWait(50);
}

QString textOf(Scenario& s, const QString& objectName)
{
    return s.find(objectName)->property("text").toString();
}

bool idle(Scenario& s)
{
    return callsOf(s).stateName() == QLatin1String("idle") && !callsOf(s).joining() &&
           callsOf(s).participants()->rowCount() == 0;
}

} // namespace

TEST_CASE("A call link opens the screen before joining; nothing is sent or captured until Join", "[security]")
{
    QmlWarnings warnings(QStringLiteral("Call"));
    Workspace workspace;
    QTemporaryDir profile;
    Scenario s(member(workspace, profile.path()));
    REQUIRE(s.waitFor([&] { return s.app().chat().conversationState().isMember(kGeneral); }, 5000));
    const QString me = userOf(s);
    CallController& calls = callsOf(s);

    follow(QStringLiteral("convene://calls/channel%3Ageneral"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinView")); }));
    CHECK(s.controller().currentView() == QStringLiteral("calls"));
    CHECK(textOf(s, QStringLiteral("preJoinTitle")) == QStringLiteral("Join the call in #general"));
    CHECK(textOf(s, QStringLiteral("preJoinPeople")).contains(QStringLiteral("No one")));
    for (const char* name :
         {"preJoinCameraChoice", "preJoinMicrophoneChoice", "preJoinSpeakerChoice", "preJoinMicrophoneButton",
          "preJoinCameraButton", "preJoinJoinButton", "preJoinCancelButton"})
        CHECK(s.isShown(QString::fromLatin1(name)));
    // The synthetic devices are listed and chosen.
    CHECK(s.find(QStringLiteral("preJoinCameraChoice"))->property("count").toInt() >= 1);
    CHECK(s.find(QStringLiteral("preJoinMicrophoneChoice"))->property("currentIndex").toInt() >= 0);

    // The camera starts off and its preview shows once turned on; the call captures nothing.
    CHECK_FALSE(calls.preJoin()->cameraOn());
    CHECK_FALSE(calls.preJoin()->previewing());
    s.click(QStringLiteral("preJoinCameraButton"));
    REQUIRE(s.waitFor([&] { return calls.preJoin()->previewing(); }));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("preJoinVideo"))->property("hasPicture").toBool(); }));
    CHECK(calls.preJoin()->microphoneOn());
    s.click(QStringLiteral("preJoinMicrophoneButton"));
    CHECK_FALSE(calls.preJoin()->microphoneOn());
    QTest::qWait(kQuietMs);
    CHECK(idle(s));
    CHECK(callSignalsSent(workspace, me) == 0);
    s.screenshot(QStringLiteral("call-pre-join"));
    // Another view: the camera goes off behind it, and comes back with the screen.
    s.controller().setCurrentView(QStringLiteral("chat"));
    REQUIRE(s.waitFor([&] { return !calls.preJoin()->previewing(); }));
    CHECK(calls.preJoin()->active());
    s.controller().setCurrentView(QStringLiteral("calls"));
    REQUIRE(s.waitFor([&] { return calls.preJoin()->previewing(); }));

    // Cancel: no call, and the camera is let go.
    s.click(QStringLiteral("preJoinCancelButton"));
    REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("preJoinView")); }));
    CHECK_FALSE(calls.preJoin()->active());
    CHECK_FALSE(calls.preJoin()->previewing());
    QTest::qWait(kQuietMs);
    CHECK(idle(s));
    CHECK(callSignalsSent(workspace, me) == 0);

    // Join: only now is the call joined, with the choices made on the screen.
    follow(QStringLiteral("convene://calls/channel%3Ageneral"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinView")); }));
    CHECK(idle(s));
    s.click(QStringLiteral("preJoinCameraButton"));
    if (calls.preJoin()->microphoneOn())
        s.click(QStringLiteral("preJoinMicrophoneButton"));
    s.click(QStringLiteral("preJoinJoinButton"));
    REQUIRE(s.waitFor([&] { return calls.stateName() == QLatin1String("inCall"); }, 8000));
    CHECK_FALSE(calls.preJoin()->active());
    CHECK_FALSE(calls.preJoin()->previewing());
    CHECK(calls.microphoneMuted());
    CHECK(calls.cameraOn());
    REQUIRE(s.waitFor([&] { return callSignalsSent(workspace, me) > 0; }, 5000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("callLeaveButton")); }));
    s.click(QStringLiteral("callLeaveButton"));
    REQUIRE(s.waitFor([&] { return calls.stateName() == QLatin1String("idle"); }));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("A call link to a DM the user is not in, or a channel they are not a member of, is refused", "[security]")
{
    QmlWarnings warnings(QStringLiteral("Call"));
    Workspace workspace;
    QTemporaryDir aliceProfile;
    QTemporaryDir bobProfile;
    Scenario alice(member(workspace, aliceProfile.path()));
    Scenario bob(member(workspace, bobProfile.path(), QStringLiteral("Bob")));
    // Bob has a private channel and a direct conversation with Li Wei; Alice is in neither.
    REQUIRE(bob.waitFor([&] { return bob.app().chat().conversationState().isMember(kGeneral); }, 5000));
    REQUIRE(bob.app().chat().admin()->createChannel(QStringLiteral("secret-plans"), QString(), true).isEmpty());
    const QString secret = bob.app().chat().currentStream();
    REQUIRE(secret.startsWith(QStringLiteral("private:")));
    const QString direct = convene::chat::directStream({userOf(bob), QStringLiteral("demo-li-wei")});
    REQUIRE(alice.waitFor([&] { return alice.app().chat().conversationState().isMember(kGeneral); }, 5000));
    const QString me = userOf(alice);
    CallController& calls = callsOf(alice);
    CHECK_FALSE(alice.app().chat().conversationState().isMember(secret));
    CHECK_FALSE(alice.app().chat().conversationState().isMember(direct));

    const auto linkTo = [](const QString& stream) {
        return QStringLiteral("convene://calls/") + QString::fromLatin1(QUrl::toPercentEncoding(stream));
    };
    const struct {
        QString link;
        QString says;
    } refused[] = {
        {linkTo(direct), QStringLiteral("direct conversation you are not part of")},
        {linkTo(secret), QStringLiteral("not a member")},
        {linkTo(QStringLiteral("channel:no-such-channel")), QStringLiteral("not a member")},
    };
    for (const auto& link : refused) {
        INFO(link.link.toStdString());
        // Two apps share this process and its link events: Alice's link handler's path, directly.
        const auto stream = convene::callLinkOf(QUrl(link.link));
        REQUIRE(stream.has_value());
        convene::openCallLink(alice.controller(), *stream);
        REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("callLinkRefusal")); }));
        CHECK_FALSE(alice.isShown(QStringLiteral("preJoinView")));
        CHECK(alice.controller().currentView() == QStringLiteral("calls"));
        CHECK(textOf(alice, QStringLiteral("callLinkRefusalText")).contains(link.says));
        // Nothing to join from here, not even by asking the screen's object directly.
        CHECK_FALSE(calls.preJoin()->join().isEmpty());
        CHECK_FALSE(calls.preJoin()->previewing());
        alice.screenshot(QStringLiteral("call-link-refused"));
        QTest::qWait(kQuietMs);
        CHECK(idle(alice));
        CHECK(callSignalsSent(workspace, me) == 0);
        alice.click(QStringLiteral("callLinkRefusalClose"));
        REQUIRE(alice.waitFor([&] { return !alice.isShown(QStringLiteral("callLinkRefusal")); }));
    }
    CHECK(idle(bob));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("A call link on the command line opens the screen before joining too", "[security]")
{
    Workspace workspace;
    QTemporaryDir profile;
    Scenario::Config config = member(workspace, profile.path());
    config.options.callStream = kGeneral; // what parseCommandLine makes of convene://calls/channel%3Ageneral
    Scenario s(config);
    // A new profile learns its channels from the workspace first.
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinView")); }, 10000));
    CHECK(s.controller().currentView() == QStringLiteral("calls"));
    QTest::qWait(kQuietMs);
    CHECK(idle(s));
    CHECK(callSignalsSent(workspace, userOf(s)) == 0);
}
