// The calendar controller end to end: a real SyncService on the local backend in a temporary
// directory, CalendarData on its cache, and the controller's navigation, edits, answers, .ics
// import and export and the details popup. A second profile on the same workspace plays the
// other member.
#include "catch_qt_strings.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/event_entries.h>
#include <convene/calendar/ics_reader.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <functional>
#include <memory>

using namespace convene;
using namespace convene::calendar;
using Scope = CalendarController::Scope;

namespace {

const QString kBerlin = QStringLiteral("Europe/Berlin");
const QString kTeam = QStringLiteral("calendar:team");
const QString kAna = QStringLiteral("ana");
const QString kBo = QStringLiteral("bo");

QString nameOf(const QString& id)
{
    static const QHash<QString, QString> names{{QStringLiteral("ana"), QStringLiteral("Ana Lima")},
                                               {QStringLiteral("bo"), QStringLiteral("Bo Li")},
                                               {QStringLiteral("cy"), QStringLiteral("Cy Chen")}};
    return names.value(id, id);
}

QDateTime berlin(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone("Europe/Berlin"));
}

// What the editor binds to: a wall-clock time without a zone (the draft's time zone gives it one).
QDateTime wall(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute));
}

QDateTime utcTime(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

// One member's SyncService on the shared workspace, its cache under `dir/<userId>/`
// (as tests/integration/sync/sync_fixture.h sets it up, with a fixed user id).
struct Profile {
    std::unique_ptr<sync::SyncService> service;

    Profile(const QString& dir, const QString& userId)
    {
        sync::SyncEngine::Options options;
        options.cachePath = QDir(dir).filePath(userId + QStringLiteral("/cache.db"));
        options.backendConfig.profileDir = QDir(dir).filePath(userId);
        options.backendConfig.workspacePath = QDir(dir).filePath(QStringLiteral("workspace.convene"));
        options.backendConfig.userId = userId;
        options.backendConfig.displayName = nameOf(userId);
        options.reconnectBackoff = {100, 400};
        options.submitBackoff = {20, 200};
        service = std::make_unique<sync::SyncService>(options);
        service->start();
        REQUIRE(QTest::qWaitFor([&] { return service->state() == sync::ConnectionState::Online; }, 10000));
    }

    // A change straight through sync, as another member's client makes it.
    void submitSeries(const QList<Event>& series)
    {
        Result<QByteArray> payload = encodeEventEntry(series);
        REQUIRE(payload.ok());
        sync::Mutation m;
        m.stream = kTeam;
        m.kind = QString::fromLatin1(kEventKind);
        m.payload = *payload;
        m.body = series.first().summary;
        service->submit(m);
    }
};

// Waits, following CalendarData::changed, until the snapshot is as wanted.
bool waitFor(CalendarData& data, const std::function<bool(const CalendarSnapshot&)>& wanted)
{
    QSignalSpy changed(&data, &CalendarData::changed);
    for (int i = 0; i < 100 && !wanted(*data.snapshot()); ++i) {
        if (changed.isEmpty() && !changed.wait(10000))
            return wanted(*data.snapshot());
        changed.clear();
    }
    return wanted(*data.snapshot());
}

const StoredSeries* titled(const CalendarSnapshot& snapshot, const QString& title)
{
    for (const StoredSeries& s : snapshot.series) {
        if (s.events.first().summary == title)
            return &s;
    }
    return nullptr;
}

QList<OccurrenceRow> rowsOf(const OccurrenceModel& model, const QString& uid)
{
    QList<OccurrenceRow> rows;
    for (const OccurrenceRow& r : model.rows()) {
        if (r.uid == uid)
            rows << r;
    }
    return rows;
}

struct Calendar {
    QTemporaryDir dir;
    std::unique_ptr<Profile> ana;
    QDateTime now = utcTime(2021, 3, 10, 8); // Wednesday, 09:00 in Berlin
    std::unique_ptr<CalendarData> data;
    std::unique_ptr<CalendarController> controller;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    explicit Calendar(const QLocale& locale = QLocale(QLocale::English, QLocale::UnitedStates),
                      std::function<QString(QDate)> lunarLabel = {})
    {
        ana = std::make_unique<Profile>(dir.path(), kAna);
        data = std::make_unique<CalendarData>(ana->service->cachePath(), ana->service->changes(), kBerlin);
        QSignalSpy loaded(data.get(), &CalendarData::changed);
        REQUIRE(loaded.wait(10000));
        CalendarController::Setup setup;
        setup.userId = kAna;
        setup.timeZone = kBerlin;
        setup.locale = locale;
        setup.nameOf = nameOf;
        setup.memberIds = [] { return QStringList{kAna, kBo, QStringLiteral("cy")}; };
        setup.clock = [this] { return now; };
        setup.lunarLabel = std::move(lunarLabel);
        controller = std::make_unique<CalendarController>(*ana->service, *data, std::move(setup));
        for (QAbstractItemModel* model :
             std::initializer_list<QAbstractItemModel*>{controller->timed(), controller->allDay(), controller->agenda(),
                                                        controller->month(), controller->miniMonth()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }

    // A new event through the editor, saved; returns its uid once the view has it.
    QString create(const QString& title, const QDateTime& start, const QDateTime& end,
                   const std::function<void(EventDraft&)>& edit = {})
    {
        std::unique_ptr<EventDraft> draft(controller->newDraft(start, end, false));
        REQUIRE(draft);
        draft->setProperty("title", title);
        if (edit)
            edit(*draft);
        REQUIRE(controller->save(draft.get(), Scope::AllEvents) == QString());
        REQUIRE(waitFor(*data, [&](const CalendarSnapshot& s) { return titled(s, title) != nullptr; }));
        return titled(*data->snapshot(), title)->uid;
    }

    const StoredSeries& series(const QString& uid) const
    {
        const StoredSeries* s = data->snapshot()->find(uid);
        REQUIRE(s);
        return *s;
    }

    int64_t count(const QString& sql)
    {
        auto db = store::Database::open(ana->service->cachePath(), store::Database::Mode::ReadOnly);
        REQUIRE(db.ok());
        auto query = (*db)->prepare(sql);
        REQUIRE(query.ok());
        return (*query)->step().valueOr(false) ? (*query)->int64(0) : -1;
    }
};

} // namespace

TEST_CASE("Navigation: the week starts on the locale's week start; next, previous and today move by the view")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    QSignalSpy rangeChanged(&cal, &CalendarController::rangeChanged);
    CHECK(cal.today() == QDate(2021, 3, 10));
    CHECK(cal.now() == c.now);
    CHECK(cal.view() == CalendarController::View::Week);
    CHECK(cal.anchor() == QDate(2021, 3, 10));
    CHECK(cal.weekStart() == Qt::Sunday);
    CHECK(cal.firstDay() == QDate(2021, 3, 7));
    CHECK(cal.dayCount() == 7);
    CHECK(cal.rangeTitle() == QStringLiteral("Mar 7 – Mar 13, 2021"));
    CHECK(cal.timeZone() == kBerlin);
    CHECK_FALSE(cal.use24HourClock());
    CHECK(cal.hourLabel(9) == QStringLiteral("9 AM"));
    CHECK(cal.hourLabel(15) == QStringLiteral("3 PM"));
    CHECK(cal.dayHeader(QDate(2021, 3, 10)) == QStringLiteral("Wed 10"));
    CHECK_FALSE(cal.showLunar());
    CHECK(cal.lunarLabel(QDate(2021, 3, 10)).isEmpty());
    CHECK(cal.loaded());

    cal.next();
    CHECK(cal.anchor() == QDate(2021, 3, 17));
    CHECK(cal.firstDay() == QDate(2021, 3, 14));
    cal.previous();
    cal.previous();
    CHECK(cal.firstDay() == QDate(2021, 2, 28));
    CHECK(cal.rangeTitle() == QStringLiteral("Feb 28 – Mar 6, 2021"));
    CHECK(rangeChanged.size() == 3);
    cal.goToToday();
    CHECK(cal.anchor() == QDate(2021, 3, 10));
    CHECK(rangeChanged.size() == 4);
    cal.goToToday(); // already there
    CHECK(rangeChanged.size() == 4);
    cal.goToDate(QDate()); // ignored
    CHECK(cal.anchor() == QDate(2021, 3, 10));

    cal.goToDate(QDate(2020, 12, 30));
    CHECK(cal.rangeTitle() == QStringLiteral("Dec 27, 2020 – Jan 2, 2021"));
    cal.goToToday();

    SECTION("month view")
    {
        cal.setView(CalendarController::View::Month);
        CHECK(cal.rangeTitle() == QStringLiteral("March 2021"));
        CHECK(cal.firstDay() == QDate(2021, 2, 28)); // 1 March 2021 is a Monday
        CHECK(cal.dayCount() == 42);
        CHECK(cal.month()->rowCount() == 42);
        CHECK(cal.month()->month() == QDate(2021, 3, 1));
        CHECK(cal.month()->data(cal.month()->index(0), MonthGridModel::DateRole).toDate() == QDate(2021, 2, 28));
        CHECK(cal.month()->data(cal.month()->index(10), MonthGridModel::TodayRole).toBool());
        cal.next();
        CHECK(cal.rangeTitle() == QStringLiteral("April 2021"));
        CHECK(cal.firstDay() == QDate(2021, 3, 28));
        CHECK(cal.month()->month() == QDate(2021, 4, 1));
        cal.previous();
        cal.previous();
        CHECK(cal.rangeTitle() == QStringLiteral("February 2021"));
        CHECK(cal.firstDay() == QDate(2021, 1, 31));
    }
    SECTION("day view")
    {
        cal.setView(CalendarController::View::Day);
        CHECK(cal.rangeTitle() == QStringLiteral("Wednesday, March 10, 2021"));
        CHECK(cal.firstDay() == QDate(2021, 3, 10));
        CHECK(cal.dayCount() == 1);
        cal.next();
        CHECK(cal.rangeTitle() == QStringLiteral("Thursday, March 11, 2021"));
        cal.previous();
        cal.previous();
        CHECK(cal.anchor() == QDate(2021, 3, 9));
    }
    SECTION("agenda view")
    {
        cal.setView(CalendarController::View::Agenda);
        CHECK(cal.firstDay() == QDate(2021, 3, 10));
        CHECK(cal.dayCount() == 30);
        CHECK(cal.rangeTitle() == QStringLiteral("Mar 10 – Apr 8, 2021"));
        cal.next();
        CHECK(cal.anchor() == QDate(2021, 4, 9));
    }
    SECTION("the mini month pages on its own")
    {
        cal.showMiniMonth(QDate(2021, 5, 20));
        CHECK(cal.miniMonth()->month() == QDate(2021, 5, 1));
        CHECK(cal.miniMonth()->data(cal.miniMonth()->index(0), MonthGridModel::DateRole).toDate() ==
              QDate(2021, 4, 25));
        CHECK(cal.anchor() == QDate(2021, 3, 10));
        cal.goToDate(QDate(2021, 7, 4)); // follows the main view again
        CHECK(cal.miniMonth()->month() == QDate(2021, 7, 1));
    }
}

TEST_CASE("Navigation in Chinese: weeks start on Monday, hours on the 24-hour clock")
{
    Calendar c(QLocale(QLocale::Chinese, QLocale::China));
    CalendarController& cal = *c.controller;
    CHECK(cal.weekStart() == Qt::Monday);
    CHECK(cal.firstDay() == QDate(2021, 3, 8));
    CHECK(cal.use24HourClock());
    CHECK(cal.hourLabel(9) == QStringLiteral("09:00"));
    CHECK(cal.hourLabel(15) == QStringLiteral("15:00"));
    cal.setView(CalendarController::View::Month);
    CHECK(cal.firstDay() == QDate(2021, 3, 1)); // 1 March 2021 is a Monday
    CHECK(cal.month()->data(cal.month()->index(0), MonthGridModel::DateRole).toDate() == QDate(2021, 3, 1));
    cal.showMiniMonth(QDate(2021, 5, 1)); // a Saturday
    CHECK(cal.miniMonth()->data(cal.miniMonth()->index(0), MonthGridModel::DateRole).toDate() == QDate(2021, 4, 26));
}

TEST_CASE("A language chosen while the app runs gives the calendar its locale: week start, clock, titles")
{
    const QLocale before;
    // English (US): weeks from Sunday, a 12-hour clock, no lunar dates though it has them.
    Calendar c(QLocale(QLocale::English, QLocale::UnitedStates),
               [](QDate date) { return QStringLiteral("lunar %1").arg(date.day()); });
    CalendarController& cal = *c.controller;
    REQUIRE(cal.weekStart() == Qt::Sunday);
    REQUIRE_FALSE(cal.use24HourClock());
    CHECK_FALSE(cal.showLunar());
    CHECK(cal.lunarLabel(QDate(2021, 3, 10)).isEmpty());
    QSignalSpy localeChanged(&cal, &CalendarController::localeChanged);
    QSignalSpy rangeChanged(&cal, &CalendarController::rangeChanged);

    // What switching the language does: the default locale, then QEvent::LanguageChange.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    REQUIRE(localeChanged.wait(2000));
    CHECK(rangeChanged.count() >= 1);
    CHECK(cal.weekStart() == Qt::Monday);
    CHECK(cal.use24HourClock());
    CHECK(cal.firstDay() == QDate(2021, 3, 8)); // the week of Wednesday 10 March, from Monday
    CHECK(cal.hourLabel(15) == QStringLiteral("15:00"));
    CHECK(cal.rangeTitle().contains(QChar(u'月')));
    CHECK(cal.miniMonth()->data(cal.miniMonth()->index(0), MonthGridModel::DateRole).toDate() == QDate(2021, 3, 1));
    // Chinese shows lunar dates, in the headers and in the month.
    CHECK(cal.showLunar());
    CHECK(cal.lunarLabel(QDate(2021, 3, 10)) == QStringLiteral("lunar 10"));
    cal.setView(CalendarController::View::Month);
    CHECK(cal.month()->data(cal.month()->index(0), MonthGridModel::LunarRole).toString() == QStringLiteral("lunar 1"));

    // And back to English: none.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    REQUIRE(localeChanged.wait(2000));
    CHECK_FALSE(cal.showLunar());
    CHECK(cal.lunarLabel(QDate(2021, 3, 10)).isEmpty());
    CHECK(cal.month()->data(cal.month()->index(0), MonthGridModel::LunarRole).toString().isEmpty());
    QLocale::setDefault(before);
}

TEST_CASE("Other locales keep their own week start")
{
    Calendar c(QLocale(QLocale::German, QLocale::Germany));
    CHECK(c.controller->weekStart() == Qt::Monday);
    CHECK(c.controller->firstDay() == QDate(2021, 3, 8));
    CHECK(c.controller->use24HourClock());
    Calendar taiwan(QLocale(QLocale::Chinese, QLocale::Taiwan));
    CHECK(taiwan.controller->weekStart() == QLocale(QLocale::Chinese, QLocale::Taiwan).firstDayOfWeek());
}

TEST_CASE("A new event is saved as an event entry and appears in the week")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    std::unique_ptr<EventDraft> draft(cal.newDraft(wall(2021, 3, 10, 14), wall(2021, 3, 10, 15), false));
    REQUIRE(draft);
    CHECK(draft->isNew());
    CHECK(draft->property("timeZone").toString() == kBerlin);
    CHECK(draft->problem() == QStringLiteral("Give the event a title."));
    CHECK(cal.save(draft.get(), Scope::AllEvents) == QStringLiteral("Give the event a title."));
    draft->setProperty("title", QStringLiteral("   "));
    CHECK(cal.save(draft.get(), Scope::AllEvents) == QStringLiteral("Give the event a title."));
    draft->setProperty("title", QStringLiteral("Budget review"));
    draft->setProperty("end", wall(2021, 3, 10, 13));
    CHECK(draft->problem() == QStringLiteral("The event must end after it starts."));
    CHECK(cal.save(draft.get(), Scope::AllEvents) == QStringLiteral("The event must end after it starts."));
    draft->setProperty("end", wall(2021, 3, 10, 14));
    CHECK(draft->problem() == QStringLiteral("The event must end after it starts."));
    draft->setProperty("end", wall(2021, 3, 10, 15));
    draft->setProperty("location", QStringLiteral("Room 2"));
    draft->setProperty("attendees", QStringList{kBo});
    draft->setProperty("videoCall", true);
    CHECK(draft->problem().isEmpty());
    CHECK(cal.save(nullptr, Scope::AllEvents) == QStringLiteral("There is no event to save."));
    REQUIRE(cal.save(draft.get(), Scope::AllEvents) == QString());

    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        const StoredSeries* saved = titled(s, QStringLiteral("Budget review"));
        return saved && saved->state == StoredSeries::State::Sent;
    }));
    const StoredSeries& saved = *titled(*c.data->snapshot(), QStringLiteral("Budget review"));
    CHECK(saved.owner == kAna);
    CHECK(saved.stream == kTeam);
    REQUIRE(saved.events.size() == 1);
    const Event& e = saved.events.first();
    CHECK(e.start == CalendarTime::zoned(QDate(2021, 3, 10), QTime(14, 0), kBerlin));
    CHECK(e.end == CalendarTime::zoned(QDate(2021, 3, 10), QTime(15, 0), kBerlin));
    CHECK(e.location == QStringLiteral("Room 2"));
    REQUIRE(e.organizer.has_value());
    CHECK(e.organizer->address == userAddress(kAna));
    CHECK(e.organizer->commonName == QStringLiteral("Ana Lima"));
    REQUIRE(e.attendees.size() == 1);
    CHECK(e.attendees.first().address == userAddress(kBo));
    CHECK_FALSE(e.meetingId.isEmpty());
    CHECK(e.stamp == c.now);
    CHECK(e.reminders.size() == 1); // the editor's default: 15 minutes before

    // In the cache: one event entry of ours in the team calendar, its body the title.
    CHECK(c.count(QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'event' AND author = 'ana' AND "
                                 "stream = 'calendar:team' AND body = 'Budget review' AND state = 0")) == 1);

    const QList<OccurrenceRow> rows = rowsOf(*cal.timed(), saved.uid);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().day == 3); // Wednesday in a week from Sunday
    CHECK(rows.first().startMinute == 14 * 60);
    CHECK(rows.first().endMinute == 15 * 60);
    CHECK(rows.first().mine);
    CHECK(rows.first().hasCall);
    CHECK_FALSE(cal.empty());
}

TEST_CASE("Moving and removing a single event")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString uid = c.create(QStringLiteral("Move me"), wall(2021, 3, 11, 9), wall(2021, 3, 11, 10));
    CHECK(rowsOf(*cal.timed(), uid).size() == 1);

    REQUIRE(cal.move(uid, QDateTime(), berlin(2021, 3, 12, 16), berlin(2021, 3, 12, 17, 30), Scope::ThisEvent) ==
            QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) {
        return s.find(uid) && s.find(uid)->events.first().start.time == QTime(16, 0);
    }));
    const Event& moved = c.series(uid).events.first();
    CHECK(moved.start == CalendarTime::zoned(QDate(2021, 3, 12), QTime(16, 0), kBerlin));
    CHECK(moved.end == CalendarTime::zoned(QDate(2021, 3, 12), QTime(17, 30), kBerlin));
    CHECK(moved.summary == QStringLiteral("Move me"));
    CHECK(moved.sequence == 1);
    CHECK(c.series(uid).events.size() == 1);
    QList<OccurrenceRow> rows = rowsOf(*cal.timed(), uid);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().day == 5);
    CHECK(rows.first().startMinute == 16 * 60);
    CHECK(rows.first().endMinute == 17 * 60 + 30);

    CHECK(cal.move(uid, QDateTime(), berlin(2021, 3, 12, 16), berlin(2021, 3, 12, 15), Scope::ThisEvent) ==
          QStringLiteral("The event must end after it starts."));
    CHECK(cal.move(QStringLiteral("no-such-event"), QDateTime(), berlin(2021, 3, 12, 16), berlin(2021, 3, 12, 17),
                   Scope::AllEvents) == QStringLiteral("Only the organizer can move this event."));

    REQUIRE(cal.remove(uid, QDateTime(), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) {
        return s.find(uid) && s.find(uid)->events.first().status == EventStatus::Cancelled;
    }));
    // Kept, cancelled, so that it syncs; gone from every view.
    CHECK(rowsOf(*cal.timed(), uid).isEmpty());
    CHECK(cal.details(uid, QDateTime()).isEmpty());
    CHECK(cal.remove(QStringLiteral("no-such-event"), QDateTime(), Scope::AllEvents) ==
          QStringLiteral("The event no longer exists."));
}

TEST_CASE("Moving an event kept in another zone: the view's times are instants, the event keeps its zone")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    // 09:00 in New York is 15:00 in Berlin on 10 March 2021 (six hours apart until the US change).
    const QString uid = c.create(QStringLiteral("Call with NY"), wall(2021, 3, 10, 9), wall(2021, 3, 10, 10),
                                 [](EventDraft& d) { d.setProperty("timeZone", QStringLiteral("America/New_York")); });
    CHECK(c.series(uid).events.first().start ==
          CalendarTime::zoned(QDate(2021, 3, 10), QTime(9, 0), QStringLiteral("America/New_York")));
    REQUIRE(rowsOf(*cal.timed(), uid).size() == 1);
    CHECK(rowsOf(*cal.timed(), uid).first().startMinute == 15 * 60);

    // Dragged to 17:00–18:00 Berlin time the next day.
    REQUIRE(cal.move(uid, QDateTime(), berlin(2021, 3, 11, 17), berlin(2021, 3, 11, 18), Scope::AllEvents) ==
            QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(uid)->events.first().sequence == 1; }));
    CHECK(c.series(uid).events.first().start ==
          CalendarTime::zoned(QDate(2021, 3, 11), QTime(11, 0), QStringLiteral("America/New_York")));
    const QList<OccurrenceRow> rows = rowsOf(*cal.timed(), uid);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().day == 4);
    CHECK(rows.first().startMinute == 17 * 60);
    CHECK(rows.first().endMinute == 18 * 60);
}

TEST_CASE("A recurring series: this event makes an override, all events change the series")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString uid =
        c.create(QStringLiteral("Standup"), wall(2021, 3, 1, 10), wall(2021, 3, 1, 10, 30),
                 [](EventDraft& d) { d.setProperty("repeat", QVariant::fromValue(EventDraft::Repeat::Weekdays)); });
    CHECK(c.series(uid).events.first().recurrenceRules ==
          QStringList{QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")});
    QList<OccurrenceRow> week = rowsOf(*cal.timed(), uid);
    REQUIRE(week.size() == 5);
    for (const OccurrenceRow& r : week) {
        CHECK(r.recurring);
        CHECK(r.startMinute == 10 * 60);
    }
    CHECK(week.at(2).recurrenceId == utcTime(2021, 3, 10, 9));

    // This event: Wednesday's moves to 11:00 and gets its own title.
    std::unique_ptr<EventDraft> wednesday(cal.editDraft(uid, utcTime(2021, 3, 10, 9)));
    REQUIRE(wednesday);
    CHECK_FALSE(wednesday->isNew());
    CHECK(wednesday->recurringSeries());
    CHECK(wednesday->property("title").toString() == QStringLiteral("Standup"));
    CHECK(wednesday->property("start").toDateTime().date() == QDate(2021, 3, 10));
    CHECK(wednesday->property("start").toDateTime().time() == QTime(10, 0));
    CHECK(wednesday->property("repeat").value<EventDraft::Repeat>() == EventDraft::Repeat::Weekdays);
    wednesday->setProperty("title", QStringLiteral("Standup, late"));
    wednesday->setProperty("start", wall(2021, 3, 10, 11));
    wednesday->setProperty("end", wall(2021, 3, 10, 11, 30));
    REQUIRE(cal.save(wednesday.get(), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(uid)->events.size() == 2; }));
    const Event& override = c.series(uid).events.at(1);
    REQUIRE(override.recurrenceId.has_value());
    CHECK(override.summary == QStringLiteral("Standup, late"));
    CHECK(c.series(uid).events.first().summary == QStringLiteral("Standup"));
    week = rowsOf(*cal.timed(), uid);
    REQUIRE(week.size() == 5);
    QStringList described;
    for (const OccurrenceRow& r : week)
        described << QStringLiteral("%1 %2 %3").arg(r.day).arg(r.startMinute).arg(r.title);
    CHECK(described ==
          QStringList{"1 600 Standup", "2 600 Standup", "3 660 Standup, late", "4 600 Standup", "5 600 Standup"});
    CHECK(week.at(2).recurrenceId == utcTime(2021, 3, 10, 9)); // still the occurrence it replaces
    cal.next();
    CHECK(rowsOf(*cal.timed(), uid).size() == 5);
    for (const OccurrenceRow& r : rowsOf(*cal.timed(), uid))
        CHECK(r.title == QStringLiteral("Standup"));
    cal.goToToday();

    // All events: the series gets a new title, from any of its occurrences.
    std::unique_ptr<EventDraft> thursday(cal.editDraft(uid, utcTime(2021, 3, 11, 9)));
    REQUIRE(thursday);
    thursday->setProperty("title", QStringLiteral("Daily sync"));
    REQUIRE(cal.save(thursday.get(), Scope::AllEvents) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) {
        return s.find(uid)->events.first().summary == QStringLiteral("Daily sync");
    }));
    week = rowsOf(*cal.timed(), uid);
    REQUIRE(week.size() == 5);
    for (int i : {0, 1, 3, 4}) {
        CHECK(week.at(i).title == QStringLiteral("Daily sync"));
        CHECK(week.at(i).startMinute == 10 * 60); // the times stay each occurrence's own
    }

    // Removing this event leaves the others.
    REQUIRE(cal.remove(uid, utcTime(2021, 3, 12, 9), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data,
                    [&](const CalendarSnapshot& s) { return !s.find(uid)->events.first().exceptionDates.isEmpty(); }));
    week = rowsOf(*cal.timed(), uid);
    CHECK(week.size() == 4);
    for (const OccurrenceRow& r : week)
        CHECK(r.day != 5);
    cal.next();
    CHECK(rowsOf(*cal.timed(), uid).size() == 5);
}

TEST_CASE("This and following: the series ends, a new one carries on; all events: it is cancelled")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString uid =
        c.create(QStringLiteral("Standup"), wall(2021, 3, 1, 10), wall(2021, 3, 1, 10, 30),
                 [](EventDraft& d) { d.setProperty("repeat", QVariant::fromValue(EventDraft::Repeat::Weekdays)); });
    std::unique_ptr<EventDraft> thursday(cal.editDraft(uid, utcTime(2021, 3, 11, 9)));
    REQUIRE(thursday);
    thursday->setProperty("title", QStringLiteral("Standup v2"));
    thursday->setProperty("start", wall(2021, 3, 11, 9, 30));
    thursday->setProperty("end", wall(2021, 3, 11, 10));
    REQUIRE(cal.save(thursday.get(), Scope::ThisAndFollowing) == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) { return titled(s, QStringLiteral("Standup v2")); }));
    const QString next = titled(*c.data->snapshot(), QStringLiteral("Standup v2"))->uid;
    CHECK(next != uid);
    CHECK(c.series(next).owner == kAna);
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot&) { return rowsOf(*cal.timed(), uid).size() == 3; }));
    QStringList week;
    for (const OccurrenceRow& r : cal.timed()->rows()) {
        if (r.uid == uid || r.uid == next)
            week << QStringLiteral("%1 %2 %3").arg(r.day).arg(r.startMinute).arg(r.title);
    }
    CHECK(week ==
          QStringList{"1 600 Standup", "2 600 Standup", "3 600 Standup", "4 570 Standup v2", "5 570 Standup v2"});
    cal.next();
    CHECK(rowsOf(*cal.timed(), uid).isEmpty());
    CHECK(rowsOf(*cal.timed(), next).size() == 5);

    // Deleting all events of the new series cancels it, wherever the user points.
    const QDateTime tuesday = rowsOf(*cal.timed(), next).at(1).recurrenceId;
    REQUIRE(cal.remove(next, tuesday, Scope::AllEvents) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) {
        return s.find(next)->events.first().status == EventStatus::Cancelled;
    }));
    CHECK(rowsOf(*cal.timed(), next).isEmpty());
    cal.previous();
    CHECK(rowsOf(*cal.timed(), uid).size() == 3);
}

TEST_CASE("An all-day series: one day of it changed, another removed")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    std::unique_ptr<EventDraft> draft(cal.newDraft(wall(2021, 3, 2, 0), wall(2021, 3, 2, 0), true));
    draft->setProperty("title", QStringLiteral("Gym"));
    draft->setProperty("repeat", QVariant::fromValue(EventDraft::Repeat::Weekly));
    REQUIRE(cal.save(draft.get(), Scope::AllEvents) == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) { return titled(s, QStringLiteral("Gym")); }));
    const QString uid = titled(*c.data->snapshot(), QStringLiteral("Gym"))->uid;
    CHECK(c.series(uid).events.first().start == CalendarTime::allDay(QDate(2021, 3, 2)));
    CHECK(c.series(uid).events.first().end == CalendarTime::allDay(QDate(2021, 3, 3)));
    QList<OccurrenceRow> bars = rowsOf(*cal.allDay(), uid);
    REQUIRE(bars.size() == 1);
    CHECK(bars.first().day == 2); // Tuesday in a week from Sunday
    CHECK(bars.first().dayCount == 1);
    CHECK(cal.allDay()->lanes() >= 1);

    std::unique_ptr<EventDraft> tuesday(cal.editDraft(uid, bars.first().recurrenceId));
    REQUIRE(tuesday);
    CHECK(tuesday->property("allDay").toBool());
    CHECK(tuesday->property("start").toDateTime().date() == QDate(2021, 3, 9));
    CHECK(tuesday->property("end").toDateTime().date() == QDate(2021, 3, 9));
    tuesday->setProperty("title", QStringLiteral("Gym (pool)"));
    REQUIRE(cal.save(tuesday.get(), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(uid)->events.size() == 2; }));
    bars = rowsOf(*cal.allDay(), uid);
    REQUIRE(bars.size() == 1);
    CHECK(bars.first().title == QStringLiteral("Gym (pool)"));

    cal.next();
    bars = rowsOf(*cal.allDay(), uid);
    REQUIRE(bars.size() == 1);
    CHECK(bars.first().title == QStringLiteral("Gym"));
    REQUIRE(cal.remove(uid, bars.first().recurrenceId, Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data,
                    [&](const CalendarSnapshot& s) { return !s.find(uid)->events.first().exceptionDates.isEmpty(); }));
    CHECK(rowsOf(*cal.allDay(), uid).isEmpty());
    cal.next();
    CHECK(rowsOf(*cal.allDay(), uid).size() == 1);
}

TEST_CASE("A series in floating time (no zone, imported) is edited in the user's zone")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    REQUIRE(cal.importIcs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
                          "UID:floating\r\nDTSTAMP:20210301T000000Z\r\nDTSTART:20210301T100000\r\n"
                          "DTEND:20210301T110000\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Reading\r\nEND:VEVENT\r\n"
                          "END:VCALENDAR\r\n") == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) { return s.find(QStringLiteral("floating")); }));
    QList<OccurrenceRow> week = rowsOf(*cal.timed(), QStringLiteral("floating"));
    REQUIRE(week.size() == 7);
    CHECK(week.at(3).startMinute == 10 * 60); // floating times read in the user's zone
    CHECK(week.at(3).recurrenceId == utcTime(2021, 3, 10, 9));

    std::unique_ptr<EventDraft> wednesday(cal.editDraft(QStringLiteral("floating"), week.at(3).recurrenceId));
    REQUIRE(wednesday);
    CHECK(wednesday->property("start").toDateTime().time() == QTime(10, 0));
    wednesday->setProperty("title", QStringLiteral("Reading, shorter"));
    wednesday->setProperty("end", wall(2021, 3, 10, 10, 30));
    REQUIRE(cal.save(wednesday.get(), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data,
                    [](const CalendarSnapshot& s) { return s.find(QStringLiteral("floating"))->events.size() == 2; }));
    week = rowsOf(*cal.timed(), QStringLiteral("floating"));
    REQUIRE(week.size() == 7);
    CHECK(week.at(3).title == QStringLiteral("Reading, shorter"));
    CHECK(week.at(3).startMinute == 10 * 60);
    CHECK(week.at(3).endMinute == 10 * 60 + 30);
    CHECK(week.at(4).title == QStringLiteral("Reading"));

    REQUIRE(cal.remove(QStringLiteral("floating"), week.at(5).recurrenceId, Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        return !s.find(QStringLiteral("floating"))->events.first().exceptionDates.isEmpty();
    }));
    CHECK(rowsOf(*cal.timed(), QStringLiteral("floating")).size() == 6);
}

TEST_CASE("Someone else's event: read-only, answered only when invited, imported as a copy")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    Profile bo(c.dir.path(), kBo);
    CalendarData boData(bo.service->cachePath(), bo.service->changes(), kBerlin);

    Event invitation;
    invitation.uid = QStringLiteral("bo-planning");
    invitation.summary = QStringLiteral("Planning");
    invitation.start = CalendarTime::zoned(QDate(2021, 3, 11), QTime(15, 0), kBerlin);
    invitation.end = CalendarTime::zoned(QDate(2021, 3, 11), QTime(16, 0), kBerlin);
    invitation.organizer = Participant{userAddress(kBo), QStringLiteral("Bo Li")};
    invitation.attendees
        << Attendee{userAddress(kAna), {}, ParticipationStatus::NeedsAction, ParticipantRole::Required, true}
        << Attendee{
               userAddress(QStringLiteral("cy")), {}, ParticipationStatus::Accepted, ParticipantRole::Required, true};
    invitation.stamp = c.now;
    Event private_ = invitation;
    private_.uid = QStringLiteral("bo-private");
    private_.summary = QStringLiteral("Bo alone");
    private_.attendees.clear();
    bo.submitSeries({invitation});
    bo.submitSeries({private_});
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        return s.find(QStringLiteral("bo-planning")) && s.find(QStringLiteral("bo-private"));
    }));
    CHECK(c.series(QStringLiteral("bo-planning")).owner == kBo);
    const QList<OccurrenceRow> rows = rowsOf(*cal.timed(), QStringLiteral("bo-planning"));
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows.first().mine);
    CHECK(rows.first().myStatus == ParticipationStatus::NeedsAction);

    CHECK(cal.editDraft(QStringLiteral("bo-planning"), QDateTime()) == nullptr);
    CHECK(cal.move(QStringLiteral("bo-planning"), QDateTime(), berlin(2021, 3, 11, 17), berlin(2021, 3, 11, 18),
                   Scope::AllEvents) == QStringLiteral("Only the organizer can move this event."));
    CHECK(cal.remove(QStringLiteral("bo-planning"), QDateTime(), Scope::AllEvents) ==
          QStringLiteral("Only the organizer can delete this event."));
    CHECK(cal.respond(QStringLiteral("bo-private"), QStringLiteral("accepted"), {}) ==
          QStringLiteral("You are not invited to this event."));
    CHECK(cal.respond(QStringLiteral("bo-planning"), QStringLiteral("maybe"), {}) ==
          QStringLiteral("Answer with accept, maybe or decline."));
    CHECK(cal.respond(QStringLiteral("bo-planning"), QStringLiteral("needs-action"), {}) ==
          QStringLiteral("Answer with accept, maybe or decline."));
    CHECK(cal.respond(QStringLiteral("nothing"), QStringLiteral("accepted"), {}) ==
          QStringLiteral("The event no longer exists."));

    QVariantMap details = cal.details(QStringLiteral("bo-planning"), QDateTime());
    CHECK(details.value(QStringLiteral("mine")).toBool() == false);
    CHECK(details.value(QStringLiteral("invited")).toBool());
    CHECK(details.value(QStringLiteral("organizer")).toString() == QStringLiteral("Bo Li"));
    CHECK(details.value(QStringLiteral("response")).toString() == QStringLiteral("needs-action"));
    CHECK(cal.details(QStringLiteral("bo-private"), QDateTime()).value(QStringLiteral("invited")).toBool() == false);

    REQUIRE(cal.respond(QStringLiteral("bo-planning"), QStringLiteral("accepted"), QStringLiteral("  see you  ")) ==
            QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        return s.statusOf(QStringLiteral("bo-planning"), QStringLiteral("ana")) == ParticipationStatus::Accepted;
    }));
    CHECK(c.data->snapshot()->answers.value(QStringLiteral("bo-planning")).value(kAna).note ==
          QStringLiteral("see you"));
    CHECK(c.count(QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'event.rsvp' AND author = 'ana' AND "
                                 "stream = 'calendar:team'")) == 1);
    CHECK(rowsOf(*cal.timed(), QStringLiteral("bo-planning")).first().myStatus == ParticipationStatus::Accepted);
    details = cal.details(QStringLiteral("bo-planning"), QDateTime());
    CHECK(details.value(QStringLiteral("response")).toString() == QStringLiteral("accepted"));
    QStringList answers;
    for (const QVariant& a : details.value(QStringLiteral("attendees")).toList()) {
        const QVariantMap m = a.toMap();
        answers << QStringLiteral("%1 %2 %3")
                       .arg(m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("response")).toString(),
                            m.value(QStringLiteral("note")).toString());
    }
    CHECK(answers == QStringList{QStringLiteral("Ana Lima accepted see you"), QStringLiteral("Cy Chen accepted ")});
    // The organiser sees the answer too.
    REQUIRE(waitFor(boData, [](const CalendarSnapshot& s) {
        return s.statusOf(QStringLiteral("bo-planning"), QStringLiteral("ana")) == ParticipationStatus::Accepted;
    }));

    // Who is busy: bo organises, ana accepted; a declined answer frees the time.
    const QVariantList busy = cal.freeBusy({kAna, kBo, QStringLiteral("cy")}, QDate(2021, 3, 11));
    REQUIRE(busy.size() == 3);
    CHECK(busy.at(0).toMap().value(QStringLiteral("name")).toString() == QStringLiteral("Ana Lima"));
    CHECK(busy.at(0).toMap().value(QStringLiteral("busy")).toList().size() == 1);
    CHECK(busy.at(1).toMap().value(QStringLiteral("busy")).toList().size() == 2);
    const QVariantMap slot = busy.at(0).toMap().value(QStringLiteral("busy")).toList().first().toMap();
    CHECK(slot.value(QStringLiteral("startMinute")).toInt() == 15 * 60);
    CHECK(slot.value(QStringLiteral("endMinute")).toInt() == 16 * 60);
    REQUIRE(cal.respond(QStringLiteral("bo-planning"), QStringLiteral("declined"), {}) == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        return s.statusOf(QStringLiteral("bo-planning"), QStringLiteral("ana")) == ParticipationStatus::Declined;
    }));
    CHECK(cal.freeBusy({kAna}, QDate(2021, 3, 11)).first().toMap().value(QStringLiteral("busy")).toList().isEmpty());

    // An imported event with bo's UID becomes ana's own copy; bo's stays as it is.
    const QByteArray copy = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
                            "UID:bo-planning\r\nDTSTAMP:20210301T000000Z\r\nDTSTART:20210311T140000Z\r\n"
                            "DTEND:20210311T150000Z\r\nSUMMARY:Planning (my copy)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    REQUIRE(cal.importIcs(copy) == QString());
    REQUIRE(waitFor(
        *c.data, [](const CalendarSnapshot& s) { return titled(s, QStringLiteral("Planning (my copy)")) != nullptr; }));
    const StoredSeries& mine = *titled(*c.data->snapshot(), QStringLiteral("Planning (my copy)"));
    CHECK(mine.uid != QStringLiteral("bo-planning"));
    CHECK(mine.owner == kAna);
    CHECK(c.series(QStringLiteral("bo-planning")).owner == kBo);
    CHECK(c.series(QStringLiteral("bo-planning")).events.first().summary == QStringLiteral("Planning"));
}

TEST_CASE("Import is all or nothing; export writes what the calendar holds")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    QSignalSpy notices(&cal, &CalendarController::notice);
    const QByteArray broken = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                              "BEGIN:VEVENT\r\nUID:fine\r\nDTSTAMP:20210301T000000Z\r\nDTSTART:20210309T090000Z\r\n"
                              "SUMMARY:Fine\r\nEND:VEVENT\r\n"
                              "BEGIN:VEVENT\r\nUID:bad\r\nDTSTAMP:20210301T000000Z\r\nDTSTART:20211309T090000Z\r\n"
                              "SUMMARY:Bad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const QString refused = cal.importIcs(broken);
    CHECK(refused.startsWith(QStringLiteral("Nothing was imported. Line 13:")));
    CHECK(notices.isEmpty());
    CHECK(
        cal.importFile(QUrl::fromLocalFile(c.dir.filePath(QStringLiteral("missing.ics")))).startsWith(u"Cannot open"));

    const QByteArray good =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        // The override before its master, as some exporters write them.
        "BEGIN:VEVENT\r\nUID:imp-weekly\r\nRECURRENCE-ID;TZID=Europe/Berlin:20210311T170000\r\n"
        "DTSTAMP:20210301T000000Z\r\nDTSTART;TZID=Europe/Berlin:20210311T190000\r\n"
        "DTEND;TZID=Europe/Berlin:20210311T200000\r\nSUMMARY:Choir (concert)\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:imp-single\r\nDTSTAMP:20210301T000000Z\r\nDTSTART:20210312T060000Z\r\n"
        "DTEND:20210312T070000Z\r\nSUMMARY:Early flight\r\nLOCATION:TXL\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:imp-weekly\r\nDTSTAMP:20210301T000000Z\r\n"
        "DTSTART;TZID=Europe/Berlin:20210301T170000\r\nDTEND;TZID=Europe/Berlin:20210301T180000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\nSUMMARY:Choir\r\nX-IMPORTED-FROM:elsewhere\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    const QString file = c.dir.filePath(QStringLiteral("import.ics"));
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(good);
    }
    REQUIRE(cal.importFile(QUrl::fromLocalFile(file)) == QString());
    REQUIRE(notices.size() == 1);
    CHECK(notices.at(0).at(0).toString() == QStringLiteral("Imported 2 event(s)."));
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        return s.find(QStringLiteral("imp-weekly")) && s.find(QStringLiteral("imp-single")) &&
               s.find(QStringLiteral("imp-weekly"))->state == StoredSeries::State::Sent &&
               s.find(QStringLiteral("imp-single"))->state == StoredSeries::State::Sent;
    }));
    // Nothing of the broken file went out: one entry per imported series.
    CHECK(c.count(QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'event' AND author = 'ana'")) == 2);
    const StoredSeries& weekly = c.series(QStringLiteral("imp-weekly"));
    CHECK(weekly.owner == kAna);
    REQUIRE(weekly.events.size() == 2);
    CHECK_FALSE(weekly.events.at(0).isOverride()); // the master first
    CHECK(weekly.events.at(1).summary == QStringLiteral("Choir (concert)"));
    QStringList week;
    for (const OccurrenceRow& r : cal.timed()->rows()) {
        if (r.uid.startsWith(u"imp-"))
            week << QStringLiteral("%1 %2 %3").arg(r.day).arg(r.startMinute).arg(r.title);
    }
    CHECK(week == QStringList{"1 1020 Choir", "4 1140 Choir (concert)", "5 420 Early flight"});

    const QString exported = c.dir.filePath(QStringLiteral("export.ics"));
    REQUIRE(cal.exportFile(QUrl::fromLocalFile(exported)) == QString());
    REQUIRE(notices.size() == 2);
    const auto snapshot = c.data->snapshot();
    CHECK(notices.at(1).at(0).toString() == QStringLiteral("Exported %1 event(s).").arg(snapshot->series.size()));
    QFile in(exported);
    REQUIRE(in.open(QIODevice::ReadOnly));
    const QByteArray text = in.readAll();
    CHECK(text.contains("X-IMPORTED-FROM:elsewhere"));
    const Result<IcsCalendar> back = readIcs(text);
    INFO((back ? QString() : back.error().message).toStdString());
    REQUIRE(back.ok());
    QStringList exportedUids, heldUids;
    for (const Event& e : back->events) {
        if (!e.isOverride())
            exportedUids << e.uid;
    }
    for (const StoredSeries& s : snapshot->series)
        heldUids << s.uid;
    exportedUids.sort();
    heldUids.sort();
    CHECK(exportedUids == heldUids);
    qsizetype overrides = 0;
    for (const Event& e : back->events) {
        if (e.uid == u"imp-single") {
            CHECK(e.summary == QStringLiteral("Early flight"));
            CHECK(e.location == QStringLiteral("TXL"));
            CHECK(e.start == CalendarTime::utc(QDate(2021, 3, 12), QTime(6, 0)));
        }
        if (e.uid == u"imp-weekly" && e.isOverride()) {
            ++overrides;
            CHECK(e.start == CalendarTime::zoned(QDate(2021, 3, 11), QTime(19, 0), kBerlin));
        }
    }
    CHECK(overrides == 1);

    // One event: its master and its override, nothing else.
    const QString one = c.dir.filePath(QStringLiteral("one.ics"));
    REQUIRE(cal.exportFile(QUrl::fromLocalFile(one), QStringLiteral("imp-weekly")) == QString());
    QFile single(one);
    REQUIRE(single.open(QIODevice::ReadOnly));
    const Result<IcsCalendar> alone = readIcs(single.readAll());
    REQUIRE(alone.ok());
    REQUIRE(alone->events.size() == 2);
    for (const Event& e : alone->events)
        CHECK(e.uid == QStringLiteral("imp-weekly"));
    CHECK(cal.exportFile(QUrl::fromLocalFile(one), QStringLiteral("no-such-event")) ==
          QStringLiteral("The event no longer exists."));
    CHECK(cal.exportFile(QUrl::fromLocalFile(c.dir.filePath(QStringLiteral("no/such/dir/x.ics"))))
              .startsWith(u"Cannot write"));
}

TEST_CASE("A change the backend refuses shows as failed, and can be retried or discarded")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString sent = c.create(QStringLiteral("Small"), wall(2021, 3, 9, 9), wall(2021, 3, 9, 10));
    REQUIRE(
        waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(sent)->state == StoredSeries::State::Sent; }));
    CHECK(cal.retry(sent) == QStringLiteral("There is nothing to send again."));
    CHECK(cal.discard(sent) == QStringLiteral("There is nothing to discard."));

    QSignalSpy failed(c.ana->service.get(), &sync::SyncService::mutationFailed);
    std::unique_ptr<EventDraft> draft(cal.newDraft(wall(2021, 3, 10, 9), wall(2021, 3, 10, 10), false));
    draft->setProperty("title", QStringLiteral("Huge"));
    // Over the backend's payload limit (256 KiB) in lines the reader still takes (256 KiB each).
    draft->setProperty("description", QString(200 * 1024, u'x'));
    draft->setProperty("location", QString(100 * 1024, u'y'));
    REQUIRE(cal.save(draft.get(), Scope::AllEvents) == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) {
        const StoredSeries* huge = titled(s, QStringLiteral("Huge"));
        return huge && huge->state == StoredSeries::State::Failed;
    }));
    const StoredSeries& huge = *titled(*c.data->snapshot(), QStringLiteral("Huge"));
    const QString uid = huge.uid;
    CHECK(huge.error.contains(QStringLiteral("too large")));
    CHECK_FALSE(huge.clientId.isNull());
    REQUIRE(rowsOf(*cal.timed(), uid).size() == 1);
    CHECK(rowsOf(*cal.timed(), uid).first().failed);
    CHECK(cal.details(uid, QDateTime()).value(QStringLiteral("failed")).toBool());

    const qsizetype failures = failed.size();
    REQUIRE(cal.retry(uid) == QString());
    REQUIRE(QTest::qWaitFor([&] { return failed.size() > failures; }, 10000));
    REQUIRE(cal.discard(uid) == QString());
    REQUIRE(waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(uid) == nullptr; }));
    CHECK(rowsOf(*cal.timed(), uid).isEmpty());
    CHECK(c.data->snapshot()->find(sent));
}

TEST_CASE("Details of an occurrence, and when its call can be joined")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString uid =
        c.create(QStringLiteral("Budget review"), wall(2021, 3, 10, 14), wall(2021, 3, 10, 15), [](EventDraft& d) {
            d.setProperty("videoCall", true);
            d.setProperty("location", QStringLiteral("Room 2"));
            d.setProperty("description", QStringLiteral("Numbers for Q2"));
            d.setProperty("attendees", QStringList{kBo});
        });
    REQUIRE(
        waitFor(*c.data, [&](const CalendarSnapshot& s) { return s.find(uid)->state == StoredSeries::State::Sent; }));
    const QVariantMap d = cal.details(uid, QDateTime());
    CHECK(d.value(QStringLiteral("uid")).toString() == uid);
    CHECK(d.value(QStringLiteral("title")).toString() == QStringLiteral("Budget review"));
    CHECK(d.value(QStringLiteral("location")).toString() == QStringLiteral("Room 2"));
    CHECK(d.value(QStringLiteral("description")).toString() == QStringLiteral("Numbers for Q2"));
    CHECK(d.value(QStringLiteral("organizer")).toString() == QStringLiteral("You"));
    CHECK(d.value(QStringLiteral("start")).toDateTime() == berlin(2021, 3, 10, 14));
    CHECK(d.value(QStringLiteral("end")).toDateTime() == berlin(2021, 3, 10, 15));
    CHECK(d.value(QStringLiteral("allDay")).toBool() == false);
    CHECK(d.value(QStringLiteral("mine")).toBool());
    CHECK(d.value(QStringLiteral("invited")).toBool() == false);
    CHECK(d.value(QStringLiteral("recurring")).toBool() == false);
    CHECK(d.value(QStringLiteral("cancelled")).toBool() == false);
    CHECK(d.value(QStringLiteral("pending")).toBool() == false);
    CHECK(d.value(QStringLiteral("failed")).toBool() == false);
    CHECK(d.value(QStringLiteral("lunar")).toString().isEmpty());
    const QString when = d.value(QStringLiteral("when")).toString();
    CHECK(when.startsWith(QStringLiteral("Wednesday, March 10 · 2:00")));
    CHECK(when.contains(u"3:00"));
    CHECK(d.value(QStringLiteral("meetingLink")).toString() ==
          QStringLiteral("convene://calls/meeting:") + c.series(uid).events.first().meetingId);
    const QVariantList attendees = d.value(QStringLiteral("attendees")).toList();
    REQUIRE(attendees.size() == 1);
    CHECK(attendees.first().toMap().value(QStringLiteral("id")).toString() == kBo);
    CHECK(attendees.first().toMap().value(QStringLiteral("name")).toString() == QStringLiteral("Bo Li"));
    CHECK(attendees.first().toMap().value(QStringLiteral("response")).toString() == QStringLiteral("needs-action"));

    // 14:00 in Berlin is 13:00 UTC: the call opens ten minutes before and closes at the end.
    const auto joinable = [&](const QDateTime& at) {
        c.now = at;
        return cal.details(uid, QDateTime()).value(QStringLiteral("joinable")).toBool();
    };
    CHECK(joinable(utcTime(2021, 3, 10, 12, 50)));
    CHECK_FALSE(joinable(utcTime(2021, 3, 10, 12, 49)));
    CHECK(joinable(utcTime(2021, 3, 10, 13, 59)));
    CHECK_FALSE(joinable(utcTime(2021, 3, 10, 14, 0)));

    // Without a call there is nothing to join.
    const QString quiet = c.create(QStringLiteral("Quiet time"), wall(2021, 3, 10, 14), wall(2021, 3, 10, 15));
    c.now = utcTime(2021, 3, 10, 13, 30);
    CHECK(cal.details(quiet, QDateTime()).value(QStringLiteral("joinable")).toBool() == false);
    CHECK(cal.details(quiet, QDateTime()).value(QStringLiteral("meetingLink")).toString().isEmpty());
    CHECK(cal.details(QStringLiteral("no-such-event"), QDateTime()).isEmpty());

    // The people picker: everyone but the user, by name, filtered.
    QStringList people;
    for (const QVariant& p : cal.people({}))
        people << p.toMap().value(QStringLiteral("name")).toString();
    CHECK(people == QStringList{QStringLiteral("Bo Li"), QStringLiteral("Cy Chen")});
    REQUIRE(cal.people(QStringLiteral("chen")).size() == 1);
    CHECK(cal.people(QStringLiteral("chen")).first().toMap().value(QStringLiteral("id")).toString() ==
          QStringLiteral("cy"));
}

TEST_CASE("A series named without an occurrence (a chat invitation) shows its next occurrence")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    const QString uid =
        c.create(QStringLiteral("Weekly sync"), wall(2021, 3, 1, 10), wall(2021, 3, 1, 11),
                 [](EventDraft& d) { d.setProperty("repeat", QVariant::fromValue(EventDraft::Repeat::Weekly)); });
    // The fixed clock stands on Wednesday 10 March 2021: the next one is Monday the 15th.
    const QVariantMap details = cal.details(uid, QDateTime());
    REQUIRE_FALSE(details.isEmpty());
    CHECK(details.value(QStringLiteral("title")).toString() == QStringLiteral("Weekly sync"));
    CHECK(details.value(QStringLiteral("recurrenceId")).toDateTime() == utcTime(2021, 3, 15, 9));
    CHECK(details.value(QStringLiteral("start")).toDateTime().date() == QDate(2021, 3, 15));
    CHECK(cal.details(QStringLiteral("no-such-event"), QDateTime()).isEmpty());
}

TEST_CASE("An imported zone that only its file defines travels with the event and still places it")
{
    Calendar c;
    CalendarController& cal = *c.controller;
    // UTC+3 all year, under a name tzdata does not know.
    REQUIRE(cal.importIcs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                          "BEGIN:VTIMEZONE\r\nTZID:Atlantis Standard Time\r\nBEGIN:STANDARD\r\n"
                          "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
                          "TZNAME:AST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:atlantis\r\n"
                          "DTSTAMP:20210301T000000Z\r\nDTSTART;TZID=Atlantis Standard Time:20210309T100000\r\n"
                          "DTEND;TZID=Atlantis Standard Time:20210309T110000\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
                          "SUMMARY:Harbour sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n") == QString());
    REQUIRE(waitFor(*c.data, [](const CalendarSnapshot& s) { return s.find(QStringLiteral("atlantis")); }));
    CHECK(c.data->snapshot()->problems.isEmpty());
    CHECK(c.count(QStringLiteral("SELECT count(*) FROM entries WHERE kind = 'event' AND "
                                 "CAST(payload AS TEXT) LIKE '%BEGIN:VTIMEZONE%TZID:Atlantis Standard Time%'")) == 1);
    QList<OccurrenceRow> week = rowsOf(*cal.timed(), QStringLiteral("atlantis"));
    REQUIRE(week.size() == 3);
    CHECK(week.at(0).startMinute == 8 * 60); // 10:00 at UTC+3 is 08:00 in Berlin (UTC+1)

    // Edited, the series keeps its zone and its definition.
    std::unique_ptr<EventDraft> second(cal.editDraft(QStringLiteral("atlantis"), week.at(1).recurrenceId));
    REQUIRE(second);
    second->setProperty("title", QStringLiteral("Harbour sync, moved room"));
    REQUIRE(cal.save(second.get(), Scope::ThisEvent) == QString());
    REQUIRE(waitFor(*c.data,
                    [](const CalendarSnapshot& s) { return s.find(QStringLiteral("atlantis"))->events.size() == 2; }));
    CHECK(c.data->snapshot()->problems.isEmpty());
    week = rowsOf(*cal.timed(), QStringLiteral("atlantis"));
    REQUIRE(week.size() == 3);
    CHECK(week.at(1).title == QStringLiteral("Harbour sync, moved room"));
    CHECK(week.at(1).startMinute == 8 * 60);
    // The editor shows a zone Qt does not know in the user's zone: the occurrence it wrote keeps its
    // instant; the series keeps its own zone.
    CHECK(c.series(QStringLiteral("atlantis")).events.at(1).start ==
          CalendarTime::zoned(QDate(2021, 3, 10), QTime(8, 0), kBerlin));
    CHECK(c.series(QStringLiteral("atlantis")).events.at(0).start.timeZoneId ==
          QStringLiteral("Atlantis Standard Time"));
}
