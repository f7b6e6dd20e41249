// Two people on two profiles sign in to one real XMPP server (Prosody on 127.0.0.1) through the
// sign-in screen, then chat, react, edit, reply in a thread, share a file and call. Alice picks
// the server herself and trusts its certificate after seeing its fingerprint; Bob's server and
// certificate are preset by his organisation, so he gives only his name and password. No
// keychain runs here: both are told so and go on without saving the password.
#include "app_controller.h"
#include "app_root.h"
#include "private_keyring.h"
#include "prosody_server.h"
#include "scenario.h"
#include "account/sign_in_controller.h"
#include "xmpp_test_accounts.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/call/call_controller.h>
#include <convene/call/participant_model.h>
#include <convene/chat/attachment_uploads.h>
#include <convene/chat/blob_cache.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>

#include "catch_qt_strings.h"

#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using convene::call::ParticipantModel;
using convene::chat::MessageListModel;
using convene::test::ProsodyServer;
using convene::test::Scenario;

namespace {

QString serverAddress(const ProsodyServer& server)
{
    return QStringLiteral("%1:%2").arg(server.host()).arg(server.c2sPort());
}

// Calls with synthetic devices, media only over 127.0.0.1, at 360p to spare the CPU.
void useTestMedia(const QString& profileDir)
{
    QSettings state(profileDir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    state.setValue(QStringLiteral("testing/syntheticMedia"), true);
    state.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
    state.setValue(QStringLiteral("call/videoHeight"), 360);
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(s.app().chat().timeline());
}

int rowOfText(MessageListModel& model, const QString& text)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::TextRole).toString() == text)
            return row;
    return -1;
}

void type(Scenario& s, const QString& field, const QString& text)
{
    s.click(field);
    s.typeText(text);
}

void post(Scenario& s, const QString& text)
{
    s.window()->requestActivate();
    REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
}

bool onMainWindow(const Scenario& s)
{
    return s.window() && s.window()->objectName() == QLatin1String("mainWindow");
}

// Without a keychain the password cannot be saved; the screen says so and offers to go on.
void continueWithoutKeychain(Scenario& s)
{
    REQUIRE(s.waitFor([&] { return onMainWindow(s) || s.isShown(QStringLiteral("keychainProblem")); }, 20000));
    if (onMainWindow(s))
        return;
    // Both apps share this process's translators: what the messages say is checked elsewhere.
    CHECK_FALSE(s.find(QStringLiteral("keychainProblem"))->property("text").toString().isEmpty());
    s.click(QStringLiteral("continueWithoutSavingButton"));
    REQUIRE(s.waitFor([&] { return onMainWindow(s); }, 10000));
}

QString grouped(const QString& hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();
    return pairs.join(u':');
}

} // namespace

TEST_CASE("Two people sign in to one XMPP server and chat, react, edit, reply, share a file and call")
{
    REQUIRE(ProsodyServer::available());
    ProsodyServer server;
    REQUIRE(server.start(convene::test::prosodyWithUsers({QStringLiteral("alice"), QStringLiteral("bob")})));
    qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keychain service for these profiles

    QTemporaryDir aliceProfile;
    QTemporaryDir bobProfile;
    useTestMedia(aliceProfile.path());
    useTestMedia(bobProfile.path());

    Scenario::Config aliceConfig;
    aliceConfig.options.profileDir = aliceProfile.path();
    aliceConfig.options.language = QStringLiteral("en");
    aliceConfig.options.backend = QStringLiteral("xmpp");
    aliceConfig.options.server = serverAddress(server);
    aliceConfig.policy = {{QStringLiteral("displayName"), QStringLiteral("Alice")}};
    Scenario alice(aliceConfig);
    REQUIRE(alice.window()->objectName() == QStringLiteral("signInWindow"));
    CHECK(alice.isShown(QStringLiteral("signInServer")));
    CHECK(alice.find(QStringLiteral("signInServer"))->property("text").toString() == serverAddress(server));

    // A wrong password is refused with the server's reason; nothing else happens.
    type(alice, QStringLiteral("signInAddress"), QStringLiteral("alice@") + server.domain());
    type(alice, QStringLiteral("signInPassword"), QStringLiteral("wrong"));
    alice.press(QKeySequence(Qt::Key_Return));
    // The certificate comes first: nobody vouches for the test server's CA.
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("trustCertificateButton")); }, 20000));
    CHECK(alice.find(QStringLiteral("signInFingerprint"))->property("text").toString() ==
          grouped(server.serverCertificateSha256()));
    CHECK_FALSE(alice.find(QStringLiteral("signInError"))->property("text").toString().isEmpty());
    alice.screenshot(QStringLiteral("xmpp/sign-in-certificate"));
    alice.click(QStringLiteral("trustCertificateButton"));
    REQUIRE(alice.waitFor(
        [&] {
            return !alice.app().signIn()->busy() && !alice.app().signIn()->errorText().isEmpty() &&
                   alice.app().signIn()->certificateFingerprint().isEmpty();
        },
        20000));
    CHECK(alice.window()->objectName() == QStringLiteral("signInWindow"));
    CHECK_FALSE(alice.isShown(QStringLiteral("keychainProblem")));

    // The right one signs her in.
    alice.click(QStringLiteral("signInPassword"));
    alice.press(QKeySequence::SelectAll);
    alice.typeText(convene::test::testPassword(QStringLiteral("alice")));
    alice.press(QKeySequence(Qt::Key_Return));
    continueWithoutKeychain(alice);
    CHECK(alice.controller().accountAddress() == QStringLiteral("alice@") + server.domain());
    CHECK(alice.controller().userName() == QStringLiteral("Alice"));
    {
        // What she trusted and where she signed in are kept; the password is not, anywhere.
        QSettings state(aliceProfile.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        CHECK(state.value(QStringLiteral("account/trustedCertificates")).toString() ==
              server.serverCertificateSha256());
        CHECK(state.value(QStringLiteral("account/address")).toString() == QStringLiteral("alice@") + server.domain());
        QFile ini(aliceProfile.filePath(QStringLiteral("settings.ini")));
        REQUIRE(ini.open(QIODevice::ReadOnly));
        CHECK_FALSE(ini.readAll().contains("alice-secret"));
    }

    // Bob's organisation presets the server and its certificate: he gives his name and password.
    Scenario::Config bobConfig;
    bobConfig.options.profileDir = bobProfile.path();
    bobConfig.options.language = QStringLiteral("zh_CN");
    bobConfig.options.theme = QStringLiteral("dark");
    bobConfig.policy = {{QStringLiteral("backend"), QStringLiteral("xmpp")},
                        {QStringLiteral("serverUrl"), serverAddress(server)},
                        {QStringLiteral("serverCertificateSha256"), grouped(server.serverCertificateSha256())}};
    Scenario bob(bobConfig);
    REQUIRE(bob.window()->objectName() == QStringLiteral("signInWindow"));
    CHECK_FALSE(bob.isShown(QStringLiteral("signInServer")));
    CHECK(bob.isShown(QStringLiteral("signInPresetServer")));
    CHECK_FALSE(bob.isShown(QStringLiteral("useDemoButton"))); // the backend is the organisation's choice
    bob.screenshot(QStringLiteral("xmpp/sign-in-preset"));
    // A server preset by address, not name, gives no domain to complete his name with.
    CHECK(bob.app().signIn()->presetDomain().isEmpty());
    type(bob, QStringLiteral("signInAddress"), QStringLiteral("bob@") + server.domain());
    type(bob, QStringLiteral("signInPassword"), convene::test::testPassword(QStringLiteral("bob")));
    bob.press(QKeySequence(Qt::Key_Return));
    continueWithoutKeychain(bob);
    CHECK(bob.controller().accountAddress() == QStringLiteral("bob@") + server.domain());
    // The server has no name for him, so his address's stands, and reaches Alice's directory.
    REQUIRE(bob.waitFor([&] { return bob.controller().userName() == QStringLiteral("bob"); }, 10000));

    // Alice opens #general; Bob finds it and joins.
    CHECK(alice.app()
              .chat()
              .admin()
              ->createChannel(QStringLiteral("general"), QStringLiteral("Everyone"), false)
              .isEmpty());
    const QString general = alice.app().chat().currentStream();
    REQUIRE(general.startsWith(QStringLiteral("channel:")));
    // The room's announcement reaches Bob's app live; he joins from the channel browser's call.
    REQUIRE(bob.waitFor(
        [&] { return bob.app().chat().channelList().displayName(general) == QStringLiteral("general"); }, 15000));
    CHECK(bob.app().chat().admin()->join(general).isEmpty());
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("channel_") + general); }, 5000));
    bob.click(QStringLiteral("channel_") + general);
    REQUIRE(bob.waitFor([&] { return bob.app().chat().currentStream() == general; }));

    // A message both ways, with names from each other's directory entries.
    const QString hello = QStringLiteral("Hello from Alice 你好");
    post(alice, hello);
    REQUIRE(bob.waitFor([&] { return rowOfText(timelineOf(bob), hello) >= 0; }, 10000));
    const QModelIndex seen = timelineOf(bob).index(rowOfText(timelineOf(bob), hello));
    const qint64 bobPos = seen.data(MessageListModel::PosRole).toLongLong();
    REQUIRE(bob.waitFor(
        [&] {
            return timelineOf(bob)
                       .index(timelineOf(bob).rowOfPos(bobPos))
                       .data(MessageListModel::AuthorNameRole)
                       .toString() == QStringLiteral("Alice");
        },
        10000));
    post(bob, QStringLiteral("Hi Alice"));
    REQUIRE(alice.waitFor([&] { return rowOfText(timelineOf(alice), QStringLiteral("Hi Alice")) >= 0; }, 10000));
    const auto bobsNameAtAlice = [&] {
        const int row = rowOfText(timelineOf(alice), QStringLiteral("Hi Alice"));
        return timelineOf(alice).index(row).data(MessageListModel::AuthorNameRole).toString();
    };
    REQUIRE(alice.waitFor([&] { return bobsNameAtAlice() == QStringLiteral("bob"); }, 10000));
    // Bob renames himself; Alice sees the new name at once, without restarting.
    REQUIRE(bob.app().settings().setValue(QStringLiteral("displayName"), QStringLiteral("Bob Li")).ok());
    CHECK(bob.controller().userName() == QStringLiteral("Bob Li"));
    REQUIRE(alice.waitFor([&] { return bobsNameAtAlice() == QStringLiteral("Bob Li"); }, 10000));

    // Bob reacts and replies in a thread; Alice edits her message; each sees the other's change.
    CHECK(bob.app().chat().writer()->toggleReaction(bobPos, QStringLiteral("👍")).isEmpty());
    bob.app().chat().openThread(bobPos);
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("threadPanel")); }));
    bob.click(QStringLiteral("threadComposer_input"));
    bob.typeText(QStringLiteral("A reply from Bob"));
    bob.press(QKeySequence(Qt::Key_Return));
    const qint64 alicePos =
        timelineOf(alice).index(rowOfText(timelineOf(alice), hello)).data(MessageListModel::PosRole).toLongLong();
    REQUIRE(alice.waitFor(
        [&] {
            const QModelIndex i = timelineOf(alice).index(timelineOf(alice).rowOfPos(alicePos));
            return i.data(MessageListModel::ReplyCountRole).toInt() == 1 &&
                   i.data(MessageListModel::ReactionsRole).toList().size() == 1;
        },
        10000));
    CHECK(alice.app().chat().writer()->edit(alicePos, QStringLiteral("Hello from Alice, edited")).isEmpty());
    REQUIRE(bob.waitFor(
        [&] {
            const QModelIndex i = timelineOf(bob).index(timelineOf(bob).rowOfPos(bobPos));
            return i.data(MessageListModel::TextRole).toString() == QStringLiteral("Hello from Alice, edited") &&
                   i.data(MessageListModel::EditedRole).toBool();
        },
        10000));

    // A picture through the server's file upload; Bob's copy comes back over HTTPS.
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0x4F, 0x5B, 0xD5));
    const QString png = aliceProfile.filePath(QStringLiteral("diagram.png"));
    REQUIRE(image.save(png));
    auto* uploads = qobject_cast<convene::chat::AttachmentUploads*>(alice.app().chat().uploads());
    CHECK(uploads->addFiles({QUrl::fromLocalFile(png)}).isEmpty());
    REQUIRE(alice.waitFor([&] { return !uploads->busy() && uploads->ready().size() == 1; }, 10000));
    post(alice, QStringLiteral("a diagram"));
    REQUIRE(bob.waitFor([&] { return rowOfText(timelineOf(bob), QStringLiteral("a diagram")) >= 0; }, 10000));
    const QVariantList files = timelineOf(bob)
                                   .index(rowOfText(timelineOf(bob), QStringLiteral("a diagram")))
                                   .data(MessageListModel::AttachmentsRole)
                                   .toList();
    REQUIRE(files.size() == 1);
    auto* blobs = qobject_cast<convene::chat::BlobCache*>(bob.app().chat().blobs());
    const QString blobId = files.at(0).toMap().value(QStringLiteral("blobId")).toString();
    REQUIRE(bob.waitFor([&] { return !blobs->localUrl(blobId).isEmpty(); }, 10000));
    CHECK(QImage(blobs->localUrl(blobId).toLocalFile()).size() == QSize(64, 48));
    bob.screenshot(QStringLiteral("xmpp/chat-bob-zh-dark"));
    alice.screenshot(QStringLiteral("xmpp/chat-alice"));

    // A call from the channel: it rings for Bob, he accepts, both see each other connected.
    auto& aliceCalls = alice.app().calls();
    auto& bobCalls = bob.app().calls();
    alice.click(QStringLiteral("videoCallButton"));
    REQUIRE(alice.waitFor([&] { return aliceCalls.stateName() == QLatin1String("inCall"); }, 5000));
    REQUIRE(bob.waitFor([&] { return bobCalls.stateName() == QLatin1String("ringing"); }, 10000));
    CHECK(bobCalls.callerName() == QStringLiteral("Alice"));
    bob.click(QStringLiteral("incomingAcceptButton"));
    REQUIRE(bob.waitFor([&] { return bobCalls.stateName() == QLatin1String("inCall"); }, 5000));
    // Media flows both ways once each side sees the other connected.
    for (Scenario* s : {&alice, &bob}) {
        auto& participants = *qobject_cast<ParticipantModel*>(s->app().calls().participants());
        REQUIRE(s->waitFor(
            [&] {
                for (const QString& endpoint : participants.endpoints())
                    if (const auto* row = participants.find(endpoint); row && !row->isSelf)
                        return row->connection == QLatin1String("connected");
                return false;
            },
            15000));
    }
    alice.screenshot(QStringLiteral("xmpp/call-alice"));
    alice.click(QStringLiteral("callLeaveButton"));
    REQUIRE(alice.waitFor([&] { return aliceCalls.stateName() == QLatin1String("idle"); }, 5000));
    if (bobCalls.stateName() == QLatin1String("inCall"))
        bob.click(QStringLiteral("callLeaveButton"));
    REQUIRE(bob.waitFor([&] { return bobCalls.stateName() == QLatin1String("idle"); }, 5000));

    // Minimised, Alice's app tells the server it is not being looked at (XEP-0352), and that it
    // is again when she comes back.
    const auto serverReceived = [&](const QString& nonza) {
        // Prosody logs what it receives: <inactive xml:lang='en' xmlns='urn:xmpp:csi:0'/>
        return server.logTail(2000).contains(
            QRegularExpression(QStringLiteral("Received\\[c2s\\]: <%1 [^>]*urn:xmpp:csi:0").arg(nonza)));
    };
    alice.window()->showMinimized();
    REQUIRE(alice.waitFor([&] { return serverReceived(QStringLiteral("inactive")); }, 5000));
    alice.window()->showNormal();
    REQUIRE(alice.waitFor([&] { return serverReceived(QStringLiteral("active")); }, 5000));

    // The calendar through the server: Alice invites Bob; the event reaches his calendar and a card
    // his chat, and his answer reaches hers.
    using convene::calendar::CalendarController;
    CalendarController& aliceCalendar = *alice.controller().calendar();
    CalendarController& bobCalendar = *bob.controller().calendar();
    const QDate tomorrow = QDate::currentDate().addDays(1);
    std::unique_ptr<convene::calendar::EventDraft> draft(
        aliceCalendar.newDraft(QDateTime(tomorrow, QTime(10, 0)), QDateTime(tomorrow, QTime(11, 0)), false));
    draft->setProperty("title", QStringLiteral("Planning over XMPP"));
    draft->setProperty("attendees", QStringList{bob.app().sync().userId()});
    REQUIRE(aliceCalendar.save(draft.get(), CalendarController::Scope::AllEvents) == QString());
    bobCalendar.setView(CalendarController::View::Agenda);
    bobCalendar.goToDate(QDate::currentDate());
    const auto bobsRow = [&]() -> const convene::calendar::OccurrenceRow* {
        for (const convene::calendar::OccurrenceRow& row : bobCalendar.agenda()->rows())
            if (row.title == QStringLiteral("Planning over XMPP"))
                return &row;
        return nullptr;
    };
    REQUIRE(bob.waitFor([&] { return bobsRow() != nullptr; }, 15000));
    CHECK(bobsRow()->invited);
    const QString eventUid = bobsRow()->uid;
    REQUIRE(bobCalendar.respond(eventUid, QStringLiteral("accepted"), QStringLiteral("see you")) == QString());
    REQUIRE(alice.waitFor(
        [&] {
            const QVariantList attendees =
                aliceCalendar.details(eventUid, QDateTime()).value(QStringLiteral("attendees")).toList();
            return attendees.size() == 1 &&
                   attendees.first().toMap().value(QStringLiteral("response")) == QStringLiteral("accepted");
        },
        15000));

    // Alice signs out: back to the sign-in screen, her address forgotten, the demo one click away.
    alice.controller().setCurrentView(QStringLiteral("chat"));
    alice.click(QStringLiteral("accountButton"));
    REQUIRE(alice.waitFor([&] { return alice.isShown(QStringLiteral("signOutItem")); }));
    alice.screenshot(QStringLiteral("xmpp/account-menu"));
    alice.click(QStringLiteral("signOutItem"));
    REQUIRE(alice.waitFor([&] { return alice.window()->objectName() == QStringLiteral("signInWindow"); }, 5000));
    CHECK(alice.find(QStringLiteral("signInNotice"))
              ->property("text")
              .toString()
              .contains(QStringLiteral("alice@") + server.domain()));
    CHECK(alice.find(QStringLiteral("signInAddress"))->property("text").toString().isEmpty());
    alice.click(QStringLiteral("useDemoButton"));
    REQUIRE(alice.waitFor([&] { return onMainWindow(alice); }, 10000));
    CHECK(alice.controller().accountAddress().isEmpty());
}

TEST_CASE(
    "With a keychain the password is saved at sign-in, the next start signs in without asking, signing out forgets it")
{
    REQUIRE(ProsodyServer::available());
    ProsodyServer server;
    REQUIRE(server.start(convene::test::prosodyWithUsers({QStringLiteral("carol")})));
    REQUIRE(convene::test::usePrivateKeyring());

    QTemporaryDir profile;
    Scenario::Config config;
    config.options.profileDir = profile.path();
    config.options.language = QStringLiteral("en");
    config.policy = {{QStringLiteral("backend"), QStringLiteral("xmpp")},
                     {QStringLiteral("serverUrl"), serverAddress(server)},
                     {QStringLiteral("serverCertificateSha256"), server.serverCertificateSha256()}};
    Scenario carol(config);
    REQUIRE(carol.window()->objectName() == QStringLiteral("signInWindow"));
    type(carol, QStringLiteral("signInAddress"), QStringLiteral("carol@") + server.domain());
    type(carol, QStringLiteral("signInPassword"), convene::test::testPassword(QStringLiteral("carol")));
    carol.press(QKeySequence(Qt::Key_Return));
    REQUIRE(carol.waitFor([&] { return onMainWindow(carol); }, 20000)); // saved: nothing to confirm
    REQUIRE(carol.waitFor([&] { return carol.app().sync().stateName() == QLatin1String("online"); }, 10000));

    carol.restart();
    REQUIRE(carol.waitFor([&] { return onMainWindow(carol); }, 10000));
    CHECK(carol.controller().accountAddress() == QStringLiteral("carol@") + server.domain());
    REQUIRE(carol.waitFor([&] { return carol.app().sync().stateName() == QLatin1String("online"); }, 10000));

    carol.controller().signOut();
    REQUIRE(carol.waitFor([&] { return carol.window()->objectName() == QStringLiteral("signInWindow"); }, 5000));
    carol.restart(); // the password is gone: the screen asks again
    REQUIRE(carol.window()->objectName() == QStringLiteral("signInWindow"));
    QTest::qWait(500);
    CHECK(carol.window()->objectName() == QStringLiteral("signInWindow"));
}

TEST_CASE("The local demo offers to sign in to a server, and coming back to it keeps its data")
{
    QTemporaryDir profile;
    Scenario::Config config;
    config.options.profileDir = profile.path();
    config.options.language = QStringLiteral("en");
    Scenario s(config);
    REQUIRE(onMainWindow(s));
    CHECK(s.controller().canSignIn());
    s.click(QStringLiteral("accountButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("signInToServerItem")); }));
    CHECK_FALSE(s.isShown(QStringLiteral("signOutItem")));
    s.click(QStringLiteral("signInToServerItem"));
    REQUIRE(s.waitFor([&] { return s.window()->objectName() == QStringLiteral("signInWindow"); }, 5000));
    // Nothing typed: a clear message, no attempt.
    s.click(QStringLiteral("signInButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("signInError")); }));
    CHECK(s.find(QStringLiteral("signInError"))->property("text").toString().contains(QStringLiteral("address")));
    s.click(QStringLiteral("useDemoButton"));
    REQUIRE(s.waitFor([&] { return onMainWindow(s); }, 10000));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_channel:general")); }, 5000));
}
