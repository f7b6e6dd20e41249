// CalendarController: the changes the user makes, each handed to sync as an entry.
#include <convene/calendar/calendar_controller.h>

#include <convene/calendar/event_entries.h>
#include <convene/calendar/series_edit.h>
#include <convene/sync/sync_service.h>

#include "occurrence_lookup.h"

#include <QQmlEngine>
#include <QTimeZone>
#include <QUuid>

namespace convene::calendar {

namespace {

EditScope editScope(CalendarController::Scope scope)
{
    switch (scope) {
    case CalendarController::Scope::ThisEvent: return EditScope::ThisEvent;
    case CalendarController::Scope::ThisAndFollowing: return EditScope::ThisAndFollowing;
    case CalendarController::Scope::AllEvents: break;
    }
    return EditScope::AllEvents;
}

Series seriesOf(const StoredSeries& stored)
{
    Series series{stored.events.first(), {}};
    for (qsizetype i = 1; i < stored.events.size(); ++i)
        series.overrides << stored.events.at(i);
    return series;
}

QList<Event> eventsOf(const Series& series)
{
    return QList<Event>{series.master} + series.overrides;
}

QString newUid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

SeriesZones CalendarController::zones() const
{
    return {m_data.snapshot()->timeZones, m_data.floatingTimeZone()};
}

QString CalendarController::writableCalendar() const
{
    const QStringList& calendars = m_data.snapshot()->calendars;
    return calendars.isEmpty() ? QStringLiteral("calendar:team") : calendars.first();
}

QString CalendarController::submitSeries(const QList<Event>& events, const QString& stream, const TimeZones& timeZones)
{
    Result<QByteArray> payload = encodeEventEntry(events, timeZones);
    if (!payload)
        return payload.error().message;
    // What every reader will refuse (a field beyond the reader's limits, say) is not sent at all.
    if (Result<QList<Event>> readable = decodeEventEntry(*payload); !readable)
        return tr("The event cannot be saved: %1").arg(readable.error().message);
    sync::Mutation m;
    m.stream = stream;
    m.kind = QString::fromLatin1(kEventKind);
    m.payload = *payload;
    m.body = events.first().summary; // what search finds
    m_sync.submit(m);
    return {};
}

QString CalendarController::submitEdit(const StoredSeries& stored, const Result<SeriesEditResult>& edit)
{
    if (!edit)
        return edit.error().message;
    if (QString problem = submitSeries(eventsOf(edit->edited), stored.stream, zones().timeZones); !problem.isEmpty())
        return problem;
    return edit->split ? submitSeries(eventsOf(*edit->split), stored.stream, zones().timeZones) : QString();
}

EventDraft* CalendarController::newDraft(const QDateTime& start, const QDateTime& end, bool allDay)
{
    auto* draft = new EventDraft(start, end, allDay, m_setup.timeZone);
    QQmlEngine::setObjectOwnership(draft, QQmlEngine::JavaScriptOwnership);
    return draft;
}

EventDraft* CalendarController::editDraft(const QString& uid, const QDateTime& recurrenceId)
{
    const auto snapshot = m_data.snapshot();
    const std::optional<FoundOccurrence> found = findOccurrence(*snapshot, uid, recurrenceId, m_setup.clock());
    if (!found || found->series->owner != m_setup.userId)
        return nullptr;
    auto* draft =
        new EventDraft(occurrenceEvent(*snapshot, *found, m_data.floatingTimeZone()), found->occurrence.recurrenceId,
                       found->series->events.first().isRecurring(), m_setup.timeZone);
    QQmlEngine::setObjectOwnership(draft, QQmlEngine::JavaScriptOwnership);
    return draft;
}

QString CalendarController::save(EventDraft* draft, Scope scope)
{
    if (!draft)
        return tr("There is no event to save.");
    if (QString problem = draft->problem(); !problem.isEmpty())
        return problem;
    Event changed = draft->event();
    const QDateTime now = m_setup.clock();
    if (draft->isNew()) {
        changed.organizer = Participant{userAddress(m_setup.userId), m_setup.nameOf(m_setup.userId)};
        changed.stamp = now;
        changed.lastModified = now;
        const QString stream = writableCalendar();
        const QString problem = submitSeries({changed}, stream);
        if (problem.isEmpty())
            announceInvitations(changed, stream, {});
        return problem;
    }
    const auto snapshot = m_data.snapshot();
    const StoredSeries* stored = snapshot->find(changed.uid);
    if (!stored)
        return tr("The event no longer exists.");
    if (stored->owner != m_setup.userId)
        return tr("Only the organizer can change this event.");
    const EditScope how = draft->recurringSeries() ? editScope(scope) : EditScope::AllEvents;
    const QString problem = submitEdit(
        *stored, editOccurrence(seriesOf(*stored), draft->occurrenceStart(), changed, how, newUid(), now, zones()));
    if (problem.isEmpty())
        announceInvitations(changed, stored->stream, stored->events.first().attendees);
    return problem;
}

void CalendarController::announceInvitations(const Event& event, const QString& stream, const QList<Attendee>& before)
{
    QStringList added;
    for (const Attendee& a : event.attendees) {
        const QString id = userIdFromAddress(a.address);
        const bool known =
            std::any_of(before.begin(), before.end(), [&](const Attendee& b) { return b.address == a.address; });
        if (!id.isEmpty() && id != m_setup.userId && !known)
            added << id;
    }
    if (added.isEmpty())
        return;
    const QDateTime start = event.start.isAllDay() ? QDateTime(event.start.date, QTime(0, 0))
                                                   : QDateTime(event.start.date, event.start.time,
                                                               QTimeZone(event.start.timeZoneId.toUtf8()));
    emit invited(event.uid, stream, event.summary, start, event.start.isAllDay(), added);
}

QString CalendarController::move(const QString& uid, const QDateTime& recurrenceId, const QDateTime& start,
                                 const QDateTime& end, Scope scope)
{
    EventDraft* draft = editDraft(uid, recurrenceId);
    if (!draft)
        return tr("Only the organizer can move this event.");
    // The draft edits wall-clock time in the event's own zone; the view's times are instants.
    const QTimeZone zone(draft->property("timeZone").toString().toUtf8());
    const auto wallClock = [&](const QDateTime& time) {
        const QDateTime there = zone.isValid() && !draft->property("allDay").toBool() ? time.toTimeZone(zone) : time;
        return QDateTime(there.date(), there.time());
    };
    draft->setProperty("start", wallClock(start));
    draft->setProperty("end", wallClock(end));
    const QString problem = save(draft, scope);
    delete draft;
    return problem;
}

QString CalendarController::remove(const QString& uid, const QDateTime& recurrenceId, Scope scope)
{
    const auto snapshot = m_data.snapshot();
    const StoredSeries* stored = snapshot->find(uid);
    if (!stored)
        return tr("The event no longer exists.");
    if (stored->owner != m_setup.userId)
        return tr("Only the organizer can delete this event.");
    const EditScope how = stored->events.first().isRecurring() ? editScope(scope) : EditScope::AllEvents;
    return submitEdit(*stored, deleteOccurrence(seriesOf(*stored), recurrenceId, how, m_setup.clock(), zones()));
}

QString CalendarController::respond(const QString& uid, const QString& response, const QString& note)
{
    const auto snapshot = m_data.snapshot();
    const StoredSeries* stored = snapshot->find(uid);
    if (!stored)
        return tr("The event no longer exists.");
    if (!attendeeOf(stored->events.first(), m_setup.userId))
        return tr("You are not invited to this event.");
    const ParticipationStatus status = participationFromName(response);
    if (status != ParticipationStatus::Accepted && status != ParticipationStatus::Tentative &&
        status != ParticipationStatus::Declined)
        return tr("Answer with accept, maybe or decline.");
    sync::Mutation m;
    m.stream = stored->stream;
    m.kind = QString::fromLatin1(kRsvpKind);
    m.payload = encodeRsvpEntry({uid, status, note.trimmed()});
    m_sync.submit(m);
    return {};
}

QString CalendarController::retry(const QString& uid)
{
    const StoredSeries* stored = m_data.snapshot()->find(uid);
    if (!stored || stored->clientId.isNull())
        return tr("There is nothing to send again.");
    m_sync.retry(stored->clientId);
    return {};
}

QString CalendarController::discard(const QString& uid)
{
    const StoredSeries* stored = m_data.snapshot()->find(uid);
    if (!stored || stored->clientId.isNull())
        return tr("There is nothing to discard.");
    m_sync.discard(stored->clientId);
    return {};
}

} // namespace convene::calendar
