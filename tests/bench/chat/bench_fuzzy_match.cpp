// The fuzzy matcher as the quick switcher and the people filter use it: on every keystroke,
// every name of a large team is scored against the query typed so far. Prints, per query, the
// median and p95 time of one keystroke (all names scored and the matches ranked), and the
// number of matches.
//   bench_fuzzy_match [names, default 3000] [rounds, default 30]
// Run with `cmake --build <dir> --target run-bench_fuzzy_match`.
#include <convene/chat/fuzzy_match.h>

#include "bench_stats.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

using convene::bench::stats;

// Common surnames and given-name characters, English names and channel words: a team of a
// Chinese company with international colleagues and channels in both languages.
const char16_t kSurnames[] =
    u"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    u"陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const char16_t kGiven[] = u"伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕辉鹏飞斌宇浩凯健俊帆帅"
                          u"旭宁龙林欢阳建国峰雪梅琳晨博文亮成志新";
const char* const kFirstNames[] = {"Maria", "Tom",   "Aisha", "Li",    "Anna",  "James",  "Olga",  "Pierre",
                                   "Sven",  "Priya", "Kenji", "Laura", "David", "Fatima", "Lucas", "Emma"};
const char* const kLastNames[] = {"Garcia", "Becker", "Khan",   "Wei",   "Schmidt", "Smith",  "Ivanova", "Dubois",
                                  "Larsen", "Patel",  "Tanaka", "Rossi", "Cohen",   "Haddad", "Silva",   "Brown"};
const char* const kChannelWords[] = {"launch", "plan", "design", "release", "infra",  "mobile", "web",  "ops",
                                     "sales",  "data", "growth", "support", "hiring", "qa",     "docs", "security"};
const char16_t* const kChineseChannels[] = {u"产品讨论", u"市场部", u"路线图", u"技术分享", u"客户反馈", u"设计评审",
                                            u"运营",     u"招聘",   u"财务",   u"行政通知", u"长城项目", u"银行合作"};

QStringList realisticNames(int count)
{
    std::mt19937 random(16);
    const auto pick = [&](int size) { return int(random() % unsigned(size)); };
    const int surnames = int(std::size(kSurnames)) - 1;
    const int given = int(std::size(kGiven)) - 1;
    QStringList names;
    names.reserve(count);
    for (int i = 0; i < count; ++i) {
        switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4: { // a Chinese name of two or three characters
            QString name = QChar(kSurnames[pick(surnames)]);
            name += QChar(kGiven[pick(given)]);
            if (random() % 2)
                name += QChar(kGiven[pick(given)]);
            names << name;
            break;
        }
        case 5:
        case 6:
        case 7: // an English name
            names << QStringLiteral("%1 %2").arg(QLatin1String(kFirstNames[pick(16)]),
                                                 QLatin1String(kLastNames[pick(16)]));
            break;
        case 8: // a Latin channel
            names << QStringLiteral("%1-%2-%3")
                         .arg(QLatin1String(kChannelWords[pick(16)]), QLatin1String(kChannelWords[pick(16)]))
                         .arg(i);
            break;
        default: // a Chinese channel, maybe with a number
            names << QString::fromUtf16(kChineseChannels[pick(12)]) +
                         (random() % 2 ? QString::number(i % 100) : QString());
        }
    }
    return names;
}

// What one keystroke costs: every name scored, the matches ranked.
int keystroke(const QString& query, const QStringList& names)
{
    std::vector<std::pair<int, int>> hits;
    for (int i = 0; i < names.size(); ++i) {
        if (const auto score = convene::chat::fuzzyScore(query, names.at(i)))
            hits.emplace_back(*score, i);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return int(hits.size());
}

} // namespace

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 3000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 30;
    const QStringList names = realisticNames(count);

    // Queries as typed, one keystroke at a time: Latin names, initials, full pinyin.
    const QStringList queries = {
        QStringLiteral("maria garcia"), QStringLiteral("launch"),    QStringLiteral("xyz"),      QStringLiteral("cptl"),
        QStringLiteral("wangfang"),     QStringLiteral("chanpintl"), QStringLiteral("zhang'wei")};
    std::printf("fuzzy match over %d names, %d rounds; ms per keystroke (all names scored and ranked)\n", count,
                rounds);
    std::printf("%-16s %8s %8s %8s %8s\n", "query", "p50", "p95", "max", "matches");
    std::vector<double> all;
    for (const QString& query : queries) {
        std::vector<double> samples;
        int matches = 0;
        for (int round = 0; round < rounds; ++round) {
            for (qsizetype typed = 1; typed <= query.size(); ++typed) {
                const QString prefix = query.left(typed);
                QElapsedTimer clock;
                clock.start();
                matches = keystroke(prefix, names);
                samples.push_back(double(clock.nsecsElapsed()) / 1e6);
            }
        }
        all.insert(all.end(), samples.begin(), samples.end());
        const auto s = stats(samples);
        std::printf("%-16s %8.3f %8.3f %8.3f %8d\n", qPrintable(query), s.p50, s.p95, s.max, matches);
    }
    const auto s = stats(all);
    std::printf("%-16s %8.3f %8.3f %8.3f\n", "all keystrokes", s.p50, s.p95, s.max);
    return 0;
}
