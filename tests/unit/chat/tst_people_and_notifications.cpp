#include "chat_cache.h"

#include <convene/chat/channel_list_model.h>
#include <convene/chat/conversation_state.h>
#include <convene/chat/directory.h>
#include <convene/chat/notification_center.h>
#include <convene/chat/people_model.h>
#include <convene/chat/quick_switcher_model.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace convene;

namespace {

const QString kMe = QStringLiteral("me");
const QString kGeneral = QStringLiteral("channel:general");
const QString kProduct = QStringLiteral("channel:product");
const QString kDm = QStringLiteral("dm:me+wang");

struct Workspace {
    ChatCache cache;
    chat::CacheReader reader{cache.path};
    std::unique_ptr<chat::Directory> directory;
    std::unique_ptr<chat::ConversationState> state;

    Workspace()
    {
        cache.profile(kMe, QStringLiteral("Me"));
        cache.profile(QStringLiteral("wang"), QStringLiteral("王芳"), QStringLiteral("Product Manager"));
        cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
        cache.profile(QStringLiteral("maria"), QStringLiteral("Maria Garcia"));
        cache.stream(kGeneral, QStringLiteral("channel"), QStringLiteral("general"));
        cache.stream(kProduct, QStringLiteral("channel"), QStringLiteral("产品讨论"));
        cache.stream(kDm, QStringLiteral("dm"), QString());
        for (const QString& who : {kMe, QStringLiteral("wang"), QStringLiteral("li")})
            cache.join(kGeneral, who);
        cache.join(kProduct, QStringLiteral("wang"));
        directory = std::make_unique<chat::Directory>(reader, cache.changes);
        state = std::make_unique<chat::ConversationState>(reader, cache.changes, kMe);
    }
};

QStringList column(const QAbstractItemModel& model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.data(model.index(row, 0), role).toString();
    return values;
}

} // namespace

TEST_CASE("People: members of a conversation or everyone, filtered by name or pinyin initials")
{
    Workspace w;
    chat::PeopleModel people(*w.directory, *w.state);
    QAbstractItemModelTester tester(&people, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(people.rowCount() == 4);

    people.setStreamId(kGeneral);
    CHECK(column(people, chat::PeopleModel::UserIdRole) ==
          QStringList{QStringLiteral("li"), kMe, QStringLiteral("wang")});
    people.setStreamId(kDm);
    CHECK(column(people, chat::PeopleModel::UserIdRole) == QStringList{kMe, QStringLiteral("wang")});

    people.setStreamId(QString());
    people.setFilter(QStringLiteral("wf"));
    CHECK(column(people, chat::PeopleModel::NameRole) == QStringList{QStringLiteral("王芳")});
    CHECK(people.data(people.index(0), chat::PeopleModel::TitleRole).toString() == QStringLiteral("Product Manager"));
    // The best match is announced even when the number of matches stays the same.
    QSignalSpy firstChanged(&people, &chat::PeopleModel::firstChanged);
    people.setFilter(QStringLiteral("mg"));
    CHECK(people.firstName() == QStringLiteral("Maria Garcia"));
    CHECK(firstChanged.count() == 1);
    people.setFilter(QStringLiteral("zzz"));
    CHECK(people.rowCount() == 0);

    // Membership follows join and leave.
    people.setFilter(QString());
    people.setStreamId(kGeneral);
    w.cache.event(kGeneral, chat::kind::leave, QStringLiteral("li"));
    w.cache.notify(kGeneral);
    CHECK(people.rowCount() == 2);
}

TEST_CASE("The quick switcher finds joined conversations, channels to join and people, pinyin included")
{
    Workspace w;
    chat::ChannelListModel channels(w.reader, w.cache.changes, *w.directory, *w.state);
    chat::QuickSwitcherModel switcher(w.reader, channels, *w.directory, *w.state);
    QAbstractItemModelTester tester(&switcher, QAbstractItemModelTester::FailureReportingMode::Fatal);

    switcher.refresh();
    CHECK(switcher.rowCount() > 3);
    switcher.setFilter(QStringLiteral("cptl"));
    REQUIRE(switcher.rowCount() >= 1);
    CHECK(switcher.get(0).value(QStringLiteral("streamId")).toString() == kProduct);
    CHECK_FALSE(switcher.get(0).value(QStringLiteral("joined")).toBool()); // not a member yet: shown to join

    switcher.setFilter(QStringLiteral("wf"));
    REQUIRE(switcher.rowCount() >= 1);
    CHECK(switcher.get(0).value(QStringLiteral("streamId")).toString() == kDm); // the existing DM with 王芳
    CHECK(switcher.get(0).value(QStringLiteral("joined")).toBool());

    switcher.setFilter(QStringLiteral("maria"));
    REQUIRE(switcher.rowCount() == 1);
    CHECK(switcher.get(0).value(QStringLiteral("kind")).toString() == QStringLiteral("person"));
    CHECK(switcher.get(0).value(QStringLiteral("streamId")).toString() == QStringLiteral("dm:maria+me"));

    switcher.setFilter(QStringLiteral("gen"));
    CHECK(switcher.get(0).value(QStringLiteral("name")).toString() == QStringLiteral("general"));
}

TEST_CASE("Notifications: direct messages and mentions, unless muted, quiet or already on screen")
{
    Workspace w;
    bool quiet = false;
    QString visible;
    chat::NotificationCenter::Hooks hooks;
    hooks.doNotDisturb = [&] { return quiet; };
    hooks.visibleStream = [&] { return visible; };
    hooks.streamName = [](const QString& id) { return id.mid(id.indexOf(u':') + 1); };
    w.cache.say(kDm, QStringLiteral("wang"), QStringLiteral("before the app started: not news"));
    chat::NotificationCenter center(w.reader, w.cache.changes, *w.directory, *w.state, hooks);
    QSignalSpy notified(&center, &chat::NotificationCenter::notify);

    w.cache.say(kDm, QStringLiteral("wang"), QStringLiteral("**在吗？**"));
    w.cache.notify(kDm);
    REQUIRE(notified.size() == 1);
    CHECK(notified.at(0).at(0).toString() == QStringLiteral("王芳"));
    CHECK(notified.at(0).at(1).toString() == QStringLiteral("在吗？"));
    CHECK(notified.at(0).at(2).toString() == kDm);
    CHECK(notified.at(0).at(3).toLongLong() == ChatCache::position(2));

    w.cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("plain channel chatter"));
    w.cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("<@me> can you review?"));
    w.cache.say(kGeneral, kMe, QStringLiteral("my own <@me>"));
    w.cache.notify(kGeneral);
    REQUIRE(notified.size() == 2);
    CHECK(notified.at(1).at(0).toString() == QStringLiteral("Li Wei in #general"));
    CHECK(notified.at(1).at(1).toString() == QStringLiteral("@Me can you review?"));

    visible = kDm;
    w.cache.say(kDm, QStringLiteral("wang"), QStringLiteral("you are looking at this one"));
    w.cache.notify(kDm);
    visible.clear();
    quiet = true;
    w.cache.say(kDm, QStringLiteral("wang"), QStringLiteral("do not disturb"));
    w.cache.notify(kDm);
    quiet = false;
    w.cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                  {{QStringLiteral("stream"), kDm}, {QStringLiteral("muted"), true}});
    w.cache.say(kDm, QStringLiteral("wang"), QStringLiteral("muted"));
    w.cache.notify(kDm);
    CHECK(notified.size() == 2);
}
