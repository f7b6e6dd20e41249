#include <convene/chat/fuzzy_match.h>

#include "../../common/catch_qt_strings.h"

#include <algorithm>

using namespace convene::chat;

namespace {

const QStringList kSwitcherItems = {
    QStringLiteral("general"),    QStringLiteral("engineering"), QStringLiteral("design"),
    QStringLiteral(u"产品讨论"),  QStringLiteral("random"),      QStringLiteral("launch-plan"),
    QStringLiteral(u"王芳"),      QStringLiteral("Li Wei"),      QStringLiteral("Maria Garcia"),
    QStringLiteral("Tom Becker"), QStringLiteral("Aisha Khan"),  QStringLiteral(u"陈静"),
};

// The candidates `query` matches, best first, as a quick switcher would list them.
QStringList ranked(const QString& query, const QStringList& candidates = kSwitcherItems)
{
    QList<std::pair<int, QString>> hits;
    for (const QString& candidate : candidates) {
        if (const auto score = fuzzyScore(query, candidate))
            hits.append({*score, candidate});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QStringList names;
    for (const auto& hit : hits)
        names << hit.second;
    return names;
}

} // namespace

TEST_CASE("pinyinInitials turns Han characters into their initials")
{
    CHECK(pinyinInitials(u"产品讨论") == "cptl");
    CHECK(pinyinInitials(u"王芳") == "wf");
    CHECK(pinyinInitials(u"陈静") == "cj");
    CHECK(pinyinInitials(u"会议") == "hy");
    CHECK(pinyinInitials(u"设计") == "sj");
    CHECK(pinyinInitials(u"随机") == "sj");
    CHECK(pinyinInitials(u"中国") == "zg");
}

TEST_CASE("pinyinInitials keeps other characters lower-cased and drops spaces")
{
    CHECK(pinyinInitials(u"Q3路线图") == "q3lxt");
    CHECK(pinyinInitials(u"Li Wei") == "liwei");
    CHECK(pinyinInitials(u"launch-plan") == "launch-plan");
    CHECK(pinyinInitials(u"设计 Review 2") == "sjreview2");
    CHECK(pinyinInitials(u"") == "");
    // No pinyin data (a Japanese-made character) or outside the table: kept as is.
    CHECK(pinyinInitials(u"兙") == QStringLiteral(u"兙"));
    CHECK(pinyinInitials(u"\u9FD0") == QStringLiteral(u"\u9FD0"));
}

TEST_CASE("the pinyin table has the expected initials for common characters")
{
    const QString characters = QStringLiteral(u"中国产品讨论王芳陈静会议设计路线图随机");
    CHECK(pinyinInitials(characters) == "zgcptlwfcjhysjlxtsj");
    CHECK(pinyinInitials(u"一") == "y"); // U+4E00, first in the table
    CHECK(pinyinInitials(u"龥") == "y"); // U+9FA5, last in the table
}

TEST_CASE("fuzzyScore ranks a realistic quick-switcher list")
{
    CHECK(ranked("eng").front() == "engineering");
    CHECK(ranked("mg") == QStringList{"Maria Garcia"});
    CHECK(ranked("cp").front() == QStringLiteral(u"产品讨论"));
    CHECK(ranked("cp") == QStringList{QStringLiteral(u"产品讨论"), "launch-plan"});
    CHECK(ranked("cptl") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("wf") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked("cj") == QStringList{QStringLiteral(u"陈静")});
    CHECK(ranked(QStringLiteral(u"讨论")) == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked(QStringLiteral(u"产p")) == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("li wei").front() == "Li Wei");
    CHECK(ranked("MARIA") == QStringList{"Maria Garcia"});
    CHECK(ranked("xyz").isEmpty());
}

TEST_CASE("an empty query matches everything with the same score")
{
    for (const QString& candidate : kSwitcherItems) {
        CHECK(fuzzyScore(u"", candidate) == 0);
        CHECK(fuzzyScore(u"  ", candidate) == 0);
    }
    CHECK(ranked("") == kSwitcherItems);
    CHECK(fuzzyScore(u"", u"") == 0);
}

TEST_CASE("fuzzyScore returns nothing when the query is not a subsequence")
{
    CHECK_FALSE(fuzzyScore(u"xyz", u"engineering").has_value());
    CHECK_FALSE(fuzzyScore(u"ree", u"engineering").has_value());
    CHECK_FALSE(fuzzyScore(u"engineerings", u"engineering").has_value());
    CHECK_FALSE(fuzzyScore(u"wf", u"王").has_value());
    CHECK_FALSE(fuzzyScore(u"a", u"").has_value());
    CHECK_FALSE(fuzzyScore(QStringLiteral(u"讨"), u"tl").has_value());
}

TEST_CASE("fuzzyScore orders exact over prefix over word starts over runs over scattered hits")
{
    CHECK(ranked("design", {"designers", "design", "redesign"}) == QStringList{"design", "designers", "redesign"});
    CHECK(ranked("plan", {"explanation", "launch-plan", "planning"}) ==
          QStringList{"planning", "launch-plan", "explanation"});
    CHECK(ranked("lp", {"help", "launch-plan"}) == QStringList{"launch-plan", "help"});
    CHECK(ranked("gc", {"logic", "GitCommit"}) == QStringList{"GitCommit", "logic"});
    CHECK(ranked("ab", {"xaxb", "xaby"}) == QStringList{"xaby", "xaxb"});
    CHECK(ranked("lxt", {"alexit", QStringLiteral(u"Q3路线图")}) == QStringList{QStringLiteral(u"Q3路线图"), "alexit"});
}

TEST_CASE("fuzzyScore prefers shorter candidates when the match is equally good")
{
    CHECK(ranked("gen", {"generals", "general", "general-chat"}) == QStringList{"general", "generals", "general-chat"});
    CHECK(*fuzzyScore(u"gen", u"general") > *fuzzyScore(u"gen", u"generals"));
}

TEST_CASE("fuzzyMatchPositions returns the matched UTF-16 indices")
{
    CHECK(fuzzyMatchPositions(u"eng", u"engineering") == QList<int>{0, 1, 2});
    CHECK(fuzzyMatchPositions(u"mg", u"Maria Garcia") == QList<int>{0, 6});
    CHECK(fuzzyMatchPositions(u"li wei", u"Li Wei") == QList<int>{0, 1, 3, 4, 5});
    CHECK(fuzzyMatchPositions(u"lw", u"Li Wei") == QList<int>{0, 3});
    CHECK(fuzzyMatchPositions(u"lp", u"launch-plan") == QList<int>{0, 7});
}

TEST_CASE("fuzzyMatchPositions points at the Han characters matched by pinyin or directly")
{
    CHECK(fuzzyMatchPositions(u"cp", u"产品讨论") == QList<int>{0, 1});
    CHECK(fuzzyMatchPositions(u"tl", u"产品讨论") == QList<int>{2, 3});
    CHECK(fuzzyMatchPositions(QStringLiteral(u"讨论"), u"产品讨论") == QList<int>{2, 3});
    CHECK(fuzzyMatchPositions(u"wf", u"王芳") == QList<int>{0, 1});
    CHECK(fuzzyMatchPositions(u"lxt", u"Q3路线图") == QList<int>{2, 3, 4});
}

TEST_CASE("fuzzyMatchPositions picks the best placement, not the first one")
{
    // Greedy matching would take the "gc" inside "bigcat"; the word starts score higher.
    CHECK(fuzzyMatchPositions(u"gc", u"bigcat go cli") == QList<int>{7, 10});
    // "ak" could be the "a" ending "Aisha" plus "K", but two word starts beat a run.
    CHECK(fuzzyMatchPositions(u"ak", u"Aisha Khan") == QList<int>{0, 6});
}

TEST_CASE("fuzzyMatchPositions is empty without a match or a query")
{
    CHECK(fuzzyMatchPositions(u"xyz", u"engineering").isEmpty());
    CHECK(fuzzyMatchPositions(u"", u"engineering").isEmpty());
}
