#include <convene/calendar/invitation_changes.h>

#include <convene/calendar/event_entries.h>

#include <optional>

namespace convene::calendar {

namespace {

bool invites(const StoredSeries& series, const QString& userId)
{
    return attendeeOf(series.events.first(), userId) != nullptr;
}

bool cancelled(const StoredSeries& series)
{
    return series.events.first().status == EventStatus::Cancelled;
}

// An organiser's change: a new sequence, or the same one with other content (clients that do not
// count SEQUENCE up still change the entry).
bool changed(const StoredSeries& before, const StoredSeries& after)
{
    if (before.events.size() != after.events.size())
        return true;
    for (qsizetype i = 0; i < before.events.size(); ++i) {
        const Event& a = before.events.at(i);
        const Event& b = after.events.at(i);
        if (a.sequence != b.sequence || a.start != b.start || a.end != b.end || a.summary != b.summary ||
            a.location != b.location || a.recurrenceRules != b.recurrenceRules || a.exceptionDates != b.exceptionDates)
            return true;
    }
    return false;
}

} // namespace

QList<InvitationChange> invitationChanges(const CalendarSnapshot& before, const CalendarSnapshot& after,
                                          const QString& userId)
{
    QList<InvitationChange> changes;
    for (const StoredSeries& now : after.series) {
        if (now.owner == userId || !invites(now, userId))
            continue;
        const StoredSeries* earlier = before.find(now.uid);
        std::optional<InvitationChange::Kind> kind;
        // An invitation first seen already cancelled is no news.
        if (!earlier || !invites(*earlier, userId))
            kind = cancelled(now) ? std::nullopt : std::optional(InvitationChange::Kind::Invited);
        else if (cancelled(now))
            kind = cancelled(*earlier) ? std::nullopt : std::optional(InvitationChange::Kind::Cancelled);
        else if (changed(*earlier, now))
            kind = InvitationChange::Kind::Updated;
        if (!kind)
            continue;
        changes << InvitationChange{*kind, now.uid, now.events.first().summary, now.owner};
    }
    return changes;
}

} // namespace convene::calendar
