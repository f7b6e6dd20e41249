// Calls as people make them: two members on one workspace, each with the synthetic camera and
// voice and media only over loopback. A video call from a channel header rings the other side,
// is accepted from the banner, carries pictures and sound both ways (latency measured from the
// pictures' stamps and the voice's markers), shows mute and camera changes, and ends with Leave.
// A calendar event's call link opens the screen before joining, and from there a meeting room call.
#include "app_controller.h"
#include "app_root.h"
#include "scenario.h"

#include <convene/call/call_controller.h>
#include <convene/call/participant_model.h>
#include <convene/chat/chat_controller.h>

#include "catch_qt_strings.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using convene::call::CallController;
using convene::call::CallSession;
using convene::call::ParticipantModel;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

// A profile that calls with synthetic devices, only over 127.0.0.1, at 360p to spare the CPU.
Scenario::Config caller(const QString& workspace, const QString& profileDir, const QString& name,
                        const QString& language = QStringLiteral("en"), const QString& theme = QStringLiteral("light"))
{
    QSettings state(profileDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    state.setValue(QStringLiteral("testing/syntheticMedia"), true);
    state.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
    state.setValue(QStringLiteral("call/videoHeight"), 360);
    state.sync();
    Scenario::Config config;
    config.options.workspace = workspace;
    config.options.profileDir = profileDir;
    config.options.language = language;
    config.options.theme = theme;
    config.policy = {{QStringLiteral("displayName"), name}};
    return config;
}

CallController& callsOf(Scenario& s)
{
    return s.app().calls();
}

ParticipantModel& participantsOf(Scenario& s)
{
    return *qobject_cast<ParticipantModel*>(callsOf(s).participants());
}

const ParticipantModel::Row* otherRow(Scenario& s)
{
    ParticipantModel& model = participantsOf(s);
    for (const QString& endpoint : model.endpoints())
        if (const auto* row = model.find(endpoint); row && !row->isSelf)
            return row;
    return nullptr;
}

void openChannel(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    s.click(QStringLiteral("channel_") + stream);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == stream; }));
}

struct Latency {
    std::vector<qint64> videoUs;
    std::vector<qint64> audioUs;

    explicit Latency(CallController& calls)
    {
        QObject::connect(&calls, &CallController::videoLatencyMeasured, &calls,
                         [this](const QString&, qint64 us) { videoUs.push_back(us); });
        QObject::connect(&calls, &CallController::audioLatencyMeasured, &calls,
                         [this](qint64 us) { audioUs.push_back(us); });
    }
};

double percentileMs(std::vector<qint64> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : double(values[std::size_t(p * double(values.size() - 1))]) / 1000.0;
}

struct TwoCallers {
    QTemporaryDir shared;
    QTemporaryDir aliceProfile;
    QTemporaryDir bobProfile;
    QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario alice{caller(workspace, aliceProfile.path(), QStringLiteral("Alice"))};
    // Bob runs in Chinese and dark mode, so the call views are seen in both.
    Scenario bob{
        caller(workspace, bobProfile.path(), QStringLiteral("Bob"), QStringLiteral("zh_CN"), QStringLiteral("dark"))};
};

} // namespace

TEST_CASE("A video call from a channel: ring, accept, pictures and sound both ways, mute, camera, leave")
{
    TwoCallers two;
    Scenario& alice = two.alice;
    Scenario& bob = two.bob;
    QAbstractItemModelTester aliceTester(&participantsOf(alice), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester bobTester(&participantsOf(bob), QAbstractItemModelTester::FailureReportingMode::Fatal);
    Latency aliceMeasured(callsOf(alice));
    Latency bobMeasured(callsOf(bob));
    openChannel(alice, kGeneral);
    openChannel(bob, kGeneral);
    // Bob must know he is in #general before a call there can ring for him.
    REQUIRE(bob.waitFor([&] { return bob.app().chat().conversationState().isMember(kGeneral); }, 5000));

    // A TURN entry Alice mistyped: the call goes on without it, and she is told which setting is
    // wrong without the password being repeated.
    REQUIRE(alice.app().settings().setValue(QStringLiteral("turnServers"),
                                            QStringLiteral("turn:alice:hunter2-secret.turn.example.com")));
    QStringList aliceNoticeTexts;
    QObject::connect(&callsOf(alice), &CallController::noticeRaised, &callsOf(alice),
                     [&](const QString& text) { aliceNoticeTexts << text; });
    alice.click(QStringLiteral("videoCallButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("inCall"); }));
    CHECK(alice.controller().currentView() == QLatin1String("calls"));
    CHECK(callsOf(alice).waiting());
    REQUIRE(aliceNoticeTexts.size() == 1);
    CHECK(aliceNoticeTexts[0].contains(QLatin1String("turnServers: server 1 of the list")));
    CHECK_FALSE(aliceNoticeTexts[0].contains(QLatin1String("hunter2")));
    CHECK(alice.isShown(QStringLiteral("callLeaveButton")));

    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("ringing"); }, 5000));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("incomingCallBanner")); }));
    CHECK(callsOf(bob).callerName() == QLatin1String("Alice"));
    CHECK(callsOf(bob).streamName() == QLatin1String("#general"));
    QTest::qWait(400); // the banner slides in
    bob.screenshot(QStringLiteral("call-ringing"));
    bob.click(QStringLiteral("incomingAcceptButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("inCall"); }));
    CHECK(bob.controller().currentView() == QLatin1String("calls"));

    // Both see two tiles, and the other side connects.
    for (Scenario* s : {&alice, &bob}) {
        REQUIRE(s->waitFor([&] { return participantsOf(*s).rowCount() == 2; }, 5000));
        REQUIRE(s->waitFor(
            [&] {
                const auto* row = otherRow(*s);
                return row && row->connection == QLatin1String("connected");
            },
            8000));
    }
    CHECK(otherRow(alice)->name == QLatin1String("Bob"));
    CHECK(otherRow(bob)->name == QLatin1String("Alice"));
    CHECK_FALSE(callsOf(alice).waiting());

    // Pictures and sound arrive both ways for a few seconds.
    REQUIRE(
        alice.waitFor([&] { return aliceMeasured.videoUs.size() > 90 && aliceMeasured.audioUs.size() >= 3; }, 15000));
    REQUIRE(bob.waitFor([&] { return bobMeasured.videoUs.size() > 90 && bobMeasured.audioUs.size() >= 3; }, 15000));
    for (auto [name, measured] : {std::pair{"Alice", &aliceMeasured}, std::pair{"Bob", &bobMeasured}}) {
        const double p50 = percentileMs(measured->videoUs, 0.5);
        const double p95 = percentileMs(measured->videoUs, 0.95);
        const double audio = percentileMs(measured->audioUs, 0.5);
        std::printf(
            "%s: %zu pictures, glass to glass p50 %.1f ms, p95 %.1f ms; %zu voice markers, mouth to ear p50 %.1f ms\n",
            name, measured->videoUs.size(), p50, p95, measured->audioUs.size(), audio);
        CHECK(p50 > 0);
        CHECK(p95 < 1000); // loose: two apps and four codecs share two cores here; the benchmark measures
        CHECK(audio > 0);
        CHECK(audio < 1000);
    }
    REQUIRE(bob.waitFor(
        [&] {
            return otherRow(bob) && otherRow(bob)->stats.size() >= 5 &&
                   otherRow(bob)->stats.at(0).contains(QStringLiteral("640×360"));
        },
        3000));
    CHECK(otherRow(bob)->stats.last().endsWith(QStringLiteral(" host UDP ↔ host UDP"))); // over ICE
    bob.click(QStringLiteral("callStatsButton"));
    CHECK(callsOf(bob).statsVisible());
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("tileStatsOverlay")); }));
    bob.screenshot(QStringLiteral("call-two-people-stats"));

    // Alice mutes and turns her camera off; Bob's tile of her follows.
    alice.click(QStringLiteral("callMicrophoneButton"));
    CHECK(callsOf(alice).microphoneMuted());
    alice.click(QStringLiteral("callCameraButton"));
    CHECK_FALSE(callsOf(alice).cameraOn());
    REQUIRE(bob.waitFor([&] { return otherRow(bob)->audioMuted && !otherRow(bob)->videoOn; }, 3000));
    alice.click(QStringLiteral("callMicrophoneButton"));
    REQUIRE(bob.waitFor([&] { return !otherRow(bob)->audioMuted; }, 3000));

    // Alice leaves; Bob stays in the channel's call until he leaves too.
    alice.click(QStringLiteral("callLeaveButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("idle"); }));
    REQUIRE(bob.waitFor([&] { return participantsOf(bob).rowCount() == 1; }, 3000));
    CHECK(callsOf(bob).stateName() == QLatin1String("inCall"));
    // Alice's channel header now offers to join the call Bob is still in.
    alice.controller().setCurrentView(QStringLiteral("chat"));
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("joinCallButton")); }, 6000));
    bob.click(QStringLiteral("callLeaveButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("idle"); }));
}

TEST_CASE("Declining a call tells the caller; a calendar event's call link joins the meeting room")
{
    TwoCallers two;
    Scenario& alice = two.alice;
    Scenario& bob = two.bob;
    openChannel(alice, kGeneral);
    REQUIRE(bob.waitFor([&] { return bob.app().chat().conversationState().isMember(kGeneral); }, 5000));

    // Both apps share this process's translators, so the notices are checked by kind, not text.
    QList<CallSession::Notice> aliceNotices;
    QStringList aliceNoticeTexts;
    QObject::connect(&callsOf(alice).session(), &CallSession::notice, &callsOf(alice),
                     [&](CallSession::Notice notice, const QString&) { aliceNotices << notice; });
    QObject::connect(&callsOf(alice), &CallController::noticeRaised, &callsOf(alice),
                     [&](const QString& text) { aliceNoticeTexts << text; });
    alice.click(QStringLiteral("voiceCallButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("ringing"); }, 5000));
    CHECK_FALSE(callsOf(bob).video());
    bob.click(QStringLiteral("incomingDeclineButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("idle"); }));
    REQUIRE(alice.waitFor([&] { return aliceNotices.contains(CallSession::Notice::Declined); }, 5000));
    CHECK(aliceNoticeTexts.size() == 1);
    alice.click(QStringLiteral("callLeaveButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("idle"); }));

    // Both follow the same meeting link and join from the screen before the call; the second
    // finds the first one's call instead of starting another.
    const QString room = QStringLiteral("meeting:design-review");
    const auto joinFromLink = [&](Scenario& s) {
        s.controller().setCurrentView(QStringLiteral("calls"));
        REQUIRE(callsOf(s).prepareJoin(room).isEmpty());
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinJoinButton")); }));
        CHECK(callsOf(s).stateName() == QLatin1String("idle"));
        s.click(QStringLiteral("preJoinJoinButton"));
    };
    joinFromLink(alice);
    CHECK(callsOf(alice).joining()); // first asks whether a call is going on there
    CHECK(alice.isShown(QStringLiteral("joiningCall")));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("inCall"); }, 5000));
    CHECK_FALSE(callsOf(alice).joining());
    // "Meeting" in whichever language this process's translators give (both apps share them).
    CHECK_FALSE(callsOf(alice).streamName().isEmpty());
    CHECK_FALSE(callsOf(alice).streamName().startsWith(QLatin1String("meeting:")));
    joinFromLink(bob);
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("inCall"); }, 5000));
    CHECK(callsOf(bob).session().callId() == callsOf(alice).session().callId());
    REQUIRE(alice.waitFor([&] { return participantsOf(alice).rowCount() == 2; }, 5000));
    REQUIRE(
        bob.waitFor([&] { return otherRow(bob) && otherRow(bob)->connection == QLatin1String("connected"); }, 8000));
    alice.screenshot(QStringLiteral("call-meeting-room"));
}

// A profile whose call engine is missing, or there but damaged (not a library).
struct WithoutEngine {
    QTemporaryDir dir;
    QString engine = dir.filePath(QStringLiteral("convene_call_engine.so"));

    explicit WithoutEngine(bool damaged)
    {
        if (damaged) {
            QFile file(engine);
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write("not a library");
        }
    }
    // The app looks for its engine when it starts (AppRoot's constructor).
    std::unique_ptr<Scenario> start(const Scenario::Config& config) const
    {
        const QByteArray installed = qgetenv("CONVENE_CALL_ENGINE");
        qputenv("CONVENE_CALL_ENGINE", QFile::encodeName(engine));
        auto scenario = std::make_unique<Scenario>(config);
        qputenv("CONVENE_CALL_ENGINE", installed);
        return scenario;
    }
};

const QString kNoEngine = QStringLiteral("Calls are not available");

TEST_CASE("Without a working call engine no call starts: the reason is shown, nothing is sent, About still opens")
{
    const bool damaged = GENERATE(false, true);
    INFO((damaged ? "damaged" : "missing"));
    const WithoutEngine without(damaged);
    QTemporaryDir shared;
    QTemporaryDir profile;
    const std::unique_ptr<Scenario> alice =
        without.start(caller(shared.filePath(QStringLiteral("team.convene")), profile.path(), QStringLiteral("Alice")));
    Scenario& s = *alice;
    int stateChanges = 0;
    QObject::connect(&callsOf(s).session(), &CallSession::stateChanged, &callsOf(s), [&] { ++stateChanges; });

    openChannel(s, kGeneral);
    s.click(QStringLiteral("videoCallButton"));
    REQUIRE(
        s.waitFor([&] { return s.find(QStringLiteral("toast"))->property("text").toString().startsWith(kNoEngine); }));
    CHECK(s.find(QStringLiteral("toast"))->property("opacity").toDouble() > 0);
    CHECK(stateChanges == 0); // no call started, so nobody was rung
    CHECK(callsOf(s).stateName() == QLatin1String("idle"));
    CHECK(s.controller().currentView() == QLatin1String("chat"));
    // A call link tells the same instead of opening the screen before joining.
    CHECK(callsOf(s).prepareJoin(kGeneral).startsWith(kNoEngine));

    s.click(QStringLiteral("openAbout"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("aboutDialog"))->property("opened").toBool(); }));
    CHECK(s.isShown(QStringLiteral("version_SQLite")));
    CHECK_FALSE(s.find(QStringLiteral("version_libvpx")));
}

TEST_CASE("A member without a working call engine is rung, cannot accept and is told why; the caller keeps waiting")
{
    QTemporaryDir shared;
    QTemporaryDir aliceProfile;
    QTemporaryDir bobProfile;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario alice{caller(workspace, aliceProfile.path(), QStringLiteral("Alice"))};
    const WithoutEngine without(false);
    const std::unique_ptr<Scenario> bobApp = without.start(caller(workspace, bobProfile.path(), QStringLiteral("Bob")));
    Scenario& bob = *bobApp;
    openChannel(alice, kGeneral);
    openChannel(bob, kGeneral);
    REQUIRE(bob.waitFor([&] { return bob.app().chat().conversationState().isMember(kGeneral); }, 5000));

    alice.click(QStringLiteral("videoCallButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("inCall"); }));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("ringing"); }, 5000));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("incomingCallBanner")); }));
    QTest::qWait(400); // the banner slides in
    bob.click(QStringLiteral("incomingAcceptButton"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("incomingErrorLabel")); }));
    CHECK(bob.find(QStringLiteral("incomingErrorLabel"))->property("text").toString().startsWith(kNoEngine));
    CHECK(callsOf(bob).stateName() == QLatin1String("ringing"));
    QTest::qWait(500);
    CHECK(participantsOf(alice).rowCount() == 1);
    CHECK(callsOf(alice).waiting());

    bob.click(QStringLiteral("incomingDeclineButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("idle"); }));
    alice.click(QStringLiteral("callLeaveButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("idle"); }));
}
