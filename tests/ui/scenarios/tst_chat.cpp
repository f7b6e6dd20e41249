// Chat as people use it: two members on one local workspace talk live, reply in a thread,
// react, write offline and search; the composer's keys, drafts and completions; channels;
// calendar invitations answered from chat.
// Hover-only buttons are driven through the same controller calls the buttons make.
#include "app_controller.h"
#include "app_root.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/event_draft.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/store/database.h>
#include <convene/store/transaction.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using convene::chat::MessageListModel;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

convene::chat::ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(chatOf(s).timeline());
}

QStringList texts(const MessageListModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.data(model.index(row), MessageListModel::TextRole).toString();
    return list;
}

int rowOfText(const MessageListModel& model, const QString& text)
{
    return int(texts(model).indexOf(text));
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

// Types into a composer and presses Enter, as a person would.
void post(Scenario& s, const QString& composer, const QString& text)
{
    focusWindow(s);
    s.click(composer + QStringLiteral("_input"));
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
}

void openChannel(Scenario& s, const QString& stream)
{
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + stream); }, 5000));
    s.click(QStringLiteral("channel_") + stream);
    REQUIRE(s.waitFor([&] { return chatOf(s).currentStream() == stream; }));
}

// Alice and Bob on one shared workspace, both in #general.
struct TwoMembers {
    QTemporaryDir shared;
    QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario alice{Scenario::member(workspace, QStringLiteral("Alice"))};
    Scenario bob{Scenario::member(workspace, QStringLiteral("Bob"))};

    TwoMembers()
    {
        openChannel(alice, kGeneral);
        openChannel(bob, kGeneral);
    }
};

} // namespace

TEST_CASE("Two members on one workspace: live messages, a thread, a reaction, offline posts and search")
{
    TwoMembers team;
    Scenario& a = team.alice;
    Scenario& b = team.bob;

    // A posts; B sees it live.
    const QString hello = QStringLiteral("Hello from Alice 你好");
    post(a, QStringLiteral("composer"), hello);
    REQUIRE(b.waitFor([&] { return rowOfText(timelineOf(b), hello) >= 0; }, 5000));
    const int row = rowOfText(timelineOf(b), hello);
    const qint64 pos = timelineOf(b).data(timelineOf(b).index(row), MessageListModel::PosRole).toLongLong();
    CHECK(timelineOf(b).data(timelineOf(b).index(row), MessageListModel::AuthorNameRole).toString() ==
          QStringLiteral("Alice"));
    CHECK(a.find(QStringLiteral("composer_input"))->property("text").toString().isEmpty());
    CHECK(chatOf(b).typingNames().isEmpty()); // the message arrived: Alice is no longer typing it

    // B replies in a thread and reacts.
    chatOf(b).openThread(pos);
    REQUIRE(b.waitFor([&] { return b.isShown(QStringLiteral("threadPanel")); }));
    post(b, QStringLiteral("threadComposer"), QStringLiteral("A reply from Bob"));
    CHECK(chatOf(b).writer()->toggleReaction(pos, QStringLiteral("👍")).isEmpty());

    // A sees both on the message.
    const auto decorated = [&] {
        const int r = timelineOf(a).rowOfPos(pos);
        if (r < 0)
            return false;
        const QModelIndex i = timelineOf(a).index(r);
        return i.data(MessageListModel::ReplyCountRole).toInt() == 1 &&
               i.data(MessageListModel::ReactionsRole).toList().size() == 1;
    };
    REQUIRE(a.waitFor(decorated, 5000));
    CHECK(a.find(QStringLiteral("threadSummary_") + QString::number(pos)) != nullptr);

    // A goes offline and writes three messages; they wait in the outbox, shown as sending.
    a.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(a.waitFor([&] { return a.app().sync().stateName() == QStringLiteral("offline"); }, 5000));
    const QStringList offline{QStringLiteral("offline one"), QStringLiteral("offline two"),
                              QStringLiteral("offline three")};
    for (const QString& text : offline)
        post(a, QStringLiteral("composer"), text);
    REQUIRE(a.waitFor([&] { return rowOfText(timelineOf(a), offline.last()) >= 0; }));
    CHECK(timelineOf(a)
              .data(timelineOf(a).index(rowOfText(timelineOf(a), offline.first())), MessageListModel::StateRole)
              .toString() == QStringLiteral("pending"));
    QTest::qWait(300);
    CHECK(rowOfText(timelineOf(b), offline.first()) < 0);

    // Back online: all three arrive at B in order, exactly once.
    a.app().sync().setBackendFaults({{QStringLiteral("offline"), false}});
    REQUIRE(b.waitFor([&] { return rowOfText(timelineOf(b), offline.last()) >= 0; }, 15000));
    const QStringList seen = texts(timelineOf(b));
    for (const QString& text : offline)
        CHECK(seen.count(text) == 1);
    CHECK(seen.indexOf(offline.at(0)) < seen.indexOf(offline.at(1)));
    CHECK(seen.indexOf(offline.at(1)) < seen.indexOf(offline.at(2)));
    REQUIRE(a.waitFor(
        [&] {
            const int r = rowOfText(timelineOf(a), offline.last());
            return r >= 0 && timelineOf(a).data(timelineOf(a).index(r), MessageListModel::StateRole).toString() ==
                                 QStringLiteral("sent");
        },
        5000));

    // B searches for a Chinese substring and opens the hit in its conversation.
    focusWindow(b);
    b.click(QStringLiteral("searchButton"));
    REQUIRE(b.waitFor([&] { return b.isShown(QStringLiteral("searchPanel")); }));
    b.click(QStringLiteral("searchField"));
    b.typeText(QStringLiteral("全员会议"));
    REQUIRE(b.waitFor([&] { return b.isShown(QStringLiteral("searchResult_0")); }, 3000));
    chatOf(b).openConversation(kGeneral); // leave the channel's page, so the jump has to load it
    b.click(QStringLiteral("searchResult_0"));
    REQUIRE(b.waitFor([&] {
        const QStringList shown = texts(timelineOf(b));
        return chatOf(b).currentStream() == kGeneral && std::any_of(shown.cbegin(), shown.cend(), [](const QString& t) {
                   return t.contains(QStringLiteral("全员会议"));
               });
    }));
}

TEST_CASE("Files go through the blob API; the other member sees the image as a thumbnail")
{
    TwoMembers team;
    Scenario& a = team.alice;
    Scenario& b = team.bob;

    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0x4F, 0x5B, 0xD5));
    const QString png = team.shared.filePath(QStringLiteral("diagram.png"));
    REQUIRE(image.save(png));
    QFile notes(team.shared.filePath(QStringLiteral("notes.txt")));
    REQUIRE(notes.open(QIODevice::WriteOnly));
    notes.write("release notes\n");
    notes.close();

    auto* uploads = qobject_cast<convene::chat::AttachmentUploads*>(chatOf(a).uploads());
    QAbstractItemModelTester tester(uploads, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QString error = uploads->addFiles({QUrl::fromLocalFile(png), QUrl::fromLocalFile(notes.fileName()),
                                             QUrl::fromLocalFile(team.shared.filePath(QStringLiteral("missing.pdf")))});
    CHECK(error.contains(QStringLiteral("missing.pdf")));
    REQUIRE(uploads->rowCount() == 2);
    REQUIRE(a.waitFor([&] { return !uploads->busy(); }, 5000));
    CHECK(uploads->ready().size() == 2);
    CHECK(a.isShown(QStringLiteral("upload_0")));
    CHECK_FALSE(a.screenshot(QStringLiteral("chat/composer-with-files")).isEmpty());

    post(a, QStringLiteral("composer"), QStringLiteral("two files"));
    REQUIRE(a.waitFor([&] { return uploads->rowCount() == 0; }));
    REQUIRE(b.waitFor([&] { return rowOfText(timelineOf(b), QStringLiteral("two files")) >= 0; }, 5000));
    const QVariantList files = timelineOf(b)
                                   .index(rowOfText(timelineOf(b), QStringLiteral("two files")))
                                   .data(MessageListModel::AttachmentsRole)
                                   .toList();
    REQUIRE(files.size() == 2);
    const QVariantMap picture = files.at(0).toMap();
    CHECK(picture.value(QStringLiteral("isImage")).toBool());
    CHECK(picture.value(QStringLiteral("width")).toInt() == 64);
    CHECK(files.at(1).toMap().value(QStringLiteral("name")).toString() == QStringLiteral("notes.txt"));

    // The thumbnail's bytes come through the backend into B's own blob folder.
    auto* blobs = qobject_cast<convene::chat::BlobCache*>(chatOf(b).blobs());
    const QString blobId = picture.value(QStringLiteral("blobId")).toString();
    REQUIRE(b.waitFor([&] { return !blobs->localUrl(blobId).isEmpty(); }, 5000));
    CHECK(QImage(blobs->localUrl(blobId).toLocalFile()).size() == QSize(64, 48));
    QTest::qWait(200);
    CHECK_FALSE(b.screenshot(QStringLiteral("chat/message-with-files")).isEmpty());
    CHECK(blobs->localUrl(QStringLiteral("../../etc/passwd")).isEmpty()); // ids from messages never become paths
}

TEST_CASE("A new device learns every name in a large workspace, not only the newest page of them")
{
    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("big.convene"));
    {
        Scenario seed(Scenario::member(workspace, QStringLiteral("Seeder")));
    } // creates and seeds the workspace
    {
        auto db = convene::store::Database::open(workspace);
        REQUIRE(db.ok());
        convene::store::Transaction transaction(**db);
        for (int i = 0; i < 450; ++i) {
            auto bump = (*db)->prepare(
                QStringLiteral("UPDATE streams SET last_seq = last_seq + 1 WHERE id = 'directory' RETURNING last_seq"));
            REQUIRE((*bump)->step().valueOr(false));
            const int64_t seq = (*bump)->int64(0);
            (*bump)->reset();
            auto insert = (*db)->prepare(QStringLiteral("INSERT INTO events(stream, seq, kind, author, payload, "
                                                        "server_time) VALUES('directory', ?, 'profile', ?, ?, 0)"));
            const QString id = QStringLiteral("member-%1").arg(i);
            REQUIRE((*insert)
                        ->bind(1, seq)
                        .bind(2, id)
                        .bind(3, QStringLiteral("{\"name\":\"Member %1\"}").arg(i).toUtf8())
                        .run()
                        .ok());
        }
        REQUIRE(transaction.commit().ok());
    }
    Scenario fresh(Scenario::member(workspace, QStringLiteral("Newcomer")));
    auto& directory = fresh.app().chat().peopleDirectory();
    CHECK(fresh.waitFor(
        [&] {
            return directory.contains(QStringLiteral("member-0")) && directory.contains(QStringLiteral("member-449"));
        },
        10000));
    CHECK(directory.name(QStringLiteral("member-0")) == QStringLiteral("Member 0"));
    CHECK(directory.contains(QStringLiteral("demo-wang-fang"))); // the oldest profiles of all
}

TEST_CASE("The composer: Shift+Enter, mention and emoji completion, Up to edit, drafts across restarts")
{
    Scenario s(Scenario::member(QString(), QStringLiteral("Carol")));
    openChannel(s, kGeneral);
    focusWindow(s);
    s.click(QStringLiteral("composer_input"));
    s.typeText(QStringLiteral("line one"));
    s.press(QKeySequence(Qt::SHIFT | Qt::Key_Return));
    s.typeText(QStringLiteral("hi @Li"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("completionPopup")); }));
    s.press(QKeySequence(Qt::Key_Return)); // takes the suggestion, does not send
    s.typeText(QStringLiteral(":tada"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("completionPopup")); }));
    s.press(QKeySequence(Qt::Key_Tab));
    const QString typed = s.find(QStringLiteral("composer_input"))->property("text").toString();
    CHECK(typed == QStringLiteral("line one\nhi @Li Wei \U0001F389"));
    s.press(QKeySequence(Qt::Key_Return));

    const QString sent = QStringLiteral("line one\nhi <@demo-li-wei> \U0001F389");
    REQUIRE(s.waitFor([&] { return rowOfText(timelineOf(s), sent) >= 0; }, 5000));
    const QString html =
        timelineOf(s).data(timelineOf(s).index(rowOfText(timelineOf(s), sent)), MessageListModel::HtmlRole).toString();
    CHECK(html.contains(QStringLiteral("@Li Wei")));
    REQUIRE(s.waitFor(
        [&] {
            const int r = rowOfText(timelineOf(s), sent);
            return timelineOf(s).data(timelineOf(s).index(r), MessageListModel::PosRole).toLongLong() > 0;
        },
        5000));

    // Up in the empty composer edits the last own message.
    s.press(QKeySequence(Qt::Key_Up));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("composer"))->property("editing").toBool(); }));
    s.press(QKeySequence(QKeySequence::SelectAll));
    s.typeText(QStringLiteral("edited text"));
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return rowOfText(timelineOf(s), QStringLiteral("edited text")) >= 0; }, 5000));
    CHECK(timelineOf(s)
              .data(timelineOf(s).index(rowOfText(timelineOf(s), QStringLiteral("edited text"))),
                    MessageListModel::EditedRole)
              .toBool());

    // An empty message is refused with a reason.
    s.press(QKeySequence(Qt::Key_Return));
    CHECK(s.isShown(QStringLiteral("composer_error")));

    // A draft survives a restart.
    s.typeText(QStringLiteral("unfinished 草稿"));
    QTest::qWait(600);
    s.restart();
    CHECK(s.waitFor([&] { return chatOf(s).currentStream() == kGeneral; }, 5000)); // where the user left off
    openChannel(s, kGeneral);
    CHECK(s.waitFor([&] {
        return s.find(QStringLiteral("composer_input"))->property("text").toString() ==
               QStringLiteral("unfinished 草稿");
    }));
}

TEST_CASE("Creating, renaming and leaving a channel; names must be unique")
{
    Scenario s(Scenario::member(QString(), QStringLiteral("Dan")));
    openChannel(s, kGeneral);
    s.click(QStringLiteral("newConversationButton"));
    s.click(QStringLiteral("createChannelMenuItem"));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("createChannelDialog"))->property("opened").toBool(); }));
    s.click(QStringLiteral("channelNameField"));
    s.typeText(QStringLiteral("general"));
    s.click(QStringLiteral("createChannelButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("createChannelError")); }));

    s.click(QStringLiteral("channelNameField"));
    s.press(QKeySequence(QKeySequence::SelectAll));
    s.typeText(QStringLiteral("市场部"));
    s.click(QStringLiteral("createChannelButton"));
    REQUIRE(s.waitFor([&] {
        return chatOf(s).currentStream().startsWith(QStringLiteral("channel:")) &&
               chatOf(s).currentStream() != kGeneral;
    }));
    const QString created = chatOf(s).currentStream();
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + created); }, 5000));
    CHECK(chatOf(s).currentName() == QStringLiteral("市场部"));
    REQUIRE(s.waitFor([&] { return chatOf(s).currentJoined(); }));

    CHECK(chatOf(s).admin()->rename(created, QStringLiteral("marketing")).isEmpty());
    CHECK(chatOf(s).admin()->setTopic(created, QStringLiteral("Campaigns")).isEmpty());
    REQUIRE(s.waitFor(
        [&] {
            return chatOf(s).currentName() == QStringLiteral("marketing") &&
                   chatOf(s).currentTopic() == QStringLiteral("Campaigns");
        },
        5000));
    CHECK_FALSE(chatOf(s).admin()->rename(created, QStringLiteral("General")).isEmpty()); // taken, any case

    CHECK(chatOf(s).admin()->leave(created).isEmpty());
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("channel_") + created); }, 5000));
}

TEST_CASE("Ctrl+K jumps to a conversation by pinyin initials")
{
    Scenario s(Scenario::member(QString(), QStringLiteral("Eve")));
    openChannel(s, kGeneral);
    focusWindow(s);
    s.press(QKeySequence(QStringLiteral("Ctrl+K")));
    REQUIRE(s.waitFor([&] { return s.find(QStringLiteral("quickSwitcher"))->property("opened").toBool(); }));
    s.typeText(QStringLiteral("cptl"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("switcherItem_0")); }));
    s.press(QKeySequence(Qt::Key_Return));
    CHECK(s.waitFor([&] { return chatOf(s).currentStream() == QStringLiteral("channel:product"); }));
}

TEST_CASE("Reading a conversation to its end marks it read on every device of the user")
{
    Scenario s(Scenario::member(QString(), QStringLiteral("Fay")));
    const QString dm = convene::chat::directStream({QStringLiteral("demo-li-wei"), chatOf(s).userId()});
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("unreadBadge_") + dm); }, 5000)); // the welcome message
    focusWindow(s);
    s.click(QStringLiteral("channel_") + dm);
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("unreadBadge_") + dm); }, 5000));
    CHECK(chatOf(s).channelList().totalUnread() == 0);
    CHECK(s.waitFor([&] { return chatOf(s).conversationState().lastRead(dm) > 0; }));
}

TEST_CASE("A conversation left open is read when its window comes to the front or its pane is shown again")
{
    TwoMembers team;
    Scenario& a = team.alice;
    Scenario& b = team.bob;
    const auto lastRead = [&] { return chatOf(b).conversationState().lastRead(kGeneral); };
    const auto arrived = [&](const QString& text) {
        return b.waitFor([&] { return rowOfText(timelineOf(b), text) >= 0; }, 5000);
    };

    // Bob's window is behind Alice's when her message arrives: unread until he comes back.
    const qint64 readFirst = lastRead();
    post(a, QStringLiteral("composer"), QStringLiteral("While Bob looks away"));
    REQUIRE(arrived(QStringLiteral("While Bob looks away")));
    QTest::qWait(1000);
    REQUIRE(lastRead() == readFirst);
    focusWindow(b);
    CHECK(b.waitFor([&] { return lastRead() > readFirst; }, 5000));

    // Bob looks at his calendar: the open conversation is not read until the chat pane is back.
    b.click(QStringLiteral("nav_calendar"));
    REQUIRE(b.waitFor([&] { return b.controller().currentView() == QStringLiteral("calendar"); }));
    const qint64 readBefore = lastRead();
    post(a, QStringLiteral("composer"), QStringLiteral("While Bob plans his week"));
    REQUIRE(arrived(QStringLiteral("While Bob plans his week")));
    focusWindow(b);
    QTest::qWait(1000);
    CHECK(lastRead() == readBefore);
    b.click(QStringLiteral("nav_chat"));
    CHECK(b.waitFor([&] { return lastRead() > readBefore; }, 5000));
}

TEST_CASE("A calendar invitation reaches the invitee's direct messages as a card they answer from")
{
    using convene::calendar::CalendarController;
    TwoMembers team;
    Scenario& a = team.alice;
    Scenario& b = team.bob;
    const QString bobId = chatOf(b).userId();
    REQUIRE(a.waitFor([&] { return chatOf(a).peopleDirectory().contains(bobId); }, 5000));
    CalendarController& calendar = *a.controller().calendar();

    // Alice invites Bob in the calendar; she stays where she is.
    const QString title = QStringLiteral("Roadmap review 路线图");
    const QDateTime start(QDate::currentDate().addDays(2), QTime(10, 0));
    std::unique_ptr<convene::calendar::EventDraft> draft(calendar.newDraft(start, start.addSecs(3600), false));
    REQUIRE(draft);
    draft->setProperty("title", title);
    draft->setProperty("attendees", QStringList{bobId});
    REQUIRE(calendar.save(draft.get(), CalendarController::Scope::AllEvents) == QString());
    const QString dm = convene::chat::directStream({chatOf(a).userId(), bobId});
    CHECK(chatOf(a).currentStream() == kGeneral);

    // Bob finds it in his direct messages as a card with what his calendar says.
    REQUIRE(b.waitFor([&] { return b.isShown(QStringLiteral("channel_") + dm); }, 10000));
    focusWindow(b);
    b.click(QStringLiteral("channel_") + dm);
    REQUIRE(b.waitFor([&] { return chatOf(b).currentStream() == dm; }));
    QString uid;
    REQUIRE(b.waitFor(
        [&] {
            const MessageListModel& timeline = timelineOf(b);
            for (int row = 0; row < timeline.rowCount(); ++row)
                uid = timeline.data(timeline.index(row), MessageListModel::InvitationRole)
                          .toMap()
                          .value(QStringLiteral("uid"))
                          .toString();
            return !uid.isEmpty();
        },
        5000));
    const QString card = QStringLiteral("invitationCard_") + uid;
    const auto text = [](Scenario& s, const QString& name) {
        QObject* label = s.find(name, 0);
        return label ? label->property("text").toString() : QString();
    };
    REQUIRE(b.waitFor([&] { return b.isShown(card) && text(b, QStringLiteral("invitationTitle")) == title; }, 10000));
    CHECK(text(b, QStringLiteral("invitationOrganizer")) == QStringLiteral("Organizer: Alice"));
    CHECK(text(b, QStringLiteral("invitationState")) == QStringLiteral("Your answer: Not answered yet"));
    CHECK(b.isShown(QStringLiteral("invitationMaybe")));
    CHECK(b.isShown(QStringLiteral("invitationDecline")));
    b.screenshot(QStringLiteral("chat-invitation-card"));

    // Accepting there answers in the calendar: the organizer sees it, the card says so.
    b.click(QStringLiteral("invitationAccept"));
    REQUIRE(a.waitFor(
        [&] {
            const QVariantList attendees =
                calendar.details(uid, QDateTime()).value(QStringLiteral("attendees")).toList();
            return attendees.size() == 1 &&
                   attendees.first().toMap().value(QStringLiteral("response")).toString() == QStringLiteral("accepted");
        },
        10000));
    REQUIRE(b.waitFor(
        [&] { return text(b, QStringLiteral("invitationState")) == QStringLiteral("Your answer: Accepted"); }, 5000));

    // Alice's own copy of the message shows the event without buttons.
    chatOf(a).openConversation(dm);
    REQUIRE(a.waitFor([&] { return a.isShown(card); }, 5000));
    CHECK(text(a, QStringLiteral("invitationState")) == QStringLiteral("You organize this event."));
    CHECK_FALSE(a.isShown(QStringLiteral("invitationAccept")));

    // Once she deletes the event, Bob's card says it is gone.
    REQUIRE(calendar.remove(uid, QDateTime(), CalendarController::Scope::AllEvents) == QString());
    CHECK(b.waitFor(
        [&] {
            return text(b, QStringLiteral("invitationState")) ==
                   QStringLiteral("This event is no longer in the calendar.");
        },
        10000));
    CHECK_FALSE(b.isShown(QStringLiteral("invitationAccept")));
}
