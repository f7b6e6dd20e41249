#pragma once

#include "parsed_component.h"

#include <convene/calendar/ics_limits.h>
#include <convene/core/result.h>

#include <libical/ical.h>

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <vector>

namespace convene::calendar {

// TZID → libical zone: the VTIMEZONEs of a file, then tzdata zones by name (see TimeZones).
struct TimeZoneTable {
    struct Definition {
        QString tzid;
        QByteArray text; // the VTIMEZONE as read
        icaltimezone* zone = nullptr; // owned
    };

    TimeZoneTable() = default;
    TimeZoneTable(const TimeZoneTable&) = delete;
    TimeZoneTable& operator=(const TimeZoneTable&) = delete;
    ~TimeZoneTable();

    // Adds a VTIMEZONE after checking that libical can use it safely; a second definition of a
    // TZID must be the same text.
    Result<void> define(ParsedComponent vtimezone, QByteArray text, const IcsLimits& limits);

    icaltimezone* find(const QString& tzid) const; // nullptr if nothing resolves it
    const Definition* defined(const QString& tzid) const;

    std::vector<Definition> definitions;

private:
    icaltimezone* findSystemZone(const QString& tzid) const;

    int m_zoneDates = 0; // RDATE values of every VTIMEZONE so far
    mutable QMutex m_mutex;
    mutable QHash<QString, icaltimezone*> m_systemZones; // lookups, including failed ones
};

} // namespace convene::calendar
