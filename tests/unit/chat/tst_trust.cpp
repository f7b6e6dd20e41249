// What chat shows when other members break the rules (see sync/entry_rules.h): their entries in
// the user's own stream, their edits and deletions of others' messages and their removals of
// others change nothing a view shows; search finds what the author wrote, not what others
// claimed, and never a conversation the user is not in. The cache is filled through the sync
// module's CacheWriter, as sync fills it.
#include "chat_cache.h"

#include <convene/chat/channel_list_model.h>
#include <convene/chat/conversation_state.h>
#include <convene/chat/directory.h>
#include <convene/chat/search_model.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace convene;
using chat::SearchModel;

namespace {

const QString kMe = QStringLiteral("me");
const QString kGeneral = QStringLiteral("channel:general");
const QString kSecret = QStringLiteral("private:secret");

struct Workspace {
    ChatCache cache;
    chat::CacheReader reader{cache.path};
    std::unique_ptr<chat::Directory> directory;
    std::unique_ptr<chat::ConversationState> state;

    Workspace()
    {
        // Whose cache this is, as the sync engine records it.
        REQUIRE(cache.db->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('user_id', 'me')")).ok());
        cache.profile(kMe, QStringLiteral("Me"));
        cache.profile(QStringLiteral("alice"), QStringLiteral("Alice"));
        cache.profile(QStringLiteral("mallory"), QStringLiteral("Mallory"));
        cache.stream(kGeneral, QStringLiteral("channel"), QStringLiteral("general"));
        for (const QString& who : {kMe, QStringLiteral("alice"), QStringLiteral("mallory")})
            cache.join(kGeneral, who);
        directory = std::make_unique<chat::Directory>(reader, cache.changes);
        state = std::make_unique<chat::ConversationState>(reader, cache.changes, kMe);
    }

    QStringList search(const QString& query)
    {
        SearchModel model(reader, *directory, [](const QString& id) { return id.mid(id.indexOf(u':') + 1); });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setQuery(query);
        REQUIRE(QTest::qWaitFor([&] { return !model.searching(); }, 10'000));
        QStringList found;
        for (int row = 0; row < model.rowCount(); ++row)
            found << model.data(model.index(row), SearchModel::StreamIdRole).toString() + u' ' +
                         model.data(model.index(row), Qt::DisplayRole).toString();
        return found;
    }
};

} // namespace

TEST_CASE("Others' entries in the user's own stream neither mute, star, mark read nor make them a member", "[security]")
{
    Workspace w;
    const QString mine = chat::userStream(kMe);
    w.cache.stream(kSecret, QStringLiteral("private"), QStringLiteral("secret"));
    w.cache.say(kSecret, QStringLiteral("alice"), QStringLiteral("salaries for next year"));
    const int64_t newest = w.cache.say(kGeneral, QStringLiteral("alice"), QStringLiteral("unread news"));
    w.cache.event(mine, chat::kind::pref, QStringLiteral("mallory"),
                  {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("muted"), true}});
    w.cache.event(mine, chat::kind::pref, QStringLiteral("mallory"),
                  {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("starred"), true}});
    w.cache.event(mine, chat::kind::pref, QStringLiteral("mallory"),
                  {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("member"), false}});
    w.cache.event(mine, chat::kind::pref, QStringLiteral("mallory"),
                  {{QStringLiteral("stream"), kSecret}, {QStringLiteral("member"), true}});
    w.cache.read(QStringLiteral("mallory"), kGeneral, newest); // written by Mallory, into her own stream: fine
    chat::ReadMarker forged{kGeneral, ChatCache::serverId(kGeneral, newest), 0};
    w.cache.event(mine, chat::kind::read, QStringLiteral("mallory"),
                  QJsonDocument::fromJson(forged.toPayload()).object());
    w.cache.notify(mine);

    CHECK_FALSE(w.state->isMuted(kGeneral));
    CHECK_FALSE(w.state->isStarred(kGeneral));
    CHECK(w.state->isMember(kGeneral));
    CHECK_FALSE(w.state->isMember(kSecret));
    CHECK(w.state->lastRead(kGeneral) < ChatCache::position(newest));

    chat::ChannelListModel list(w.reader, w.cache.changes, *w.directory, *w.state);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QStringList listed;
    for (int row = 0; row < list.rowCount(); ++row)
        listed << list.data(list.index(row), chat::ChannelListModel::StreamIdRole).toString();
    CHECK(listed == QStringList{kGeneral});

    // The user's own entries still count.
    w.cache.event(mine, chat::kind::pref, kMe, {{QStringLiteral("stream"), kGeneral}, {QStringLiteral("muted"), true}});
    w.cache.notify(mine);
    CHECK(w.state->isMuted(kGeneral));
}

TEST_CASE("Removing someone else takes the stream's owner; anyone may only leave themselves", "[security]")
{
    Workspace w;
    const QString team = QStringLiteral("private:team");
    // Olga created the stream (its first entry) and invited the others.
    w.cache.event(
        team, QStringLiteral("stream.create"), QStringLiteral("olga"),
        {{QStringLiteral("kind"), QStringLiteral("private")}, {QStringLiteral("name"), QStringLiteral("team")}});
    sync::RemoteEvent first;
    first.stream = team;
    first.kind = QStringLiteral("stream.create");
    first.author = QStringLiteral("olga");
    store::ChangeSet changes;
    REQUIRE(w.cache.writer->recordHistoryStart(team, first, changes).ok());
    w.cache.join(team, QStringLiteral("olga"));
    for (const QString& who : {kMe, QStringLiteral("alice"), QStringLiteral("mallory")})
        w.cache.event(team, chat::kind::join, QStringLiteral("olga"), {{QStringLiteral("user"), who}});
    w.cache.event(team, chat::kind::leave, QStringLiteral("mallory"), {{QStringLiteral("user"), kMe}});
    w.cache.event(team, chat::kind::leave, QStringLiteral("mallory"),
                  {{QStringLiteral("user"), QStringLiteral("alice")}});
    w.cache.notify(team);
    w.state->reload();
    CHECK(w.state->isMember(team));
    CHECK(w.state->members(team) ==
          QStringList{QStringLiteral("alice"), QStringLiteral("mallory"), kMe, QStringLiteral("olga")});

    w.cache.event(team, chat::kind::leave, QStringLiteral("olga"),
                  {{QStringLiteral("user"), QStringLiteral("mallory")}});
    w.cache.event(team, chat::kind::leave, QStringLiteral("alice"));
    w.cache.notify(team);
    CHECK(w.state->members(team) == QStringList{kMe, QStringLiteral("olga")});
}

TEST_CASE("Search: others' edits and deletions neither hide a message nor are found", "[security]")
{
    Workspace w;
    const int64_t plan = w.cache.say(kGeneral, QStringLiteral("alice"), QStringLiteral("the quarterly roadmap"));
    w.cache.event(kGeneral, chat::kind::remove, QStringLiteral("mallory"), {}, {}, plan);
    const int64_t budget = w.cache.say(kGeneral, QStringLiteral("alice"), QStringLiteral("budget approved"));
    w.cache.event(kGeneral, chat::kind::edit, QStringLiteral("mallory"),
                  {{QStringLiteral("text"), QStringLiteral("budget rejected, all fired")}},
                  QStringLiteral("budget rejected, all fired"), budget);
    CHECK(w.search(QStringLiteral("roadmap")) == QStringList{kGeneral + QStringLiteral(" the quarterly roadmap")});
    CHECK(w.search(QStringLiteral("budget")) == QStringList{kGeneral + QStringLiteral(" budget approved")});
    CHECK(w.search(QStringLiteral("fired")).isEmpty());

    // The author's own still work as before.
    w.cache.event(kGeneral, chat::kind::edit, QStringLiteral("alice"),
                  {{QStringLiteral("text"), QStringLiteral("budget approved, with changes")}},
                  QStringLiteral("budget approved, with changes"), budget);
    w.cache.event(kGeneral, chat::kind::remove, QStringLiteral("alice"), {}, {}, plan);
    CHECK(w.search(QStringLiteral("budget")) ==
          QStringList{kGeneral + QStringLiteral(" budget approved, with changes")});
    CHECK(w.search(QStringLiteral("roadmap")).isEmpty());
}

TEST_CASE("Search never shows a conversation the user is not in, even when the cache holds it", "[security]")
{
    Workspace w;
    // A cache from before backends kept private streams to their members.
    const QString othersDm = QStringLiteral("dm:alice+mallory");
    const QString ownDm = QStringLiteral("dm:alice+me");
    w.cache.stream(kSecret, QStringLiteral("private"), QStringLiteral("secret"));
    w.cache.stream(othersDm, QStringLiteral("dm"), QString());
    w.cache.stream(ownDm, QStringLiteral("dm"), QString());
    w.cache.say(kSecret, QStringLiteral("alice"), QStringLiteral("merger talks: private"));
    w.cache.say(othersDm, QStringLiteral("alice"), QStringLiteral("merger gossip: private"));
    w.cache.say(ownDm, QStringLiteral("alice"), QStringLiteral("merger update for you"));
    w.cache.say(kGeneral, QStringLiteral("alice"), QStringLiteral("merger rumours are false"));
    w.cache.say(chat::userStream(QStringLiteral("alice")), QStringLiteral("alice"), QStringLiteral("merger notes"));
    CHECK(w.search(QStringLiteral("merger")) == QStringList{kGeneral + QStringLiteral(" merger rumours are false"),
                                                            ownDm + QStringLiteral(" merger update for you")});
    CHECK(w.search(QStringLiteral("merger in:#secret")).isEmpty());
    CHECK(w.search(QStringLiteral("me")).size() == 2); // short terms scan, with the same limits

    // Invited into the private channel by a member: now it is searched.
    w.cache.event(kSecret, chat::kind::join, QStringLiteral("alice"), {{QStringLiteral("user"), kMe}});
    CHECK(w.search(QStringLiteral("merger")).size() == 3);
    // Leaving it (recorded in the user's own stream) takes it out again.
    w.cache.event(chat::userStream(kMe), chat::kind::pref, kMe,
                  {{QStringLiteral("stream"), kSecret}, {QStringLiteral("member"), false}});
    CHECK(w.search(QStringLiteral("merger")).size() == 2);
}
