#pragma once

#include <convene/calendar/event.h>

#include <libical/ical.h>

#include <QDateTime>
#include <QString>

#include <optional>

namespace convene::calendar {

// Model values of single libical properties, shared by reading and writing events.
QString textOf(const char* value);
QString commonNameOf(icalproperty* property);
ParticipationStatus statusOf(icalproperty* attendee);
ParticipantRole roleOf(icalproperty* attendee);
Attendee attendeeOf(icalproperty* attendee);
EventStatus eventStatusOf(icalproperty* status);
QDateTime utcDateTime(const icaltimetype& t);
std::optional<IcsDuration> durationOf(const icaldurationtype& d); // nullopt if negative
// A VALARM that is a reminder (relative trigger, known action); nullopt otherwise.
std::optional<Reminder> reminderOf(icalcomponent* alarm);

} // namespace convene::calendar
