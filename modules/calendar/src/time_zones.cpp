#include <convene/calendar/time_zones.h>

#include "folding.h"
#include "ical_handles.h"
#include "time_zone_table.h"

namespace convene::calendar {

namespace {

const std::shared_ptr<const TimeZoneTable>& systemOnly()
{
    static const std::shared_ptr<const TimeZoneTable> table = std::make_shared<TimeZoneTable>();
    return table;
}

} // namespace

TimeZones::TimeZones() : m_table(systemOnly()) { }

TimeZones::TimeZones(std::shared_ptr<const TimeZoneTable> table) : m_table(std::move(table)) { }

bool TimeZones::resolves(const QString& tzid) const
{
    return m_table->find(tzid) != nullptr;
}

QByteArray TimeZones::definition(const QString& tzid) const
{
    if (const TimeZoneTable::Definition* d = m_table->defined(tzid))
        return d->text;
    icaltimezone* zone = m_table->find(tzid);
    if (!zone)
        return {};
    if (zone == icaltimezone_get_utc_timezone()) {
        const QByteArray id = tzid.toUtf8();
        return "BEGIN:VTIMEZONE\r\nTZID:" + id +
               "\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n"
               "TZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    }
    icalcomponent* source = icaltimezone_get_component(zone);
    if (!source)
        return {};
    // tzdata zones carry libical's own TZID; events name them as written, so the copy does too.
    IcalComponentPtr copy(icalcomponent_new_clone(source));
    for (icalproperty_kind kind : {ICAL_TZID_PROPERTY, ICAL_X_PROPERTY}) {
        while (icalproperty* p = icalcomponent_get_first_property(copy.get(), kind)) {
            icalcomponent_remove_property(copy.get(), p);
            icalproperty_free(p);
        }
    }
    icalcomponent_add_property(copy.get(), icalproperty_new_tzid(tzid.toUtf8().constData()));
    QByteArray text = unfold(takeIcalString(icalcomponent_as_ical_string_r(copy.get())));
    text.replace("\r\n\r\n", "\r\n");
    return text;
}

QStringList TimeZones::definedIds() const
{
    QStringList ids;
    for (const TimeZoneTable::Definition& d : m_table->definitions)
        ids.append(d.tzid);
    return ids;
}

} // namespace convene::calendar
