#include "chat_cache.h"

#include <convene/chat/channel_list_model.h>
#include <convene/chat/conversation_state.h>
#include <convene/chat/directory.h>

#include <QAbstractItemModelTester>
#include <QFileInfo>

using namespace convene;
using chat::ChannelListModel;

namespace {

const QString kMe = QStringLiteral("me");
const QString kGeneral = QStringLiteral("channel:general");
const QString kRandom = QStringLiteral("channel:random");
const QString kDm = QStringLiteral("dm:li+me");

struct Models {
    chat::CacheReader reader;
    chat::Directory directory;
    chat::ConversationState state;
    ChannelListModel list;
    QAbstractItemModelTester tester;

    explicit Models(ChatCache& cache)
        : reader(cache.path),
          directory(reader, cache.changes),
          state(reader, cache.changes, kMe),
          list(reader, cache.changes, directory, state),
          tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal)
    { }

    QVariant at(int row, int role) const { return list.data(list.index(row), role); }
};

void seedWorkspace(ChatCache& cache)
{
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
    cache.profile(kMe, QStringLiteral("Me Myself"));
    cache.stream(kGeneral, QStringLiteral("channel"), QStringLiteral("general"));
    cache.stream(kRandom, QStringLiteral("channel"), QStringLiteral("random"));
    cache.stream(kDm, QStringLiteral("dm"), QString());
    cache.stream(QStringLiteral("calendar:team"), QStringLiteral("calendar"), QStringLiteral("Team calendar"));
    cache.join(kGeneral, kMe);
    cache.join(kGeneral, QStringLiteral("li"));
    cache.join(kRandom, QStringLiteral("li")); // not us
}

} // namespace

TEST_CASE("Only conversations the user belongs to are listed, by section and latest activity")
{
    ChatCache cache;
    seedWorkspace(cache);
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("first"));
    cache.say(kDm, QStringLiteral("li"), QStringLiteral("hi there"));
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("明天的**会议**"));
    cache.say(kRandom, QStringLiteral("li"), QStringLiteral("not for us"));

    Models m(cache);
    REQUIRE(m.list.rowCount() == 2); // random is not joined; calendars are not conversations
    CHECK(m.at(0, ChannelListModel::StreamIdRole).toString() == kGeneral);
    CHECK(m.at(0, ChannelListModel::SectionRole).toString() == QStringLiteral("channels"));
    CHECK(m.at(0, ChannelListModel::PreviewRole).toString() == QStringLiteral("Li Wei: 明天的会议"));
    CHECK(m.at(1, ChannelListModel::SectionRole).toString() == QStringLiteral("direct"));
    CHECK(m.at(1, ChannelListModel::NameRole).toString() == QStringLiteral("Li Wei")); // the other person
    CHECK(m.at(1, ChannelListModel::PeerRole).toString() == QStringLiteral("li"));
    CHECK(m.at(1, ChannelListModel::PreviewRole).toString() == QStringLiteral("hi there"));
    CHECK(m.list.displayName(kRandom) == QStringLiteral("random"));
    CHECK(m.list.roleNames().value(ChannelListModel::UnreadRole) == "unread");
}

TEST_CASE("Unread and mention counts start after the read marker; muted conversations stay out of the total")
{
    ChatCache cache;
    seedWorkspace(cache);
    const int64_t read = cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("old news"));
    cache.read(kMe, kGeneral, read);
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("news"));
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("ping <@me> please"));
    cache.say(kGeneral, kMe, QStringLiteral("my own words never count"));
    cache.say(kDm, QStringLiteral("li"), QStringLiteral("a direct message counts as a mention"));

    Models m(cache);
    const int general = m.list.indexOf(kGeneral);
    const int dm = m.list.indexOf(kDm);
    CHECK(m.at(general, ChannelListModel::UnreadRole).toInt() == 2);
    CHECK(m.at(general, ChannelListModel::MentionsRole).toInt() == 1);
    CHECK(m.at(dm, ChannelListModel::MentionsRole).toInt() == 1);
    CHECK(m.list.totalUnread() == 3);
    CHECK(m.list.totalMentions() == 2);

    cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("muted"), true}});
    cache.notify(chat::userStream(kMe));
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::MutedRole).toBool());
    CHECK(m.list.totalUnread() == 1);

    // Reading to the end clears the count.
    cache.read(kMe, kGeneral, cache.lastNumber[kGeneral]);
    cache.notify(chat::userStream(kMe));
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::UnreadRole).toInt() == 0);
}

TEST_CASE("Starred conversations come first; leaving removes a channel; edits and deletions show in the preview")
{
    ChatCache cache;
    seedWorkspace(cache);
    cache.say(kDm, QStringLiteral("li"), QStringLiteral("hello"));
    const int64_t last = cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("typo"));
    Models m(cache);
    REQUIRE(m.list.indexOf(kGeneral) == 0);

    cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                {{QStringLiteral("stream"), kDm}, {QStringLiteral("starred"), true}});
    cache.event(kGeneral, chat::kind::edit, QStringLiteral("li"), {{QStringLiteral("text"), QStringLiteral("fixed")}},
                QStringLiteral("fixed"), last);
    cache.notify(kGeneral);
    CHECK(m.list.indexOf(kDm) == 0);
    CHECK(m.at(0, ChannelListModel::SectionRole).toString() == QStringLiteral("starred"));
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::PreviewRole).toString() == QStringLiteral("Li Wei: fixed"));

    cache.event(kGeneral, chat::kind::remove, QStringLiteral("li"), {}, {}, last);
    cache.notify(kGeneral);
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::PreviewRole).toString().contains(QStringLiteral("deleted")));

    cache.event(kGeneral, chat::kind::leave, kMe);
    cache.notify(kGeneral);
    CHECK(m.list.indexOf(kGeneral) == -1);
    CHECK(m.list.rowCount() == 1);
}

TEST_CASE("A stream renamed by a stream.update event is listed under its new name")
{
    ChatCache cache;
    seedWorkspace(cache);
    Models m(cache);
    cache.event(
        kGeneral, QStringLiteral("stream.update"), QStringLiteral("li"),
        {{QStringLiteral("name"), QStringLiteral("公司公告")}, {QStringLiteral("topic"), QStringLiteral("通知")}});
    cache.notify(kGeneral);
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::NameRole).toString() == QStringLiteral("公司公告"));
    CHECK(m.at(m.list.indexOf(kGeneral), ChannelListModel::TopicRole).toString() == QStringLiteral("通知"));
}

TEST_CASE("A profile without a cache yet gives an empty list and never creates the file")
{
    QTemporaryDir dir;
    store::ChangeNotifier changes;
    chat::CacheReader reader(dir.filePath(QStringLiteral("cache.db")));
    chat::Directory directory(reader, changes);
    chat::ConversationState state(reader, changes, kMe);
    ChannelListModel list(reader, changes, directory, state);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(list.rowCount() == 0);
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("cache.db"))));
}

TEST_CASE("The user's own stream says which channels they are in, even without the join in the cache")
{
    ChatCache cache;
    seedWorkspace(cache);
    // Joined long ago: only the user's own stream (kept complete) remembers it.
    cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                {{QStringLiteral("stream"), kRandom}, {QStringLiteral("member"), true}});
    // Left on another device: the user stream wins over the join in the channel.
    cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("member"), false}});
    Models m(cache);
    CHECK(m.list.indexOf(kRandom) >= 0);
    CHECK(m.list.indexOf(kGeneral) == -1);
    CHECK(m.state.members(kRandom).contains(kMe));
    CHECK_FALSE(m.state.members(kGeneral).contains(kMe));
}

TEST_CASE("Unread counts follow messages arriving one by one, older history being fetched and the read marker moving")
{
    ChatCache cache;
    seedWorkspace(cache);
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("before the model"));
    Models m(cache);
    const auto unread = [&] { return m.at(m.list.indexOf(kGeneral), ChannelListModel::UnreadRole).toInt(); };
    const auto mentions = [&] { return m.at(m.list.indexOf(kGeneral), ChannelListModel::MentionsRole).toInt(); };
    REQUIRE(unread() == 1);

    for (int i = 0; i < 5; ++i) {
        cache.say(kGeneral, QStringLiteral("li"), i == 2 ? QStringLiteral("<@me> look") : QStringLiteral("more"));
        cache.say(kGeneral, kMe, QStringLiteral("mine"));
        cache.notify(kGeneral);
        CHECK(unread() == i + 2);
    }
    CHECK(mentions() == 1);

    // A page of older history lands before every cached message. In a channel it is older than
    // the join, so it counts as read; a direct conversation has no join: it is all unread.
    cache.say(kDm, QStringLiteral("li"), QStringLiteral("hello"));
    cache.notify(kDm);
    const auto dmUnread = [&] { return m.at(m.list.indexOf(kDm), ChannelListModel::UnreadRole).toInt(); };
    REQUIRE(dmUnread() == 1);
    for (const QString& stream : {kGeneral, kDm}) {
        convene::sync::RemoteEvent older;
        older.stream = stream;
        older.serverId = stream + QStringLiteral("#older");
        older.kind = chat::kind::message;
        older.author = QStringLiteral("li");
        older.payload = chat::jsonPayload({{QStringLiteral("text"), QStringLiteral("<@me> from long ago")}});
        older.serverTime = 1;
        convene::store::ChangeSet set;
        REQUIRE(cache.writer->applyEvents({older}, set, convene::sync::CacheWriter::Placement::Oldest).ok());
        cache.notify(stream);
    }
    CHECK(unread() == 6);
    CHECK(mentions() == 1);
    CHECK(dmUnread() == 2);

    // Reading part of the way counts from the new marker; later messages add to that.
    cache.read(kMe, kGeneral, 5); // the joins, "before the model", then li's first and my first
    cache.notify(chat::userStream(kMe));
    CHECK(unread() == 4);
    CHECK(mentions() == 1);
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("<@me> newest"));
    cache.notify(kGeneral);
    CHECK(unread() == 5);
    CHECK(mentions() == 2);
}

TEST_CASE("A direct message whose kind the cache does not know yet is listed, named after the other person")
{
    ChatCache cache;
    seedWorkspace(cache);
    // Entries of a conversation can arrive before what kind of stream it is.
    const QString dm = QStringLiteral("dm:ana+me");
    cache.profile(QStringLiteral("ana"), QStringLiteral("Ana"));
    cache.stream(dm, QString(), QString());
    Models m(cache);
    cache.say(dm, QStringLiteral("ana"), QStringLiteral("hello"));
    cache.notify(dm);
    const int row = m.list.indexOf(dm);
    REQUIRE(row >= 0);
    CHECK(m.at(row, ChannelListModel::NameRole).toString() == QStringLiteral("Ana"));
    CHECK(m.at(row, ChannelListModel::KindRole).toString() == QStringLiteral("dm"));
    CHECK(m.at(row, ChannelListModel::SectionRole).toString() == QStringLiteral("direct"));
    CHECK(m.list.displayName(dm) == QStringLiteral("Ana"));
    // One not in the cache at all is still named by its people, never by its id.
    CHECK(m.list.displayName(QStringLiteral("dm:li+me+zed")) == QStringLiteral("Li Wei, zed"));
}

TEST_CASE("Titles: a channel with its mark, a direct message by its people; renames are announced")
{
    ChatCache cache;
    seedWorkspace(cache);
    Models m(cache);
    CHECK(m.list.title(kGeneral) == QStringLiteral("#general"));
    CHECK(m.list.title(kRandom) == QStringLiteral("#random")); // not joined, still a channel
    CHECK(m.list.title(kDm) == QStringLiteral("Li Wei"));
    CHECK(m.list.title(QStringLiteral("meeting:abc")) == QStringLiteral("meeting:abc")); // unknown: left as it is

    int renames = 0;
    QObject::connect(&m.list, &ChannelListModel::namesChanged, [&] { ++renames; });
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("news"));
    cache.notify(kGeneral);
    CHECK(renames == 0); // activity is no rename
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei 李伟"));
    cache.notify(convene::chat::kDirectoryStream);
    CHECK(renames == 1);
    CHECK(m.list.title(kDm) == QStringLiteral("Li Wei 李伟"));
}
