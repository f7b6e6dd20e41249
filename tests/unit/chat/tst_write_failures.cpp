// Nothing the user typed is lost when the cache cannot be written (a full disk): the message
// stays with its composer (or goes back to its conversation's draft), the failure is listed with
// its reason, and Retry writes it once. A real SyncService on the local backend; the full disk
// is a SQLite VFS of the test's own (faulty_disk.h) refusing writes to the cache's files.
#include <convene/chat/chat_controller.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"
#include "faulty_disk.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convene;

namespace {

const QString kMe = QStringLiteral("me");
const QString kGeneral = QStringLiteral("channel:general");
const QString kRandom = QStringLiteral("channel:random");

struct Me {
    test::FaultyDisk& disk = test::FaultyDisk::install(); // before any connection opens
    QTemporaryDir dir;
    QString cachePath = dir.filePath(QStringLiteral("me/cache.db"));
    QSettings state{dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat};
    std::unique_ptr<sync::SyncService> sync;
    std::unique_ptr<chat::ChatController> chat;

    Me()
    {
        sync::SyncEngine::Options options;
        options.cachePath = cachePath;
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
        REQUIRE(QTest::qWaitFor([&] { return chat->conversationState().isMember(kGeneral); }, 10000));
        chat->openConversation(kGeneral);
    }

    ~Me() { disk.setFull(cachePath, false); }

    chat::MessageWriter& writer() { return *chat->writer(); }
    chat::Drafts& drafts() { return *chat->drafts(); }

    int64_t scalar(const QString& sql, const QString& arg)
    {
        auto db = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
        REQUIRE(db.ok());
        auto query = (*db)->prepare(sql);
        REQUIRE(query.ok());
        (*query)->bind(1, arg);
        REQUIRE((*query)->step().valueOr(false));
        return (*query)->int64(0);
    }
    // Copies of a message in the cache, and how many of them the server has acknowledged.
    int64_t copies(const QString& body)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM entries WHERE body = ?"), body);
    }
    int64_t sentCopies(const QString& body)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM entries WHERE body = ? AND server_id IS NOT NULL"), body);
    }

    // The timeline's sent message with `body`, once the server has it.
    qint64 sentPos(const QString& body)
    {
        qint64 pos = 0;
        REQUIRE(QTest::qWaitFor(
            [&] {
                chat::MessageListModel& timeline = *chat->timeline();
                for (int row = 0; row < timeline.rowCount(); ++row) {
                    const QModelIndex index = timeline.index(row);
                    if (index.data(chat::MessageListModel::TextRole).toString() == body &&
                        writer().sentMessage(index.data(chat::MessageListModel::PosRole).toLongLong()))
                        pos = index.data(chat::MessageListModel::PosRole).toLongLong();
                }
                return pos != 0;
            },
            10000));
        return pos;
    }

    QVariantMap onlyUnsaved()
    {
        const QVariantList unsaved = writer().unsaved();
        REQUIRE(unsaved.size() == 1);
        return unsaved.first().toMap();
    }
};

} // namespace

TEST_CASE("A message the full disk refused stays with the user, is reported, and Retry writes it once")
{
    Me me;
    const QString text = QStringLiteral("Written on a full disk 满了");
    QSignalSpy written(me.chat->writer(), &chat::MessageWriter::composerWritten);
    QSignalSpy notWritten(me.chat->writer(), &chat::MessageWriter::composerNotWritten);

    me.drafts().setText(kGeneral, text); // what the composer keeps while the user types
    me.disk.setFull(me.cachePath, true);
    REQUIRE(me.writer().send(text) == QString()); // handed to sync: the outcome comes later
    REQUIRE(notWritten.wait(5000));
    CHECK(notWritten.at(0).at(0).toString() == kGeneral);
    CHECK(written.isEmpty()); // the composer lets go of nothing
    CHECK(me.drafts().text(kGeneral) == text);
    const QVariantMap failure = me.onlyUnsaved();
    CHECK(failure.value(QStringLiteral("stream")).toString() == kGeneral);
    CHECK(failure.value(QStringLiteral("what")).toString() == QStringLiteral("message"));
    CHECK(failure.value(QStringLiteral("text")).toString() == text);
    CHECK(failure.value(QStringLiteral("reason")).toString().contains(QStringLiteral("disk is full")));
    CHECK(me.copies(text) == 0);

    // Retry while the disk is still full: refused again, still kept, still listed once.
    me.writer().retryUnsaved(kGeneral);
    REQUIRE(notWritten.wait(5000));
    CHECK(me.writer().unsaved().size() == 1);
    CHECK(me.drafts().text(kGeneral) == text);

    // Space again. Retry twice in a row (the second finds nothing left to retry).
    me.disk.setFull(me.cachePath, false);
    me.writer().retryUnsaved(kGeneral);
    me.writer().retryUnsaved(kGeneral);
    REQUIRE(written.wait(5000));
    CHECK(written.at(0).at(0).toString() == kGeneral);
    CHECK(written.at(0).at(2).toString() == text);
    CHECK(me.writer().unsaved().isEmpty());
    CHECK(me.drafts().text(kGeneral).isEmpty()); // it is in the outbox now, not a draft
    REQUIRE(QTest::qWaitFor([&] { return me.sentCopies(text) == 1; }, 10000));
    QTest::qWait(300); // anything extra would arrive by now
    CHECK(me.copies(text) == 1);
    CHECK(written.size() == 1);
}

TEST_CASE("A message refused after the user moved on goes back to its conversation's draft")
{
    Me me;
    const QString text = QStringLiteral("Sent just before switching");
    me.drafts().setText(kGeneral, QStringLiteral("Sent just bef")); // saved while typing
    QSignalSpy notWritten(me.chat->writer(), &chat::MessageWriter::composerNotWritten);
    me.disk.setFull(me.cachePath, true);
    REQUIRE(me.writer().send(text) == QString());
    me.chat->openConversation(kRandom); // before sync has answered
    REQUIRE(notWritten.wait(5000));
    CHECK(me.drafts().text(kGeneral) == text);
    CHECK(me.drafts().text(kRandom).isEmpty());
    CHECK(me.onlyUnsaved().value(QStringLiteral("stream")).toString() == kGeneral);

    // Sending it again from the draft makes the listed failure obsolete: it cannot go twice.
    me.disk.setFull(me.cachePath, false);
    me.chat->openConversation(kGeneral);
    QSignalSpy written(me.chat->writer(), &chat::MessageWriter::composerWritten);
    REQUIRE(me.writer().send(me.drafts().text(kGeneral)) == QString());
    CHECK(me.writer().unsaved().isEmpty());
    me.writer().retryUnsaved(kGeneral); // nothing left to retry
    REQUIRE(written.wait(5000));
    REQUIRE(QTest::qWaitFor([&] { return me.sentCopies(text) == 1; }, 10000));
    QTest::qWait(300);
    CHECK(me.copies(text) == 1);
}

TEST_CASE("Edits, reactions and deletions the full disk refused are reported and retried, not dropped")
{
    Me me;
    const QString text = QStringLiteral("Something to change");
    REQUIRE(me.writer().send(text) == QString());
    const qint64 pos = me.sentPos(text);

    QSignalSpy notWritten(me.chat->writer(), &chat::MessageWriter::composerNotWritten);
    QSignalSpy unsavedChanged(me.chat->writer(), &chat::MessageWriter::unsavedChanged);
    me.disk.setFull(me.cachePath, true);
    REQUIRE(me.writer().toggleReaction(pos, QStringLiteral("👍")) == QString());
    REQUIRE(me.writer().edit(pos, QStringLiteral("Something changed")) == QString());
    REQUIRE(notWritten.wait(5000)); // the edit's composer keeps its text
    CHECK(notWritten.at(0).at(0).toString() == kGeneral);
    REQUIRE(QTest::qWaitFor([&] { return me.writer().unsaved().size() == 2; }, 5000));
    QStringList what;
    for (const QVariant& v : me.writer().unsaved())
        what << v.toMap().value(QStringLiteral("what")).toString();
    CHECK(what == QStringList{QStringLiteral("reaction"), QStringLiteral("edit")});
    CHECK_FALSE(unsavedChanged.isEmpty());

    me.disk.setFull(me.cachePath, false);
    me.writer().retryUnsaved(kGeneral);
    CHECK(me.writer().unsaved().isEmpty());
    REQUIRE(QTest::qWaitFor(
        [&] {
            chat::MessageListModel& timeline = *me.chat->timeline();
            const QModelIndex index = timeline.index(timeline.rowOfPos(pos));
            return index.data(chat::MessageListModel::TextRole).toString() == QStringLiteral("Something changed") &&
                   !index.data(chat::MessageListModel::ReactionsRole).toList().isEmpty();
        },
        10000));

    // A deletion too; dismissing forgets it, and the message stays.
    me.disk.setFull(me.cachePath, true);
    REQUIRE(me.writer().remove(pos) == QString());
    REQUIRE(QTest::qWaitFor([&] { return me.writer().unsaved().size() == 1; }, 5000));
    CHECK(me.onlyUnsaved().value(QStringLiteral("what")).toString() == QStringLiteral("delete"));
    me.disk.setFull(me.cachePath, false);
    me.writer().dismissUnsaved(kGeneral);
    CHECK(me.writer().unsaved().isEmpty());
    CHECK(me.chat->timeline()->rowOfPos(pos) >= 0);
}
