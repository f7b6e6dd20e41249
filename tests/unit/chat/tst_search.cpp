#include "chat_cache.h"

#include <convene/chat/directory.h>
#include <convene/chat/search_model.h>
#include <convene/chat/search_query.h>

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTest>

using namespace convene;
using chat::SearchModel;

namespace {

const QString kGeneral = QStringLiteral("channel:general");
const QString kProduct = QStringLiteral("channel:product");

struct Search {
    chat::CacheReader reader;
    chat::Directory directory;
    SearchModel model;
    QAbstractItemModelTester tester;

    explicit Search(ChatCache& cache)
        : reader(cache.path),
          directory(reader, cache.changes),
          model(reader, directory, [](const QString& id) { return id.mid(id.indexOf(u':') + 1); }),
          tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    { }

    QStringList texts(const QString& query)
    {
        model.setQuery(query);
        REQUIRE(QTest::qWaitFor([this] { return !model.searching(); }, 10'000)); // answered off the UI thread
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.data(model.index(row), Qt::DisplayRole).toString();
        return result;
    }
};

void seed(ChatCache& cache)
{
    cache.profile(QStringLiteral("li"), QStringLiteral("Li Wei"));
    cache.profile(QStringLiteral("wang"), QStringLiteral("王芳"));
    cache.stream(kGeneral, QStringLiteral("channel"), QStringLiteral("general"));
    cache.stream(kProduct, QStringLiteral("channel"), QStringLiteral("product"));
    cache.say(kGeneral, QStringLiteral("wang"), QStringLiteral("明天的会议改到十点"));
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("Release notes are in #engineering"));
    cache.say(kProduct, QStringLiteral("li"), QStringLiteral("客户反馈：会议太多了"));
    cache.say(kProduct, QStringLiteral("wang"), QStringLiteral("Q3 roadmap review"));
}

} // namespace

TEST_CASE("A Chinese substring finds the message that contains it, newest first")
{
    ChatCache cache;
    seed(cache);
    Search s(cache);
    CHECK(s.texts(QStringLiteral("会议")) ==
          QStringList{QStringLiteral("客户反馈：会议太多了"), QStringLiteral("明天的会议改到十点")});
    CHECK(s.texts(QStringLiteral("明天的会议")) == QStringList{QStringLiteral("明天的会议改到十点")});
    CHECK(s.model.data(s.model.index(0), SearchModel::SnippetRole)
              .toString()
              .contains(QStringLiteral("background-color")));
    CHECK(s.model.data(s.model.index(0), SearchModel::StreamIdRole).toString() == kGeneral);
    CHECK(s.model.data(s.model.index(0), SearchModel::PosRole).toLongLong() == ChatCache::position(1));
    CHECK(s.model.data(s.model.index(0), SearchModel::AuthorNameRole).toString() == QStringLiteral("王芳"));
}

TEST_CASE("Results are newest first by their time, whenever the cache stored them")
{
    ChatCache cache;
    seed(cache);
    // A message of 1 December, then a thread and older history fetched after it: a reply of
    // 29 November and a message of 28 November, stored later than the newer message.
    const int64_t december1 = QDateTime(QDate(2025, 12, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    const int64_t november29 = QDateTime(QDate(2025, 11, 29), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    const int64_t november28 = QDateTime(QDate(2025, 11, 28), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    cache.clock = november29 - 120'000;
    const int64_t root = cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("launch plan draft"));
    cache.clock = december1 - 60'000;
    cache.say(kProduct, QStringLiteral("wang"), QStringLiteral("launch plan final"));
    cache.clock = november29 - 60'000;
    cache.say(kGeneral, QStringLiteral("wang"), QStringLiteral("launch plan reply"), root);
    cache.clock = november28 - 60'000;
    cache.say(kProduct, QStringLiteral("li"), QStringLiteral("launch plan idea"));
    Search s(cache);
    CHECK(s.texts(QStringLiteral("launch plan")) ==
          QStringList{QStringLiteral("launch plan final"), QStringLiteral("launch plan reply"),
                      QStringLiteral("launch plan draft"), QStringLiteral("launch plan idea")});
    // Short terms (no index) rank the same way.
    CHECK(s.texts(QStringLiteral("la pl")) ==
          QStringList{QStringLiteral("launch plan final"), QStringLiteral("launch plan reply"),
                      QStringLiteral("launch plan draft"), QStringLiteral("launch plan idea")});
}

TEST_CASE("Partial words, any case, and terms shorter than three characters match")
{
    ChatCache cache;
    seed(cache);
    Search s(cache);
    CHECK(s.texts(QStringLiteral("RELEAS")) == QStringList{QStringLiteral("Release notes are in #engineering")});
    CHECK(s.texts(QStringLiteral("q3")) == QStringList{QStringLiteral("Q3 roadmap review")});
    CHECK(s.texts(QStringLiteral("review q3")) == QStringList{QStringLiteral("Q3 roadmap review")});
    CHECK(s.texts(QStringLiteral("nothing like this")).isEmpty());
    CHECK(s.texts(QString()).isEmpty());
    CHECK(s.texts(QStringLiteral("100%")).isEmpty()); // LIKE wildcards are taken literally
}

TEST_CASE("in:#channel and from:@person narrow the search")
{
    ChatCache cache;
    seed(cache);
    Search s(cache);
    CHECK(s.texts(QStringLiteral("会议 in:#product")) == QStringList{QStringLiteral("客户反馈：会议太多了")});
    CHECK(s.texts(QStringLiteral("会议 from:@王芳")) == QStringList{QStringLiteral("明天的会议改到十点")});
    CHECK(s.texts(QStringLiteral("from:@li in:#general")) ==
          QStringList{QStringLiteral("Release notes are in #engineering")});
    CHECK(s.texts(QStringLiteral("from:\"li wei\"")).size() == 2);
    CHECK(s.texts(QStringLiteral("会议 in:#nowhere")).isEmpty());
}

TEST_CASE("Edited messages match their current text only; deleted ones never")
{
    ChatCache cache;
    seed(cache);
    const int64_t typo = cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("the budgte is approved"));
    cache.event(kGeneral, chat::kind::edit, QStringLiteral("li"),
                {{QStringLiteral("text"), QStringLiteral("the budget is approved")}},
                QStringLiteral("the budget is approved"), typo);
    const int64_t secret = cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("password hunter2"));
    cache.event(kGeneral, chat::kind::remove, QStringLiteral("li"), {}, {}, secret);
    Search s(cache);
    CHECK(s.texts(QStringLiteral("budgte")).isEmpty());
    REQUIRE(s.texts(QStringLiteral("budget")) == QStringList{QStringLiteral("the budget is approved")});
    // Opens the message, not the edit.
    CHECK(s.model.data(s.model.index(0), SearchModel::PosRole).toLongLong() == ChatCache::position(typo));
    CHECK(s.texts(QStringLiteral("hunter2")).isEmpty());
}

TEST_CASE("Thread replies are found and know their thread")
{
    ChatCache cache;
    seed(cache);
    cache.say(kGeneral, QStringLiteral("li"), QStringLiteral("我同意这个方案"), 1);
    Search s(cache);
    REQUIRE(s.texts(QStringLiteral("同意")).size() == 1);
    CHECK(s.model.data(s.model.index(0), SearchModel::ThreadRootRole).toLongLong() == ChatCache::position(1));
}

TEST_CASE("Search text is split into words and filters")
{
    const chat::SearchQuery q =
        chat::parseSearchQuery(QStringLiteral("  deploy in:#Engineering from:@li  today from:\"Li Wei\" in:"));
    CHECK(q.text == QStringLiteral("deploy today"));
    CHECK(q.channels == QStringList{QStringLiteral("engineering")});
    CHECK(q.people == QStringList{QStringLiteral("li"), QStringLiteral("li wei")});
    CHECK(chat::parseSearchQuery(QStringLiteral("from:\"unterminated")).people ==
          QStringList{QStringLiteral("unterminated")});
    CHECK(chat::parseSearchQuery(QStringLiteral("会议")).text == QStringLiteral("会议"));
    CHECK(chat::parseSearchQuery(QString()).isEmpty());
}

TEST_CASE("Typing on drops the answers to earlier text: only the newest query's results show")
{
    ChatCache cache;
    seed(cache);
    Search search(cache);
    int resets = 0;
    QObject::connect(&search.model, &SearchModel::resultsChanged, [&] { ++resets; });
    search.model.setQuery(QStringLiteral("会议"));
    search.model.setQuery(QStringLiteral("会"));
    CHECK(search.model.searching());
    CHECK(search.texts(QStringLiteral("roadmap")) == QStringList{QStringLiteral("Q3 roadmap review")});
    QTest::qWait(100); // nothing for the earlier queries arrives late
    CHECK(resets == 1);
    CHECK(search.model.rowCount() == 1);
}
