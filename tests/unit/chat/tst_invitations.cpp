// Calendar invitations in chat: MessageWriter::sendInvitation writes an ordinary message into
// the direct conversation with the invitee, without opening it, whose payload names the event
// next to a readable text, and the timeline reads it back in its "invitation" role. A real
// SyncService on the local backend (whose demo workspace has Maria and Li Wei in its directory,
// and a welcome message from Li Wei), taken offline, so the messages wait in the outbox.
#include <convene/chat/chat_controller.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace convene;
using chat::MessageListModel;

namespace {

const QString kMe = QStringLiteral("me");
const QString kLi = QStringLiteral("demo-li-wei");
const QString kMaria = QStringLiteral("demo-maria-garcia");

struct Entry {
    QString kind;
    QString author;
    QString body;
    QJsonObject payload;
    int64_t state = -1;
};

struct Me {
    QTemporaryDir dir;
    QSettings state{dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat};
    std::unique_ptr<sync::SyncService> sync;
    std::unique_ptr<chat::ChatController> chat;

    Me()
    {
        sync::SyncEngine::Options options;
        options.cachePath = dir.filePath(QStringLiteral("me/cache.db"));
        options.backendConfig.profileDir = dir.filePath(QStringLiteral("me"));
        options.backendConfig.workspacePath = dir.filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.userId = kMe;
        options.backendConfig.displayName = QStringLiteral("Me");
        options.reconnectBackoff = {100, 400};
        options.submitBackoff = {20, 200};
        sync = std::make_unique<sync::SyncService>(options);
        sync->start();
        REQUIRE(QTest::qWaitFor([&] { return sync->state() == sync::ConnectionState::Online; }, 10000));
        chat = std::make_unique<chat::ChatController>(*sync, kMe, state, dir.filePath(QStringLiteral("blobs")));
        REQUIRE(QTest::qWaitFor(
            [&] { return chat->peopleDirectory().contains(kLi) && chat->peopleDirectory().contains(kMaria); }, 10000));
    }

    QList<Entry> entries(const QString& stream) const
    {
        auto db = store::Database::open(sync->cachePath(), store::Database::Mode::ReadOnly);
        REQUIRE(db.ok());
        auto query = (*db)->prepare(
            QStringLiteral("SELECT kind, author, body, payload, state FROM entries WHERE stream = ? ORDER BY id"));
        REQUIRE(query.ok());
        (*query)->bind(1, stream);
        QList<Entry> list;
        while ((*query)->step().valueOr(false))
            list << Entry{(*query)->text(0), (*query)->text(1), (*query)->text(2),
                          QJsonDocument::fromJson((*query)->blob(3)).object(), (*query)->int64(4)};
        return list;
    }
};

chat::Invitation review()
{
    chat::Invitation invitation;
    invitation.calendar = QStringLiteral("calendar:team");
    invitation.uid = QStringLiteral("evt-42@convene");
    invitation.title = QStringLiteral("Design *review*\nround 2");
    invitation.start = QDateTime(QDate(2031, 3, 12), QTime(15, 30), QTimeZone("Europe/Berlin"));
    return invitation;
}

} // namespace

TEST_CASE("An invitation goes to the invitee's direct conversation as a pending message naming the event")
{
    Me me;
    chat::ChatController& chat = *me.chat;
    const QString general = QStringLiteral("channel:general");
    chat.openConversation(general);
    me.sync->setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(QTest::qWaitFor([&] { return me.sync->state() != sync::ConnectionState::Online; }, 10000));
    QSignalSpy opened(chat.admin(), &chat::ChannelAdmin::openRequested);

    const chat::Invitation invitation = review();
    REQUIRE(chat.writer()->sendInvitation(kMaria, invitation) == QString());

    const QString dm = chat::directStream({kMe, kMaria});
    REQUIRE(dm == QStringLiteral("dm:demo-maria-garcia+me"));
    QList<Entry> entries;
    REQUIRE(QTest::qWaitFor(
        [&] {
            entries = me.entries(dm);
            return entries.size() == 2;
        },
        5000));
    CHECK(entries.at(0).kind == QStringLiteral("stream.create")); // the conversation did not exist yet
    const Entry& message = entries.at(1);
    CHECK(message.kind == chat::kind::message);
    CHECK(message.author == kMe);
    CHECK(message.state == 1); // pending
    const QString when = QLocale().toString(invitation.start.toLocalTime(), QLocale::ShortFormat);
    // Markdown in the title is shown as it is; its line break as a space.
    CHECK(message.payload.value(QStringLiteral("text")).toString() ==
          QStringLiteral("📅 Invitation: Design \\*review\\* round 2 — ") + when);
    CHECK(message.body == QStringLiteral("📅 Invitation: Design *review* round 2 — ") + when);
    CHECK(message.payload.value(QStringLiteral("invite")).toObject() ==
          QJsonObject{{QStringLiteral("calendar"), QStringLiteral("calendar:team")},
                      {QStringLiteral("uid"), QStringLiteral("evt-42@convene")}});
    CHECK(message.payload.keys() == QStringList{QStringLiteral("invite"), QStringLiteral("text")});

    // Nothing was opened: the user stays where they were.
    QCoreApplication::processEvents();
    CHECK(opened.isEmpty());
    CHECK(chat.currentStream() == general);

    // The timeline shows it as a message of its own (not a reply), pending, with the invitation.
    MessageListModel timeline(chat.cache(), me.sync->changes(), chat.peopleDirectory(), kMe);
    QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::Fatal);
    timeline.open(dm);
    REQUIRE(timeline.rowCount() == 1);
    const auto at = [&](int role) { return timeline.data(timeline.index(0), role); };
    CHECK(at(MessageListModel::StateRole).toString() == QStringLiteral("pending"));
    CHECK(at(MessageListModel::OwnRole).toBool());
    CHECK(at(MessageListModel::InvitationRole).toMap() ==
          QVariantMap{{QStringLiteral("calendar"), QStringLiteral("calendar:team")},
                      {QStringLiteral("uid"), QStringLiteral("evt-42@convene")}});

    // An invitation into a conversation that exists adds only the message; an all-day one shows
    // only the date.
    chat::Invitation allDay = invitation;
    allDay.uid = QStringLiteral("offsite");
    allDay.title = QString();
    allDay.start = QDateTime(QDate(2031, 4, 1), QTime(0, 0));
    allDay.allDay = true;
    const QString welcome = chat::directStream({kMe, kLi});
    const qsizetype before = me.entries(welcome).size();
    REQUIRE(before > 0);
    REQUIRE(chat.writer()->sendInvitation(kLi, allDay) == QString());
    REQUIRE(QTest::qWaitFor([&] { return me.entries(welcome).size() == before + 1; }, 5000));
    const Entry added = me.entries(welcome).last();
    CHECK(added.kind == chat::kind::message);
    CHECK(added.state == 1);
    CHECK(added.payload.value(QStringLiteral("invite")).toObject().value(QStringLiteral("uid")) ==
          QStringLiteral("offsite"));
    CHECK(added.body == QStringLiteral("📅 Invitation: Untitled event — ") +
                            QLocale().toString(QDate(2031, 4, 1), QLocale::ShortFormat));
}

TEST_CASE("Invitations go only to other members, and only for a well-formed event")
{
    Me me;
    chat::MessageWriter& writer = *me.chat->writer();
    const QString welcome = chat::directStream({kMe, kLi});
    // The workspace's welcome message arrives on its own; count from after it.
    REQUIRE(QTest::qWaitFor([&] { return !me.entries(welcome).isEmpty(); }, 5000));
    const qsizetype before = me.entries(welcome).size();
    chat::Invitation invitation = review();
    CHECK_FALSE(writer.sendInvitation(kMe, invitation).isEmpty()); // never the user themself
    CHECK_FALSE(writer.sendInvitation(QStringLiteral("nobody-here"), invitation).isEmpty());
    CHECK_FALSE(writer.sendInvitation(QString(), invitation).isEmpty());
    invitation.uid = QString(chat::Invitation::kMaxIdLength + 1, u'x');
    CHECK_FALSE(writer.sendInvitation(kLi, invitation).isEmpty());
    invitation.uid = QStringLiteral("evt\u0001");
    CHECK_FALSE(writer.sendInvitation(kLi, invitation).isEmpty());
    QTest::qWait(200);
    CHECK(me.entries(welcome).size() == before);
    CHECK(me.entries(chat::directStream({kMe})).isEmpty());
    CHECK(me.entries(chat::directStream({kMe, QStringLiteral("nobody-here")})).isEmpty());
}
