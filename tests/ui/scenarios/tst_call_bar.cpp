// A call outside its own pane: two members on one workspace call with synthetic devices over
// loopback. While in the call, a bar in every other pane (another conversation, the calendar,
// the documents) shows where the call is, who is in it and for how long, and mutes, turns the
// camera off, leaves and goes back to the call. The conversation's timeline tells both sides
// that the call started and, once the last one left, that it ended and how long it lasted. Both
// sides' clocks count from the same moment: the call's start entry as the backend stamped it.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/call/call_controller.h>
#include <convene/call/participant_model.h>
#include <convene/chat/call_notices.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQuickTest/quicktest.h>

#include <optional>

using convene::call::CallController;
using convene::call::ParticipantModel;
using convene::chat::MessageListModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");
const QString kRandom = QStringLiteral("channel:random");

// A profile that calls with synthetic devices, only over 127.0.0.1, at 360p to spare the CPU.
Scenario::Config caller(const QString& workspace, const QString& profileDir, const QString& name,
                        const QString& language, const QString& theme)
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
    s.controller().setCurrentView(QStringLiteral("chat"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    s.click(QStringLiteral("channel_") + stream);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == stream; }));
}

// Clicks a control of the bar once the window, just changed, has laid itself out again.
void clickInBar(Scenario& s, const QString& objectName)
{
    REQUIRE(s.waitFor([&] { return s.isShown(objectName); }));
    REQUIRE(QQuickTest::qWaitForPolish(s.window()));
    s.click(objectName);
}

// A call notice of the open conversation's timeline.
struct Notice {
    QString text;
    QString author;
    qint64 timeMs = 0;
};

std::optional<Notice> noticeOf(Scenario& s, const QString& kind)
{
    MessageListModel& timeline = *s.app().chat().timeline();
    for (int row = timeline.rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = timeline.index(row);
        if (timeline.data(index, MessageListModel::NoticeKindRole).toString() == kind)
            return Notice{timeline.data(index, MessageListModel::NoticeRole).toString(),
                          timeline.data(index, MessageListModel::AuthorRole).toString(),
                          timeline.data(index, MessageListModel::TimeRole).toDateTime().toMSecsSinceEpoch()};
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("The call bar follows the user through every pane; the timeline tells of the call; one clock")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir shared;
    QTemporaryDir aliceProfile;
    QTemporaryDir bobProfile;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario alice{
        caller(workspace, aliceProfile.path(), QStringLiteral("Alice"), QStringLiteral("en"), QStringLiteral("light"))};
    // Bob runs in Chinese and dark mode, so the bar and the notices are seen in both.
    Scenario bob{
        caller(workspace, bobProfile.path(), QStringLiteral("Bob"), QStringLiteral("zh_CN"), QStringLiteral("dark"))};
    QAbstractItemModelTester aliceTimeline(alice.app().chat().timeline(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester bobTimeline(bob.app().chat().timeline(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    openChannel(alice, kGeneral);
    openChannel(bob, kGeneral);
    REQUIRE(bob.waitFor([&] { return bob.app().chat().conversationState().isMember(kGeneral); }, 5000));
    CHECK_FALSE(alice.isShown(QStringLiteral("callBar")));

    alice.click(QStringLiteral("videoCallButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("inCall"); }));
    CHECK(alice.controller().currentView() == QLatin1String("calls"));
    CHECK_FALSE(alice.isShown(QStringLiteral("callBar"))); // the call itself is on screen
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("ringing"); }, 5000));
    bob.click(QStringLiteral("incomingAcceptButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("inCall"); }));
    for (Scenario* s : {&alice, &bob})
        REQUIRE(
            s->waitFor([&] { return otherRow(*s) && otherRow(*s)->connection == QLatin1String("connected"); }, 8000));

    // Both timelines say Alice started the call: the entry's author, as the backend vouches.
    const QString aliceId = callsOf(alice).session().userId();
    for (Scenario* s : {&alice, &bob}) {
        REQUIRE(s->waitFor([&] { return noticeOf(*s, QStringLiteral("callStarted")).has_value(); }, 5000));
        const Notice started = *noticeOf(*s, QStringLiteral("callStarted"));
        CHECK(started.author == aliceId);
        CHECK(started.text.contains(QStringLiteral("Alice")));
    }

    // One clock: both sides count from the start entry's server time, though Bob joined later.
    const qint64 startEntryMs = noticeOf(alice, QStringLiteral("callStarted"))->timeMs;
    CHECK(noticeOf(bob, QStringLiteral("callStarted"))->timeMs == startEntryMs);
    REQUIRE(alice.waitFor([&] { return callsOf(alice).startedAtMs() == startEntryMs; }, 5000));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).startedAtMs() == startEntryMs; }, 5000));
    CHECK(callsOf(bob).session().joinedAtMs() > callsOf(alice).session().joinedAtMs());

    // In another conversation, the calendar and the documents, the bar is there.
    openChannel(alice, kRandom);
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("callBar")); }));
    CHECK(alice.isShown(QStringLiteral("callBarTitle")));
    CHECK(alice.isShown(QStringLiteral("callBarDuration")));
    CHECK(alice.isShown(QStringLiteral("callBarAvatar")));
    alice.screenshot(QStringLiteral("call-bar-chat"));
    for (const QString& pane : {QStringLiteral("calendar"), QStringLiteral("docs")}) {
        alice.controller().setCurrentView(pane);
        REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("callBar")); }));
        alice.screenshot(QStringLiteral("call-bar-") + pane);
    }

    // Mute and camera from the bar reach the other side.
    clickInBar(alice, QStringLiteral("callBarMicrophoneButton"));
    CHECK(callsOf(alice).microphoneMuted());
    clickInBar(alice, QStringLiteral("callBarCameraButton"));
    CHECK_FALSE(callsOf(alice).cameraOn());
    REQUIRE(bob.waitFor([&] { return otherRow(bob)->audioMuted && !otherRow(bob)->videoOn; }, 3000));
    clickInBar(alice, QStringLiteral("callBarMicrophoneButton"));
    CHECK_FALSE(callsOf(alice).microphoneMuted());

    // Back to the call: its pane, and no bar there.
    clickInBar(alice, QStringLiteral("callBarBackButton"));
    CHECK(alice.controller().currentView() == QLatin1String("calls"));
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("callView")); }));
    CHECK_FALSE(alice.isShown(QStringLiteral("callBar")));

    // Bob looks at his conversation (with the notice) from the bar's side, in Chinese and dark.
    openChannel(bob, kGeneral);
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("callBar")); }));
    bob.screenshot(QStringLiteral("call-bar-chat-zh-dark"));

    // Alice leaves from the bar in the chat pane; Bob, alone now, leaves from the calendar's.
    alice.controller().setCurrentView(QStringLiteral("chat"));
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("callBarLeaveButton")); }));
    clickInBar(alice, QStringLiteral("callBarLeaveButton"));
    REQUIRE(alice.waitFor([&] { return callsOf(alice).stateName() == QLatin1String("idle"); }));
    CHECK_FALSE(alice.isShown(QStringLiteral("callBar")));
    REQUIRE(bob.waitFor([&] { return participantsOf(bob).rowCount() == 1; }, 3000));
    CHECK_FALSE(noticeOf(alice, QStringLiteral("callEnded")).has_value()); // Bob is still in it
    bob.controller().setCurrentView(QStringLiteral("calendar"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("callBarLeaveButton")); }));
    clickInBar(bob, QStringLiteral("callBarLeaveButton"));
    REQUIRE(bob.waitFor([&] { return callsOf(bob).stateName() == QLatin1String("idle"); }));
    CHECK_FALSE(bob.isShown(QStringLiteral("callBar")));

    // Both timelines: the call ended, and how long it lasted from the start to the last leave.
    openChannel(alice, kGeneral);
    bob.controller().setCurrentView(QStringLiteral("chat"));
    for (Scenario* s : {&alice, &bob}) {
        REQUIRE(s->waitFor([&] { return noticeOf(*s, QStringLiteral("callEnded")).has_value(); }, 5000));
        const Notice ended = *noticeOf(*s, QStringLiteral("callEnded"));
        CHECK(ended.author == callsOf(bob).session().userId());
        CHECK(ended.timeMs > startEntryMs);
        const QString duration = convene::chat::formatCallDuration((ended.timeMs - startEntryMs) / 1000);
        CHECK(ended.text.contains(duration));
        REQUIRE(s->waitFor([&] { return s->isShown(QStringLiteral("callNoticeText")); }));
    }
    alice.screenshot(QStringLiteral("call-notices"));
    bob.screenshot(QStringLiteral("call-notices-zh-dark"));
    CHECK(QmlWarnings::messages() == QStringList());
}
