#include <convene/calendar/event_entries.h>

#include <convene/calendar/ics_reader.h>
#include <convene/calendar/ics_writer.h>
#include <convene/calendar/meeting_link.h>

#include "event_zones.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

namespace convene::calendar {

namespace {

const QString kUserPrefix = QStringLiteral("urn:convene:user:");
constexpr int kMaxNoteLength = 500;

QString tr(const char* text)
{
    return QCoreApplication::translate("convene::calendar::EventEntries", text);
}

CalendarTime legacyTime(const QString& iso, const QString& zone)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return {};
    if (!zone.isEmpty() && QTimeZone(zone.toUtf8()).isValid())
        return CalendarTime::zoned(time.date(), QTime(time.time().hour(), time.time().minute()), zone);
    return CalendarTime::floating(time.date(), QTime(time.time().hour(), time.time().minute()));
}

// The first demo workspaces wrote events as JSON; they read as the same event would in iCalendar.
Result<QList<Event>> decodeLegacyEntry(const QByteArray& payload)
{
    const QJsonObject json = QJsonDocument::fromJson(payload).object();
    Event event;
    event.summary = json.value(QLatin1String("title")).toString();
    const QString zone = json.value(QLatin1String("timeZone")).toString();
    event.start = legacyTime(json.value(QLatin1String("start")).toString(), zone);
    event.end = legacyTime(json.value(QLatin1String("end")).toString(), zone);
    if (event.summary.isEmpty() || !event.start.isValid() || !event.end->isValid())
        return makeError(ErrorCode::InvalidArgument, tr("The event has no title or no valid time."));
    event.uid = json.value(QLatin1String("uid")).toString();
    event.location = json.value(QLatin1String("location")).toString();
    const QString rule = json.value(QLatin1String("rrule")).toString();
    if (!rule.isEmpty())
        event.recurrenceRules << rule;
    const QString organizer = json.value(QLatin1String("organizer")).toString();
    if (!organizer.isEmpty())
        event.organizer = Participant{userAddress(organizer), {}};
    event.meetingId =
        meetingIdFromLink(QUrl::fromPercentEncoding(json.value(QLatin1String("callLink")).toString().toUtf8()));
    return QList<Event>{event};
}

} // namespace

QHash<QString, QByteArray> entryTimeZones(const QByteArray& payload)
{
    QHash<QString, QByteArray> zones;
    if (!payload.contains("BEGIN:VTIMEZONE"))
        return zones;
    Result<IcsCalendar> calendar = readIcs(payload);
    if (!calendar)
        return zones;
    for (const QString& tzid : calendar->timeZones.definedIds())
        zones.insert(tzid, calendar->timeZones.definition(tzid));
    return zones;
}

QString userAddress(const QString& userId)
{
    return kUserPrefix + userId;
}

QString userIdFromAddress(const QString& address)
{
    if (!address.startsWith(kUserPrefix, Qt::CaseInsensitive))
        return {};
    return address.mid(kUserPrefix.size());
}

const Attendee* attendeeOf(const Event& event, const QString& userId)
{
    const QString address = userAddress(userId);
    for (const Attendee& a : event.attendees) {
        if (a.address.compare(address, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

Result<QByteArray> encodeEventEntry(const QList<Event>& series, const TimeZones& timeZones)
{
    if (series.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("There is no event to save."));
    for (const Event& event : series) {
        if (event.uid != series.first().uid)
            return makeError(ErrorCode::InvalidArgument, tr("The events of one entry must share their UID."));
    }
    // No VTIMEZONE: every reader resolves the TZIDs Convene writes (IANA names) from tzdata, and
    // reading a definition per entry would cost more than the rest of the entry.
    QByteArray text = "BEGIN:VCALENDAR\r\nPRODID:-//Convene//Convene//EN\r\nVERSION:2.0\r\n";
    const TimeZones iana;
    QSet<QString> written;
    for (const Event& event : series) {
        for (const QString& tzid : zoneIdsOf(event)) {
            if (iana.resolves(tzid) || written.contains(tzid))
                continue;
            const QByteArray definition = timeZones.definition(tzid);
            if (definition.isEmpty())
                return makeError(ErrorCode::InvalidArgument, tr("The time zone “%1” is unknown.").arg(tzid));
            text += definition.endsWith("\r\n") ? definition : definition + "\r\n";
            written.insert(tzid);
        }
    }
    for (const Event& event : series) {
        Result<QByteArray> vevent = writeEvent(event, timeZones);
        if (!vevent)
            return vevent.error();
        text += *vevent;
    }
    return text + "END:VCALENDAR\r\n";
}

Result<QList<Event>> decodeEventEntry(const QByteArray& payload)
{
    if (payload.startsWith('{'))
        return decodeLegacyEntry(payload);
    Result<IcsCalendar> calendar = readIcs(payload);
    if (!calendar)
        return calendar.error();
    if (calendar->events.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("The entry holds no event."));
    const QString uid = calendar->events.first().uid;
    for (const Event& event : calendar->events) {
        if (event.uid != uid)
            return makeError(ErrorCode::InvalidArgument, tr("The entry holds events of more than one series."));
    }
    return std::move(calendar->events);
}

QString participationName(ParticipationStatus status)
{
    switch (status) {
    case ParticipationStatus::Accepted: return QStringLiteral("accepted");
    case ParticipationStatus::Declined: return QStringLiteral("declined");
    case ParticipationStatus::Tentative: return QStringLiteral("tentative");
    case ParticipationStatus::Delegated: return QStringLiteral("delegated");
    case ParticipationStatus::NeedsAction: break;
    }
    return QStringLiteral("needs-action");
}

ParticipationStatus participationFromName(const QString& name)
{
    for (ParticipationStatus status : {ParticipationStatus::Accepted, ParticipationStatus::Declined,
                                       ParticipationStatus::Tentative, ParticipationStatus::Delegated}) {
        if (name == participationName(status))
            return status;
    }
    return ParticipationStatus::NeedsAction;
}

QByteArray encodeRsvpEntry(const RsvpAnswer& answer)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("uid"), answer.uid},
                                     {QStringLiteral("status"), participationName(answer.status)},
                                     {QStringLiteral("note"), answer.note.left(kMaxNoteLength)}})
        .toJson(QJsonDocument::Compact);
}

Result<RsvpAnswer> decodeRsvpEntry(const QByteArray& payload)
{
    const QJsonObject json = QJsonDocument::fromJson(payload).object();
    RsvpAnswer answer;
    answer.uid = json.value(QLatin1String("uid")).toString();
    answer.status = participationFromName(json.value(QLatin1String("status")).toString());
    answer.note = json.value(QLatin1String("note")).toString().left(kMaxNoteLength);
    const bool answered = answer.status == ParticipationStatus::Accepted ||
                          answer.status == ParticipationStatus::Tentative ||
                          answer.status == ParticipationStatus::Declined;
    if (answer.uid.isEmpty() || !answered)
        return makeError(ErrorCode::InvalidArgument, tr("The answer names no event or no valid reply."));
    return answer;
}

} // namespace convene::calendar
