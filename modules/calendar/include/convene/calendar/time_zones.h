#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace convene::calendar {

struct TimeZoneTable;

// The time zones events refer to by TZID: the VTIMEZONE definitions read from a file first,
// then the system's IANA zones (tzdata) by name, also behind the prefixes some exporters add
// ("/mozilla.org/20050126_1/Europe/Berlin") and as Windows names ("W. Europe Standard Time").
// Copies share the definitions, which stay valid while any copy lives; safe across threads.
class TimeZones {
public:
    TimeZones(); // the IANA zones only

    bool resolves(const QString& tzid) const;
    // A VTIMEZONE for this TZID: the file's own, or one made from tzdata; empty if unknown.
    QByteArray definition(const QString& tzid) const;
    QStringList definedIds() const; // TZIDs with a VTIMEZONE from the file

    const TimeZoneTable& table() const { return *m_table; }
    explicit TimeZones(std::shared_ptr<const TimeZoneTable> table);

private:
    std::shared_ptr<const TimeZoneTable> m_table;
};

} // namespace convene::calendar
