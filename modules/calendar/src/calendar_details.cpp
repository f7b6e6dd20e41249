// CalendarController: what the details popup and the editor's people picker read.
#include <convene/calendar/calendar_controller.h>

#include <convene/calendar/event_entries.h>
#include <convene/calendar/meeting_link.h>

#include "occurrence_lookup.h"

#include <QTimeZone>

namespace convene::calendar {

namespace {

constexpr qint64 kJoinEarlySeconds = 10 * 60;

} // namespace

QVariantMap CalendarController::details(const QString& uid, const QDateTime& recurrenceId) const
{
    const auto snapshot = m_data.snapshot();
    const std::optional<FoundOccurrence> found = findOccurrence(*snapshot, uid, recurrenceId, m_setup.clock());
    if (!found)
        return {};
    const StoredSeries& series = *found->series;
    const Event& event = snapshot->expander->events().at(found->occurrence.eventIndex);
    const QTimeZone zone(m_setup.timeZone.toUtf8());
    OccurrenceRow row;
    row.allDay = found->occurrence.allDay;
    row.start = row.allDay ? QDateTime(found->occurrence.startDate, QTime(0, 0), zone)
                           : found->occurrence.start.toTimeZone(zone);
    row.end =
        row.allDay ? QDateTime(found->occurrence.endDate, QTime(0, 0), zone) : found->occurrence.end.toTimeZone(zone);
    const bool mine = series.owner == m_setup.userId;

    QVariantList attendees;
    const QHash<QString, Answer> answers = snapshot->answers.value(uid);
    for (const Attendee& a : series.events.first().attendees) {
        const QString id = userIdFromAddress(a.address);
        const Answer answer = answers.value(id, Answer{a.status, {}});
        const QString name = !id.isEmpty() ? m_setup.nameOf(id) : !a.commonName.isEmpty() ? a.commonName : a.address;
        attendees << QVariantMap{{QStringLiteral("id"), id},
                                 {QStringLiteral("name"), name},
                                 {QStringLiteral("response"), participationName(answer.status)},
                                 {QStringLiteral("note"), answer.note}};
    }
    const QDateTime now = m_setup.clock();
    const QDateTime startUtc = found->occurrence.start;
    const QDateTime endUtc = found->occurrence.end;
    //: Date format of an event's day in its details (Qt date format)
    const QString day = m_setup.locale.toString(row.start.date(), tr("dddd, MMMM d"));
    return {{QStringLiteral("uid"), uid},
            {QStringLiteral("recurrenceId"), found->occurrence.recurrenceId},
            {QStringLiteral("title"), event.summary},
            {QStringLiteral("when"), tr("%1 · %2").arg(day, occurrenceTimeText(row, m_setup.locale))},
            {QStringLiteral("start"), row.start},
            {QStringLiteral("end"), row.end},
            {QStringLiteral("allDay"), row.allDay},
            {QStringLiteral("location"), event.location},
            {QStringLiteral("description"), event.description},
            {QStringLiteral("organizer"), mine ? tr("You") : m_setup.nameOf(series.owner)},
            {QStringLiteral("attendees"), attendees},
            {QStringLiteral("meetingLink"), event.meetingId.isEmpty() ? QString() : meetingLink(event.meetingId)},
            {QStringLiteral("joinable"), !event.meetingId.isEmpty() && now >= startUtc.addSecs(-kJoinEarlySeconds) &&
                                             now < endUtc && event.status != EventStatus::Cancelled},
            {QStringLiteral("mine"), mine},
            {QStringLiteral("colorIndex"), snapshot->colorIndex(series)},
            {QStringLiteral("invited"), !mine && attendeeOf(series.events.first(), m_setup.userId)},
            {QStringLiteral("response"),
             participationName(mine ? ParticipationStatus::Accepted : snapshot->statusOf(uid, m_setup.userId))},
            {QStringLiteral("recurring"), series.events.first().isRecurring()},
            {QStringLiteral("cancelled"), event.status == EventStatus::Cancelled},
            {QStringLiteral("pending"), series.state == StoredSeries::State::Pending},
            {QStringLiteral("failed"), series.state == StoredSeries::State::Failed},
            {QStringLiteral("error"), series.error},
            {QStringLiteral("lunar"), lunarLabel(row.start.date())}};
}

QVariantList CalendarController::people(const QString& text) const
{
    QList<std::pair<QString, QString>> found; // name, id
    for (const QString& id : m_setup.memberIds()) {
        const QString name = m_setup.nameOf(id);
        if (id != m_setup.userId && (text.isEmpty() || name.contains(text, Qt::CaseInsensitive)))
            found << std::pair{name, id};
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    QVariantList list;
    for (const auto& [name, id] : found)
        list << QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
    return list;
}

QVariantList CalendarController::freeBusy(const QStringList& userIds, QDate day) const
{
    const auto snapshot = m_data.snapshot();
    const RowRange range{day, 1, QTimeZone(m_setup.timeZone.toUtf8()), m_setup.userId};
    const QList<OccurrenceRow> rows = timedRows(*snapshot, range);
    QVariantList result;
    for (const QString& id : userIds) {
        QVariantList busy;
        for (const OccurrenceRow& row : rows) {
            const StoredSeries& series = snapshot->seriesOf(row.eventIndex);
            const bool takesPart = series.owner == id || attendeeOf(series.events.first(), id);
            if (row.cancelled || !takesPart || snapshot->statusOf(series.uid, id) == ParticipationStatus::Declined)
                continue;
            busy << QVariantMap{{QStringLiteral("startMinute"), row.startMinute},
                                {QStringLiteral("endMinute"), row.endMinute}};
        }
        result << QVariantMap{{QStringLiteral("userId"), id},
                              {QStringLiteral("name"), m_setup.nameOf(id)},
                              {QStringLiteral("busy"), busy}};
    }
    return result;
}

} // namespace convene::calendar
