// Events as sync entries: a series round-trips through its VCALENDAR payload, entries from before
// iCalendar (JSON) still read, bad payloads are clear errors, RSVP answers are checked, and
// members map to calendar user addresses.
#include "calendar_test_support.h"

#include <convene/calendar/event_entries.h>

using namespace convene;
using namespace convene::calendar;
using namespace convene::calendar::test;

namespace {

QList<Event> decodedOrFail(const QByteArray& payload)
{
    Result<QList<Event>> events = decodeEventEntry(payload);
    INFO((events ? QString() : events.error().message).toStdString());
    REQUIRE(events.ok());
    return std::move(events).value();
}

QString decodeError(const QByteArray& payload)
{
    Result<QList<Event>> events = decodeEventEntry(payload);
    REQUIRE_FALSE(events.ok());
    return events.error().message;
}

QByteArray encodedOrFail(const QList<Event>& series)
{
    Result<QByteArray> payload = encodeEventEntry(series);
    INFO((payload ? QString() : payload.error().message).toStdString());
    REQUIRE(payload.ok());
    return *payload;
}

QList<Event> weeklySeries()
{
    Event master;
    master.uid = QStringLiteral("series-1");
    master.summary = QStringLiteral("Planning; 计划会议");
    master.location = QStringLiteral("Room 4");
    master.description = QStringLiteral("Agenda:\nfirst, second");
    master.start = CalendarTime::zoned(QDate(2026, 3, 9), QTime(9, 30), QStringLiteral("Europe/Berlin"));
    master.end = CalendarTime::zoned(QDate(2026, 3, 9), QTime(10, 15), QStringLiteral("Europe/Berlin"));
    master.recurrenceRules << QStringLiteral("FREQ=WEEKLY;BYDAY=MO");
    master.organizer = Participant{userAddress(QStringLiteral("ana")), QStringLiteral("Ana")};
    master.attendees << Attendee{userAddress(QStringLiteral("bo")), QStringLiteral("Bo"), ParticipationStatus::Accepted,
                                 ParticipantRole::Required, true}
                     << Attendee{QStringLiteral("mailto:guest@example.com"), QString(),
                                 ParticipationStatus::NeedsAction, ParticipantRole::Optional, false};
    master.meetingId = QStringLiteral("room-42");
    master.stamp = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    master.sequence = 2;

    Event moved = master;
    moved.recurrenceRules.clear();
    moved.summary = QStringLiteral("Planning (moved)");
    moved.recurrenceId = CalendarTime::zoned(QDate(2026, 3, 16), QTime(9, 30), QStringLiteral("Europe/Berlin"));
    moved.start = CalendarTime::zoned(QDate(2026, 3, 17), QTime(14, 0), QStringLiteral("America/New_York"));
    moved.end = CalendarTime::zoned(QDate(2026, 3, 17), QTime(15, 0), QStringLiteral("America/New_York"));
    return {master, moved};
}

} // namespace

TEST_CASE("A series survives encoding and decoding: master, override, zones, people, call")
{
    const QList<Event> series = weeklySeries();
    const QByteArray payload = encodedOrFail(series);
    // Zones by their IANA names, which every reader resolves.
    CHECK(payload.contains("DTSTART;TZID=Europe/Berlin:20260309T093000\r\n"));
    CHECK(payload.contains("DTSTART;TZID=America/New_York:20260317T140000\r\n"));
    CHECK(payload.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260316T093000\r\n"));

    const QList<Event> decoded = decodedOrFail(payload);
    REQUIRE(decoded.size() == 2);
    for (qsizetype i = 0; i < 2; ++i) {
        INFO("event " << i);
        const Event& a = series.at(i);
        const Event& b = decoded.at(i);
        CHECK(b.uid == a.uid);
        CHECK(b.summary == a.summary);
        CHECK(b.location == a.location);
        CHECK(b.description == a.description);
        CHECK(b.start == a.start);
        CHECK(b.end == a.end);
        CHECK(b.recurrenceRules == a.recurrenceRules);
        CHECK(b.recurrenceId == a.recurrenceId);
        CHECK(b.organizer == a.organizer);
        CHECK(b.attendees == a.attendees);
        CHECK(b.meetingId == a.meetingId);
        CHECK(b.stamp == a.stamp);
        CHECK(b.sequence == a.sequence);
    }
    CHECK_FALSE(decoded.at(0).isOverride());
    CHECK(decoded.at(1).isOverride());
}

TEST_CASE("Properties Convene does not model survive a decode and an encode")
{
    const QByteArray original = calendarText("BEGIN:VEVENT\nUID:x-prop\nDTSTAMP:20260101T000000Z\n"
                                             "DTSTART:20260310T100000Z\nDTEND:20260310T110000Z\n"
                                             "SUMMARY:Review\nX-CONVENE-COLOR:teal\nX-OTHER;P=1:kept as is\n"
                                             "END:VEVENT\n");
    QList<Event> events = decodedOrFail(original);
    REQUIRE(events.size() == 1);
    events[0].summary = QStringLiteral("Review, edited");
    const QByteArray payload = encodedOrFail(events);
    CHECK(payload.contains("X-CONVENE-COLOR:teal\r\n"));
    CHECK(payload.contains("X-OTHER;P=1:kept as is\r\n"));
    const QList<Event> again = decodedOrFail(payload);
    REQUIRE(again.size() == 1);
    CHECK(again.at(0).summary == QStringLiteral("Review, edited"));
    CHECK(again.at(0).start == CalendarTime::utc(QDate(2026, 3, 10), QTime(10, 0)));
}

TEST_CASE("Encoding refuses nothing to encode and events of different series")
{
    CHECK_FALSE(encodeEventEntry({}).ok());
    QList<Event> mixed = weeklySeries();
    mixed[1].uid = QStringLiteral("another");
    const Result<QByteArray> payload = encodeEventEntry(mixed);
    REQUIRE_FALSE(payload.ok());
    CHECK(payload.error().message == QStringLiteral("The events of one entry must share their UID."));
}

TEST_CASE("A legacy JSON entry reads as the same event in iCalendar, with its meeting")
{
    const QByteArray legacy =
        R"({"title":"Daily standup","start":"2026-03-09T09:30:00","end":"2026-03-09T09:45:00",)"
        R"("timeZone":"Asia/Shanghai","rrule":"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR","location":"Video call",)"
        R"("organizer":"demo-wang-fang","callLink":"convene://calls/meeting%3A0190abcd-1234-7def-8000-00000000beef"})";
    const QList<Event> events = decodedOrFail(legacy);
    REQUIRE(events.size() == 1);
    const Event& e = events.first();
    CHECK(e.uid.isEmpty()); // the reader names it by its entry
    CHECK(e.summary == QStringLiteral("Daily standup"));
    CHECK(e.start == CalendarTime::zoned(QDate(2026, 3, 9), QTime(9, 30), QStringLiteral("Asia/Shanghai")));
    CHECK(e.end == CalendarTime::zoned(QDate(2026, 3, 9), QTime(9, 45), QStringLiteral("Asia/Shanghai")));
    CHECK(e.recurrenceRules == QStringList{QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")});
    CHECK(e.location == QStringLiteral("Video call"));
    CHECK(e.meetingId == QStringLiteral("0190abcd-1234-7def-8000-00000000beef"));
    REQUIRE(e.organizer.has_value());
    CHECK(e.organizer->address == userAddress(QStringLiteral("demo-wang-fang")));

    SECTION("without a known zone the time is floating, and without a call link there is no meeting")
    {
        const QList<Event> floating = decodedOrFail(
            R"({"title":"Lunch","start":"2026-03-09T12:00:00","end":"2026-03-09T13:00:00","timeZone":"Mars/Base"})");
        CHECK(floating.first().start == CalendarTime::floating(QDate(2026, 3, 9), QTime(12, 0)));
        CHECK(floating.first().meetingId.isEmpty());
        CHECK(floating.first().recurrenceRules.isEmpty());
    }
    SECTION("a link to anything but a meeting is no meeting")
    {
        const QList<Event> other =
            decodedOrFail(R"({"title":"Lunch","start":"2026-03-09T12:00:00","end":"2026-03-09T13:00:00",)"
                          R"("callLink":"https://example.com/meeting%3Aabc"})");
        CHECK(other.first().meetingId.isEmpty());
    }
}

TEST_CASE("Unreadable entries are clear errors")
{
    CHECK_FALSE(decodeError("this is not a calendar at all").isEmpty());
    CHECK_FALSE(decodeError(QByteArray()).isEmpty());
    CHECK(decodeError(R"({"title":"No times"})") == QStringLiteral("The event has no title or no valid time."));
    CHECK(decodeError(R"({"start":"2026-03-09T12:00:00","end":"2026-03-09T13:00:00"})") ==
          QStringLiteral("The event has no title or no valid time."));
    CHECK(decodeError("{broken json") == QStringLiteral("The event has no title or no valid time."));
    CHECK(decodeError(calendarText("BEGIN:VTODO\nUID:t\nDTSTAMP:20260101T000000Z\nEND:VTODO\n")) ==
          QStringLiteral("The entry holds no event."));

    const QByteArray twoSeries = calendarText("BEGIN:VEVENT\nUID:one\nDTSTAMP:20260101T000000Z\n"
                                              "DTSTART:20260310T100000Z\nSUMMARY:One\nEND:VEVENT\n"
                                              "BEGIN:VEVENT\nUID:two\nDTSTAMP:20260101T000000Z\n"
                                              "DTSTART:20260311T100000Z\nSUMMARY:Two\nEND:VEVENT\n");
    CHECK(decodeError(twoSeries) == QStringLiteral("The entry holds events of more than one series."));
    // A broken VCALENDAR names its line, as .ics import does.
    CHECK(decodeError(calendarText("BEGIN:VEVENT\nUID:e\nno colon here\nEND:VEVENT\n")).startsWith(u"Line 6:"));
}

TEST_CASE("RSVP answers round-trip; only real answers with a UID are accepted")
{
    for (ParticipationStatus status :
         {ParticipationStatus::Accepted, ParticipationStatus::Tentative, ParticipationStatus::Declined}) {
        const RsvpAnswer answer{QStringLiteral("series-1"), status, QStringLiteral("On my way 🚲")};
        const Result<RsvpAnswer> decoded = decodeRsvpEntry(encodeRsvpEntry(answer));
        REQUIRE(decoded.ok());
        CHECK(*decoded == answer);
    }
    CHECK(encodeRsvpEntry({QStringLiteral("u"), ParticipationStatus::Accepted, {}}) ==
          QByteArray(R"({"note":"","status":"accepted","uid":"u"})"));

    CHECK_FALSE(decodeRsvpEntry(R"({"uid":"u","status":"needs-action"})").ok());
    CHECK_FALSE(decodeRsvpEntry(R"({"uid":"u","status":"delegated"})").ok());
    CHECK_FALSE(decodeRsvpEntry(R"({"uid":"u","status":"maybe"})").ok());
    CHECK_FALSE(decodeRsvpEntry(R"({"uid":"u"})").ok());
    CHECK_FALSE(decodeRsvpEntry(R"({"status":"accepted"})").ok());
    CHECK_FALSE(decodeRsvpEntry(R"({"uid":"","status":"accepted"})").ok());
    CHECK_FALSE(decodeRsvpEntry("not json").ok());
    CHECK(decodeRsvpEntry(R"({"uid":"u","status":"maybe"})").error().message ==
          QStringLiteral("The answer names no event or no valid reply."));

    const QString longNote(600, u'字');
    SECTION("notes are cut to 500 characters when written")
    {
        const Result<RsvpAnswer> decoded =
            decodeRsvpEntry(encodeRsvpEntry({QStringLiteral("u"), ParticipationStatus::Declined, longNote}));
        REQUIRE(decoded.ok());
        CHECK(decoded->note == longNote.left(500));
    }
    SECTION("and when read, whoever wrote them")
    {
        const QByteArray payload = R"({"uid":"u","status":"tentative","note":")" + longNote.toUtf8() + R"("})";
        const Result<RsvpAnswer> decoded = decodeRsvpEntry(payload);
        REQUIRE(decoded.ok());
        CHECK(decoded->note.size() == 500);
        CHECK(decoded->status == ParticipationStatus::Tentative);
    }
}

TEST_CASE("Participation names are the ones entries write")
{
    CHECK(participationName(ParticipationStatus::Accepted) == QStringLiteral("accepted"));
    CHECK(participationName(ParticipationStatus::Tentative) == QStringLiteral("tentative"));
    CHECK(participationName(ParticipationStatus::Declined) == QStringLiteral("declined"));
    CHECK(participationName(ParticipationStatus::NeedsAction) == QStringLiteral("needs-action"));
    for (ParticipationStatus status :
         {ParticipationStatus::NeedsAction, ParticipationStatus::Accepted, ParticipationStatus::Declined,
          ParticipationStatus::Tentative, ParticipationStatus::Delegated})
        CHECK(participationFromName(participationName(status)) == status);
    CHECK(participationFromName(QStringLiteral("ACCEPTED")) == ParticipationStatus::NeedsAction);
    CHECK(participationFromName(QString()) == ParticipationStatus::NeedsAction);
}

TEST_CASE("Members are calendar users with a URN address")
{
    CHECK(userAddress(QStringLiteral("ana")) == QStringLiteral("urn:convene:user:ana"));
    CHECK(userIdFromAddress(QStringLiteral("urn:convene:user:ana")) == QStringLiteral("ana"));
    CHECK(userIdFromAddress(QStringLiteral("URN:Convene:User:demo-li-wei")) == QStringLiteral("demo-li-wei"));
    CHECK(userIdFromAddress(userAddress(QStringLiteral("0190abcd-1234"))) == QStringLiteral("0190abcd-1234"));
    CHECK(userIdFromAddress(QStringLiteral("mailto:ana@example.com")).isEmpty());
    CHECK(userIdFromAddress(QStringLiteral("urn:convene:users:ana")).isEmpty());
    CHECK(userIdFromAddress(QString()).isEmpty());
}
