// Who is who, as two members on one local workspace see it. A direct message someone else
// starts reaches the other's sidebar at once under the sender's name; the quick switcher, the
// header, the composer and a call in it name the person, never the conversation's id. A rename
// reaches the other member's sidebar, timeline and member list without a restart. A fresh profile
// asks for a name before anything is written to the workspace, and a --screenshot run of a fresh
// profile adds nobody.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/call/call_controller.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/chat_events.h>
#include <convene/chat/message_list_model.h>
#include <convene/chat/people_model.h>
#include <convene/core/settings.h>
#include <convene/store/database.h>

#include "catch_qt_strings.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using convene::chat::ChatController;
using convene::chat::MessageListModel;
using convene::chat::PeopleModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

// A member whose name is in the profile's settings (as given on first run), so that it can be
// changed in the app; the calls run with synthetic devices over loopback only.
Scenario::Config member(const QString& workspace, const QString& profileDir, const QString& name)
{
    QSettings settings(profileDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("testing/syntheticMedia"), true);
    settings.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
    settings.setValue(QStringLiteral("call/videoHeight"), 360);
    settings.sync();
    Scenario::Config config;
    config.options.workspace = workspace;
    config.options.profileDir = profileDir;
    config.options.language = QStringLiteral("en");
    config.options.view = QStringLiteral("chat");
    config.displayName = name;
    return config;
}

ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

QString textOf(Scenario& s, const QString& objectName)
{
    QObject* object = s.find(objectName);
    return object ? object->property("text").toString() : QString();
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

void post(Scenario& s, const QString& text)
{
    focusWindow(s);
    REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
}

QString authorOf(Scenario& s, const QString& text)
{
    const auto& model = *qobject_cast<MessageListModel*>(chatOf(s).timeline());
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::TextRole).toString() == text)
            return model.data(model.index(row), MessageListModel::AuthorNameRole).toString();
    return {};
}

// The names a people model lists, as the member list shows them ("(you)" after the user's own).
QStringList shownNames(const PeopleModel& model)
{
    QStringList names;
    const QHash<int, QByteArray> roles = model.roleNames();
    const int nameRole = roles.key("name");
    const int selfRole = roles.key("isSelf");
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.data(model.index(row), nameRole).toString();
        names << (model.data(model.index(row), selfRole).toBool() ? name + QStringLiteral(" (you)") : name);
    }
    return names;
}

// Ana and Bob, each with a profile of their own, on one workspace.
struct AnaAndBob {
    QTemporaryDir shared;
    QTemporaryDir anaProfile;
    QTemporaryDir bobProfile;
    QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario ana{member(workspace, anaProfile.path(), QStringLiteral("Ana"))};
    Scenario bob{member(workspace, bobProfile.path(), QStringLiteral("Bob"))};
    QString dm;

    AnaAndBob()
    {
        // Each must know the other before a message can be addressed by name.
        REQUIRE(ana.waitFor([&] { return chatOf(ana).peopleDirectory().contains(chatOf(bob).userId()); }, 5000));
        REQUIRE(bob.waitFor([&] { return chatOf(bob).peopleDirectory().contains(chatOf(ana).userId()); }, 5000));
        QStringList ids{chatOf(ana).userId(), chatOf(bob).userId()};
        dm = convene::chat::directStream(ids);
    }
};

// How many rows of a member list show `name`.
int rowsNamed(const PeopleModel& model, const QString& name)
{
    return int(shownNames(model).count(name));
}

// Counts rows of the workspace file: nothing may be added there by a profile without a name.
qint64 countIn(const QString& workspace, const QString& sql)
{
    auto db = convene::store::Database::open(workspace, convene::store::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto query = (*db)->prepare(sql);
    REQUIRE(query.ok());
    REQUIRE((*query)->step().valueOr(false));
    return (*query)->int64(0);
}

} // namespace

TEST_CASE("A direct message someone else starts appears live under their name, in the switcher, header and a call")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBob two;
    Scenario& ana = two.ana;
    Scenario& bob = two.bob;
    QAbstractItemModelTester tester(chatOf(bob).channels(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(chatOf(bob).channelList().indexOf(two.dm) < 0);

    // Ana starts the conversation and writes; Bob, running all along, sees it in his sidebar.
    CHECK(chatOf(ana).admin()->openDirect({chatOf(bob).userId()}).isEmpty());
    REQUIRE(ana.waitFor([&] { return chatOf(ana).currentStream() == two.dm; }));
    post(ana, QStringLiteral("Hi Bob, a word about the launch?"));
    REQUIRE(bob.waitFor([&] { return chatOf(bob).channelList().indexOf(two.dm) >= 0; }, 8000));
    CHECK(chatOf(bob).channelList().displayName(two.dm) == QStringLiteral("Ana"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("channel_") + two.dm); }));
    bob.screenshot(QStringLiteral("identity/new-dm-sidebar"));

    // Ctrl+K to Ana: header and composer name her.
    focusWindow(bob);
    bob.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("switcherField")); }));
    bob.typeText(QStringLiteral("Ana"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("switcherItem_0")); }));
    bob.press(QKeySequence(Qt::Key_Return));
    REQUIRE(bob.waitFor([&] { return chatOf(bob).currentStream() == two.dm; }));
    CHECK(chatOf(bob).currentName() == QStringLiteral("Ana"));
    CHECK(bob.waitFor([&] { return textOf(bob, QStringLiteral("conversationTitle")) == QStringLiteral("Ana"); }));
    CHECK(textOf(bob, QStringLiteral("composer_placeholder")) == QStringLiteral("Message Ana"));
    CHECK(bob.waitFor([&] { return authorOf(bob, QStringLiteral("Hi Bob, a word about the launch?")) == "Ana"; }));

    // Ana calls in the conversation: Bob's banner and call header name her, not the stream's id.
    CHECK(ana.app().calls().startCall(two.dm, false).isEmpty());
    REQUIRE(bob.waitFor([&] { return bob.app().calls().stateName() == QLatin1String("ringing"); }, 8000));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("incomingCallBanner")); }));
    CHECK(bob.app().calls().streamName() == QStringLiteral("Ana"));
    CHECK(textOf(bob, QStringLiteral("incomingCallerLabel")) == QStringLiteral("Ana is calling"));
    CHECK_FALSE(bob.isShown(QStringLiteral("incomingStreamLabel"))); // "in Ana" would only repeat her name
    QTest::qWait(400); // the banner slides in
    bob.screenshot(QStringLiteral("identity/dm-call-ringing"));
    bob.click(QStringLiteral("incomingAcceptButton"));
    REQUIRE(bob.waitFor([&] { return bob.app().calls().stateName() == QLatin1String("inCall"); }));
    CHECK(bob.waitFor([&] { return textOf(bob, QStringLiteral("callTitle")) == QStringLiteral("Ana"); }));
    bob.app().calls().leave();
    ana.app().calls().leave();
    // A channel's call is titled with the channel's mark.
    REQUIRE(bob.waitFor([&] { return bob.app().calls().stateName() == QLatin1String("idle"); }, 5000));
    CHECK(bob.app().calls().prepareJoin(kGeneral).isEmpty());
    CHECK(bob.app().calls().preJoin()->conversationName() == QStringLiteral("#general"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A rename reaches the other member without a restart; the user's own entry says (you)")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBob two;
    Scenario& ana = two.ana;
    Scenario& bob = two.bob;
    CHECK(chatOf(ana).admin()->openDirect({chatOf(bob).userId()}).isEmpty());
    REQUIRE(ana.waitFor([&] { return chatOf(ana).currentStream() == two.dm; }));
    const QString hello = QStringLiteral("Before the rename");
    post(ana, hello);
    REQUIRE(bob.waitFor([&] { return chatOf(bob).channelList().indexOf(two.dm) >= 0; }, 8000));
    chatOf(bob).openConversation(two.dm);
    REQUIRE(bob.waitFor([&] { return authorOf(bob, hello) == QStringLiteral("Ana"); }, 5000));
    auto& anaMembers = *qobject_cast<PeopleModel*>(chatOf(ana).members());
    auto& bobMembers = *qobject_cast<PeopleModel*>(chatOf(bob).members());
    chatOf(ana).openConversation(kGeneral);
    REQUIRE(ana.waitFor([&] { return rowsNamed(anaMembers, QStringLiteral("Ana (you)")) == 1; }));

    // Ana renames herself in the settings.
    REQUIRE(ana.app().settings().setValue(QStringLiteral("displayName"), QStringLiteral("Ana Lima")).ok());
    CHECK(ana.waitFor([&] { return textOf(ana, QStringLiteral("userName")) == QStringLiteral("Ana Lima"); }));
    CHECK(ana.waitFor([&] { return rowsNamed(anaMembers, QStringLiteral("Ana Lima (you)")) == 1; }, 5000));
    CHECK(rowsNamed(anaMembers, QStringLiteral("Ana (you)")) == 0);

    // Bob sees the new name everywhere, without a restart.
    CHECK(
        bob.waitFor([&] { return chatOf(bob).channelList().displayName(two.dm) == QStringLiteral("Ana Lima"); }, 8000));
    CHECK(bob.waitFor([&] { return textOf(bob, QStringLiteral("conversationTitle")) == QStringLiteral("Ana Lima"); }));
    CHECK(textOf(bob, QStringLiteral("composer_placeholder")) == QStringLiteral("Message Ana Lima"));
    CHECK(authorOf(bob, hello) == QStringLiteral("Ana Lima"));
    chatOf(bob).openConversation(kGeneral);
    CHECK(bob.waitFor([&] { return rowsNamed(bobMembers, QStringLiteral("Ana Lima")) == 1; }));
    CHECK(rowsNamed(bobMembers, QStringLiteral("Ana")) == 0);
    CHECK(rowsNamed(bobMembers, QStringLiteral("Bob (you)")) == 1);

    // Ana types in #general: Bob's typing line has her new name.
    chatOf(bob).openConversation(kGeneral);
    chatOf(ana).openConversation(kGeneral);
    chatOf(ana).typing();
    CHECK(bob.waitFor(
        [&] { return textOf(bob, QStringLiteral("typingIndicator")).contains(QStringLiteral("Ana Lima")); }, 5000));
    bob.screenshot(QStringLiteral("identity/renamed"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A fresh profile asks for a name first and writes nothing to the workspace until it has one")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    QTemporaryDir bobProfile;
    Scenario bob(member(workspace, bobProfile.path(), QStringLiteral("Bob")));
    REQUIRE(bob.waitFor(
        [&] { return bob.controller().sync() && chatOf(bob).peopleDirectory().contains(chatOf(bob).userId()); }, 5000));
    const qint64 members = countIn(workspace, QStringLiteral("SELECT count(*) FROM members"));
    const qint64 profiles = countIn(workspace, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'profile'"));

    QTemporaryDir freshProfile;
    Scenario::Config config = member(workspace, freshProfile.path(), {});
    config.options.language = QStringLiteral("zh_CN");
    config.options.theme = QStringLiteral("dark");
    Scenario fresh(config);
    REQUIRE(fresh.window()->objectName() == QStringLiteral("firstRunWindow"));
    REQUIRE(fresh.waitFor([&] { return fresh.isShown(QStringLiteral("firstRunNameField")); }));
    // Named as the workspace names itself, not after its file ("team.convene").
    const QString title = fresh.find(QStringLiteral("firstRunTitle"))->property("text").toString();
    CHECK(title.contains(QStringLiteral("Convene Demo")));
    CHECK_FALSE(title.contains(QStringLiteral("team")));
    CHECK(fresh.controller().userName().isEmpty());
    CHECK_FALSE(fresh.find(QStringLiteral("firstRunContinueButton"))->property("enabled").toBool());
    fresh.screenshot(QStringLiteral("identity/first-run-zh-dark"));

    // Blank is no name.
    focusWindow(fresh);
    REQUIRE(fresh.clickToFocus(QStringLiteral("firstRunNameField")));
    fresh.typeText(QStringLiteral("   "));
    fresh.press(QKeySequence(Qt::Key_Return));
    QTest::qWait(300);
    CHECK(fresh.window()->objectName() == QStringLiteral("firstRunWindow"));
    CHECK(countIn(workspace, QStringLiteral("SELECT count(*) FROM members")) == members);
    CHECK(countIn(workspace, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'profile'")) == profiles);

    // A name: the workspace opens, and everyone sees the newcomer by it.
    fresh.typeText(QStringLiteral("程 Cleo"));
    CHECK(fresh.find(QStringLiteral("firstRunContinueButton"))->property("enabled").toBool());
    fresh.press(QKeySequence(Qt::Key_Return));
    REQUIRE(fresh.waitFor(
        [&] { return fresh.window() && fresh.window()->objectName() == QStringLiteral("mainWindow"); }, 5000));
    CHECK(fresh.controller().userName() == QStringLiteral("程 Cleo"));
    CHECK(fresh.app().settings().value(QStringLiteral("displayName")).toString() == QStringLiteral("程 Cleo"));
    const QString cleo = chatOf(fresh).userId();
    CHECK(bob.waitFor([&] { return chatOf(bob).peopleDirectory().name(cleo) == QStringLiteral("程 Cleo"); }, 8000));
    CHECK(countIn(workspace, QStringLiteral("SELECT count(*) FROM members")) == members + 1);

    // Started again, the profile has its name and asks no more.
    fresh.restart();
    CHECK(fresh.window()->objectName() == QStringLiteral("mainWindow"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A workspace not made yet gives the first-run page a neutral title, not its file's name")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir shared;
    QTemporaryDir freshProfile;
    Scenario fresh(member(shared.filePath(QStringLiteral("w.json")), freshProfile.path(), {}));
    REQUIRE(fresh.window()->objectName() == QStringLiteral("firstRunWindow"));
    REQUIRE(fresh.waitFor([&] { return fresh.isShown(QStringLiteral("firstRunTitle")); }));
    CHECK(fresh.find(QStringLiteral("firstRunTitle"))->property("text").toString() ==
          QStringLiteral("Welcome to Convene"));
    CHECK_FALSE(QFileInfo::exists(shared.filePath(QStringLiteral("w.json")))); // still nothing written
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A --screenshot run of a fresh profile adds no member to the workspace")
{
    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    QTemporaryDir bobProfile;
    {
        Scenario bob(member(workspace, bobProfile.path(), QStringLiteral("Bob")));
        REQUIRE(bob.waitFor([&] { return chatOf(bob).peopleDirectory().contains(chatOf(bob).userId()); }, 5000));
    }
    const qint64 members = countIn(workspace, QStringLiteral("SELECT count(*) FROM members"));
    const qint64 profiles = countIn(workspace, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'profile'"));

    QTemporaryDir fresh;
    QTemporaryDir home;
    const QString shot = home.filePath(QStringLiteral("fresh.png"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(CONVENE_BINARY),
              {QStringLiteral("--profile"), fresh.path(), QStringLiteral("--workspace"), workspace,
               QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--screenshot"), shot});
    REQUIRE(app.waitForFinished(60000));
    INFO(app.readAllStandardError().toStdString());
    CHECK(app.exitCode() == 0);
    CHECK_FALSE(QImage(shot).isNull());
    CHECK(countIn(workspace, QStringLiteral("SELECT count(*) FROM members")) == members);
    CHECK(countIn(workspace, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'profile'")) == profiles);
}
