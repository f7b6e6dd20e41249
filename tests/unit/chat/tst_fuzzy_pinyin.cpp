// Full pinyin in the fuzzy matcher: whole syllables, syllable prefixes, syllables mixed with
// initials and Latin letters, separators between syllables, and the readings table itself.
#include <convene/chat/fuzzy_match.h>

#include "../../common/catch_qt_strings.h"

#include <algorithm>

using namespace convene::chat;

namespace {

const QStringList kNames = {
    QStringLiteral("general"),    QStringLiteral("engineering"), QStringLiteral("design"),
    QStringLiteral(u"产品讨论"),  QStringLiteral("random"),      QStringLiteral("launch-plan"),
    QStringLiteral(u"王芳"),      QStringLiteral("Li Wei"),      QStringLiteral("Maria Garcia"),
    QStringLiteral("Tom Becker"), QStringLiteral("Aisha Khan"),  QStringLiteral(u"陈静"),
    QStringLiteral(u"Q3路线图"),  QStringLiteral(u"市场部"),     QStringLiteral(u"张伟"),
    QStringLiteral(u"长城项目"),  QStringLiteral(u"西安办公室"), QStringLiteral(u"先锋"),
};

QStringList ranked(const QString& query, const QStringList& candidates = kNames)
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

bool matches(const QString& query, const QString& candidate)
{
    return fuzzyScore(query, candidate).has_value();
}

} // namespace

TEST_CASE("full pinyin finds Chinese names")
{
    CHECK(ranked("chanpin") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("chanpintaolun") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("wangfang") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked("chenjing") == QStringList{QStringLiteral(u"陈静")});
    CHECK(ranked("luxiantu") == QStringList{QStringLiteral(u"Q3路线图")});
    CHECK(ranked("shichang") == QStringList{QStringLiteral(u"市场部")});
    CHECK(ranked("WangFang") == QStringList{QStringLiteral(u"王芳")});
}

TEST_CASE("full pinyin mixes with initials, Latin letters and Han characters")
{
    CHECK(ranked("chanpintl") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("cptaolun") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("chanptl") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("wangf") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked("wfang") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked("q3luxian") == QStringList{QStringLiteral(u"Q3路线图")});
    CHECK(ranked(QStringLiteral(u"产pin")) == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked(QStringLiteral(u"chan品")) == QStringList{QStringLiteral(u"产品讨论")});
    // A gap, as for Latin letters: the first and the last character.
    CHECK(ranked("chanlun") == QStringList{QStringLiteral(u"产品讨论")});
}

TEST_CASE("a syllable may be typed in part")
{
    CHECK(ranked("chanp") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("chanpi") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(matches("cha", QStringLiteral(u"产品讨论")));
    CHECK_FALSE(matches("chai", QStringLiteral(u"产品讨论"))); // cha-i is no reading of 产
    CHECK(ranked("wangfa") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked("zhangw").value(0) == QStringLiteral(u"张伟"));
}

TEST_CASE("spaces and apostrophes separate syllables")
{
    CHECK(ranked("chan'pin") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("chan pin") == QStringList{QStringLiteral(u"产品讨论")});
    CHECK(ranked("wang fang") == QStringList{QStringLiteral(u"王芳")});
    CHECK(ranked(QStringLiteral(u"wang\u2019fang")) == QStringList{QStringLiteral(u"王芳")});
    // xi'an is two syllables (西安), xian one (先): a separator never falls inside a syllable.
    CHECK(matches("xian", QStringLiteral(u"先锋")));
    CHECK(matches("xian", QStringLiteral(u"西安办公室")));
    CHECK(matches("xi'an", QStringLiteral(u"西安办公室")));
    CHECK_FALSE(matches("xi'an", QStringLiteral(u"先锋")));
    CHECK_FALSE(matches("wan'gfang", QStringLiteral(u"王芳")));
}

TEST_CASE("polyphonic characters match by each of their common readings")
{
    // 长 is cháng in 长城 and zhǎng in 校长; 行 is xíng and háng.
    CHECK(matches("changcheng", QStringLiteral(u"长城项目")));
    CHECK(matches("zhangcheng", QStringLiteral(u"长城项目")));
    CHECK(matches("yinhang", QStringLiteral(u"银行")));
    CHECK(matches("xingdong", QStringLiteral(u"行动")));
    // ü is typed as v, or as u.
    CHECK(matches("lvse", QStringLiteral(u"绿色")));
    CHECK(matches("nvsheng", QStringLiteral(u"女生")));
    CHECK(matches("nusheng", QStringLiteral(u"女生")));
}

TEST_CASE("full pinyin does not match unrelated names")
{
    CHECK(ranked("chanpin").size() == 1);
    CHECK_FALSE(matches("chanpin", QStringLiteral(u"王芳")));
    CHECK_FALSE(matches("chanpin", QStringLiteral("design")));
    CHECK_FALSE(matches("wangfang", QStringLiteral(u"张伟")));
    CHECK_FALSE(matches("wangfang", QStringLiteral(u"产品讨论")));
    // Syllables are matched from their start: "anpin" is not in chǎn-pǐn.
    CHECK_FALSE(matches("anpin", QStringLiteral(u"产品讨论")));
    // Nor does a syllable run on into the next character's.
    CHECK_FALSE(matches("chanpinx", QStringLiteral(u"产品")));
    CHECK_FALSE(matches("chang", QStringLiteral(u"产品讨论")));
    CHECK_FALSE(matches("wangg", QStringLiteral(u"王芳")));
    CHECK_FALSE(matches("fangwang", QStringLiteral(u"王芳")));
    // A Han character that is not in the name does not match by its own pinyin.
    CHECK_FALSE(matches(QStringLiteral(u"王"), QStringLiteral("wang")));
    CHECK(ranked("xyz").isEmpty());
}

TEST_CASE("full pinyin ranks like typing the name")
{
    // The whole name beats a prefix of it, which beats a hit further in.
    CHECK(*fuzzyScore(u"wangfang", u"王芳") > *fuzzyScore(u"wangfang", u"王芳芳"));
    CHECK(ranked("chanpin", {QStringLiteral(u"新产品"), QStringLiteral(u"产品讨论")}) ==
          QStringList{QStringLiteral(u"产品讨论"), QStringLiteral(u"新产品")});
    // A Latin name spelled out still wins over a Chinese one that only matches by pinyin.
    CHECK(ranked("chen", {QStringLiteral(u"陈静"), QStringLiteral("Chen")}) ==
          QStringList{"Chen", QStringLiteral(u"陈静")});
    CHECK(ranked("wang", {QStringLiteral(u"王芳"), QStringLiteral("Wang Lei")}).value(0) == QStringLiteral(u"王芳"));
    // More of the name typed out never ranks a name lower than its initials alone did.
    CHECK(*fuzzyScore(u"chanpintaolun", u"产品讨论") >= *fuzzyScore(u"cptl", u"产品讨论"));
    CHECK(ranked("cptl") == QStringList{QStringLiteral(u"产品讨论")});
}

TEST_CASE("full pinyin highlights the Han characters it matched")
{
    CHECK(fuzzyMatchPositions(u"chanpin", u"产品讨论") == QList<int>{0, 1});
    CHECK(fuzzyMatchPositions(u"chanpintl", u"产品讨论") == QList<int>{0, 1, 2, 3});
    CHECK(fuzzyMatchPositions(u"taolun", u"产品讨论") == QList<int>{2, 3});
    CHECK(fuzzyMatchPositions(u"wang fang", u"王芳") == QList<int>{0, 1});
    CHECK(fuzzyMatchPositions(u"luxian", u"Q3路线图") == QList<int>{2, 3});
    CHECK(fuzzyMatchPositions(u"q3lu", u"Q3路线图") == QList<int>{0, 1, 2});
}

TEST_CASE("apostrophes in names are skipped like spaces")
{
    CHECK(matches("obrien", QStringLiteral("Sean O'Brien")));
    CHECK(ranked("o'brien", {QStringLiteral("O'Brien"), QStringLiteral("Obrienne")}).value(0) == "O'Brien");
    CHECK(fuzzyMatchPositions(u"ob", u"O'Brien") == QList<int>{0, 2});
}

TEST_CASE("pinyinReadings lists the toneless readings of a Han character")
{
    CHECK(pinyinReadings(QChar(u'产')) == QStringList{"chan"});
    CHECK(pinyinReadings(QChar(u'王')).value(0) == "wang");
    CHECK(pinyinReadings(QChar(u'长')).contains("chang"));
    CHECK(pinyinReadings(QChar(u'长')).contains("zhang"));
    CHECK(pinyinReadings(QChar(u'行')).contains("xing"));
    CHECK(pinyinReadings(QChar(u'行')).contains("hang"));
    CHECK(pinyinReadings(QChar(u'绿')).contains("lv"));
    CHECK(pinyinReadings(QChar(u'一')) == QStringList{"yi"}); // U+4E00, first in the table
    CHECK(pinyinReadings(QChar(u'a')).isEmpty());
    CHECK(pinyinReadings(QChar(u'、')).isEmpty());
    // Every reading is lower-case ASCII letters, six at most (zhuang).
    int characters = 0;
    for (char16_t u = 0x4E00; u <= 0x9FFF; ++u) {
        const QStringList readings = pinyinReadings(QChar(u));
        characters += readings.isEmpty() ? 0 : 1;
        for (const QString& reading : readings) {
            INFO(QString(QChar(u)).toStdString() << " " << reading.toStdString());
            CHECK_FALSE(reading.isEmpty());
            CHECK(reading.size() <= 6);
            CHECK(std::all_of(reading.begin(), reading.end(), [](QChar c) { return c >= u'a' && c <= u'z'; }));
        }
    }
    CHECK(characters > 20000);
}
