// The calendar as the views read it: entries in a cache filled the way sync fills it (CacheWriter
// for ordered events, a direct insert for our own pending ones) folded into a snapshot under the
// trust rules, then rows for a week, the occurrence model and the month grid.
#include "catch_qt_strings.h"

#include <convene/calendar/calendar_data.h>
#include <convene/calendar/event_entries.h>
#include <convene/calendar/month_grid_model.h>
#include <convene/calendar/occurrence_model.h>
#include <convene/calendar/occurrence_rows.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUuid>

using namespace convene;
using namespace convene::calendar;

namespace {

const QString kTeam = QStringLiteral("calendar:team");
const QString kProject = QStringLiteral("calendar:project");
const QString kBerlin = QStringLiteral("Europe/Berlin");
const QString kAna = QStringLiteral("ana");
const QString kBo = QStringLiteral("bo");

// A cache with sync's schema in a temporary file.
struct CalendarCache {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    std::unique_ptr<store::Database> db;
    std::unique_ptr<sync::CacheWriter> writer;
    store::ChangeNotifier changes;
    QHash<QString, int64_t> lastNumber;
    int64_t clock = 1'770'000'000'000; // ms; each entry a minute after the previous

    CalendarCache()
    {
        auto opened = store::Database::open(path);
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        REQUIRE(runner.migrate(*db).ok());
        writer = std::make_unique<sync::CacheWriter>(*db, kAna);
    }

    void stream(const QString& id, const QString& name)
    {
        auto insert = db->prepare(QStringLiteral("INSERT INTO streams(id, kind, name) VALUES(?, 'calendar', ?)"));
        REQUIRE((*insert)->bind(1, id).bind(2, name).run().ok());
    }

    // An entry the backend ordered; `author` as its envelope names it. Returns its server id.
    QString entry(const QString& stream, const QString& kind, const QString& author, const QByteArray& payload)
    {
        sync::RemoteEvent e;
        e.stream = stream;
        const int64_t number = ++lastNumber[stream];
        e.serverId = QStringLiteral("%1#%2").arg(stream).arg(number);
        e.cursor = QString::number(number);
        e.kind = kind;
        e.author = author;
        e.payload = payload;
        e.serverTime = clock += 60'000;
        store::ChangeSet set;
        REQUIRE(writer->applyEvents({e}, set).ok());
        return e.serverId;
    }

    QString event(const QString& stream, const QString& author, const QList<Event>& series)
    {
        Result<QByteArray> payload = encodeEventEntry(series);
        REQUIRE(payload.ok());
        return entry(stream, QString::fromLatin1(kEventKind), author, *payload);
    }

    void rsvp(const QString& stream, const QString& author, const QString& uid, ParticipationStatus status,
              const QString& note = {})
    {
        entry(stream, QString::fromLatin1(kRsvpKind), author, encodeRsvpEntry({uid, status, note}));
    }

    // Our own change in the outbox, as sync writes it before the backend confirms it.
    QUuid pending(const QString& stream, const QList<Event>& series, int state = 1, const QString& error = {})
    {
        Result<QByteArray> payload = encodeEventEntry(series);
        REQUIRE(payload.ok());
        const QUuid clientId = QUuid::createUuid();
        auto insert = db->prepare(QStringLiteral(
            "INSERT INTO entries(stream, client_id, kind, author, body, payload, state, created_at, error) "
            "VALUES(?, ?, 'event', ?, ?, ?, ?, ?, ?)"));
        (*insert)
            ->bind(1, stream)
            .bind(2, clientId.toRfc4122())
            .bind(3, kAna)
            .bind(4, series.first().summary)
            .bind(5, *payload)
            .bind(6, state)
            .bind(7, clock += 60'000);
        if (error.isEmpty())
            (*insert)->bind(8, nullptr);
        else
            (*insert)->bind(8, error);
        REQUIRE((*insert)->run().ok());
        return clientId;
    }

    // What sync does after a write: tells the readers which streams changed.
    void notify(const QString& stream) { changes.post({{QStringLiteral("entries")}, {stream}}); }
};

Event timed(const QString& uid, const QString& title, QDate day, QTime start, QTime end, const QString& zone = kBerlin)
{
    Event e;
    e.uid = uid;
    e.summary = title;
    e.start = CalendarTime::zoned(day, start, zone);
    e.end = CalendarTime::zoned(end > start ? day : day.addDays(1), end, zone);
    e.organizer = Participant{userAddress(kAna), {}};
    e.stamp = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    return e;
}

Event allDay(const QString& uid, const QString& title, QDate first, QDate endExclusive)
{
    Event e;
    e.uid = uid;
    e.summary = title;
    e.start = CalendarTime::allDay(first);
    e.end = CalendarTime::allDay(endExclusive);
    e.stamp = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
    return e;
}

Attendee invitee(const QString& userId, ParticipationStatus status = ParticipationStatus::NeedsAction)
{
    return Attendee{userAddress(userId), {}, status, ParticipantRole::Required, true};
}

// The data's snapshot once its worker has read the cache.
void waitForLoad(CalendarData& data)
{
    if (data.loaded())
        return;
    QSignalSpy changed(&data, &CalendarData::changed);
    REQUIRE(changed.wait(5000));
    REQUIRE(data.loaded());
}

void waitForReload(CalendarData& data, CalendarCache& cache, const QString& stream)
{
    QSignalSpy changed(&data, &CalendarData::changed);
    cache.notify(stream);
    REQUIRE(changed.wait(5000));
}

// "title day start-end column/columns" for timed rows; "title day+count lane column/columns" for
// all-day ones.
QStringList described(const QList<OccurrenceRow>& rows)
{
    QStringList lines;
    for (const OccurrenceRow& r : rows) {
        if (r.allDay)
            lines << QStringLiteral("%1 %2+%3 lane %4/%5")
                         .arg(r.title)
                         .arg(r.day)
                         .arg(r.dayCount)
                         .arg(r.column)
                         .arg(r.columns);
        else
            lines << QStringLiteral("%1 %2 %3-%4 %5/%6")
                         .arg(r.title)
                         .arg(r.day)
                         .arg(r.startMinute)
                         .arg(r.endMinute)
                         .arg(r.column)
                         .arg(r.columns);
    }
    return lines;
}

const OccurrenceRow& rowTitled(const QList<OccurrenceRow>& rows, const QString& title, int day = -1)
{
    for (const OccurrenceRow& r : rows) {
        if (r.title == title && (day < 0 || r.day == day))
            return r;
    }
    FAIL("no row " << title.toStdString());
    return rows.first();
}

// The week of Monday 9 March 2026 in Berlin (before the DST change), with everything a view draws:
// a weekly series, an event across midnight, two overlapping ones, one in another calendar at a
// UTC time with a call, all-day bars over several days, an invitation and a pending draft.
void fillWeek(CalendarCache& cache)
{
    cache.stream(kTeam, QStringLiteral("Team"));
    cache.stream(kProject, QStringLiteral("Project"));

    Event standup =
        timed(QStringLiteral("standup"), QStringLiteral("Standup"), QDate(2026, 3, 2), QTime(10, 0), QTime(10, 30));
    standup.recurrenceRules << QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE");
    cache.event(kTeam, kAna, {standup});
    cache.event(
        kTeam, kAna,
        {timed(QStringLiteral("deploy"), QStringLiteral("Deploy"), QDate(2026, 3, 10), QTime(22, 0), QTime(2, 0))});
    cache.event(
        kTeam, kAna,
        {timed(QStringLiteral("review"), QStringLiteral("Review"), QDate(2026, 3, 12), QTime(14, 0), QTime(15, 0))});
    Event interview = timed(QStringLiteral("interview"), QStringLiteral("Interview"), QDate(2026, 3, 12), QTime(14, 30),
                            QTime(15, 30));
    interview.organizer = Participant{userAddress(kBo), {}};
    interview.attendees << invitee(kAna);
    cache.event(kTeam, kBo, {interview});
    cache.rsvp(kTeam, kAna, QStringLiteral("interview"), ParticipationStatus::Accepted);
    Event call;
    call.uid = QStringLiteral("call");
    call.summary = QStringLiteral("Call");
    call.start = CalendarTime::utc(QDate(2026, 3, 13), QTime(8, 0));
    call.end = CalendarTime::utc(QDate(2026, 3, 13), QTime(9, 0));
    call.meetingId = QStringLiteral("room-1");
    cache.event(kProject, kAna, {call});
    cache.event(kTeam, kAna,
                {allDay(QStringLiteral("early"), QStringLiteral("Early"), QDate(2026, 3, 7), QDate(2026, 3, 10))});
    cache.event(kTeam, kAna,
                {allDay(QStringLiteral("trip"), QStringLiteral("Trip"), QDate(2026, 3, 10), QDate(2026, 3, 13))});
    cache.event(kTeam, kAna,
                {allDay(QStringLiteral("holiday"), QStringLiteral("Holiday"), QDate(2026, 3, 11), QDate(2026, 3, 12))});
    cache.event(kTeam, kAna,
                {allDay(QStringLiteral("late"), QStringLiteral("Late"), QDate(2026, 3, 14), QDate(2026, 3, 17))});
    cache.event(kTeam, kAna,
                {timed(QStringLiteral("next-week"), QStringLiteral("Next week"), QDate(2026, 3, 16), QTime(9, 0),
                       QTime(10, 0))});
    cache.pending(kTeam, {timed(QStringLiteral("idea"), QStringLiteral("Draft idea"), QDate(2026, 3, 14), QTime(9, 0),
                                QTime(10, 0))});
}

const RowRange kWeek{QDate(2026, 3, 9), 7, QTimeZone("Europe/Berlin"), QStringLiteral("ana")};

} // namespace

TEST_CASE("Series are read under the trust rules: only the owner changes an event")
{
    CalendarCache cache;
    cache.stream(kProject, QStringLiteral("Project"));
    cache.stream(kTeam, QStringLiteral("Team"));
    Event review =
        timed(QStringLiteral("e1"), QStringLiteral("Design review"), QDate(2026, 3, 10), QTime(9, 0), QTime(10, 0));
    review.attendees << invitee(kBo);
    cache.event(kTeam, kAna, {review});
    Event hijacked = review;
    hijacked.summary = QStringLiteral("Hijacked");
    hijacked.attendees << invitee(QStringLiteral("mallory"));
    cache.event(kTeam, QStringLiteral("mallory"), {hijacked});
    cache.entry(kTeam, QString::fromLatin1(kEventKind), QStringLiteral("zed"), "BEGIN:VCALENDAR\r\nnonsense\r\n");
    const QString legacyId = cache.entry(
        kProject, QString::fromLatin1(kEventKind), kBo,
        R"({"title":"Old style","start":"2026-03-11T12:00:00","end":"2026-03-11T13:00:00","timeZone":"Europe/Berlin"})");

    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    auto snapshot = data.snapshot();
    // The team's calendar first, then the others by id.
    CHECK(snapshot->calendars == QStringList{kTeam, kProject});
    REQUIRE(snapshot->series.size() == 2);
    const StoredSeries* e1 = snapshot->find(QStringLiteral("e1"));
    REQUIRE(e1);
    CHECK(e1->owner == kAna);
    CHECK(e1->stream == kTeam);
    CHECK(e1->state == StoredSeries::State::Sent);
    CHECK(e1->clientId.isNull());
    CHECK(e1->events.first().summary == QStringLiteral("Design review"));
    CHECK(e1->events.first().attendees.size() == 1);
    // An entry without a UID (written before events were iCalendar) is named by its server id.
    const StoredSeries* legacy = snapshot->find(legacyId);
    REQUIRE(legacy);
    CHECK(legacy->owner == kBo);
    CHECK(legacy->events.first().summary == QStringLiteral("Old style"));
    CHECK(legacy->events.first().uid == legacyId);
    CHECK(snapshot->problems ==
          QStringList{QStringLiteral("mallory tried to change an event of ana; the change is ignored."),
                      QStringLiteral("An event in calendar:team from zed cannot be read: ") +
                          decodeEventEntry("BEGIN:VCALENDAR\r\nnonsense\r\n").error().message});
    // The expander holds every event once, and maps back to its series.
    REQUIRE(snapshot->expander);
    REQUIRE(snapshot->expander->events().size() == 2);
    for (int i = 0; i < 2; ++i)
        CHECK(snapshot->seriesOf(i).uid == snapshot->expander->events().at(i).uid);

    SECTION("the owner's own later entry replaces the series")
    {
        Event renamed = review;
        renamed.summary = QStringLiteral("Design review, round 2");
        renamed.sequence = 1;
        cache.event(kTeam, kAna, {renamed});
        waitForReload(data, cache, kTeam);
        snapshot = data.snapshot();
        REQUIRE(snapshot->series.size() == 2);
        CHECK(snapshot->find(QStringLiteral("e1"))->events.first().summary == QStringLiteral("Design review, round 2"));
        CHECK(snapshot->find(QStringLiteral("e1"))->events.first().sequence == 1);
        CHECK(snapshot->problems.size() == 2); // mallory's entry is still ignored
    }
    SECTION("another author's entry that comes first owns its UID; the organiser named inside does not matter")
    {
        Event claimed = timed(QStringLiteral("e2"), QStringLiteral("Claimed"), QDate(2026, 3, 12), QTime(9, 0),
                              QTime(10, 0)); // ORGANIZER says ana
        cache.event(kTeam, QStringLiteral("mallory"), {claimed});
        claimed.summary = QStringLiteral("Ana's version");
        cache.event(kTeam, kAna, {claimed});
        waitForReload(data, cache, kTeam);
        snapshot = data.snapshot();
        REQUIRE(snapshot->find(QStringLiteral("e2")));
        CHECK(snapshot->find(QStringLiteral("e2"))->owner == QStringLiteral("mallory"));
        CHECK(snapshot->find(QStringLiteral("e2"))->events.first().summary == QStringLiteral("Claimed"));
        CHECK(snapshot->problems.contains(
            QStringLiteral("ana tried to change an event of mallory; the change is ignored.")));
    }
}

TEST_CASE("Answers count only from invited members, newest first; nobody answers for someone else")
{
    CalendarCache cache;
    cache.stream(kTeam, QStringLiteral("Team"));
    Event review =
        timed(QStringLiteral("e1"), QStringLiteral("Design review"), QDate(2026, 3, 10), QTime(9, 0), QTime(10, 0));
    review.attendees << invitee(kBo) << invitee(QStringLiteral("cy"))
                     << invitee(QStringLiteral("eve"), ParticipationStatus::Accepted) << invitee(QStringLiteral("fay"));
    // An answer may arrive before the event itself.
    cache.rsvp(kTeam, QStringLiteral("cy"), QStringLiteral("e1"), ParticipationStatus::Tentative,
               QStringLiteral("maybe late"));
    cache.event(kTeam, kAna, {review});
    cache.rsvp(kTeam, kBo, QStringLiteral("e1"), ParticipationStatus::Accepted, QStringLiteral("yes"));
    cache.rsvp(kTeam, kBo, QStringLiteral("e1"), ParticipationStatus::Declined, QStringLiteral("sorry, ill"));
    cache.rsvp(kTeam, QStringLiteral("dan"), QStringLiteral("e1"), ParticipationStatus::Accepted); // not invited
    // The organiser, not an attendee, answers in bo's name: the payload cannot say who answered.
    cache.entry(kTeam, QString::fromLatin1(kRsvpKind), kAna,
                R"({"uid":"e1","status":"accepted","user":"bo","author":"bo"})");
    // Answers that are not answers.
    cache.entry(kTeam, QString::fromLatin1(kRsvpKind), QStringLiteral("fay"),
                R"({"uid":"e1","status":"needs-action"})");
    cache.entry(kTeam, QString::fromLatin1(kRsvpKind), QStringLiteral("fay"), "garbage");
    cache.rsvp(kTeam, kBo, QStringLiteral("unknown-event"), ParticipationStatus::Accepted);

    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    auto snapshot = data.snapshot();
    CHECK(snapshot->statusOf(QStringLiteral("e1"), kBo) == ParticipationStatus::Declined);
    CHECK(snapshot->answers.value(QStringLiteral("e1")).value(kBo).note == QStringLiteral("sorry, ill"));
    CHECK(snapshot->statusOf(QStringLiteral("e1"), QStringLiteral("cy")) == ParticipationStatus::Tentative);
    CHECK(snapshot->answers.value(QStringLiteral("e1")).value(QStringLiteral("cy")).note ==
          QStringLiteral("maybe late"));
    CHECK(snapshot->statusOf(QStringLiteral("e1"), QStringLiteral("dan")) == ParticipationStatus::NeedsAction);
    CHECK(snapshot->statusOf(QStringLiteral("e1"), kAna) == ParticipationStatus::NeedsAction);
    // Without an answer of their own, what the organiser wrote.
    CHECK(snapshot->statusOf(QStringLiteral("e1"), QStringLiteral("eve")) == ParticipationStatus::Accepted);
    CHECK(snapshot->statusOf(QStringLiteral("e1"), QStringLiteral("fay")) == ParticipationStatus::NeedsAction);
    CHECK(snapshot->statusOf(QStringLiteral("no-such-event"), kBo) == ParticipationStatus::NeedsAction);
    QStringList answered = snapshot->answers.value(QStringLiteral("e1")).keys();
    answered.sort();
    CHECK(answered == QStringList{kBo, QStringLiteral("cy")});
    CHECK_FALSE(snapshot->answers.contains(QStringLiteral("unknown-event")));

    SECTION("a new answer replaces the previous one")
    {
        cache.rsvp(kTeam, kBo, QStringLiteral("e1"), ParticipationStatus::Tentative);
        waitForReload(data, cache, kTeam);
        CHECK(data.snapshot()->statusOf(QStringLiteral("e1"), kBo) == ParticipationStatus::Tentative);
        CHECK(data.snapshot()->answers.value(QStringLiteral("e1")).value(kBo).note.isEmpty());
    }
    SECTION("an answer stops counting when the organiser uninvites its author")
    {
        Event fewer = review;
        fewer.attendees.removeFirst(); // bo
        cache.event(kTeam, kAna, {fewer});
        waitForReload(data, cache, kTeam);
        CHECK(data.snapshot()->statusOf(QStringLiteral("e1"), kBo) == ParticipationStatus::NeedsAction);
        CHECK(data.snapshot()->statusOf(QStringLiteral("e1"), QStringLiteral("cy")) == ParticipationStatus::Tentative);
    }
}

TEST_CASE("Our own unsent entries show as pending or failed, and replace what was sent")
{
    CalendarCache cache;
    cache.stream(kTeam, QStringLiteral("Team"));
    const Event sent =
        timed(QStringLiteral("sent"), QStringLiteral("Sent"), QDate(2026, 3, 10), QTime(9, 0), QTime(10, 0));
    cache.event(kTeam, kAna, {sent});
    Event edited = sent;
    edited.summary = QStringLiteral("Sent, then edited offline");
    const QUuid editId = cache.pending(kTeam, {edited});
    const QUuid newId = cache.pending(
        kTeam, {timed(QStringLiteral("new"), QStringLiteral("New"), QDate(2026, 3, 11), QTime(9, 0), QTime(10, 0))});
    const QUuid failedId = cache.pending(
        kTeam, {timed(QStringLiteral("huge"), QStringLiteral("Huge"), QDate(2026, 3, 12), QTime(9, 0), QTime(10, 0))},
        2, QStringLiteral("This is too large to send."));

    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    auto snapshot = data.snapshot();
    REQUIRE(snapshot->series.size() == 3);
    const StoredSeries* s = snapshot->find(QStringLiteral("sent"));
    REQUIRE(s);
    CHECK(s->state == StoredSeries::State::Pending);
    CHECK(s->clientId == editId);
    CHECK(s->events.first().summary == QStringLiteral("Sent, then edited offline"));
    REQUIRE(snapshot->find(QStringLiteral("new")));
    CHECK(snapshot->find(QStringLiteral("new"))->state == StoredSeries::State::Pending);
    CHECK(snapshot->find(QStringLiteral("new"))->clientId == newId);
    CHECK(snapshot->find(QStringLiteral("new"))->owner == kAna);
    const StoredSeries* huge = snapshot->find(QStringLiteral("huge"));
    REQUIRE(huge);
    CHECK(huge->state == StoredSeries::State::Failed);
    CHECK(huge->clientId == failedId);
    CHECK(huge->error == QStringLiteral("This is too large to send."));

    const QList<OccurrenceRow> rows = agendaRows(*snapshot, kWeek);
    CHECK(rowTitled(rows, QStringLiteral("New")).pending);
    CHECK_FALSE(rowTitled(rows, QStringLiteral("New")).failed);
    CHECK(rowTitled(rows, QStringLiteral("Huge")).failed);

    SECTION("once the backend has it, it is sent")
    {
        sync::RemoteEvent echo;
        echo.stream = kTeam;
        echo.serverId = QStringLiteral("calendar:team#9");
        echo.cursor = QStringLiteral("9");
        echo.clientId = newId;
        echo.kind = QString::fromLatin1(kEventKind);
        echo.author = kAna;
        store::ChangeSet set;
        REQUIRE(cache.writer->applyEvents({echo}, set).ok());
        waitForReload(data, cache, kTeam);
        CHECK(data.snapshot()->find(QStringLiteral("new"))->state == StoredSeries::State::Sent);
        CHECK(data.snapshot()->find(QStringLiteral("new"))->clientId.isNull());
    }
}

TEST_CASE("A change to a calendar stream makes the data read again")
{
    CalendarCache cache;
    cache.stream(kTeam, QStringLiteral("Team"));
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    CHECK(data.snapshot()->series.isEmpty());
    CHECK(data.floatingTimeZone() == kBerlin);
    const auto before = data.snapshot();
    cache.event(kTeam, kAna,
                {timed(QStringLiteral("a"), QStringLiteral("A"), QDate(2026, 3, 10), QTime(9, 0), QTime(10, 0))});
    waitForReload(data, cache, kTeam);
    CHECK(data.snapshot()->series.size() == 1);
    CHECK(before->series.isEmpty()); // snapshots are never changed once handed out
}

TEST_CASE("A week's rows: series, midnight, overlaps, zones, calendars and all-day lanes")
{
    CalendarCache cache;
    fillWeek(cache);
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    const auto snapshot = data.snapshot();
    REQUIRE(snapshot->problems.isEmpty());

    const QList<OccurrenceRow> timedWeek = timedRows(*snapshot, kWeek);
    CHECK(described(timedWeek) == QStringList{
                                      "Standup 0 600-630 0/1",
                                      "Deploy 1 1320-1440 0/1",
                                      "Deploy 2 0-120 0/1",
                                      "Standup 2 600-630 0/1",
                                      "Review 3 840-900 0/2",
                                      "Interview 3 870-930 1/2",
                                      "Call 4 540-600 0/1",
                                      "Draft idea 5 540-600 0/1",
                                  });
    const OccurrenceRow& monday = rowTitled(timedWeek, QStringLiteral("Standup"), 0);
    CHECK(monday.recurring);
    CHECK(monday.recurrenceId == QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC));
    CHECK(monday.start == QDateTime(QDate(2026, 3, 9), QTime(10, 0), kWeek.zone));
    CHECK(monday.mine);
    CHECK(monday.myStatus == ParticipationStatus::Accepted);
    CHECK(rowTitled(timedWeek, QStringLiteral("Standup"), 2).recurrenceId ==
          QDateTime(QDate(2026, 3, 11), QTime(9, 0), Qt::UTC));
    const OccurrenceRow& night = rowTitled(timedWeek, QStringLiteral("Deploy"), 2);
    CHECK_FALSE(night.recurring);
    CHECK_FALSE(night.recurrenceId.isValid());
    CHECK(night.start == QDateTime(QDate(2026, 3, 10), QTime(22, 0), kWeek.zone)); // the whole occurrence
    CHECK(night.end == QDateTime(QDate(2026, 3, 11), QTime(2, 0), kWeek.zone));
    const OccurrenceRow& interview = rowTitled(timedWeek, QStringLiteral("Interview"));
    CHECK_FALSE(interview.mine);
    CHECK(interview.myStatus == ParticipationStatus::Accepted);
    const OccurrenceRow& call = rowTitled(timedWeek, QStringLiteral("Call"));
    CHECK(call.hasCall);
    CHECK(call.colorIndex == 1);
    CHECK(call.start.timeZone() == kWeek.zone);
    CHECK(rowTitled(timedWeek, QStringLiteral("Review")).colorIndex == 0);
    CHECK(rowTitled(timedWeek, QStringLiteral("Draft idea")).pending);
    CHECK_FALSE(rowTitled(timedWeek, QStringLiteral("Review")).pending);

    int lanes = -1;
    const QList<OccurrenceRow> bars = allDayRows(*snapshot, kWeek, &lanes);
    CHECK(lanes == 2);
    CHECK(described(bars) ==
          QStringList{"Early 0+1 lane 0/2", "Trip 1+3 lane 0/2", "Holiday 2+1 lane 1/2", "Late 5+2 lane 0/2"});
    CHECK(rowTitled(bars, QStringLiteral("Trip")).start == QDateTime(QDate(2026, 3, 10), QTime(0, 0), kWeek.zone));
    CHECK(rowTitled(bars, QStringLiteral("Trip")).end == QDateTime(QDate(2026, 3, 13), QTime(0, 0), kWeek.zone));

    QStringList agenda;
    for (const OccurrenceRow& r : agendaRows(*snapshot, kWeek))
        agenda << QStringLiteral("%1 %2").arg(r.day).arg(r.title);
    CHECK(agenda == QStringList{"0 Early", "0 Standup", "1 Trip", "1 Deploy", "2 Holiday", "2 Standup", "3 Review",
                                "3 Interview", "4 Call", "5 Late", "5 Draft idea"});

    SECTION("a single day")
    {
        const RowRange wednesday{QDate(2026, 3, 11), 1, kWeek.zone, kAna};
        CHECK(described(timedRows(*snapshot, wednesday)) == QStringList{"Deploy 0 0-120 0/1", "Standup 0 600-630 0/1"});
        int dayLanes = -1;
        CHECK(described(allDayRows(*snapshot, wednesday, &dayLanes)) ==
              QStringList{"Trip 0+1 lane 0/2", "Holiday 0+1 lane 1/2"});
        CHECK(dayLanes == 2);
    }
    SECTION("the same week seen from another zone")
    {
        const RowRange tokyo{QDate(2026, 3, 9), 7, QTimeZone("Asia/Tokyo"), kAna};
        // 10:00 in Berlin (UTC+1) is 18:00 in Tokyo (UTC+9).
        CHECK(rowTitled(timedRows(*snapshot, tokyo), QStringLiteral("Standup"), 0).startMinute == 18 * 60);
        // 22:00–02:00 in Berlin is 06:00–10:00 the next day in Tokyo: no longer split.
        const QList<OccurrenceRow> deploy = timedRows(*snapshot, tokyo);
        CHECK(std::count_if(deploy.begin(), deploy.end(),
                            [](const OccurrenceRow& r) { return r.title == u"Deploy"; }) == 1);
        CHECK(rowTitled(deploy, QStringLiteral("Deploy")).day == 2);
        CHECK(rowTitled(deploy, QStringLiteral("Deploy")).startMinute == 6 * 60);
    }
}

TEST_CASE("Timed rows: an end at midnight stays on its day, a long event fills the days between")
{
    CalendarCache cache;
    cache.stream(kTeam, QStringLiteral("Team"));
    cache.event(
        kTeam, kAna,
        {timed(QStringLiteral("late"), QStringLiteral("Late shift"), QDate(2026, 3, 9), QTime(20, 0), QTime(0, 0))});
    Event offsite =
        timed(QStringLiteral("offsite"), QStringLiteral("Offsite"), QDate(2026, 3, 11), QTime(9, 0), QTime(17, 0));
    offsite.end = CalendarTime::zoned(QDate(2026, 3, 13), QTime(17, 0), kBerlin);
    cache.event(kTeam, kAna, {offsite});
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    CHECK(described(timedRows(*data.snapshot(), kWeek)) == QStringList{"Late shift 0 1200-1440 0/1",
                                                                       "Offsite 2 540-1440 0/1", "Offsite 3 0-1440 0/1",
                                                                       "Offsite 4 0-1020 0/1"});
    // A range that starts in the middle of it.
    const RowRange friday{QDate(2026, 3, 13), 1, kWeek.zone, kAna};
    CHECK(described(timedRows(*data.snapshot(), friday)) == QStringList{"Offsite 0 0-1020 0/1"});
}

TEST_CASE("On the days the clocks change, rows sit at their wall-clock time")
{
    CalendarCache cache;
    cache.stream(kTeam, QStringLiteral("Team"));
    Event daily =
        timed(QStringLiteral("daily"), QStringLiteral("Daily"), QDate(2026, 3, 1), QTime(10, 0), QTime(11, 30));
    daily.recurrenceRules << QStringLiteral("FREQ=DAILY");
    cache.event(kTeam, kAna, {daily});
    // 01:00–04:00 on the night of the spring change lasts two hours.
    cache.event(
        kTeam, kAna,
        {timed(QStringLiteral("night"), QStringLiteral("Night"), QDate(2026, 3, 29), QTime(1, 0), QTime(4, 0))});
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    // Berlin moves to summer time on Sunday 29 March and back on Sunday 25 October 2026.
    for (const QDate& monday : {QDate(2026, 3, 23), QDate(2026, 10, 19)}) {
        const RowRange week{monday, 7, kWeek.zone, kAna};
        QStringList times;
        for (const OccurrenceRow& r : timedRows(*data.snapshot(), week)) {
            if (r.uid == u"daily")
                times << QStringLiteral("%1 %2-%3").arg(r.day).arg(r.startMinute).arg(r.endMinute);
        }
        INFO(monday.toString(Qt::ISODate).toStdString());
        CHECK(times ==
              QStringList{"0 600-690", "1 600-690", "2 600-690", "3 600-690", "4 600-690", "5 600-690", "6 600-690"});
    }
    const RowRange sunday{QDate(2026, 3, 29), 1, kWeek.zone, kAna};
    CHECK(described(timedRows(*data.snapshot(), sunday)) == QStringList{"Night 0 60-240 0/1", "Daily 0 600-690 0/1"});
}

TEST_CASE("The occurrence model shows the rows it is given, as a well-behaved model")
{
    CalendarCache cache;
    fillWeek(cache);
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    const auto snapshot = data.snapshot();

    OccurrenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy countChanged(&model, &OccurrenceModel::countChanged);
    CHECK(model.rowCount() == 0);

    model.setRows(timedRows(*snapshot, kWeek));
    CHECK(countChanged.size() == 1);
    REQUIRE(model.rowCount() == 8);
    CHECK(model.count() == 8);
    const auto at = [&](int row, int role) { return model.data(model.index(row), role); };
    CHECK(at(0, OccurrenceModel::TitleRole).toString() == QStringLiteral("Standup"));
    CHECK(at(0, Qt::DisplayRole).toString() == QStringLiteral("Standup"));
    CHECK(at(0, OccurrenceModel::UidRole).toString() == QStringLiteral("standup"));
    CHECK(at(0, OccurrenceModel::RecurrenceIdRole).toDateTime() == QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC));
    CHECK(at(0, OccurrenceModel::RecurringRole).toBool());
    CHECK(at(0, OccurrenceModel::MineRole).toBool());
    CHECK(at(0, OccurrenceModel::DateRole).toDate() == QDate(2026, 3, 9));
    CHECK(at(0, OccurrenceModel::AllDayRole).toBool() == false);
    CHECK(at(2, OccurrenceModel::DayRole).toInt() == 2);
    CHECK(at(2, OccurrenceModel::StartMinuteRole).toInt() == 0);
    CHECK(at(2, OccurrenceModel::EndMinuteRole).toInt() == 120);
    CHECK(at(2, OccurrenceModel::DateRole).toDate() == QDate(2026, 3, 10)); // the occurrence's start
    CHECK(at(5, OccurrenceModel::TitleRole).toString() == QStringLiteral("Interview"));
    CHECK(at(5, OccurrenceModel::ColumnRole).toInt() == 1);
    CHECK(at(5, OccurrenceModel::ColumnsRole).toInt() == 2);
    CHECK(at(5, OccurrenceModel::ResponseRole).toString() == QStringLiteral("accepted"));
    CHECK(at(5, OccurrenceModel::MineRole).toBool() == false);
    CHECK(at(5, OccurrenceModel::InvitedRole).toBool());
    CHECK(at(7, OccurrenceModel::InvitedRole).toBool() == false);
    CHECK(at(6, OccurrenceModel::HasCallRole).toBool());
    CHECK(at(6, OccurrenceModel::ColorIndexRole).toInt() == 1);
    CHECK(at(7, OccurrenceModel::PendingRole).toBool());
    CHECK(at(7, OccurrenceModel::FailedRole).toBool() == false);
    CHECK(at(7, OccurrenceModel::CancelledRole).toBool() == false);
    CHECK(at(7, OccurrenceModel::StartRole).toDateTime() == QDateTime(QDate(2026, 3, 14), QTime(9, 0), kWeek.zone));
    CHECK(at(7, OccurrenceModel::EndRole).toDateTime() == QDateTime(QDate(2026, 3, 14), QTime(10, 0), kWeek.zone));
    CHECK_FALSE(at(7, OccurrenceModel::TimeTextRole).toString().isEmpty());
    CHECK_FALSE(model.data(model.index(8), OccurrenceModel::TitleRole).isValid());
    CHECK(model.roleNames().value(OccurrenceModel::StartMinuteRole) == "startMinute");
    CHECK(model.roleNames().value(OccurrenceModel::ResponseRole) == "response");
    CHECK(model.roleNames().size() == 24);

    int lanes = 0;
    QList<OccurrenceRow> bars = allDayRows(*snapshot, kWeek, &lanes);
    model.setRows(bars, lanes);
    CHECK(model.rowCount() == 4);
    CHECK(model.lanes() == 2);
    CHECK(at(1, OccurrenceModel::AllDayRole).toBool());
    CHECK(at(1, OccurrenceModel::DayCountRole).toInt() == 3);
    CHECK(at(1, OccurrenceModel::TimeTextRole).toString() == QStringLiteral("All day"));
    CHECK(countChanged.size() == 2);
    model.setRows(bars, lanes); // the same count: no signal
    CHECK(countChanged.size() == 2);

    model.setRows({});
    CHECK(model.rowCount() == 0);
    CHECK(model.lanes() == 0);
    CHECK(countChanged.size() == 3);
}

TEST_CASE("A reload keeps the rows that stay: they change in place, others come and go around them")
{
    const auto row = [](const char* uid, int day, int startMinute) {
        OccurrenceRow r;
        r.uid = QString::fromUtf8(uid);
        r.title = r.uid;
        r.day = day;
        r.startMinute = startMinute;
        r.endMinute = startMinute + 60;
        return r;
    };
    OccurrenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({row("a", 0, 540), row("b", 1, 600), row("c", 2, 660)});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    const auto uids = [&] {
        QStringList list;
        for (const OccurrenceRow& r : model.rows())
            list << r.uid;
        return list;
    };

    // The same rows, one now sent: only that row changes.
    QList<OccurrenceRow> rows{row("a", 0, 540), row("b", 1, 600), row("c", 2, 660)};
    rows[0].pending = true;
    model.setRows(rows);
    model.setRows({row("a", 0, 540), row("b", 1, 600), row("c", 2, 660)});
    CHECK(changed.size() == 2);
    CHECK(changed.first().at(0).toModelIndex().row() == 0);
    CHECK(resets.isEmpty());

    // b moved later in its day, c gone, d new and first, a after it.
    model.setRows({row("d", 0, 480), row("a", 0, 540), row("b", 1, 720)});
    CHECK(uids() == QStringList{QStringLiteral("d"), QStringLiteral("a"), QStringLiteral("b")});
    CHECK(model.data(model.index(2), OccurrenceModel::StartMinuteRole).toInt() == 720);
    CHECK(removed.size() == 1);
    CHECK(inserted.size() == 1);
    CHECK(resets.isEmpty());

    // A new order: rows move rather than being made again.
    model.setRows({row("b", 1, 720), row("d", 0, 480), row("a", 0, 540)});
    CHECK(uids() == QStringList{QStringLiteral("b"), QStringLiteral("d"), QStringLiteral("a")});
    CHECK(moved.size() >= 1);
    CHECK(removed.size() == 1);
    CHECK(inserted.size() == 1);
    CHECK(resets.isEmpty());

    // Another day's segment of one event is another row.
    model.setRows({row("b", 1, 720), row("b", 2, 0), row("d", 0, 480), row("a", 0, 540)});
    CHECK(inserted.size() == 2);
    CHECK(model.rowCount() == 4);

    // Nothing in common (another week), or keys that repeat: a reset.
    model.setRows({row("x", 0, 60), row("y", 1, 60)});
    CHECK(resets.size() == 1);
    model.setRows({row("x", 0, 60), row("x", 0, 60)});
    CHECK(resets.size() == 2);
    CHECK(model.rowCount() == 2);
    model.setRows({});
    CHECK(resets.size() == 3);
    CHECK(model.rowCount() == 0);
}

TEST_CASE("Occurrence times read in the locale's format")
{
    OccurrenceRow row;
    row.start = QDateTime(QDate(2026, 3, 9), QTime(9, 5), QTimeZone("Europe/Berlin"));
    row.end = QDateTime(QDate(2026, 3, 9), QTime(17, 30), QTimeZone("Europe/Berlin"));
    CHECK(occurrenceTimeText(row, QLocale(QLocale::German, QLocale::Germany)) == QStringLiteral("09:05 – 17:30"));
    const QString english = occurrenceTimeText(row, QLocale(QLocale::English, QLocale::UnitedStates));
    CHECK(english.startsWith(u"9:05"));
    CHECK(english.contains(u"5:30"));
    CHECK(english.contains(u"PM"));
    row.allDay = true;
    CHECK(occurrenceTimeText(row, QLocale(QLocale::German, QLocale::Germany)) == QStringLiteral("All day"));
}

TEST_CASE("The month grid starts on the week start before the 1st")
{
    const auto first = [](int year, int month, Qt::DayOfWeek weekStart) {
        return MonthGridModel::firstCell(QDate(year, month, 17), weekStart);
    };
    // 1 January 2026 is a Thursday.
    CHECK(first(2026, 1, Qt::Monday) == QDate(2025, 12, 29));
    CHECK(first(2026, 1, Qt::Sunday) == QDate(2025, 12, 28));
    // 1 March 2026 is a Sunday.
    CHECK(first(2026, 3, Qt::Monday) == QDate(2026, 2, 23));
    CHECK(first(2026, 3, Qt::Sunday) == QDate(2026, 3, 1));
    // 1 April 2026 is a Wednesday.
    CHECK(first(2026, 4, Qt::Monday) == QDate(2026, 3, 30));
    CHECK(first(2026, 4, Qt::Sunday) == QDate(2026, 3, 29));
    // 1 June 2026 is a Monday.
    CHECK(first(2026, 6, Qt::Monday) == QDate(2026, 6, 1));
    CHECK(first(2026, 6, Qt::Sunday) == QDate(2026, 5, 31));
    // 1 August 2026 is a Saturday.
    CHECK(first(2026, 8, Qt::Monday) == QDate(2026, 7, 27));
    CHECK(first(2026, 8, Qt::Sunday) == QDate(2026, 7, 26));
    CHECK(first(2026, 8, Qt::Saturday) == QDate(2026, 8, 1));
    // A month of exactly four weeks.
    CHECK(first(2027, 2, Qt::Monday) == QDate(2027, 2, 1));
    CHECK(first(2027, 2, Qt::Sunday) == QDate(2027, 1, 31));
}

TEST_CASE("The month grid: 42 days, each with its first three occurrences and how many more")
{
    CalendarCache cache;
    fillWeek(cache);
    for (int i = 0; i < 4; ++i) // with the standup, five on Wednesday 18 March
        cache.event(kTeam, kAna,
                    {timed(QStringLiteral("busy-%1").arg(i), QStringLiteral("Busy %1").arg(i), QDate(2026, 3, 18),
                           QTime(11 + i, 0), QTime(11 + i, 30))});
    CalendarData data(cache.path, cache.changes, kBerlin);
    waitForLoad(data);
    const auto snapshot = data.snapshot();

    MonthGridModel grid;
    QAbstractItemModelTester tester(&grid, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy monthChanged(&grid, &MonthGridModel::monthChanged);
    const QDate firstCell = MonthGridModel::firstCell(QDate(2026, 3, 1), Qt::Monday);
    REQUIRE(firstCell == QDate(2026, 2, 23));
    const RowRange range{firstCell, MonthGridModel::kDays, kWeek.zone, kAna};
    MonthGridModel::Setup setup;
    setup.month = QDate(2026, 3, 20);
    setup.weekStart = Qt::Monday;
    setup.today = QDate(2026, 3, 11);
    setup.lunarLabel = [](QDate date) { return QStringLiteral("L%1").arg(date.day()); };
    grid.reset(setup, agendaRows(*snapshot, range));
    CHECK(monthChanged.size() == 1);
    CHECK(grid.month() == QDate(2026, 3, 1));
    REQUIRE(grid.rowCount() == 42);

    const auto at = [&](QDate date, int role) {
        return grid.data(grid.index(static_cast<int>(firstCell.daysTo(date))), role);
    };
    const auto titles = [&](QDate date) {
        QStringList list;
        for (const QVariant& e : at(date, MonthGridModel::EventsRole).toList())
            list << e.toMap().value(QStringLiteral("title")).toString();
        return list;
    };
    CHECK(at(QDate(2026, 2, 23), MonthGridModel::DateRole).toDate() == QDate(2026, 2, 23));
    CHECK(grid.data(grid.index(41), MonthGridModel::DateRole).toDate() == QDate(2026, 4, 5));
    CHECK(at(QDate(2026, 2, 28), MonthGridModel::InMonthRole).toBool() == false);
    CHECK(at(QDate(2026, 3, 1), MonthGridModel::InMonthRole).toBool());
    CHECK(at(QDate(2026, 3, 31), MonthGridModel::InMonthRole).toBool());
    CHECK(at(QDate(2026, 4, 1), MonthGridModel::InMonthRole).toBool() == false);
    CHECK(at(QDate(2026, 3, 1), MonthGridModel::DayNumberRole).toInt() == 1);
    CHECK(at(QDate(2026, 3, 11), MonthGridModel::TodayRole).toBool());
    CHECK(at(QDate(2026, 3, 12), MonthGridModel::TodayRole).toBool() == false);
    CHECK(at(QDate(2026, 3, 12), MonthGridModel::LunarRole).toString() == QStringLiteral("L12"));

    // Five on the 18th: three shown, two more.
    CHECK(titles(QDate(2026, 3, 18)) == QStringList{"Standup", "Busy 0", "Busy 1"});
    CHECK(at(QDate(2026, 3, 18), MonthGridModel::MoreRole).toInt() == 2);
    // Multi-day events show on each of their days: the trip, and the deploy across midnight.
    CHECK(titles(QDate(2026, 3, 10)) == QStringList{"Trip", "Deploy"});
    CHECK(titles(QDate(2026, 3, 11)) == QStringList{"Trip", "Deploy", "Holiday"});
    CHECK(at(QDate(2026, 3, 11), MonthGridModel::MoreRole).toInt() == 1); // the standup
    CHECK(titles(QDate(2026, 3, 12)) == QStringList{"Trip", "Review", "Interview"});
    CHECK(at(QDate(2026, 3, 12), MonthGridModel::MoreRole).toInt() == 0);
    CHECK(titles(QDate(2026, 3, 7)) == QStringList{"Early"});
    CHECK(titles(QDate(2026, 3, 2)) == QStringList{"Standup"});
    CHECK(titles(QDate(2026, 2, 23)).isEmpty()); // before the series starts
    CHECK(titles(QDate(2026, 4, 1)) == QStringList{"Standup"});
    const QVariantList twelfth = at(QDate(2026, 3, 12), MonthGridModel::EventsRole).toList();
    REQUIRE(twelfth.size() == 3);
    const QVariantMap interview = twelfth.at(2).toMap();
    CHECK(interview.value(QStringLiteral("uid")).toString() == QStringLiteral("interview"));
    CHECK(interview.value(QStringLiteral("response")).toString() == QStringLiteral("accepted"));
    CHECK(interview.value(QStringLiteral("allDay")).toBool() == false);
    CHECK_FALSE(interview.value(QStringLiteral("time")).toString().isEmpty());
    const QVariantMap trip = twelfth.at(0).toMap();
    CHECK(trip.value(QStringLiteral("allDay")).toBool());
    CHECK(trip.value(QStringLiteral("time")).toString().isEmpty());
    const QVariantList eighteenth = at(QDate(2026, 3, 18), MonthGridModel::EventsRole).toList();
    REQUIRE_FALSE(eighteenth.isEmpty());
    const QVariantMap standup = eighteenth.at(0).toMap();
    CHECK(standup.value(QStringLiteral("recurrenceId")).toDateTime() ==
          QDateTime(QDate(2026, 3, 18), QTime(9, 0), Qt::UTC));

    SECTION("the same month again changes the cells but not the month")
    {
        grid.reset(setup, {});
        CHECK(monthChanged.size() == 1);
        CHECK(titles(QDate(2026, 3, 18)).isEmpty());
        CHECK(at(QDate(2026, 3, 18), MonthGridModel::MoreRole).toInt() == 0);
    }
    SECTION("the mini month shows no events, and its weeks may start on Sunday")
    {
        MonthGridModel::Setup mini;
        mini.month = QDate(2026, 4, 1);
        mini.weekStart = Qt::Sunday;
        mini.today = QDate(2026, 3, 11);
        mini.eventsPerDay = 0;
        grid.reset(mini, agendaRows(*snapshot, range));
        CHECK(monthChanged.size() == 2);
        CHECK(grid.data(grid.index(0), MonthGridModel::DateRole).toDate() == QDate(2026, 3, 29));
        for (int i = 0; i < grid.rowCount(); ++i) {
            CHECK(grid.data(grid.index(i), MonthGridModel::EventsRole).toList().isEmpty());
            CHECK(grid.data(grid.index(i), MonthGridModel::MoreRole).toInt() == 0);
            CHECK(grid.data(grid.index(i), MonthGridModel::LunarRole).toString().isEmpty());
        }
        CHECK(grid.data(grid.index(3), MonthGridModel::InMonthRole).toBool());
        CHECK(grid.data(grid.index(2), MonthGridModel::InMonthRole).toBool() == false);
    }
}
