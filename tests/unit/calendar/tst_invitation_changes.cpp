// What counts as news for an invited member: new invitations, the organiser's changes and
// cancellations, and nothing else (own events, events one is not invited to, answers).
#include <convene/calendar/event_entries.h>
#include <convene/calendar/invitation_changes.h>

#include "catch_qt_strings.h"

using namespace convene::calendar;

namespace {

StoredSeries series(const QString& uid, const QString& owner, const QStringList& invited, int sequence = 0,
                    EventStatus status = EventStatus::None)
{
    Event e;
    e.uid = uid;
    e.summary = QStringLiteral("Title of ") + uid;
    e.start = CalendarTime::zoned(QDate(2026, 12, 4), QTime(10, 0), QStringLiteral("Europe/Berlin"));
    e.sequence = sequence;
    e.status = status;
    for (const QString& id : invited)
        e.attendees << Attendee{userAddress(id), {}, ParticipationStatus::NeedsAction, ParticipantRole::Required, true};
    StoredSeries stored;
    stored.uid = uid;
    stored.stream = QStringLiteral("calendar:team");
    stored.owner = owner;
    stored.events = {e};
    return stored;
}

CalendarSnapshot snapshotOf(const QList<StoredSeries>& all)
{
    CalendarSnapshot s;
    for (const StoredSeries& one : all) {
        s.byUid.insert(one.uid, s.series.size());
        s.series << one;
    }
    return s;
}

QStringList described(const QList<InvitationChange>& changes)
{
    QStringList out;
    for (const InvitationChange& c : changes)
        out << QStringLiteral("%1 %2 by %3").arg(int(c.kind)).arg(c.uid, c.organizer);
    return out;
}

} // namespace

TEST_CASE("A new event that invites me is news; my own events and others' events are not")
{
    const CalendarSnapshot before = snapshotOf({series("a", "org", {"me"})});
    const CalendarSnapshot after = snapshotOf({series("a", "org", {"me"}), series("b", "org", {"me", "x"}),
                                               series("c", "org", {"x"}), series("d", "me", {"me"})});
    CHECK(described(invitationChanges(before, after, "me")) == QStringList{"0 b by org"});
}

TEST_CASE("Being added to an existing event is an invitation")
{
    const CalendarSnapshot before = snapshotOf({series("a", "org", {"x"})});
    const CalendarSnapshot after = snapshotOf({series("a", "org", {"x", "me"}, 1)});
    CHECK(described(invitationChanges(before, after, "me")) == QStringList{"0 a by org"});
}

TEST_CASE("The organiser's changes and cancellations are news once")
{
    const CalendarSnapshot first = snapshotOf({series("a", "org", {"me"}), series("b", "org", {"me"})});
    const CalendarSnapshot second =
        snapshotOf({series("a", "org", {"me"}, 1), series("b", "org", {"me"}, 1, EventStatus::Cancelled)});
    CHECK(described(invitationChanges(first, second, "me")) == QStringList{"1 a by org", "2 b by org"});
    CHECK(invitationChanges(second, second, "me").isEmpty());
}

TEST_CASE("A change of content without a new sequence still counts; an event first seen cancelled does not")
{
    StoredSeries moved = series("a", "org", {"me"});
    moved.events.first().start = CalendarTime::zoned(QDate(2026, 12, 4), QTime(11, 0), QStringLiteral("Europe/Berlin"));
    CHECK(described(invitationChanges(snapshotOf({series("a", "org", {"me"})}), snapshotOf({moved}), "me")) ==
          QStringList{"1 a by org"});
    const CalendarSnapshot late = snapshotOf({series("z", "org", {"me"}, 2, EventStatus::Cancelled)});
    CHECK(invitationChanges(snapshotOf({}), late, "me").isEmpty());
}
