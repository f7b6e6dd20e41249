#pragma once

#include <QDate>
#include <QString>

#include <memory>
#include <optional>

namespace convene::calendar {

// A day of the Chinese calendar (农历).
struct LunarDate {
    int year = 0; // the Gregorian year in which this lunar year began
    int month = 0; // 1..12
    bool leapMonth = false; // 闰月: repeats the number of the month before it
    int day = 0; // 1..30

    friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// Chinese calendar dates from ICU (icu::Calendar with locale "zh@calendar=chinese"), corrected
// where ICU misses the official calendar by a day in 1900-2100, and the labels Chinese calendar
// apps show for them. The labels are Chinese data, not translations: the caller shows them only
// when the UI language is Chinese. Solar terms (节气) are computed from the sun's position and
// fall on the day of China Standard Time (UTC+8) in which they occur, as Chinese calendars print
// them. Not thread-safe per object; cheap to construct.
class LunarDates {
public:
    LunarDates();
    ~LunarDates();
    LunarDates(LunarDates&&) noexcept;
    LunarDates& operator=(LunarDates&&) noexcept;

    // nullopt when ICU cannot compute it (no Chinese calendar, or a date out of its range).
    std::optional<LunarDate> lunarDate(QDate date) const;

    // What a month-view cell shows under the day number: the festival (春节, 元宵, 端午, 七夕, 中秋,
    // 重阳, 腊八, 除夕), else the solar term (立春 … 大寒), else the month on its first day (正月,
    // 闰二月, 冬月, 腊月), else the day (初一 … 三十). Empty only when lunarDate() fails.
    QString cellLabel(QDate date) const;

    // The full lunar date for tooltips and event details, e.g. "农历腊月初八"; empty when
    // lunarDate() fails.
    QString longLabel(QDate date) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace convene::calendar
