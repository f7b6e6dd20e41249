#include "event_reader.h"

#include "event_properties.h"
#include "ical_time.h"
#include "ics_text.h"
#include "rule_check.h"
#include "zone_clock.h"

#include <convene/calendar/meeting_link.h>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

// Reads the event property by property; the first problem ends it.
class Reader {
public:
    Reader(const ParsedComponent& vevent, const TimeZoneTable& zones, const IcsLimits& limits)
        : m_vevent(vevent), m_zones(zones), m_limits(limits)
    { }

    Result<Event> read(QByteArray sourceText);

private:
    Result<CalendarTime> timeOf(icalproperty* property, const icaltimetype& value) const;
    std::optional<Error> readTimes(Event& event);
    std::optional<Error> readRecurrence(Event& event);
    std::optional<Error> checkRules(const Event& event,
                                    const std::vector<std::pair<icalproperty*, icalrecurrencetype>>& rules);
    void readPeople(Event& event);
    int line(const icalproperty* p) const { return m_vevent.lineOf(p); }
    QString nameOf(icalproperty* p) const { return textOf(icalproperty_get_property_name(p)); }

    const ParsedComponent& m_vevent;
    const TimeZoneTable& m_zones;
    const IcsLimits& m_limits;
};

Result<CalendarTime> Reader::timeOf(icalproperty* property, const icaltimetype& value) const
{
    const std::optional<CalendarTime> time = calendarTimeOf(value, property);
    if (!time)
        return lineError(line(property), Text::tr("%1 is not a valid date or time.").arg(nameOf(property)));
    if (time->kind == CalendarTime::Kind::Zoned && !m_zones.find(time->timeZoneId))
        return lineError(line(property), Text::tr("the time zone “%1” is unknown: the file has no VTIMEZONE for it "
                                                  "and it is not an IANA time zone name.")
                                             .arg(time->timeZoneId));
    return *time;
}

Result<Event> Reader::read(QByteArray sourceText)
{
    icalcomponent* c = m_vevent.get();
    Event event;
    event.sourceText = std::move(sourceText);
    event.uid = textOf(icalcomponent_get_uid(c));
    if (event.uid.isEmpty())
        return lineError(m_vevent.beginLine(), Text::tr("the event has no UID."));
    if (auto error = readTimes(event))
        return *error;
    if (auto error = readRecurrence(event))
        return *error;
    readPeople(event);

    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_SUMMARY_PROPERTY))
        event.summary = textOf(icalproperty_get_summary(p));
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_DESCRIPTION_PROPERTY))
        event.description = textOf(icalproperty_get_description(p));
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_LOCATION_PROPERTY))
        event.location = textOf(icalproperty_get_location(p));
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY))
        event.status = eventStatusOf(p);
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_SEQUENCE_PROPERTY))
        event.sequence = std::max(0, icalproperty_get_sequence(p));
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_DTSTAMP_PROPERTY))
        event.stamp = utcDateTime(icalproperty_get_dtstamp(p));
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_LASTMODIFIED_PROPERTY))
        event.lastModified = utcDateTime(icalproperty_get_lastmodified(p));
    for (icalproperty_kind kind : {ICAL_CONFERENCE_PROPERTY, ICAL_URL_PROPERTY}) {
        for (icalproperty* p = icalcomponent_get_first_property(c, kind); p && event.meetingId.isEmpty();
             p = icalcomponent_get_next_property(c, kind))
            event.meetingId = meetingIdFromLink(textOf(icalproperty_get_value_as_string(p)));
    }
    for (icalcomponent* alarm = icalcomponent_get_first_component(c, ICAL_VALARM_COMPONENT); alarm;
         alarm = icalcomponent_get_next_component(c, ICAL_VALARM_COMPONENT)) {
        if (std::optional<Reminder> reminder = reminderOf(alarm))
            event.reminders.append(*reminder);
    }
    return event;
}

std::optional<Error> Reader::readTimes(Event& event)
{
    icalcomponent* c = m_vevent.get();
    icalproperty* start = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
    if (!start)
        return lineError(m_vevent.beginLine(), Text::tr("the event “%1” has no DTSTART.").arg(event.uid));
    Result<CalendarTime> startTime = timeOf(start, icalproperty_get_dtstart(start));
    if (!startTime)
        return startTime.error();
    event.start = *startTime;

    icalproperty* end = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY);
    icalproperty* duration = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY);
    if (end && duration)
        return lineError(line(duration), Text::tr("an event cannot have both DTEND and DURATION."));
    if (end) {
        Result<CalendarTime> endTime = timeOf(end, icalproperty_get_dtend(end));
        if (!endTime)
            return endTime.error();
        if (endTime->isAllDay() != event.start.isAllDay())
            return lineError(line(end), Text::tr("DTEND must be a date when DTSTART is a date, and a date and time "
                                                 "otherwise."));
        const auto utcOf = [this](const CalendarTime& t) {
            const qint64 wall = wallSecondsOf(t);
            return t.kind == CalendarTime::Kind::Zoned ? ZoneClock(m_zones.find(t.timeZoneId)).toUtc(wall) : wall;
        };
        if (utcOf(*endTime) < utcOf(event.start))
            return lineError(line(end), Text::tr("DTEND is before DTSTART."));
        event.end = *endTime;
    }
    if (duration) {
        const std::optional<IcsDuration> value = durationOf(icalproperty_get_duration(duration));
        if (!value)
            return lineError(line(duration), Text::tr("DURATION cannot be negative."));
        if (event.start.isAllDay() && value->seconds != 0)
            return lineError(line(duration), Text::tr("the DURATION of an all-day event must be whole days."));
        event.duration = value;
    }
    if (icalproperty* id = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) {
        Result<CalendarTime> value = timeOf(id, icalproperty_get_recurrenceid(id));
        if (!value)
            return value.error();
        if (value->isAllDay() != event.start.isAllDay())
            return lineError(line(id), Text::tr("RECURRENCE-ID must be a date exactly when DTSTART is one."));
        event.recurrenceId = *value;
        icalparameter* range = icalproperty_get_first_parameter(id, ICAL_RANGE_PARAMETER);
        event.thisAndFuture = range && icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE;
    }
    return std::nullopt;
}

std::optional<Error> Reader::readRecurrence(Event& event)
{
    icalcomponent* c = m_vevent.get();
    std::vector<std::pair<icalproperty*, icalrecurrencetype>> rules;
    int dates = 0;
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
        const icalproperty_kind kind = icalproperty_isa(p);
        if (kind == ICAL_RRULE_PROPERTY) {
            const icalrecurrencetype rule = icalproperty_get_rrule(p);
            rules.emplace_back(p, rule);
            event.recurrenceRules.append(QString::fromUtf8(m_vevent.valueOf(p)));
            continue;
        }
        if (kind != ICAL_RDATE_PROPERTY && kind != ICAL_EXDATE_PROPERTY)
            continue;
        if (++dates > m_limits.maxRecurrenceDates)
            return lineError(
                line(p),
                Text::tr("the event has more than %1 RDATE and EXDATE values.").arg(m_limits.maxRecurrenceDates));
        if (kind == ICAL_EXDATE_PROPERTY) {
            Result<CalendarTime> value = timeOf(p, icalproperty_get_exdate(p));
            if (!value)
                return value.error();
            event.exceptionDates.append(*value);
            continue;
        }
        const icaldatetimeperiodtype rdate = icalproperty_get_rdate(p);
        RecurrenceDate date;
        if (icaltime_is_null_time(rdate.time)) {
            Result<CalendarTime> periodStart = timeOf(p, rdate.period.start);
            if (!periodStart)
                return periodStart.error();
            date.start = *periodStart;
            if (!icaltime_is_null_time(rdate.period.end)) {
                Result<CalendarTime> periodEnd = timeOf(p, rdate.period.end);
                if (!periodEnd)
                    return periodEnd.error();
                date.end = *periodEnd;
            } else {
                const icaltimetype end = icaltime_add(rdate.period.start, rdate.period.duration);
                Result<CalendarTime> periodEnd = timeOf(p, end);
                if (!periodEnd || rdate.period.duration.is_neg)
                    return lineError(line(p), Text::tr("the period of an RDATE is not valid."));
                date.end = *periodEnd;
            }
            if (date.end->isAllDay() || wallSecondsOf(*date.end) < wallSecondsOf(date.start))
                return lineError(line(p), Text::tr("the period of an RDATE ends before it starts."));
        } else {
            Result<CalendarTime> value = timeOf(p, rdate.time);
            if (!value)
                return value.error();
            date.start = *value;
        }
        event.recurrenceDates.append(date);
    }
    return checkRules(event, rules);
}

std::optional<Error> Reader::checkRules(const Event& event,
                                        const std::vector<std::pair<icalproperty*, icalrecurrencetype>>& rules)
{
    const icaltimetype dtstart = icalTimeOf(event.start);
    for (const auto& [property, rule] : rules) {
        if (event.recurrenceId)
            return lineError(line(property), Text::tr("an event with a RECURRENCE-ID cannot have an RRULE."));
        if (auto problem = ruleProblem(rule, dtstart, m_limits))
            return lineError(line(property), *problem);
        if (!icaltime_is_null_time(rule.until) && rule.until.is_date != dtstart.is_date && dtstart.is_date)
            return lineError(line(property), Text::tr("UNTIL must be a date when DTSTART is a date."));
    }
    return std::nullopt;
}

void Reader::readPeople(Event& event)
{
    icalcomponent* c = m_vevent.get();
    if (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ORGANIZER_PROPERTY))
        event.organizer = Participant{textOf(icalproperty_get_organizer(p)), commonNameOf(p)};
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_ATTENDEE_PROPERTY)) {
        event.attendees.append(attendeeOf(p));
    }
}

} // namespace

Result<Event> readEvent(const ParsedComponent& vevent, const TimeZoneTable& zones, const IcsLimits& limits,
                        QByteArray sourceText)
{
    return Reader(vevent, zones, limits).read(std::move(sourceText));
}

} // namespace convene::calendar
