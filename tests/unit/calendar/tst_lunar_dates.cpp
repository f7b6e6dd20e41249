// Lunar dates: ICU's Chinese calendar against published dates (New Year, festivals, a leap month),
// the labels a month cell shows and their precedence, and the 24 solar terms of 2025 and others
// on the day of China Standard Time that Chinese calendars print.
#include <convene/calendar/lunar_dates.h>

#include "catch_qt_strings.h"

#include <catch2/catch.hpp>

using namespace convene::calendar;

namespace Catch {
template<>
struct StringMaker<LunarDate> {
    static std::string convert(const LunarDate& d)
    {
        return std::to_string(d.year) + (d.leapMonth ? " leap " : " ") + std::to_string(d.month) + '/' +
               std::to_string(d.day);
    }
};
} // namespace Catch

namespace {

QDate day(const char* iso)
{
    const QDate date = QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
    REQUIRE(date.isValid());
    return date;
}

struct Labelled {
    const char* date;
    QString label;
};

void checkCellLabels(const LunarDates& dates, std::initializer_list<Labelled> expected)
{
    for (const Labelled& item : expected) {
        INFO(item.date);
        CHECK(dates.cellLabel(day(item.date)) == item.label);
    }
}

} // namespace

TEST_CASE("Chinese New Year falls on 正月初一 of the new lunar year")
{
    const LunarDates dates;
    for (const auto& [iso, year] : {std::pair{"2024-02-10", 2024}, {"2025-01-29", 2025}, {"2026-02-17", 2026}}) {
        INFO(iso);
        CHECK(dates.lunarDate(day(iso)) == LunarDate{year, 1, false, 1});
        CHECK(dates.cellLabel(day(iso)) == QStringLiteral(u"春节"));
        CHECK(dates.longLabel(day(iso)) == QStringLiteral(u"农历正月初一"));
    }
    // The day before still belongs to the old year's 腊月, which may have 29 or 30 days.
    CHECK(dates.lunarDate(day("2024-02-09")) == LunarDate{2023, 12, false, 30});
    CHECK(dates.lunarDate(day("2026-02-16")) == LunarDate{2025, 12, false, 29});
}

TEST_CASE("除夕 is the last day of 腊月, whether the 29th or the 30th")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2024-02-09", QStringLiteral(u"除夕")}, // 腊月三十
                               {"2025-01-28", QStringLiteral(u"除夕")}, // 腊月廿九
                               {"2026-02-16", QStringLiteral(u"除夕")}, // 腊月廿九
                               {"2024-02-08", QStringLiteral(u"廿九")}, // not the last day that year
                           });
    CHECK(dates.longLabel(day("2026-02-16")) == QStringLiteral(u"农历腊月廿九"));
}

TEST_CASE("The traditional festivals are labelled on their lunar dates")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2025-02-12", QStringLiteral(u"元宵")},
                               {"2025-05-31", QStringLiteral(u"端午")},
                               {"2025-08-29", QStringLiteral(u"七夕")},
                               {"2025-10-06", QStringLiteral(u"中秋")},
                               {"2025-10-29", QStringLiteral(u"重阳")},
                               {"2026-01-26", QStringLiteral(u"腊八")},
                           });
    CHECK(dates.lunarDate(day("2025-10-06")) == LunarDate{2025, 8, false, 15});
    CHECK(dates.longLabel(day("2026-01-26")) == QStringLiteral(u"农历腊月初八"));
}

TEST_CASE("Leap months carry 闰 and no second festival")
{
    const LunarDates dates;
    // 2023 repeated its second month.
    CHECK(dates.lunarDate(day("2023-03-21")) == LunarDate{2023, 2, false, 30});
    CHECK(dates.lunarDate(day("2023-03-22")) == LunarDate{2023, 2, true, 1});
    CHECK(dates.cellLabel(day("2023-03-22")) == QStringLiteral(u"闰二月"));
    CHECK(dates.longLabel(day("2023-03-22")) == QStringLiteral(u"农历闰二月初一"));
    CHECK(dates.lunarDate(day("2023-04-20")) == LunarDate{2023, 3, false, 1});

    CHECK(dates.cellLabel(day("2025-07-25")) == QStringLiteral(u"闰六月"));
    // 闰五月初五 (2009) and 闰七月初七 (2006) are ordinary days.
    CHECK(dates.lunarDate(day("2009-06-27")) == LunarDate{2009, 5, true, 5});
    CHECK(dates.cellLabel(day("2009-06-27")) == QStringLiteral(u"初五"));
    CHECK(dates.lunarDate(day("2006-08-30")) == LunarDate{2006, 7, true, 7});
    CHECK(dates.cellLabel(day("2006-08-30")) == QStringLiteral(u"初七"));
}

TEST_CASE("Where ICU's low-precision new moons and terms miss by a day, the official calendar wins")
{
    const LunarDates dates;
    // New moons minutes before or after midnight China time: ICU 72 puts 春节 on 7 February 2027
    // and 2 February 2030.
    checkCellLabels(dates, {
                               {"2027-02-05", QStringLiteral(u"除夕")},
                               {"2027-02-06", QStringLiteral(u"春节")},
                               {"2027-02-07", QStringLiteral(u"初二")},
                               {"2030-02-02", QStringLiteral(u"除夕")},
                               {"2030-02-03", QStringLiteral(u"春节")},
                           });
    CHECK(dates.lunarDate(day("2027-03-07")) == LunarDate{2027, 1, false, 30});
    CHECK(dates.lunarDate(day("2027-03-08")) == LunarDate{2027, 2, false, 1});
    CHECK(dates.lunarDate(day("2018-11-07")) == LunarDate{2018, 9, false, 30});
    CHECK(dates.lunarDate(day("2018-11-08")) == LunarDate{2018, 10, false, 1});
    // 处暑 at 00:10 on 24 August 1987 left the month before without a major term: 闰六月, not 闰七月.
    CHECK(dates.lunarDate(day("1987-07-26")) == LunarDate{1987, 6, true, 1});
    CHECK(dates.lunarDate(day("1987-08-24")) == LunarDate{1987, 7, false, 1});
    CHECK(dates.lunarDate(day("1987-09-23")) == LunarDate{1987, 8, false, 1});
}

TEST_CASE("Days are named 初一 to 初十, 十一 to 二十, 廿一 to 廿九 and 三十")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2025-01-30", QStringLiteral(u"初二")},
                               {"2025-02-07", QStringLiteral(u"初十")},
                               {"2025-02-08", QStringLiteral(u"十一")},
                               {"2025-02-17", QStringLiteral(u"二十")},
                               {"2025-04-18", QStringLiteral(u"廿一")},
                               {"2025-02-26", QStringLiteral(u"廿九")},
                               {"2025-02-27", QStringLiteral(u"三十")},
                           });
    CHECK(dates.longLabel(day("2025-04-18")) == QStringLiteral(u"农历三月廿一"));
}

TEST_CASE("The first day of a month shows the month, 冬月 and 腊月 included")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2025-02-28", QStringLiteral(u"二月")},
                               {"2025-10-21", QStringLiteral(u"九月")},
                               {"2025-11-20", QStringLiteral(u"十月")},
                               {"2025-12-20", QStringLiteral(u"冬月")},
                               {"2026-01-19", QStringLiteral(u"腊月")},
                           });
}

TEST_CASE("Solar terms fall on their day in China Standard Time")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2025-12-21", QStringLiteral(u"冬至")},
                               {"2025-04-04", QStringLiteral(u"清明")},
                               {"2024-06-21", QStringLiteral(u"夏至")},
                               // 04:02 CST on 4 February is still 3 February in UTC.
                               {"2026-02-04", QStringLiteral(u"立春")},
                               {"2026-02-03", QStringLiteral(u"十六")},
                               {"2026-02-05", QStringLiteral(u"十八")},
                               // Within two minutes of midnight: 23:59:14, 00:00:47 and 00:01:57.
                               {"2021-12-21", QStringLiteral(u"冬至")},
                               {"2021-12-22", QStringLiteral(u"十九")},
                               {"2008-05-20", QStringLiteral(u"十六")},
                               {"2008-05-21", QStringLiteral(u"小满")},
                               {"2014-03-05", QStringLiteral(u"初五")},
                               {"2014-03-06", QStringLiteral(u"惊蛰")},
                               // Around the ends of the supported range, 1900-2100.
                               {"1900-12-22", QStringLiteral(u"冬至")},
                               {"2000-12-21", QStringLiteral(u"冬至")},
                               {"2100-12-21", QStringLiteral(u"廿一")},
                               {"2100-12-22", QStringLiteral(u"冬至")},
                           });
}

TEST_CASE("All 24 solar terms of 2025 fall on their published days")
{
    const LunarDates dates;
    const QStringList names = {
        QStringLiteral(u"小寒"), QStringLiteral(u"大寒"), QStringLiteral(u"立春"), QStringLiteral(u"雨水"),
        QStringLiteral(u"惊蛰"), QStringLiteral(u"春分"), QStringLiteral(u"清明"), QStringLiteral(u"谷雨"),
        QStringLiteral(u"立夏"), QStringLiteral(u"小满"), QStringLiteral(u"芒种"), QStringLiteral(u"夏至"),
        QStringLiteral(u"小暑"), QStringLiteral(u"大暑"), QStringLiteral(u"立秋"), QStringLiteral(u"处暑"),
        QStringLiteral(u"白露"), QStringLiteral(u"秋分"), QStringLiteral(u"寒露"), QStringLiteral(u"霜降"),
        QStringLiteral(u"立冬"), QStringLiteral(u"小雪"), QStringLiteral(u"大雪"), QStringLiteral(u"冬至"),
    };
    const QStringList days = {
        QStringLiteral("01-05"), QStringLiteral("01-20"), QStringLiteral("02-03"), QStringLiteral("02-18"),
        QStringLiteral("03-05"), QStringLiteral("03-20"), QStringLiteral("04-04"), QStringLiteral("04-20"),
        QStringLiteral("05-05"), QStringLiteral("05-21"), QStringLiteral("06-05"), QStringLiteral("06-21"),
        QStringLiteral("07-07"), QStringLiteral("07-22"), QStringLiteral("08-07"), QStringLiteral("08-23"),
        QStringLiteral("09-07"), QStringLiteral("09-23"), QStringLiteral("10-08"), QStringLiteral("10-23"),
        QStringLiteral("11-07"), QStringLiteral("11-22"), QStringLiteral("12-07"), QStringLiteral("12-21"),
    };
    QStringList expected;
    for (qsizetype i = 0; i < names.size(); ++i)
        expected.append(days.at(i) + u' ' + names.at(i));

    QStringList found;
    for (QDate date(2025, 1, 1); date.year() == 2025; date = date.addDays(1)) {
        if (const QString label = dates.cellLabel(date); names.contains(label))
            found.append(date.toString(QStringLiteral("MM-dd ")) + label);
    }
    CHECK(found == expected);
}

TEST_CASE("A festival wins over a solar term, and a term over the month name")
{
    const LunarDates dates;
    checkCellLabels(dates, {
                               {"2015-02-19", QStringLiteral(u"春节")}, // also 雨水
                               {"2014-09-08", QStringLiteral(u"中秋")}, // also 白露
                               {"2025-08-23", QStringLiteral(u"处暑")}, // also 七月初一
                           });
    CHECK(dates.longLabel(day("2025-08-23")) == QStringLiteral(u"农历七月初一"));
}

TEST_CASE("Every day of 2025 has a label, and lunar days run on without gaps")
{
    const LunarDates dates;
    std::optional<LunarDate> previous = dates.lunarDate(QDate(2024, 12, 31));
    REQUIRE(previous);
    for (QDate date(2025, 1, 1); date.year() == 2025; date = date.addDays(1)) {
        INFO(date.toString(Qt::ISODate).toStdString());
        CHECK_FALSE(dates.cellLabel(date).isEmpty());
        CHECK(dates.longLabel(date).startsWith(QStringLiteral(u"农历")));
        const std::optional<LunarDate> lunar = dates.lunarDate(date);
        REQUIRE(lunar);
        if (lunar->day == 1)
            CHECK((previous->day == 29 || previous->day == 30));
        else
            CHECK(*lunar == LunarDate{previous->year, previous->month, previous->leapMonth, previous->day + 1});
        previous = lunar;
    }
}

TEST_CASE("Answers do not depend on the order of the questions")
{
    const LunarDates forwards;
    QList<std::optional<LunarDate>> expected;
    for (QDate date(2026, 12, 1); date.year() < 2028; date = date.addDays(1))
        expected.append(forwards.lunarDate(date));

    const LunarDates backwards;
    qsizetype index = expected.size();
    for (QDate date(2027, 12, 31); date.year() > 2026 || date.month() == 12; date = date.addDays(-1)) {
        INFO(date.toString(Qt::ISODate).toStdString());
        REQUIRE(index > 0);
        CHECK(backwards.lunarDate(date) == expected.at(--index));
    }
    CHECK(index == 0);
}

TEST_CASE("Invalid dates give no lunar date and empty labels; a moved object keeps working")
{
    LunarDates dates;
    CHECK_FALSE(dates.lunarDate(QDate()));
    CHECK(dates.cellLabel(QDate()).isEmpty());
    CHECK(dates.longLabel(QDate()).isEmpty());

    const LunarDates moved = std::move(dates);
    CHECK(moved.cellLabel(day("2025-10-06")) == QStringLiteral(u"中秋"));
}
