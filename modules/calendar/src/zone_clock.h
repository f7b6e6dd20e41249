#pragma once

#include <libical/ical.h>

#include <QtGlobal>

namespace convene::calendar {

// Wall-clock seconds to UTC and back in one zone (a file's VTIMEZONE or a tzdata zone).
class ZoneClock {
public:
    explicit ZoneClock(icaltimezone* zone = nullptr); // nullptr: UTC

    icaltimezone* zone() const { return m_zone; }
    int offsetAt(qint64 utcSeconds) const; // seconds east of UTC
    qint64 toWall(qint64 utcSeconds) const { return utcSeconds + offsetAt(utcSeconds); }
    // RFC 5545 3.3.5: a wall time that occurs twice means the first; one skipped by a forward
    // shift is read with the offset before the gap (02:30 on the spring-forward day is 03:30).
    qint64 toUtc(qint64 wallSeconds) const;

private:
    icaltimezone* m_zone = nullptr;
};

} // namespace convene::calendar
