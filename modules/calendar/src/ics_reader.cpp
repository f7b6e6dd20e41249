#include <convene/calendar/ics_reader.h>

#include "component_tree.h"
#include "content_lines.h"
#include "event_reader.h"
#include "ics_text.h"
#include "parsed_component.h"
#include "time_zone_table.h"

#include <QHash>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

std::optional<Error> checkCalendarProperty(const ContentLine& line)
{
    if (line.name == "VERSION" && line.value().trimmed() != "2.0")
        return lineError(
            line.lineNumber,
            Text::tr("only iCalendar version 2.0 is supported (this is “%1”).").arg(QString::fromUtf8(line.value())));
    if (line.name == "CALSCALE" && line.value().trimmed().compare("GREGORIAN", Qt::CaseInsensitive) != 0)
        return lineError(line.lineNumber, Text::tr("only the Gregorian calendar scale is supported."));
    return std::nullopt;
}

// Within one file, a UID names one series: one event without RECURRENCE-ID and at most one
// override per recurrence id.
QString identityOf(const Event& event)
{
    if (!event.recurrenceId)
        return event.uid;
    const CalendarTime& id = *event.recurrenceId;
    return event.uid + u'\n' + id.date.toString(Qt::ISODate) + u'T' + id.time.toString(Qt::ISODate) + u'\n' +
           QString::number(int(id.kind)) + id.timeZoneId;
}

} // namespace

Result<IcsCalendar> readIcs(const QByteArray& bytes, const IcsLimits& limits)
{
    if (bytes.size() > limits.maxFileBytes)
        return makeError(
            ErrorCode::TooLarge,
            Text::tr("The file has %1 bytes; the limit is %2.").arg(bytes.size()).arg(limits.maxFileBytes));
    Result<std::vector<ContentLine>> lines = splitContentLines(bytes, limits);
    if (!lines)
        return lines.error();
    Result<std::vector<RawComponent>> calendars = buildComponentTree(*lines, limits);
    if (!calendars)
        return calendars.error();

    auto zones = std::make_shared<TimeZoneTable>();
    IcsCalendar calendar;
    std::vector<std::pair<const RawComponent*, int>> events; // with the line of their BEGIN
    for (const RawComponent& vcalendar : *calendars) {
        for (int index : vcalendar.properties) {
            const ContentLine& line = (*lines)[size_t(index)];
            if (auto error = checkCalendarProperty(line))
                return *error;
            if (line.name != "VERSION" && line.name != "PRODID")
                calendar.properties.append(line.text);
        }
        for (const RawComponent& child : vcalendar.children) {
            if (child.name == "VTIMEZONE") {
                Result<ParsedComponent> parsed = ParsedComponent::parse(*lines, child);
                if (!parsed)
                    return parsed.error();
                Result<void> defined = zones->define(std::move(parsed).value(), componentText(*lines, child), limits);
                if (!defined)
                    return defined.error();
            } else if (child.name == "VEVENT") {
                events.emplace_back(&child, (*lines)[size_t(child.begin)].lineNumber);
            } else {
                calendar.otherComponents.append(componentText(*lines, child));
            }
        }
    }

    // Events after every VTIMEZONE, wherever in the file those stand.
    QHash<QString, int> seen;
    calendar.events.reserve(qsizetype(events.size()));
    for (const auto& [raw, beginLine] : events) {
        Result<ParsedComponent> parsed = ParsedComponent::parse(*lines, *raw);
        if (!parsed)
            return parsed.error();
        Result<Event> event = readEvent(*parsed, *zones, limits, componentText(*lines, *raw));
        if (!event)
            return event.error();
        const QString identity = identityOf(*event);
        if (const auto first = seen.constFind(identity); first != seen.cend()) {
            return lineError(beginLine,
                             event->recurrenceId
                                 ? Text::tr("a second override of the same occurrence of “%1” (the first is at "
                                            "line %2).")
                                       .arg(event->uid)
                                       .arg(first.value())
                                 : Text::tr("a second event with the UID “%1” (the first is at line %2).")
                                       .arg(event->uid)
                                       .arg(first.value()));
        }
        seen.insert(identity, beginLine);
        calendar.events.append(std::move(event).value());
    }
    calendar.timeZones = TimeZones(std::move(zones));
    return calendar;
}

} // namespace convene::calendar
