#include "zone_clock.h"

#include "civil_time.h"

#include <algorithm>

namespace convene::calendar {

namespace {

// libical converts years 1 to 9999.
constexpr qint64 kEarliest = -62'135'596'800;
constexpr qint64 kLatest = 253'402'300'799;

} // namespace

ZoneClock::ZoneClock(icaltimezone* zone) : m_zone(zone == icaltimezone_get_utc_timezone() ? nullptr : zone) { }

int ZoneClock::offsetAt(qint64 utcSeconds) const
{
    if (!m_zone)
        return 0;
    icaltimetype t = icaltime_from_timet_with_zone(time_t(std::clamp(utcSeconds, kEarliest, kLatest)), 0,
                                                   icaltimezone_get_utc_timezone());
    int isDaylight = 0;
    return icaltimezone_get_utc_offset_of_utc_time(m_zone, &t, &isDaylight);
}

qint64 ZoneClock::toUtc(qint64 wallSeconds) const
{
    if (!m_zone)
        return wallSeconds;
    const int before = offsetAt(wallSeconds - kSecondsPerDay);
    const int after = offsetAt(wallSeconds + kSecondsPerDay);
    const qint64 early = wallSeconds - before;
    if (before == after)
        return early;
    const qint64 late = wallSeconds - after;
    const bool earlyFits = toWall(early) == wallSeconds;
    const bool lateFits = toWall(late) == wallSeconds;
    if (earlyFits && lateFits)
        return std::min(early, late);
    if (lateFits && !earlyFits)
        return late;
    return early; // fits, or a skipped time read with the offset before the gap
}

} // namespace convene::calendar
