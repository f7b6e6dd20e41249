#pragma once

#include <convene/calendar/event.h>
#include <convene/calendar/time_zones.h>
#include <convene/core/result.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace convene::calendar {

// How events travel as sync entries in `calendar:<id>` streams. An `event` entry holds one
// series — the master and its overrides, all with the same UID — as a VCALENDAR; each new entry
// for a UID replaces the previous one (a cancellation is a replacement with STATUS:CANCELLED).
// An `event.rsvp` entry is one attendee's answer; who answered is the entry's author.
inline constexpr char kEventKind[] = "event";
inline constexpr char kRsvpKind[] = "event.rsvp";
inline constexpr char kCalendarStreamPrefix[] = "calendar:";

// Workspace members as iCalendar calendar users (ORGANIZER, ATTENDEE).
QString userAddress(const QString& userId);
// The member a calendar user address names; empty for addresses outside the workspace.
QString userIdFromAddress(const QString& address);
// The member's ATTENDEE line in the event, if it invites them; null if not.
const Attendee* attendeeOf(const Event& event, const QString& userId);

// The series, as one VCALENDAR. IANA zones go by name alone: every reader resolves them from
// tzdata, and a definition per entry would cost more to read than the rest of it. A zone only
// `timeZones` defines (a VTIMEZONE of an imported file) travels as its VTIMEZONE.
Result<QByteArray> encodeEventEntry(const QList<Event>& series, const TimeZones& timeZones = {});
// The events of an entry (all of one UID), or what is wrong with it. Entries written before
// events were iCalendar (JSON: title, start, end, timeZone, rrule, location, callLink) are read too.
Result<QList<Event>> decodeEventEntry(const QByteArray& payload);
// The VTIMEZONEs an entry carries, by TZID (see encodeEventEntry).
QHash<QString, QByteArray> entryTimeZones(const QByteArray& payload);

struct RsvpAnswer {
    QString uid;
    ParticipationStatus status = ParticipationStatus::NeedsAction;
    QString note;
    friend bool operator==(const RsvpAnswer&, const RsvpAnswer&) = default;
};

QByteArray encodeRsvpEntry(const RsvpAnswer& answer);
// Only accepted, tentative or declined answers with a UID; notes are cut to 500 characters.
Result<RsvpAnswer> decodeRsvpEntry(const QByteArray& payload);

QString participationName(ParticipationStatus status); // "accepted", … as the entries write them
ParticipationStatus participationFromName(const QString& name); // NeedsAction for anything else

} // namespace convene::calendar
