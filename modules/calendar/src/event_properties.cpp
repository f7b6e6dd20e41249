#include "event_properties.h"

#include <algorithm>

namespace convene::calendar {

QString textOf(const char* value)
{
    return value ? QString::fromUtf8(value) : QString();
}

QString commonNameOf(icalproperty* property)
{
    icalparameter* cn = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER);
    return cn ? textOf(icalparameter_get_cn(cn)) : QString();
}

ParticipationStatus statusOf(icalproperty* attendee)
{
    icalparameter* p = icalproperty_get_first_parameter(attendee, ICAL_PARTSTAT_PARAMETER);
    switch (p ? icalparameter_get_partstat(p) : ICAL_PARTSTAT_NEEDSACTION) {
    case ICAL_PARTSTAT_ACCEPTED: return ParticipationStatus::Accepted;
    case ICAL_PARTSTAT_DECLINED: return ParticipationStatus::Declined;
    case ICAL_PARTSTAT_TENTATIVE: return ParticipationStatus::Tentative;
    case ICAL_PARTSTAT_DELEGATED: return ParticipationStatus::Delegated;
    default: return ParticipationStatus::NeedsAction;
    }
}

ParticipantRole roleOf(icalproperty* attendee)
{
    icalparameter* p = icalproperty_get_first_parameter(attendee, ICAL_ROLE_PARAMETER);
    switch (p ? icalparameter_get_role(p) : ICAL_ROLE_REQPARTICIPANT) {
    case ICAL_ROLE_CHAIR: return ParticipantRole::Chair;
    case ICAL_ROLE_OPTPARTICIPANT: return ParticipantRole::Optional;
    case ICAL_ROLE_NONPARTICIPANT: return ParticipantRole::NonParticipant;
    default: return ParticipantRole::Required;
    }
}

EventStatus eventStatusOf(icalproperty* property)
{
    switch (icalproperty_get_status(property)) {
    case ICAL_STATUS_TENTATIVE: return EventStatus::Tentative;
    case ICAL_STATUS_CONFIRMED: return EventStatus::Confirmed;
    case ICAL_STATUS_CANCELLED: return EventStatus::Cancelled;
    default: return EventStatus::None;
    }
}

QDateTime utcDateTime(const icaltimetype& t)
{
    if (icaltime_is_null_time(t))
        return {};
    return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute, std::min(t.second, 59)), Qt::UTC);
}

std::optional<IcsDuration> durationOf(const icaldurationtype& d)
{
    if (d.is_neg)
        return std::nullopt;
    return IcsDuration{qint64(d.weeks) * 7 + d.days, qint64(d.hours) * 3600 + qint64(d.minutes) * 60 + d.seconds};
}

std::optional<Reminder> reminderOf(icalcomponent* alarm)
{
    icalproperty* action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
    icalproperty* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
    if (!action || !trigger)
        return std::nullopt;
    Reminder reminder;
    switch (icalproperty_get_action(action)) {
    case ICAL_ACTION_DISPLAY: reminder.action = ReminderAction::Display; break;
    case ICAL_ACTION_AUDIO: reminder.action = ReminderAction::Audio; break;
    case ICAL_ACTION_EMAIL: reminder.action = ReminderAction::Email; break;
    default: return std::nullopt;
    }
    const icaltriggertype value = icalproperty_get_trigger(trigger);
    if (!icaltime_is_null_time(value.time))
        return std::nullopt; // at an absolute time: not a reminder
    reminder.offsetSeconds = icaldurationtype_as_int(value.duration);
    icalparameter* related = icalproperty_get_first_parameter(trigger, ICAL_RELATED_PARAMETER);
    reminder.relativeToEnd = related && icalparameter_get_related(related) == ICAL_RELATED_END;
    if (icalproperty* description = icalcomponent_get_first_property(alarm, ICAL_DESCRIPTION_PROPERTY))
        reminder.description = textOf(icalproperty_get_description(description));
    return reminder;
}

Attendee attendeeOf(icalproperty* p)
{
    Attendee attendee;
    attendee.address = textOf(icalproperty_get_attendee(p));
    attendee.commonName = commonNameOf(p);
    attendee.status = statusOf(p);
    attendee.role = roleOf(p);
    icalparameter* rsvp = icalproperty_get_first_parameter(p, ICAL_RSVP_PARAMETER);
    attendee.rsvp = rsvp && icalparameter_get_rsvp(rsvp) == ICAL_RSVP_TRUE;
    return attendee;
}

} // namespace convene::calendar
