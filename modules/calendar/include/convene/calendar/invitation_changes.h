#pragma once

#include <convene/calendar/calendar_snapshot.h>

namespace convene::calendar {

// What changed for a member between two snapshots, in events others organise and invite them
// to: a new invitation, an update the organiser made, or a cancellation.
struct InvitationChange {
    enum class Kind { Invited, Updated, Cancelled };
    Kind kind = Kind::Invited;
    QString uid;
    QString title;
    QString organizer; // member id
};

QList<InvitationChange> invitationChanges(const CalendarSnapshot& before, const CalendarSnapshot& after,
                                          const QString& userId);

} // namespace convene::calendar
