#include <convene/calendar/calendar_snapshot.h>

#include <convene/calendar/event_entries.h>

namespace convene::calendar {

const StoredSeries* CalendarSnapshot::find(const QString& uid) const
{
    auto found = byUid.constFind(uid);
    return found == byUid.cend() ? nullptr : &series.at(*found);
}

ParticipationStatus CalendarSnapshot::statusOf(const QString& uid, const QString& userId) const
{
    if (auto answered = answers.constFind(uid); answered != answers.cend()) {
        if (auto own = answered->constFind(userId); own != answered->cend())
            return own->status;
    }
    const StoredSeries* s = find(uid);
    if (!s)
        return ParticipationStatus::NeedsAction;
    const Attendee* attendee = attendeeOf(s->events.first(), userId);
    return attendee ? attendee->status : ParticipationStatus::NeedsAction;
}

} // namespace convene::calendar
