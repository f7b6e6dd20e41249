#include "calendar_reader.h"

#include <convene/calendar/event_entries.h>
#include <convene/calendar/ics_reader.h>
#include <convene/store/database.h>

#include <QCoreApplication>
#include <QSet>

namespace convene::calendar {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("convene::calendar::CalendarReader", text);
}

struct Row {
    qint64 id = 0;
    QString stream;
    QString kind;
    QString author;
    QByteArray payload;
    int state = 0;
    QUuid clientId;
    QString error;
    QString serverId;
};

QList<Row> calendarRows(store::Database& db)
{
    // Stream ids between "calendar:" and "calendar;" are exactly those with the prefix, and the
    // range lets SQLite use the kind index that leaves messages out.
    auto query = db.prepare(
        QStringLiteral("SELECT stream, kind, author, payload, state, client_id, error, server_id, id FROM entries "
                       "WHERE stream >= 'calendar:' AND stream < 'calendar;' AND kind <> 'message' AND kind IN "
                       "('event', 'event.rsvp') "
                       "ORDER BY pos IS NULL, pos, id"));
    QList<Row> rows;
    if (!query)
        return rows;
    while ((*query)->step().valueOr(false)) {
        rows << Row{(*query)->int64(8),
                    (*query)->text(0),
                    (*query)->text(1),
                    (*query)->text(2),
                    (*query)->blob(3),
                    static_cast<int>((*query)->int64(4)),
                    QUuid::fromRfc4122((*query)->blob(5)),
                    (*query)->text(6),
                    (*query)->text(7)};
    }
    return rows;
}

QStringList calendarStreams(store::Database& db)
{
    auto query = db.prepare(QStringLiteral("SELECT id FROM streams WHERE id >= 'calendar:' AND id < 'calendar;' "
                                           "ORDER BY id <> 'calendar:team', id"));
    QStringList ids;
    if (!query)
        return ids;
    while ((*query)->step().valueOr(false))
        ids << (*query)->text(0);
    return ids;
}

StoredSeries::State seriesState(int entryState)
{
    return entryState == 1   ? StoredSeries::State::Pending
           : entryState == 2 ? StoredSeries::State::Failed
                             : StoredSeries::State::Sent;
}

class Folder {
public:
    Folder(CalendarSnapshot& snapshot, DecodedEntries& decoded) : m_snapshot(snapshot), m_decoded(decoded) { }

    void event(const Row& row)
    {
        Result<QList<Event>> events = decoded(row);
        if (!events) {
            m_snapshot.problems
                << tr("An event in %1 from %2 cannot be read: %3").arg(row.stream, row.author, events.error().message);
            return;
        }
        // Events from before iCalendar had no UID: their entry names them.
        const QString uid = events->first().uid.isEmpty() ? row.serverId : events->first().uid;
        for (Event& e : events.value())
            e.uid = uid;
        auto known = m_snapshot.byUid.constFind(uid);
        if (known != m_snapshot.byUid.cend() && m_snapshot.series.at(*known).owner != row.author) {
            m_snapshot.problems << tr("%1 tried to change an event of %2; the change is ignored.")
                                       .arg(row.author, m_snapshot.series.at(*known).owner);
            return;
        }
        StoredSeries series{uid,
                            row.stream,
                            row.author,
                            std::move(events).value(),
                            seriesState(row.state),
                            row.state == 0 ? QUuid() : row.clientId,
                            row.error};
        if (known == m_snapshot.byUid.cend()) {
            m_snapshot.byUid.insert(uid, m_snapshot.series.size());
            m_snapshot.series << std::move(series);
        } else {
            m_snapshot.series[*known] = std::move(series);
        }
    }

    void answer(const Row& row)
    {
        Result<RsvpAnswer> answer = decodeRsvpEntry(row.payload);
        if (answer)
            m_answers[answer->uid][row.author] = Answer{answer->status, answer->note};
    }

    Result<QList<Event>> decoded(const Row& row)
    {
        const size_t hash = qHash(row.payload);
        m_seen.insert(row.id);
        auto known = m_decoded.byId.constFind(row.id);
        if (known == m_decoded.byId.cend() || known->payloadHash != hash) {
            Result<QList<Event>> events = decodeEventEntry(row.payload);
            if (!events)
                return events;
            known = m_decoded.byId.insert(row.id, {hash, *events, entryTimeZones(row.payload)});
        }
        m_timeZones.insert(known->timeZones);
        return known->events;
    }

    // The zones the entries define, as one VCALENDAR of VTIMEZONEs, read into one set of zones.
    TimeZones timeZones() const
    {
        if (m_timeZones.isEmpty())
            return {};
        QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene//EN\r\n";
        for (const QByteArray& definition : m_timeZones)
            text += definition.endsWith("\r\n") ? definition : definition + "\r\n";
        Result<IcsCalendar> zones = readIcs(text + "END:VCALENDAR\r\n");
        return zones ? zones->timeZones : TimeZones();
    }

    // Entries gone from the cache (discarded, replaced) need not be remembered.
    void forgetUnseen()
    {
        for (auto it = m_decoded.byId.begin(); it != m_decoded.byId.end();)
            it = m_seen.contains(it.key()) ? std::next(it) : m_decoded.byId.erase(it);
    }

    // Answers count only from members the event invites.
    void keepInvitedAnswers()
    {
        for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it) {
            const StoredSeries* series = m_snapshot.find(it.key());
            if (!series)
                continue;
            for (auto a = it->cbegin(); a != it->cend(); ++a) {
                if (attendeeOf(series->events.first(), a.key()))
                    m_snapshot.answers[it.key()].insert(a.key(), *a);
            }
        }
    }

private:
    CalendarSnapshot& m_snapshot;
    DecodedEntries& m_decoded;
    QSet<qint64> m_seen;
    QHash<QString, QByteArray> m_timeZones;
    QHash<QString, QHash<QString, Answer>> m_answers;
};

} // namespace

std::shared_ptr<const CalendarSnapshot> readCalendar(store::Database& db, const QString& floatingTimeZone,
                                                     DecodedEntries& decoded)
{
    auto snapshot = std::make_shared<CalendarSnapshot>();
    snapshot->calendars = calendarStreams(db);
    Folder folder(*snapshot, decoded);
    for (const Row& row : calendarRows(db)) {
        if (row.kind == QLatin1String(kEventKind))
            folder.event(row);
        else
            folder.answer(row);
    }
    folder.keepInvitedAnswers();
    folder.forgetUnseen();

    QList<Event> events;
    for (qsizetype i = 0; i < snapshot->series.size(); ++i) {
        for (const Event& e : snapshot->series.at(i).events) {
            events << e;
            snapshot->seriesIndex << static_cast<int>(i);
        }
    }
    CalendarExpander::Options options;
    options.floatingTimeZone = floatingTimeZone;
    snapshot->timeZones = folder.timeZones();
    snapshot->expander = std::make_shared<const CalendarExpander>(std::move(events), snapshot->timeZones, options);
    for (const Error& problem : snapshot->expander->preparationProblems())
        snapshot->problems << problem.message;
    return snapshot;
}

} // namespace convene::calendar
