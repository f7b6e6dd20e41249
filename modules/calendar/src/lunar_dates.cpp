#include <convene/calendar/lunar_dates.h>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <cstring>
#include <numbers>
#include <span>

namespace convene::calendar {

namespace {

// ---- Names -------------------------------------------------------------------------------------

constexpr std::array<QStringView, 12> kMonthNames = {
    u"正月", u"二月", u"三月", u"四月", u"五月", u"六月", u"七月", u"八月", u"九月", u"十月", u"冬月", u"腊月",
};

constexpr std::array<QStringView, 10> kDigits = {u"一", u"二", u"三", u"四", u"五", u"六", u"七", u"八", u"九", u"十"};

// Indexed by k where the sun's apparent longitude reaches 15k degrees: 春分 is 0°.
constexpr std::array<QStringView, 24> kSolarTerms = {
    u"春分", u"清明", u"谷雨", u"立夏", u"小满", u"芒种", u"夏至", u"小暑", u"大暑", u"立秋", u"处暑", u"白露",
    u"秋分", u"寒露", u"霜降", u"立冬", u"小雪", u"大雪", u"冬至", u"小寒", u"大寒", u"立春", u"雨水", u"惊蛰",
};

struct Festival {
    int month;
    int day;
    QStringView name;
};

// On the regular month only: a leap month repeating the 5th or 8th month has no second 端午 or 中秋.
constexpr std::array<Festival, 7> kFestivals = {{
    {1, 1, u"春节"},
    {1, 15, u"元宵"},
    {5, 5, u"端午"},
    {7, 7, u"七夕"},
    {8, 15, u"中秋"},
    {9, 9, u"重阳"},
    {12, 8, u"腊八"},
}};

QString monthName(const LunarDate& lunar)
{
    const QString name = kMonthNames.at(lunar.month - 1).toString();
    return lunar.leapMonth ? QStringLiteral(u"闰") + name : name;
}

QString dayName(int day)
{
    if (day <= 10)
        return QStringLiteral(u"初") + kDigits.at(day - 1).toString();
    if (day < 20)
        return QStringLiteral(u"十") + kDigits.at(day - 11).toString();
    if (day == 20)
        return QStringLiteral(u"二十");
    if (day < 30)
        return QStringLiteral(u"廿") + kDigits.at(day - 21).toString();
    return QStringLiteral(u"三十");
}

bool isValidLunar(const LunarDate& lunar)
{
    return lunar.month >= 1 && lunar.month <= 12 && lunar.day >= 1 && lunar.day <= 30;
}

// ---- The sun's apparent longitude (Meeus, Astronomical Algorithms, 2nd ed., ch. 22, 25, 32) ----

// The Earth's heliocentric longitude from VSOP87D as truncated in Meeus' appendix III (about 1"
// over 1900-2100): sum of A cos(B + C tau), tau in Julian millennia from J2000, in 1e-8 rad.
struct SeriesTerm {
    double a;
    double b;
    double c;
};

constexpr SeriesTerm kL0[] = {
    {175347046, 0, 0},           {3341656, 4.6692568, 6283.07585},
    {34894, 4.6261, 12566.1517}, {3497, 2.7441, 5753.3849},
    {3418, 2.8289, 3.5231},      {3136, 3.6277, 77713.7715},
    {2676, 4.4181, 7860.4194},   {2343, 6.1352, 3930.2097},
    {1324, 0.7425, 11506.7698},  {1273, 2.0371, 529.691},
    {1199, 1.1096, 1577.3435},   {990, 5.233, 5884.927},
    {902, 2.045, 26.298},        {857, 3.508, 398.149},
    {780, 1.179, 5223.694},      {753, 2.533, 5507.553},
    {505, 4.583, 18849.228},     {492, 4.205, 775.523},
    {357, 2.92, 0.067},          {317, 5.849, 11790.629},
    {284, 1.899, 796.298},       {271, 0.315, 10977.079},
    {243, 0.345, 5486.778},      {206, 4.806, 2544.314},
    {205, 1.869, 5573.143},      {202, 2.458, 6069.777},
    {156, 0.833, 213.299},       {132, 3.411, 2942.463},
    {126, 1.083, 20.775},        {115, 0.645, 0.98},
    {103, 0.636, 4694.003},      {102, 0.976, 15720.839},
    {102, 4.267, 7.114},         {99, 6.21, 2146.17},
    {98, 0.68, 155.42},          {86, 5.98, 161000.69},
    {85, 1.3, 6275.96},          {85, 3.67, 71430.7},
    {80, 1.81, 17260.15},        {79, 3.04, 12036.46},
    {75, 1.76, 5088.63},         {74, 3.5, 3154.69},
    {74, 4.68, 801.82},          {70, 0.83, 9437.76},
    {62, 3.98, 8827.39},         {61, 1.82, 7084.9},
    {57, 2.78, 6286.6},          {56, 4.39, 14143.5},
    {56, 3.47, 6279.55},         {52, 0.19, 12139.55},
    {52, 1.33, 1748.02},         {51, 0.28, 5856.48},
    {49, 0.49, 1194.45},         {41, 5.37, 8429.24},
    {41, 2.4, 19651.05},         {39, 6.17, 10447.39},
    {37, 6.04, 10213.29},        {37, 2.57, 1059.38},
    {36, 1.71, 2352.87},         {36, 1.78, 6812.77},
    {33, 0.59, 17789.85},        {30, 0.44, 83996.85},
    {30, 2.74, 1349.87},         {25, 3.16, 4690.48},
};
constexpr SeriesTerm kL1[] = {
    {628331966747, 0, 0},       {206059, 2.678235, 6283.07585},
    {4303, 2.6351, 12566.1517}, {425, 1.59, 3.523},
    {119, 5.796, 26.298},       {109, 2.966, 1577.344},
    {93, 2.59, 18849.23},       {72, 1.14, 529.69},
    {68, 1.87, 398.15},         {67, 4.41, 5507.55},
    {59, 2.89, 5223.69},        {56, 2.17, 155.42},
    {45, 0.4, 796.3},           {36, 0.47, 775.52},
    {29, 2.65, 7.11},           {21, 5.34, 0.98},
    {19, 1.85, 5486.78},        {19, 4.97, 213.3},
    {17, 2.99, 6275.96},        {16, 0.03, 2544.31},
    {16, 1.43, 2146.17},        {15, 1.21, 10977.08},
    {12, 2.83, 1748.02},        {12, 3.26, 5088.63},
    {12, 5.27, 1194.45},        {12, 2.08, 4694},
    {11, 0.77, 553.57},         {10, 1.3, 6286.6},
    {10, 4.24, 1349.87},        {9, 2.7, 242.73},
    {9, 5.64, 951.72},          {8, 5.3, 2352.87},
    {6, 2.65, 9437.76},         {6, 4.67, 4690.48},
};
constexpr SeriesTerm kL2[] = {
    {52919, 0, 0},      {8720, 1.0721, 6283.0758}, {309, 0.867, 12566.152}, {27, 0.05, 3.52},   {16, 5.19, 26.3},
    {16, 3.68, 155.42}, {10, 0.76, 18849.23},      {9, 2.06, 77713.77},     {7, 0.83, 775.52},  {5, 4.66, 1577.34},
    {4, 1.03, 7.11},    {4, 3.44, 5573.14},        {3, 5.14, 796.3},        {3, 6.05, 5507.55}, {3, 1.19, 242.73},
    {3, 6.12, 529.69},  {3, 0.31, 398.15},         {3, 2.28, 553.57},       {2, 4.38, 5223.69}, {2, 3.75, 0.98},
};
constexpr SeriesTerm kL3[] = {
    {289, 5.844, 6283.076}, {35, 0, 0},         {17, 5.49, 12566.15}, {3, 5.2, 155.42},
    {1, 4.72, 3.52},        {1, 5.3, 18849.23}, {1, 5.97, 242.73},
};
constexpr SeriesTerm kL4[] = {{114, 3.142, 0}, {8, 4.13, 6283.08}, {1, 3.84, 12566.15}};
constexpr SeriesTerm kL5[] = {{1, 3.14, 0}};
constexpr std::array<std::span<const SeriesTerm>, 6> kLongitudeSeries = {kL0, kL1, kL2, kL3, kL4, kL5};

// The leading terms of the Earth-Sun distance: enough for the aberration, which scales with 1/R.
constexpr SeriesTerm kR0[] = {{100013989, 0, 0}, {1670700, 3.0984635, 6283.07585}, {13956, 3.05525, 12566.1517}};
constexpr SeriesTerm kR1[] = {{103019, 1.10749, 6283.07585}};

constexpr double kJ2000 = 2451545.0;
constexpr double kDegree = std::numbers::pi / 180;
constexpr double kArcsecond = 1.0 / 3600; // in degrees

double sumSeries(std::span<const SeriesTerm> terms, double tau)
{
    double sum = 0;
    for (const SeriesTerm& term : terms)
        sum += term.a * std::cos(term.b + term.c * tau);
    return sum;
}

// Degrees, of the Earth's ecliptic of date as VSOP87 gives it.
double heliocentricLongitude(double tau)
{
    double sum = 0;
    for (auto series = kLongitudeSeries.rbegin(); series != kLongitudeSeries.rend(); ++series)
        sum = sum * tau + sumSeries(*series, tau);
    return sum * 1e-8 / kDegree;
}

double earthSunDistance(double tau)
{
    return (sumSeries(kR0, tau) + sumSeries(kR1, tau) * tau) * 1e-8;
}

// Nutation in longitude from its four largest terms (Meeus ch. 22, within 0.5"), in arcseconds.
double nutationInLongitude(double centuries)
{
    const double node = (125.04452 - 1934.136261 * centuries) * kDegree;
    const double sunMean = (280.4665 + 36000.7698 * centuries) * kDegree;
    const double moonMean = (218.3165 + 481267.8813 * centuries) * kDegree;
    return -17.20 * std::sin(node) - 1.32 * std::sin(2 * sunMean) - 0.23 * std::sin(2 * moonMean) +
           0.21 * std::sin(2 * node);
}

// TT - UT in seconds: the Espenak-Meeus polynomials (NASA eclipse site) from 1900 to 2150,
// the long-term parabola outside. A minute off here moves a term by a minute, not a day.
double deltaTSeconds(double year)
{
    if (year >= 1900 && year < 1920) {
        const double t = year - 1900;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
    }
    if (year >= 1920 && year < 1941) {
        const double t = year - 1920;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (year >= 1941 && year < 1961) {
        const double t = year - 1950;
        return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    }
    if (year >= 1961 && year < 1986) {
        const double t = year - 1975;
        return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    }
    if (year >= 1986 && year < 2005) {
        const double t = year - 2000;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t +
               0.00002373599 * t * t * t * t * t;
    }
    if (year >= 2005 && year < 2050) {
        const double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (year - 1820) / 100;
    if (year >= 2050 && year < 2150)
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    return -20 + 32 * u * u;
}

// Degrees in [0, 360) at the given Julian day (UT): geometric longitude from VSOP87 in the FK5
// frame, plus nutation and aberration.
double apparentSolarLongitude(double julianDayUt)
{
    const double year = 2000 + (julianDayUt - kJ2000) / 365.25;
    const double tau = (julianDayUt + deltaTSeconds(year) / 86400 - kJ2000) / 365250;
    const double geometric = heliocentricLongitude(tau) + 180 - 0.09033 * kArcsecond;
    const double apparent =
        geometric + nutationInLongitude(tau * 10) * kArcsecond - 20.4898 * kArcsecond / earthSunDistance(tau);
    const double degrees = std::fmod(apparent, 360);
    return degrees < 0 ? degrees + 360 : degrees;
}

// The index into kSolarTerms of the term whose moment falls on this day of China Standard Time.
std::optional<int> solarTermOn(QDate date)
{
    const double midnightCst = double(date.toJulianDay()) - 0.5 - 8.0 / 24;
    const double start = apparentSolarLongitude(midnightCst);
    double end = apparentSolarLongitude(midnightCst + 1);
    if (end < start)
        end += 360;
    const int crossed = int(std::floor(end / 15));
    if (crossed == int(std::floor(start / 15)))
        return std::nullopt;
    return crossed % 24;
}

// ---- ICU ---------------------------------------------------------------------------------------

constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr double kMillisecondsPerDay = 86400000.0;
// ICU counts Chinese years from 2637 BCE (its extended year 1).
constexpr int kChineseEpochOffset = 2637;

std::unique_ptr<icu::Calendar> createChineseCalendar()
{
    UErrorCode status = U_ZERO_ERROR;
    // GMT, so that the instant of 00:00 UTC lies on the same civil day as the QDate it came from.
    std::unique_ptr<icu::Calendar> calendar(
        icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale("zh@calendar=chinese"), status));
    // Without its data ICU may fall back to another calendar: no lunar dates beat wrong ones.
    if (U_FAILURE(status) || !calendar || std::strcmp(calendar->getType(), "chinese") != 0)
        return nullptr;
    return calendar;
}

std::optional<LunarDate> chineseDate(icu::Calendar& calendar, QDate date)
{
    UErrorCode status = U_ZERO_ERROR;
    calendar.setTime(double(date.toJulianDay() - kUnixEpochJulianDay) * kMillisecondsPerDay, status);
    const LunarDate lunar{
        calendar.get(UCAL_EXTENDED_YEAR, status) - kChineseEpochOffset,
        calendar.get(UCAL_MONTH, status) + 1,
        calendar.get(UCAL_IS_LEAP_MONTH, status) != 0,
        calendar.get(UCAL_DATE, status),
    };
    if (U_FAILURE(status) || !isValidLunar(lunar))
        return std::nullopt;
    return lunar;
}

// ICU computes new moons and solar terms with a low-precision model and so puts those within
// about 20 minutes of midnight China time on the wrong day (ICU-22230, ICU-23274; ICU 72 here).
// These are the official months over every span of 1900-2100 where ICU 72 differs: month starts
// from new moons close to midnight (春节 2027 is 6 February, not the 7th) and the leap months of
// 1917, 1922 and 1987, each checked against new-moon and solar-term times to the second.
struct OfficialMonth {
    int startYear;
    int startMonth;
    int startDay;
    int length;
    int year;
    int month;
    bool leap;
};

constexpr OfficialMonth kIcuCorrections[] = {
    {1917, 3, 23, 29, 1917, 2, true},  {1917, 4, 21, 30, 1917, 3, false}, {1922, 6, 25, 29, 1922, 5, true},
    {1922, 7, 24, 30, 1922, 6, false}, {1954, 2, 3, 30, 1954, 1, false},  {1955, 2, 22, 30, 1955, 2, false},
    {1987, 7, 26, 29, 1987, 6, true},  {1987, 8, 24, 30, 1987, 7, false}, {1999, 1, 17, 30, 1998, 12, false},
    {2012, 8, 17, 30, 2012, 7, false}, {2018, 10, 9, 30, 2018, 9, false}, {2018, 11, 8, 29, 2018, 10, false},
    {2027, 2, 6, 30, 2027, 1, false},  {2030, 1, 4, 30, 2029, 12, false}, {2030, 2, 3, 29, 2030, 1, false},
    {2070, 3, 12, 30, 2070, 2, false},
};

std::optional<LunarDate> officialCorrection(QDate date)
{
    for (const OfficialMonth& month : kIcuCorrections) {
        const qint64 offset = QDate(month.startYear, month.startMonth, month.startDay).daysTo(date);
        if (offset >= 0 && offset < month.length)
            return LunarDate{month.year, month.month, month.leap, int(offset) + 1};
    }
    return std::nullopt;
}

// ---- Labels ------------------------------------------------------------------------------------

// 除夕 is the eve of 正月初一, the 29th or 30th of 腊月.
bool isNewYearsEve(const LunarDates& dates, QDate date, const LunarDate& lunar)
{
    if (lunar.day < 29)
        return false;
    const std::optional<LunarDate> next = dates.lunarDate(date.addDays(1));
    return next && next->month == 1 && next->day == 1 && !next->leapMonth;
}

QString festival(const LunarDates& dates, QDate date, const LunarDate& lunar)
{
    if (isNewYearsEve(dates, date, lunar))
        return QStringLiteral(u"除夕");
    if (lunar.leapMonth)
        return {};
    for (const Festival& entry : kFestivals) {
        if (entry.month == lunar.month && entry.day == lunar.day)
            return entry.name.toString();
    }
    return {};
}

} // namespace

struct LunarDates::Impl {
    std::unique_ptr<icu::Calendar> calendar = createChineseCalendar();
    // ICU takes some 35 us a date, and a month grid asks for runs of days: most of them lie in the
    // lunar month of the previous answer (every month has at least 29 days).
    QDate lastDate;
    LunarDate last;

    std::optional<LunarDate> sameMonthAsLast(QDate date) const
    {
        if (!lastDate.isValid())
            return std::nullopt;
        const qint64 day = last.day + lastDate.daysTo(date);
        if (day < 1 || day > 29)
            return std::nullopt;
        return LunarDate{last.year, last.month, last.leapMonth, int(day)};
    }

    std::optional<LunarDate> lunarDate(QDate date)
    {
        if (!calendar)
            return std::nullopt;
        std::optional<LunarDate> lunar = officialCorrection(date);
        if (!lunar)
            lunar = sameMonthAsLast(date);
        if (!lunar)
            lunar = chineseDate(*calendar, date);
        if (lunar) {
            lastDate = date;
            last = *lunar;
        }
        return lunar;
    }
};

LunarDates::LunarDates() : m_impl(std::make_unique<Impl>()) { }
LunarDates::~LunarDates() = default;
LunarDates::LunarDates(LunarDates&&) noexcept = default;
LunarDates& LunarDates::operator=(LunarDates&&) noexcept = default;

std::optional<LunarDate> LunarDates::lunarDate(QDate date) const
{
    if (!m_impl || !date.isValid())
        return std::nullopt;
    return m_impl->lunarDate(date);
}

QString LunarDates::cellLabel(QDate date) const
{
    const std::optional<LunarDate> lunar = lunarDate(date);
    if (!lunar)
        return {};
    if (QString name = festival(*this, date, *lunar); !name.isEmpty())
        return name;
    if (const std::optional<int> term = solarTermOn(date))
        return kSolarTerms.at(std::size_t(*term)).toString();
    return lunar->day == 1 ? monthName(*lunar) : dayName(lunar->day);
}

QString LunarDates::longLabel(QDate date) const
{
    const std::optional<LunarDate> lunar = lunarDate(date);
    if (!lunar)
        return {};
    return QStringLiteral(u"农历") + monthName(*lunar) + dayName(lunar->day);
}

} // namespace convene::calendar
