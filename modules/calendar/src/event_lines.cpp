#include "event_lines.h"

#include "folding.h"
#include "ical_handles.h"
#include "ical_time.h"
#include "ics_text.h"

#include <convene/calendar/meeting_link.h>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

QByteArray lineOf(IcalPropertyPtr property)
{
    QByteArray text = unfold(takeIcalString(icalproperty_as_ical_string_r(property.get())));
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    return text;
}

IcalPropertyPtr parsedLine(const QByteArray& line)
{
    return IcalPropertyPtr(line.isEmpty() ? nullptr : icalproperty_new_from_string(line.constData()));
}

icaltimetype utcTime(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    icaltimetype t = icaltime_null_time();
    t.year = utc.date().year();
    t.month = utc.date().month();
    t.day = utc.date().day();
    t.hour = utc.time().hour();
    t.minute = utc.time().minute();
    t.second = utc.time().second();
    t.zone = icaltimezone_get_utc_timezone();
    return t;
}

void replaceParameter(icalproperty* property, icalparameter_kind kind, icalparameter* parameter)
{
    icalproperty_remove_parameter_by_kind(property, kind);
    if (parameter)
        icalproperty_add_parameter(property, parameter);
}

icalparameter_partstat partstatOf(ParticipationStatus status)
{
    switch (status) {
    case ParticipationStatus::Accepted: return ICAL_PARTSTAT_ACCEPTED;
    case ParticipationStatus::Declined: return ICAL_PARTSTAT_DECLINED;
    case ParticipationStatus::Tentative: return ICAL_PARTSTAT_TENTATIVE;
    case ParticipationStatus::Delegated: return ICAL_PARTSTAT_DELEGATED;
    case ParticipationStatus::NeedsAction: break;
    }
    return ICAL_PARTSTAT_NEEDSACTION;
}

icalparameter_role roleOf(ParticipantRole role)
{
    switch (role) {
    case ParticipantRole::Chair: return ICAL_ROLE_CHAIR;
    case ParticipantRole::Optional: return ICAL_ROLE_OPTPARTICIPANT;
    case ParticipantRole::NonParticipant: return ICAL_ROLE_NONPARTICIPANT;
    case ParticipantRole::Required: break;
    }
    return ICAL_ROLE_REQPARTICIPANT;
}

} // namespace

QByteArray textLine(icalproperty_kind kind, const QString& value)
{
    IcalPropertyPtr property(icalproperty_new(kind));
    icalproperty_set_value(property.get(), icalvalue_new_text(value.toUtf8().constData()));
    return lineOf(std::move(property));
}

QByteArray updatedTextLine(const QByteArray& line, const QString& value)
{
    IcalPropertyPtr property = parsedLine(line);
    if (!property)
        return {};
    icalproperty_set_value(property.get(), icalvalue_new_text(value.toUtf8().constData()));
    return lineOf(std::move(property));
}

QByteArray timeLine(icalproperty_kind kind, const CalendarTime& time)
{
    IcalPropertyPtr property(icalproperty_new(kind));
    const icaltimetype value = icalTimeOf(time);
    icalproperty_set_value(property.get(), value.is_date ? icalvalue_new_date(value) : icalvalue_new_datetime(value));
    if (value.is_date)
        icalproperty_add_parameter(property.get(), icalparameter_new_value(ICAL_VALUE_DATE));
    addTimeZoneParameter(property.get(), time);
    return lineOf(std::move(property));
}

QByteArray recurrenceIdLine(const CalendarTime& time, bool thisAndFuture)
{
    IcalPropertyPtr property(icalproperty_new_from_string(timeLine(ICAL_RECURRENCEID_PROPERTY, time).constData()));
    if (thisAndFuture)
        icalproperty_add_parameter(property.get(), icalparameter_new_range(ICAL_RANGE_THISANDFUTURE));
    return lineOf(std::move(property));
}

QByteArray durationLine(const IcsDuration& duration)
{
    icaldurationtype value = icaldurationtype_null_duration();
    value.days = unsigned(duration.days);
    value.hours = unsigned(duration.seconds / 3600);
    value.minutes = unsigned(duration.seconds / 60 % 60);
    value.seconds = unsigned(duration.seconds % 60);
    return lineOf(IcalPropertyPtr(icalproperty_new_duration(value)));
}

QByteArray recurrenceDateLine(const RecurrenceDate& date)
{
    if (!date.end)
        return timeLine(ICAL_RDATE_PROPERTY, date.start);
    icaldatetimeperiodtype value;
    value.time = icaltime_null_time();
    value.period = icalperiodtype_null_period();
    value.period.start = icalTimeOf(date.start);
    value.period.end = icalTimeOf(*date.end);
    IcalPropertyPtr property(icalproperty_new_rdate(value));
    icalproperty_add_parameter(property.get(), icalparameter_new_value(ICAL_VALUE_PERIOD));
    addTimeZoneParameter(property.get(), date.start);
    return lineOf(std::move(property));
}

Result<QByteArray> ruleLine(const QString& rule)
{
    const QByteArray text = rule.toUtf8();
    icalrecurrencetype parsed = icalrecurrencetype_from_string(text.constData());
    if (parsed.rscale)
        icalmemory_free_buffer(parsed.rscale);
    if (parsed.freq == ICAL_NO_RECURRENCE || text.contains('\r') || text.contains('\n'))
        return makeError(ErrorCode::InvalidArgument, Text::tr("The recurrence rule “%1” is not valid.").arg(rule));
    return QByteArray("RRULE:" + text);
}

QByteArray statusLine(EventStatus status)
{
    icalproperty_status value = ICAL_STATUS_NONE;
    switch (status) {
    case EventStatus::Tentative: value = ICAL_STATUS_TENTATIVE; break;
    case EventStatus::Confirmed: value = ICAL_STATUS_CONFIRMED; break;
    case EventStatus::Cancelled: value = ICAL_STATUS_CANCELLED; break;
    case EventStatus::None: break;
    }
    return lineOf(IcalPropertyPtr(icalproperty_new_status(value)));
}

QByteArray sequenceLine(int sequence)
{
    return lineOf(IcalPropertyPtr(icalproperty_new_sequence(sequence)));
}

QByteArray utcTimeLine(icalproperty_kind kind, const QDateTime& time)
{
    IcalPropertyPtr property(icalproperty_new(kind));
    icalproperty_set_value(property.get(), icalvalue_new_datetime(utcTime(time)));
    return lineOf(std::move(property));
}

QByteArray organizerLine(const Participant& organizer, const QByteArray& original)
{
    IcalPropertyPtr property = parsedLine(original);
    if (!property)
        property.reset(icalproperty_new_organizer(""));
    icalproperty_set_organizer(property.get(), organizer.address.toUtf8().constData());
    replaceParameter(property.get(), ICAL_CN_PARAMETER,
                     organizer.commonName.isEmpty() ? nullptr
                                                    : icalparameter_new_cn(organizer.commonName.toUtf8().constData()));
    return lineOf(std::move(property));
}

QByteArray attendeeLine(const Attendee& attendee, const QByteArray& original)
{
    IcalPropertyPtr property = parsedLine(original);
    if (!property)
        property.reset(icalproperty_new_attendee(""));
    icalproperty* p = property.get();
    icalproperty_set_attendee(p, attendee.address.toUtf8().constData());
    replaceParameter(p, ICAL_CN_PARAMETER,
                     attendee.commonName.isEmpty() ? nullptr
                                                   : icalparameter_new_cn(attendee.commonName.toUtf8().constData()));
    replaceParameter(p, ICAL_ROLE_PARAMETER, icalparameter_new_role(roleOf(attendee.role)));
    replaceParameter(p, ICAL_PARTSTAT_PARAMETER, icalparameter_new_partstat(partstatOf(attendee.status)));
    replaceParameter(p, ICAL_RSVP_PARAMETER, attendee.rsvp ? icalparameter_new_rsvp(ICAL_RSVP_TRUE) : nullptr);
    return lineOf(std::move(property));
}

QByteArray meetingLine(const QString& meetingId)
{
    return "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Convene call:" + meetingLink(meetingId).toUtf8();
}

QList<QByteArray> reminderLines(const Reminder& reminder, const QString& summary)
{
    QList<QByteArray> lines{QByteArrayLiteral("BEGIN:VALARM")};
    switch (reminder.action) {
    case ReminderAction::Display: lines.append(QByteArrayLiteral("ACTION:DISPLAY")); break;
    case ReminderAction::Audio: lines.append(QByteArrayLiteral("ACTION:AUDIO")); break;
    case ReminderAction::Email: lines.append(QByteArrayLiteral("ACTION:EMAIL")); break;
    }
    icaltriggertype trigger;
    trigger.time = icaltime_null_time();
    trigger.duration = icaldurationtype_from_int(int(reminder.offsetSeconds));
    IcalPropertyPtr property(icalproperty_new_trigger(trigger));
    if (reminder.relativeToEnd)
        icalproperty_add_parameter(property.get(), icalparameter_new_related(ICAL_RELATED_END));
    lines.append(lineOf(std::move(property)));
    // DISPLAY and EMAIL alarms need a DESCRIPTION, EMAIL ones a SUMMARY too.
    const QString description = reminder.description.isEmpty() ? summary : reminder.description;
    if (reminder.action != ReminderAction::Audio || !reminder.description.isEmpty())
        lines.append(textLine(ICAL_DESCRIPTION_PROPERTY, description));
    if (reminder.action == ReminderAction::Email)
        lines.append(textLine(ICAL_SUMMARY_PROPERTY, summary));
    lines.append(QByteArrayLiteral("END:VALARM"));
    return lines;
}

} // namespace convene::calendar
