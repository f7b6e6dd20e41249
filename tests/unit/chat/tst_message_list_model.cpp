#include "chat_cache.h"

#include <convene/chat/directory.h>
#include <convene/chat/message_list_model.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>

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
    // The number of the event shown at `row` (ChatCache numbers each stream's events from 1).
    int64_t numberAt(int row) const { return at(row, MessageListModel::PosRole).toLongLong() - ChatCache::position(0); }
};

void fill(ChatCache& cache, int messages)
{
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
    for (int i = 1; i <= messages; ++i)
        cache.say(kStream, i % 3 ? QStringLiteral("li") : kMe, QStringLiteral("message %1").arg(i));
}

} // namespace

TEST_CASE("Opening shows the newest page; paging older and newer keeps the window bounded")
{
    ChatCache cache;
    fill(cache, 400);
    Timeline t(cache);
    t.model.setWindowLimit(150);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == MessageListModel::kPageSize);
    CHECK(t.at(t.model.rowCount() - 1, MessageListModel::TextRole).toString() == QStringLiteral("message 400"));
    CHECK(t.model.hasOlder());
    CHECK_FALSE(t.model.hasNewer());
    CHECK(t.at(0, MessageListModel::AuthorNameRole).toString().size() > 0);

    // Scroll all the way up: the window never exceeds its limit and drops the newest rows.
    int pages = 0;
    while (t.model.fetchOlder()) {
        REQUIRE(t.model.rowCount() <= 150);
        ++pages;
    }
    CHECK(pages > 3);
    CHECK(t.numberAt(0) == 1);
    CHECK_FALSE(t.model.hasOlder());
    CHECK(t.model.hasNewer());

    // And back down to the present.
    while (t.model.fetchNewer())
        REQUIRE(t.model.rowCount() <= 150);
    CHECK(t.numberAt(t.model.rowCount() - 1) == 400);
    CHECK_FALSE(t.model.hasNewer());
}

TEST_CASE("Opening around a message (a search hit) shows it with context both ways")
{
    ChatCache cache;
    fill(cache, 300);
    Timeline t(cache);
    t.model.open(kStream, 0, ChatCache::position(100));
    const int row = t.model.rowOfPos(ChatCache::position(100));
    REQUIRE(row > 0);
    CHECK(row < t.model.rowCount() - 1);
    CHECK(t.model.hasOlder());
    CHECK(t.model.hasNewer());
    t.model.showLatest();
    CHECK(t.numberAt(t.model.rowCount() - 1) == 300);
}

TEST_CASE("Consecutive messages of one author group under one header; days are separated")
{
    ChatCache cache;
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("one"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("two")); // a minute later: grouped
    cache.clock += 10 * 60'000;
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("three")); // eleven minutes later: new header
    cache.say(kStream, kMe, QStringLiteral("four")); // another author
    cache.clock += 2 * 24 * 3600'000LL;
    cache.say(kStream, kMe, QStringLiteral("five")); // another day
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 5);
    const auto header = [&](int row) { return t.at(row, MessageListModel::ShowHeaderRole).toBool(); };
    CHECK(header(0));
    CHECK_FALSE(header(1));
    CHECK(header(2));
    CHECK(header(3));
    CHECK(header(4));
    CHECK(t.at(0, MessageListModel::DayBreakRole).toBool());
    CHECK_FALSE(t.at(3, MessageListModel::DayBreakRole).toBool());
    CHECK(t.at(4, MessageListModel::DayBreakRole).toBool());
    CHECK(t.at(3, MessageListModel::OwnRole).toBool());
}

TEST_CASE("Edits, deletions, reactions and replies are folded into their message")
{
    ChatCache cache;
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
    const int64_t a = cache.say(kStream, QStringLiteral("li"), QStringLiteral("**draft**"));
    const int64_t b = cache.say(kStream, kMe, QStringLiteral("to be removed"));
    cache.event(kStream, chat::kind::edit, QStringLiteral("li"),
                {{QStringLiteral("text"), QStringLiteral("final <@me>")}}, {}, a);
    cache.event(kStream, chat::kind::edit, kMe, {{QStringLiteral("text"), QStringLiteral("hijack")}}, {},
                a); // not the author: ignored
    cache.event(kStream, chat::kind::remove, kMe, {}, {}, b);
    cache.event(kStream, chat::kind::reaction, kMe,
                {{QStringLiteral("emoji"), QStringLiteral("👍")}, {QStringLiteral("on"), true}}, {}, a);
    cache.event(kStream, chat::kind::reaction, QStringLiteral("li"),
                {{QStringLiteral("emoji"), QStringLiteral("👍")}, {QStringLiteral("on"), true}}, {}, a);
    cache.event(kStream, chat::kind::reaction, QStringLiteral("li"),
                {{QStringLiteral("emoji"), QStringLiteral("🎉")}, {QStringLiteral("on"), true}}, {}, a);
    cache.event(kStream, chat::kind::reaction, QStringLiteral("li"),
                {{QStringLiteral("emoji"), QStringLiteral("🎉")}, {QStringLiteral("on"), false}}, {}, a);
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("a reply"), a);
    cache.say(kStream, kMe, QStringLiteral("another reply"), a);

    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 2); // replies live in the thread
    CHECK(t.at(0, MessageListModel::TextRole).toString() == QStringLiteral("final <@me>"));
    CHECK(t.at(0, MessageListModel::HtmlRole).toString().contains(QStringLiteral("@me")));
    CHECK(t.at(0, MessageListModel::EditedRole).toBool());
    CHECK(t.at(0, MessageListModel::MentionsMeRole).toBool());
    const QVariantList reactions = t.at(0, MessageListModel::ReactionsRole).toList();
    REQUIRE(reactions.size() == 1);
    CHECK(reactions.at(0).toMap().value(QStringLiteral("count")).toInt() == 2);
    CHECK(reactions.at(0).toMap().value(QStringLiteral("mine")).toBool());
    CHECK(reactions.at(0).toMap().value(QStringLiteral("names")).toString().contains(QStringLiteral("Li Wei")));
    CHECK(t.at(0, MessageListModel::ReplyCountRole).toInt() == 2);
    CHECK(t.at(0, MessageListModel::RepliersRole).toStringList() == QStringList{QStringLiteral("li"), kMe});
    CHECK(t.at(1, MessageListModel::DeletedRole).toBool());
    CHECK(t.at(1, MessageListModel::TextRole).toString().isEmpty());
    CHECK(t.model.lastOwnMessageRow() == -1); // the own message is deleted

    chat::MessageListModel thread(t.reader, cache.changes, t.directory, kMe);
    QAbstractItemModelTester threadTester(&thread, QAbstractItemModelTester::FailureReportingMode::Fatal);
    thread.open(kStream, ChatCache::position(a));
    REQUIRE(thread.rowCount() == 3);
    CHECK(thread.data(thread.index(0), MessageListModel::ThreadRootRole).toBool());
    CHECK(thread.data(thread.index(2), MessageListModel::TextRole).toString() == QStringLiteral("another reply"));
    CHECK(thread.lastOwnMessageRow() == 2);
}

TEST_CASE("A reaction naming a whole set replaces that person's reactions, as other XMPP clients send them")
{
    ChatCache cache;
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    const int64_t a = cache.say(kStream, kMe, QStringLiteral("ship it?"));
    const auto react = [&](const QString& who, const QJsonObject& payload) {
        cache.event(kStream, chat::kind::reaction, who, payload, {}, a);
    };
    react(kMe, {{QStringLiteral("emoji"), QStringLiteral("👍")}, {QStringLiteral("on"), true}});
    react(QStringLiteral("dino"), {{QStringLiteral("set"), QJsonArray{QStringLiteral("👍"), QStringLiteral("🎉")}}});
    react(QStringLiteral("dino"), {{QStringLiteral("set"), QJsonArray{QStringLiteral("🚀")}}});

    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1);
    QMap<QString, int> counts;
    for (const QVariant& r : t.at(0, MessageListModel::ReactionsRole).toList())
        counts.insert(r.toMap().value(QStringLiteral("emoji")).toString(),
                      r.toMap().value(QStringLiteral("count")).toInt());
    CHECK(counts == QMap<QString, int>{{QStringLiteral("👍"), 1}, {QStringLiteral("🚀"), 1}});

    react(QStringLiteral("dino"), {{QStringLiteral("set"), QJsonArray{}}}); // all taken back
    cache.notify(kStream);
    CHECK(t.at(0, MessageListModel::ReactionsRole).toList().size() == 1);
}

TEST_CASE("Live changes arrive as row insertions and data changes, pending messages sit at the end")
{
    ChatCache cache;
    fill(cache, 10);
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 10);
    QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&t.model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);

    cache.say(kStream, QStringLiteral("li"), QStringLiteral("live"));
    cache.pending(kStream, kMe, QStringLiteral("on its way"));
    cache.pending(kStream, kMe, QStringLiteral("refused"), 2);
    cache.notify(kStream);
    CHECK(reset.isEmpty());
    CHECK_FALSE(inserted.isEmpty());
    REQUIRE(t.model.rowCount() == 13);
    CHECK(t.at(10, MessageListModel::TextRole).toString() == QStringLiteral("live"));
    CHECK(t.at(11, MessageListModel::StateRole).toString() == QStringLiteral("pending"));
    CHECK(t.at(12, MessageListModel::StateRole).toString() == QStringLiteral("failed"));
    CHECK(t.at(12, MessageListModel::ErrorRole).toString() == QStringLiteral("Too large"));
    CHECK_FALSE(t.at(12, MessageListModel::ClientIdRole).toString().isEmpty());

    changed.clear();
    cache.event(kStream, chat::kind::reaction, QStringLiteral("li"), {{QStringLiteral("emoji"), QStringLiteral("👀")}},
                {}, 3);
    cache.notify(kStream);
    CHECK(reset.isEmpty());
    CHECK_FALSE(changed.isEmpty());
    CHECK(t.at(2, MessageListModel::ReactionsRole).toList().size() == 1);

    // Other streams do not disturb this one.
    QSignalSpy anything(&t.model, &QAbstractItemModel::dataChanged);
    cache.notify(QStringLiteral("channel:elsewhere"));
    CHECK(anything.isEmpty());
}

TEST_CASE("Messages from others that come in live are told as arrivals; opening, paging and own messages are not")
{
    ChatCache cache;
    fill(cache, 10);
    Timeline t(cache);
    QSignalSpy arrived(&t.model, &MessageListModel::arrived);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 10);
    CHECK(arrived.isEmpty());

    cache.say(kStream, kMe, QStringLiteral("mine"));
    cache.pending(kStream, kMe, QStringLiteral("on its way"));
    cache.notify(kStream);
    CHECK(arrived.isEmpty());

    cache.say(kStream, QStringLiteral("li"), QStringLiteral("**first** news, see [the plan](https://example.org/plan)"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("second news"));
    cache.notify(kStream);
    REQUIRE(arrived.size() == 1);
    const QVariantList messages = arrived.at(0).at(0).toList();
    REQUIRE(messages.size() == 2);
    CHECK(messages.at(0).toMap().value(QStringLiteral("authorName")).toString() == QStringLiteral("Li Wei"));
    CHECK(messages.at(0).toMap().value(QStringLiteral("text")).toString() == QStringLiteral("first news, see the plan"));
    CHECK(messages.at(1).toMap().value(QStringLiteral("text")).toString() == QStringLiteral("second news"));

    // The same text as the screen reader reads it on the row, and the link in it.
    const int row = t.model.rowCount() - 3; // before "second news" and the pending one
    CHECK(t.at(row, MessageListModel::PlainTextRole).toString() == QStringLiteral("first news, see the plan"));
    const QVariantList links = t.at(row, MessageListModel::LinksRole).toList();
    REQUIRE(links.size() == 1);
    CHECK(links.at(0).toMap().value(QStringLiteral("text")).toString() == QStringLiteral("the plan"));
    CHECK(links.at(0).toMap().value(QStringLiteral("url")).toString() == QStringLiteral("https://example.org/plan"));

    // Opening the conversation again shows everything, and announces nothing.
    arrived.clear();
    t.model.open(kStream);
    cache.notify(kStream);
    CHECK(arrived.isEmpty());
}

TEST_CASE("The first message after the read marker carries the new-messages line")
{
    ChatCache cache;
    fill(cache, 20); // every third message is ours
    Timeline t(cache);
    t.model.open(kStream, 0, 0, ChatCache::position(10));
    int marked = -1;
    for (int row = 0; row < t.model.rowCount(); ++row)
        if (t.at(row, MessageListModel::FirstUnreadRole).toBool()) {
            CHECK(marked == -1);
            marked = row;
        }
    REQUIRE(marked >= 0);
    CHECK(t.numberAt(marked) == 11); // 11 is by li; 12 is ours
    CHECK(t.at(marked, MessageListModel::ShowHeaderRole).toBool());

    t.model.open(kStream); // no marker: no line
    for (int row = 0; row < t.model.rowCount(); ++row)
        CHECK_FALSE(t.at(row, MessageListModel::FirstUnreadRole).toBool());
}

TEST_CASE("Others' HTML and unsafe links in a message are never interpreted")
{
    ChatCache cache;
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.say(kStream, QStringLiteral("li"),
              QStringLiteral("<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![p](https://evil.example/p.png)"));
    Timeline t(cache);
    t.model.open(kStream);
    const QString html = t.at(0, MessageListModel::HtmlRole).toString();
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK_FALSE(html.contains(QStringLiteral("javascript:")));
    CHECK(html.contains(QStringLiteral("&lt;img")));
}

TEST_CASE("A document link in a message shows the document's title from the cache")
{
    ChatCache cache;
    fill(cache, 0);
    cache.stream(QStringLiteral("doc:plan"), QStringLiteral("doc"), QStringLiteral("Roadmap <2027>"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("see convene://docs/plan and convene://docs/gone"));
    Timeline t(cache);
    t.model.open(kStream);
    REQUIRE(t.model.rowCount() == 1);
    const QString html = t.at(0, MessageListModel::HtmlRole).toString();
    CHECK(html.contains(QStringLiteral("<a href=\"convene://docs/plan\"")));
    CHECK(html.contains(QStringLiteral(" Roadmap &lt;2027&gt;</a>")));
    CHECK(html.contains(QStringLiteral(">convene://docs/gone</a>")));
    CHECK(t.at(0, MessageListModel::TextRole).toString() ==
          QStringLiteral("see convene://docs/plan and convene://docs/gone"));
}

TEST_CASE("The HTML takes its colours from the style the view hands in and follows its changes")
{
    ChatCache cache;
    cache.stream(kStream, QStringLiteral("channel"), QStringLiteral("general"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("see [the docs](https://example.com/docs), <@me>"));
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("`code`"));
    Timeline t(cache);
    t.model.open(kStream);
    const auto html = [&](int row) { return t.at(row, MessageListModel::HtmlRole).toString(); };
    const chat::MessageHtmlStyle defaults;
    CHECK(html(0).contains(defaults.property("linkColor").toString())); // no style: the renderer's colours

    chat::MessageHtmlStyle style;
    style.setProperty("linkColor", QStringLiteral("#123456"));
    QSignalSpy changed(&t.model, &QAbstractItemModel::dataChanged);
    t.model.setHtmlStyle(&style);
    CHECK(t.model.htmlStyle() == &style);
    CHECK(changed.size() == 1);
    CHECK(html(0).contains(QStringLiteral("#123456")));

    // A theme switch sets every colour; the rows are rendered again once, for the HTML only.
    changed.clear();
    style.setProperty("linkColor", QStringLiteral("#abcdef"));
    style.setProperty("selfMentionBackground", QStringLiteral("#fedcba"));
    style.setProperty("codeBackground", QStringLiteral("#202122"));
    style.setProperty("codeBackground", QStringLiteral("#202122")); // unchanged
    REQUIRE(changed.wait(1000));
    QCoreApplication::processEvents();
    CHECK(changed.size() == 1);
    CHECK(changed.at(0).at(0).toModelIndex().row() == 0);
    CHECK(changed.at(0).at(1).toModelIndex().row() == 1);
    CHECK(changed.at(0).at(2).value<QList<int>>() == QList<int>{MessageListModel::HtmlRole});
    CHECK(html(0).contains(QStringLiteral("#abcdef")));
    CHECK_FALSE(html(0).contains(QStringLiteral("#123456")));
    CHECK(html(0).contains(QStringLiteral("#fedcba")));
    CHECK(html(1).contains(QStringLiteral("#202122")));

    // Live updates keep the style; without it the renderer's colours come back.
    cache.say(kStream, QStringLiteral("li"), QStringLiteral("https://example.com/new"));
    cache.notify(kStream);
    REQUIRE(t.model.rowCount() == 3);
    CHECK(html(2).contains(QStringLiteral("#abcdef")));

    // What is not a colour never reaches the HTML.
    style.setProperty("linkColor", QStringLiteral("red\"><b>x</b>"));
    REQUIRE(changed.wait(1000));
    CHECK_FALSE(html(0).contains(QStringLiteral("<b>")));
    CHECK(html(0).contains(defaults.property("linkColor").toString()));

    t.model.setHtmlStyle(nullptr);
    CHECK(html(0).contains(defaults.property("linkColor").toString()));
}

TEST_CASE("A message naming a calendar event carries it in the invitation role, only with a well-formed uid")
{
    ChatCache cache;
    const QString dm = chat::directStream({kMe, QStringLiteral("li")});
    cache.stream(dm, QStringLiteral("dm"), QString());
    const auto invite = [&](const QJsonValue& invite) {
        cache.event(
            dm, chat::kind::message, QStringLiteral("li"),
            {{QStringLiteral("text"), QStringLiteral("📅 Invitation: Review")}, {QStringLiteral("invite"), invite}},
            QStringLiteral("📅 Invitation: Review"));
    };
    const auto named = [](const QJsonValue& uid, const QJsonValue& calendar = QStringLiteral("calendar:team")) {
        return QJsonObject{{QStringLiteral("calendar"), calendar}, {QStringLiteral("uid"), uid}};
    };
    const QString longest(chat::Invitation::kMaxIdLength, u'x');
    invite(named(QStringLiteral("evt-1"))); // 0
    invite(named(longest)); // 1: at the limit
    invite(named(longest + u'x')); // 2: too long
    invite(named(QStringLiteral("evt\n2"))); // 3: a control character
    invite(named(QStringLiteral("evt\u00852"))); // 4: a C1 control character
    invite(named(42)); // 5: not a string
    invite(named(QString())); // 6: empty
    invite(QStringLiteral("evt-1")); // 7: not an object
    invite(named(QStringLiteral("evt-3"), QStringLiteral("calendar\u0007team"))); // 8: the calendar is only a hint
    invite(named(QStringLiteral("evt-4"), 7)); // 9
    cache.say(dm, QStringLiteral("li"), QStringLiteral("just text")); // 10
    const int64_t removed = cache.event(dm, chat::kind::message, kMe,
                                        {{QStringLiteral("text"), QStringLiteral("x")},
                                         {QStringLiteral("invite"), named(QStringLiteral("evt-5"))}}); // 11
    cache.event(dm, chat::kind::remove, kMe, {}, {}, removed);
    cache.say(dm, kMe, QStringLiteral("mine")); // 12
    cache.event(dm, chat::kind::message, kMe,
                {{QStringLiteral("text"), QStringLiteral("📅 Invitation: Offsite")},
                 {QStringLiteral("invite"), named(QStringLiteral("evt-6"))}}); // 13

    Timeline t(cache);
    t.model.open(dm);
    REQUIRE(t.model.rowCount() == 14);
    const auto invitation = [&](int row) { return t.at(row, MessageListModel::InvitationRole).toMap(); };
    CHECK(invitation(0) == QVariantMap{{QStringLiteral("calendar"), QStringLiteral("calendar:team")},
                                       {QStringLiteral("uid"), QStringLiteral("evt-1")}});
    CHECK(invitation(1).value(QStringLiteral("uid")).toString() == longest);
    for (int row : {2, 3, 4, 5, 6, 7, 10, 11}) {
        INFO("row " << row);
        CHECK(invitation(row).isEmpty());
    }
    CHECK(invitation(8) ==
          QVariantMap{{QStringLiteral("calendar"), QString()}, {QStringLiteral("uid"), QStringLiteral("evt-3")}});
    CHECK(invitation(9).value(QStringLiteral("calendar")).toString().isEmpty());
    CHECK(invitation(9).value(QStringLiteral("uid")).toString() == QStringLiteral("evt-4"));
    // The text stays what it was: the fallback for clients without cards.
    CHECK(t.at(0, MessageListModel::TextRole).toString() == QStringLiteral("📅 Invitation: Review"));
    CHECK(t.model.get(0).value(QStringLiteral("invitation")).toMap().value(QStringLiteral("uid")) ==
          QStringLiteral("evt-1"));
    CHECK(t.model.roleNames().value(MessageListModel::InvitationRole) == "invitation");
    // Up in the composer edits the newest own message that is not an invitation: an
    // invitation's text only stands in for its card.
    CHECK(invitation(13).value(QStringLiteral("uid")).toString() == QStringLiteral("evt-6"));
    CHECK(t.model.lastOwnMessageRow() == 12);
}
