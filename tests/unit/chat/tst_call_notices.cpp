// Calls in the timeline: the start, join and leave entries the call feature writes into a
// conversation become notices among its messages. Who started a call is the entry's author as the
// backend vouches for it; the call ended at the leave after which nobody who was in it remains,
// and how long it lasted is the time between the start and that leave as the server stamped them.
#include "chat_cache.h"

#include <convene/chat/call_notices.h>
#include <convene/chat/directory.h>
#include <convene/chat/message_list_model.h>

#include <QAbstractItemModelTester>

using namespace convene;
using chat::MessageListModel;

namespace {

const QString kMe = QStringLiteral("me");
const QString kStream = QStringLiteral("channel:general");

struct Timeline {
    chat::CacheReader reader;
    chat::Directory directory;
    MessageListModel model;
    QAbstractItemModelTester tester;

    explicit Timeline(ChatCache& cache)
        : reader(cache.path),
          directory(reader, cache.changes),
          model(reader, cache.changes, directory, kMe),
          tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    { }

    QVariant at(int row, int role) const { return model.data(model.index(row), role); }
    QString notice(int row) const { return at(row, MessageListModel::NoticeRole).toString(); }
    QString kind(int row) const { return at(row, MessageListModel::NoticeKindRole).toString(); }
};

QJsonObject call(const QString& id, bool video = false)
{
    return {{QStringLiteral("v"), 1}, {QStringLiteral("call"), id}, {QStringLiteral("video"), video}};
}

void people(ChatCache& cache)
{
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
    cache.profile(QStringLiteral("ana"), QStringLiteral("Ana <b>Bold</b>"));
}

} // namespace

TEST_CASE("A call's start and end are notices among the messages, the duration from server times")
{
    ChatCache cache;
    people(cache);
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("shall we talk?"));
    // The payload cannot name anyone else as the one who started the call.
    QJsonObject started = call(QStringLiteral("c1"), true);
    started.insert(QStringLiteral("by"), kMe);
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("ana"), started);
    cache.event(kStream, chat::kind::callJoined, QStringLiteral("li"), call(QStringLiteral("c1"), true));
    cache.say(kStream, QStringLiteral("ana"), QStringLiteral("can you hear me?"));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("ana"), call(QStringLiteral("c1"), true));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1"), true));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 4);

    CHECK(t.kind(0).isEmpty());
    CHECK(t.notice(0).isEmpty());
    CHECK(t.kind(1) == QLatin1String("callStarted"));
    CHECK(t.at(1, MessageListModel::AuthorRole).toString() == QLatin1String("ana"));
    // Plain text: the name as the directory has it, never markup.
    CHECK(t.notice(1) == QStringLiteral("Ana <b>Bold</b> started a video call"));
    CHECK(t.at(1, MessageListModel::HtmlRole).toString().isEmpty());
    CHECK(t.at(1, MessageListModel::TextRole).toString().isEmpty());
    // The message after a notice starts a group of its own.
    CHECK(t.at(2, MessageListModel::ShowHeaderRole).toBool());
    // The test cache stamps its events a minute apart: four minutes from start to last leave.
    CHECK(t.kind(3) == QLatin1String("callEnded"));
    CHECK(t.notice(3) == QStringLiteral("Call ended, duration 4:00"));
    CHECK(t.at(3, MessageListModel::AuthorRole).toString() == QLatin1String("li"));
}

TEST_CASE("Two who leave at once end the call once, whoever writes last; later leaves change nothing")
{
    ChatCache cache;
    people(cache);
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callJoined, QStringLiteral("ana"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callJoined, kMe, call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, kMe, call(QStringLiteral("c1")));
    // Neither of the last two wrote an end: each thought the other was still there.
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("ana"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("bye"));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 3);
    CHECK(t.kind(0) == QLatin1String("callStarted"));
    CHECK(t.kind(1) == QLatin1String("callEnded"));
    CHECK(t.notice(1) == QStringLiteral("Call ended, duration 5:00"));
    CHECK(t.kind(2).isEmpty());
}

TEST_CASE("The end shows live once the last leave arrives, from whoever it is")
{
    ChatCache cache;
    people(cache);
    cache.event(kStream, chat::kind::callStarted, kMe, call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callJoined, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, kMe, call(QStringLiteral("c1")));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1); // Li is still in the call
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 2);
    CHECK(t.notice(1) == QStringLiteral("Call ended, duration 3:00"));
}

TEST_CASE("A leave that ends nothing, arriving live after the newest row, does not stop the end from showing")
{
    ChatCache cache;
    people(cache);
    cache.event(kStream, chat::kind::callStarted, kMe, call(QStringLiteral("c1")));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1);
    // The window's newest row is the start; the leave after it is not shown: nothing newer is.
    cache.event(kStream, chat::kind::callJoined, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, kMe, call(QStringLiteral("c1")));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 1);
    CHECK_FALSE(t.model.hasNewer());
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 2);
    CHECK(t.kind(1) == QLatin1String("callEnded"));
}

TEST_CASE("Someone not in the call can neither end it nor change how long it lasted")
{
    ChatCache cache;
    people(cache);
    cache.profile(QStringLiteral("mallory"), QStringLiteral("Mallory"));
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callJoined, QStringLiteral("ana"), call(QStringLiteral("c1")));
    // An end entry, a leave of someone who never joined, and a second start naming the call.
    QJsonObject forged = call(QStringLiteral("c1"));
    forged.insert(QStringLiteral("duration"), 1);
    forged.insert(QStringLiteral("started"), 0);
    cache.event(kStream, QStringLiteral("call.ended"), QStringLiteral("mallory"), forged);
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("mallory"), forged);
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("mallory"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("mallory"), forged);
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 2); // the two starts; the call goes on
    CHECK(t.kind(0) == QLatin1String("callStarted"));
    CHECK(t.kind(1) == QLatin1String("callStarted"));

    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), forged);
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("ana"), forged);
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 3);
    CHECK(t.kind(2) == QLatin1String("callEnded"));
    // From Li's start to Ana's leave: seven minutes, whatever the payloads say.
    CHECK(t.notice(2) == QStringLiteral("Call ended, duration 7:00"));
}

TEST_CASE("A leave without its call's start ends nothing; a start naming no call still shows")
{
    ChatCache cache;
    people(cache);
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("unknown")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), {{QStringLiteral("v"), 1}});
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), {{QStringLiteral("call"), 42}});
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1);
    CHECK(t.notice(0) == QStringLiteral("Li Wei started a call"));
}

TEST_CASE("A later start entry naming the same call does not move its start; others' calls do not count")
{
    ChatCache cache;
    people(cache);
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("ana"), call(QStringLiteral("c2")));
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("ana"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 4);
    CHECK(t.notice(3) == QStringLiteral("Call ended, duration 3:00"));
}

TEST_CASE("Call notices after the read marker do not start the new-messages line")
{
    ChatCache cache;
    people(cache);
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("read already"));
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), call(QStringLiteral("c1")));
    cache.event(kStream, chat::kind::callLeft, QStringLiteral("li"), call(QStringLiteral("c1")));
    Timeline t(cache);
    t.model.open(kStream, 0, 0, ChatCache::position(1));
    REQUIRE(t.model.rowCount() == 3);
    for (int row = 0; row < 3; ++row)
        CHECK_FALSE(t.at(row, MessageListModel::FirstUnreadRole).toBool());

    cache.say(kStream, QStringLiteral("ana"), QStringLiteral("new"));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 4);
    CHECK_FALSE(t.at(1, MessageListModel::FirstUnreadRole).toBool());
    CHECK_FALSE(t.at(2, MessageListModel::FirstUnreadRole).toBool());
    CHECK(t.at(3, MessageListModel::FirstUnreadRole).toBool());
}

TEST_CASE("Pages of leaves that end no call do not stop paging back to older history")
{
    ChatCache cache;
    people(cache);
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("oldest"));
    cache.event(kStream, chat::kind::callStarted, QStringLiteral("li"), call(QStringLiteral("c1")));
    for (int i = 0; i < 130; ++i) {
        cache.event(kStream, chat::kind::callJoined, QStringLiteral("ana"), call(QStringLiteral("c1")));
        cache.event(kStream, chat::kind::callLeft, QStringLiteral("ana"), call(QStringLiteral("c1")));
    }
    for (int i = 0; i < 60; ++i)
        cache.say(kStream, QStringLiteral("li"), QStringLiteral("message %1").arg(i));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 60);
    CHECK(t.model.hasOlder());
    CHECK(t.model.fetchOlder());
    REQUIRE(t.model.rowCount() == 62);
    CHECK(t.at(0, MessageListModel::TextRole).toString() == QLatin1String("oldest"));
    CHECK(t.kind(1) == QLatin1String("callStarted"));
}

TEST_CASE("Call notices arrive live, stay out of threads, and are not the user's last message to edit")
{
    ChatCache cache;
    people(cache);
    const int64_t root = cache.say(kStream, kMe, QStringLiteral("my message"));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1);
    cache.event(kStream, chat::kind::callStarted, kMe, call(QStringLiteral("c9")));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 2);
    CHECK(t.kind(1) == QLatin1String("callStarted"));
    CHECK(t.model.lastOwnMessageRow() == 0);

    Timeline thread(cache);
    thread.model.open(kStream, ChatCache::position(root));
    CHECK(thread.model.rowCount() == 1);
    CHECK(thread.kind(0).isEmpty());
}

TEST_CASE("Call entries are read strictly; durations read m:ss, then h:mm:ss")
{
    CHECK(chat::callEntryOf(R"({"v":1,"call":"c1","video":true})")->video);
    CHECK(chat::callEntryOf(R"({"v":1,"call":"c1"})")->callId == QLatin1String("c1"));
    CHECK_FALSE(chat::callEntryOf(R"({"v":2,"call":"c1"})"));
    CHECK_FALSE(chat::callEntryOf(R"({"v":1,"call":""})"));
    CHECK_FALSE(chat::callEntryOf(R"({"v":1,"call":"c1","video":"yes"})"));
    CHECK_FALSE(chat::callEntryOf(R"([1])"));
    CHECK_FALSE(chat::callEntryOf("not json"));
    CHECK_FALSE(chat::callEntryOf(QByteArray(R"({"v":1,"call":")") + QByteArray(200, 'x') + R"("})"));
    CHECK(chat::formatCallDuration(0) == QLatin1String("0:00"));
    CHECK(chat::formatCallDuration(67) == QLatin1String("1:07"));
    CHECK(chat::formatCallDuration(3723) == QLatin1String("1:02:03"));
    CHECK(chat::formatCallDuration(-5) == QLatin1String("0:00"));
}
