#include <convene/calendar/ics_writer.h>

#include "event_writer.h"
#include "event_zones.h"
#include "folding.h"
#include "ics_text.h"

#include <QSet>

#include <algorithm>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

bool mentions(const QList<QByteArray>& components, const QString& tzid)
{
    const QByteArray plain = "TZID=" + tzid.toUtf8();
    const QByteArray quoted = "TZID=\"" + tzid.toUtf8() + '"';
    return std::any_of(components.begin(), components.end(), [&](const QByteArray& c) {
        return c.contains(plain + ':') || c.contains(plain + ';') || c.contains(quoted);
    });
}

} // namespace

Result<QByteArray> writeEvent(const Event& event, const TimeZones& timeZones)
{
    Result<QByteArray> text = eventText(event, timeZones);
    if (!text)
        return text.error();
    return foldLines(*text);
}

Result<QByteArray> writeIcs(const IcsCalendar& calendar)
{
    QByteArray out = "BEGIN:VCALENDAR\r\nPRODID:-//Convene//Convene//EN\r\nVERSION:2.0\r\n";
    for (const QByteArray& property : calendar.properties)
        out += property + "\r\n";

    QSet<QString> used;
    for (const Event& event : calendar.events)
        for (const QString& tzid : zoneIdsOf(event))
            used.insert(tzid);
    for (const QString& tzid : calendar.timeZones.definedIds()) {
        if (mentions(calendar.otherComponents, tzid))
            used.insert(tzid);
    }
    QStringList ids(used.begin(), used.end());
    std::sort(ids.begin(), ids.end());
    for (const QString& tzid : ids) {
        const QByteArray definition = calendar.timeZones.definition(tzid);
        if (definition.isEmpty())
            return makeError(ErrorCode::InvalidArgument, Text::tr("The time zone “%1” is unknown.").arg(tzid));
        out += definition;
        if (!definition.endsWith("\r\n"))
            out += "\r\n";
    }
    for (const Event& event : calendar.events) {
        Result<QByteArray> text = eventText(event, calendar.timeZones);
        if (!text)
            return text.error();
        out += *text;
    }
    for (const QByteArray& component : calendar.otherComponents) {
        out += component;
        if (!component.endsWith("\r\n"))
            out += "\r\n";
    }
    out += "END:VCALENDAR\r\n";
    return foldLines(out);
}

} // namespace convene::calendar
