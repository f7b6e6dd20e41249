// The calendar as people use it: the demo team's events in the week, month, agenda and day
// views; an event's details; events made by dragging across the week and typing a title, moved
// by dragging (a repeating one asks which events to move), edited and deleted; the .ics dialogs.
// No QML warning may be logged on the way.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/event_draft.h>
#include <convene/calendar/month_grid_model.h>
#include <convene/calendar/occurrence_model.h>
#include <convene/call/call_controller.h>
#include <convene/sync/envelopes.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QAccessible>
#include <QFile>
#include <QJSValue>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using convene::calendar::CalendarController;
using convene::calendar::EventDraft;
using convene::calendar::MonthGridModel;
using convene::calendar::OccurrenceModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QStringList kDemoUids{QStringLiteral("demo-event-1@convene"), QStringLiteral("demo-event-2@convene"),
                            QStringLiteral("demo-event-3@convene"), QStringLiteral("demo-event-4@convene"),
                            QStringLiteral("demo-event-5@convene")};

// The app in `language`, opened on the calendar.
Scenario::Config onCalendar(const QString& language)
{
    Scenario::Config config;
    config.options.language = language;
    config.options.view = QStringLiteral("calendar");
    return config;
}

CalendarController& calendarOf(Scenario& s)
{
    CalendarController* calendar = s.controller().calendar();
    REQUIRE(calendar != nullptr);
    return *calendar;
}

struct Row {
    QString uid;
    QString title;
    int day = 0;
    int startMinute = 0;
    int endMinute = 0;
};

QList<Row> rowsOf(const OccurrenceModel& model)
{
    QList<Row> rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r);
        rows << Row{i.data(OccurrenceModel::UidRole).toString(), i.data(OccurrenceModel::TitleRole).toString(),
                    i.data(OccurrenceModel::DayRole).toInt(), i.data(OccurrenceModel::StartMinuteRole).toInt(),
                    i.data(OccurrenceModel::EndMinuteRole).toInt()};
    }
    return rows;
}

std::optional<Row> rowTitled(Scenario& s, const QString& title, int day = -1)
{
    for (const Row& row : rowsOf(*calendarOf(s).timed()))
        if (row.title == title && (day < 0 || row.day == day))
            return row;
    return std::nullopt;
}

QString blockName(const Row& row)
{
    return QStringLiteral("timedEvent_%1_%2").arg(row.uid).arg(row.day);
}

bool popupOpen(Scenario& s, const QString& name)
{
    QObject* popup = s.find(name, 0);
    return popup && popup->property("opened").toBool();
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

// Scrolls the hours so that `hour` is at the top of the grid.
void scrollTo(Scenario& s, int hour)
{
    QQuickItem* grid = s.item(QStringLiteral("weekGrid"));
    grid->setProperty("contentY", hour * 48);
    QTest::qWait(50);
}

// A point of the week grid: the middle of day `day`'s column at `minute`, in window coordinates.
QPoint gridPoint(Scenario& s, int day, int minute)
{
    QQuickItem* area = s.item(QStringLiteral("weekCreateArea"));
    const int days = calendarOf(s).view() == CalendarController::View::Day ? 1 : 7;
    const qreal dayWidth = area->width() / days;
    return area->mapToScene(QPointF(dayWidth * (day + 0.5), minute / 60.0 * 48)).toPoint();
}

// Presses at `from`, moves in small steps like a hand would, and lets go at `to`.
void drag(Scenario& s, QPoint from, QPoint to)
{
    QTest::mousePress(s.window(), Qt::LeftButton, Qt::NoModifier, from);
    const int steps = 8;
    for (int i = 1; i <= steps; ++i) {
        QTest::mouseMove(s.window(), from + (to - from) * i / steps);
        QTest::qWait(10);
    }
    QTest::mouseRelease(s.window(), Qt::LeftButton, Qt::NoModifier, to);
    QTest::qWait(50);
}

// Drags across free time on `day` from `fromMinute` to `toMinute`, types the title, saves.
void createByDragging(Scenario& s, int day, int fromMinute, int toMinute, const QString& title,
                      EventDraft::Repeat repeat = EventDraft::Repeat::None)
{
    drag(s, gridPoint(s, day, fromMinute + 5), gridPoint(s, day, toMinute - 5));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    QObject* editor = s.find(QStringLiteral("eventEditorDialog"));
    auto* draft = qvariant_cast<EventDraft*>(editor->property("draft"));
    REQUIRE(draft != nullptr);
    CHECK(draft->isNew());
    CHECK(draft->property("start").toDateTime().time() == QTime(0, 0).addSecs(fromMinute * 60));
    CHECK(draft->property("end").toDateTime().time() == QTime(0, 0).addSecs(toMinute * 60));
    // The title must be there before it can be saved.
    CHECK_FALSE(s.item(QStringLiteral("eventSaveButton"))->isEnabled());
    REQUIRE(s.clickToFocus(QStringLiteral("eventTitleField")));
    s.typeText(title);
    if (repeat != EventDraft::Repeat::None)
        draft->setProperty("repeat", QVariant::fromValue(repeat));
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("eventSaveButton"))->isEnabled(); }));
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(s.waitFor([&] { return rowTitled(s, title, day).has_value(); }, 5000));
}

} // namespace

TEST_CASE("The calendar shows the team's events in every view, opens their details and makes, moves and "
          "deletes events")
{
    QmlWarnings warnings(QStringLiteral("Calendar"));
    Scenario::Config config;
    config.options.language = QStringLiteral("en");
    Scenario s(config);
    focusWindow(s);

    // Ctrl+2 opens the calendar on the current week.
    s.press(QKeySequence(QStringLiteral("Ctrl+2")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
    CalendarController& calendar = calendarOf(s);
    REQUIRE(s.waitFor([&] { return calendar.loaded() && !calendar.empty(); }, 5000));
    CHECK(calendar.view() == CalendarController::View::Week);
    CHECK(s.isShown(QStringLiteral("weekView")));
    CHECK(s.isShown(QStringLiteral("miniMonth")));
    CHECK(s.find(QStringLiteral("calendarRangeTitle"))->property("text").toString() == calendar.rangeTitle());
    CHECK_FALSE(s.isShown(QStringLiteral("calendarEmptyState")));

    // The five demo events start today or in the next four days: this week and the next show
    // them all, each as an item of the grid, the repeating stand-up on several days.
    QSet<QString> seen;
    QMap<QString, int> days;
    for (int week = 0; week < 2; ++week) {
        REQUIRE(s.waitFor([&] { return calendar.timed()->count() > 0; }, 5000));
        for (const Row& row : rowsOf(*calendar.timed())) {
            INFO(row.title.toStdString());
            CHECK(s.isShown(blockName(row)));
            seen << row.uid;
            ++days[row.uid];
        }
        s.press(QKeySequence(Qt::Key_Right));
    }
    s.press(QKeySequence(QStringLiteral("T")));
    for (const QString& uid : kDemoUids) {
        INFO(uid.toStdString());
        CHECK(seen.contains(uid));
    }
    CHECK(days.value(QStringLiteral("demo-event-3@convene")) >= 2);
    CHECK(s.isShown(QStringLiteral("currentTimeLine")));

    // M, A, D and W switch the views; each shows the events.
    s.press(QKeySequence(QStringLiteral("M")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("monthView")); }));
    CHECK(calendar.view() == CalendarController::View::Month);
    CHECK_FALSE(s.isShown(QStringLiteral("weekView")));
    const MonthGridModel& month = *calendar.month();
    REQUIRE(month.rowCount() == MonthGridModel::kDays);
    int monthEvents = 0;
    for (int cell = 0; cell < month.rowCount(); ++cell) {
        const QVariantList events = month.index(cell).data(MonthGridModel::EventsRole).toList();
        monthEvents += int(events.size());
        if (!events.isEmpty())
            CHECK(s.isShown(QStringLiteral("monthEvent_%1_%2")
                                .arg(events.first().toMap().value(QStringLiteral("uid")).toString())
                                .arg(cell)));
    }
    CHECK(monthEvents > 0);
    // Lunar dates are only for Chinese.
    CHECK(month.index(0).data(MonthGridModel::LunarRole).toString().isEmpty());

    s.press(QKeySequence(QStringLiteral("A")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("agendaView")); }));
    CHECK(calendar.view() == CalendarController::View::Agenda);
    REQUIRE(s.waitFor([&] { return calendar.agenda()->count() > 0; }));
    CHECK(s.isShown(QStringLiteral("agendaEvent_0")));
    CHECK(s.isShown(QStringLiteral("agendaDay_") +
                    QString::number(calendar.agenda()->index(0).data(OccurrenceModel::DayRole).toInt())));

    s.click(QStringLiteral("calendarViewDay"));
    REQUIRE(s.waitFor([&] { return calendar.view() == CalendarController::View::Day; }));
    CHECK(calendar.dayCount() == 1);
    CHECK(s.isShown(QStringLiteral("weekView")));
    s.press(QKeySequence(QStringLiteral("W")));
    REQUIRE(s.waitFor([&] { return calendar.view() == CalendarController::View::Week; }));
    CHECK(calendar.dayCount() == 7);

    // The mini month pages on its own; a day in it shows that day's week.
    const QDate shownMonth = calendar.miniMonth()->month();
    s.click(QStringLiteral("miniMonthNext"));
    REQUIRE(s.waitFor([&] { return calendar.miniMonth()->month() == shownMonth.addMonths(1); }));
    s.click(QStringLiteral("miniDay_10"));
    REQUIRE(s.waitFor(
        [&] { return calendar.anchor() == calendar.miniMonth()->index(10).data(MonthGridModel::DateRole).toDate(); }));
    s.click(QStringLiteral("calendarTodayButton"));
    REQUIRE(s.waitFor([&] { return calendar.anchor() == calendar.today(); }));

    // An event's details: the title, when, the organizer and the guests with their answers.
    scrollTo(s, 8);
    REQUIRE(s.waitFor([&] { return calendar.timed()->count() > 0; }));
    const QList<Row> shown = rowsOf(*calendar.timed());
    const auto demo = std::find_if(shown.begin(), shown.end(), [](const Row& r) { return kDemoUids.contains(r.uid); });
    REQUIRE(demo != shown.end());
    const Row first = *demo;
    scrollTo(s, first.startMinute / 60);
    s.click(blockName(first));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    CHECK(s.find(QStringLiteral("eventDetailsTitle"))->property("text").toString() == first.title);
    CHECK_FALSE(s.find(QStringLiteral("eventDetailsWhen"))->property("text").toString().isEmpty());
    CHECK(
        s.find(QStringLiteral("eventDetailsOrganizer"))->property("text").toString().contains(QStringLiteral("王芳")));
    CHECK(s.isShown(QStringLiteral("eventAttendee_0")));
    CHECK_FALSE(s.isShown(QStringLiteral("eventDetailsEdit"))); // someone else's event
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventDetailsPopup")); }));

    // A new event: drag across 13:00–14:00 of the week's second day, type a title, save.
    scrollTo(s, 9);
    const QString title = QStringLiteral("Scenario planning 计划");
    createByDragging(s, 1, 13 * 60, 14 * 60, title);
    const Row created = *rowTitled(s, title, 1);
    CHECK(created.startMinute == 13 * 60);
    CHECK(created.endMinute == 14 * 60);
    REQUIRE(s.waitFor([&] { return s.isShown(blockName(created)); }));

    // Dragged two hours later, it moves there (no question: it does not repeat).
    {
        QQuickItem* block = s.item(blockName(created));
        const QPoint from = block->mapToScene(QPointF(block->width() / 2, 12)).toPoint();
        drag(s, from, from + QPoint(0, 2 * 48));
    }
    REQUIRE(s.waitFor(
        [&] {
            const auto row = rowTitled(s, title, 1);
            return row && row->startMinute == 15 * 60 && row->endMinute == 16 * 60;
        },
        5000));

    // Its details offer Edit and Delete; Edit opens the editor on it.
    REQUIRE(s.waitFor([&] { return s.isShown(blockName(*rowTitled(s, title, 1))); }));
    s.click(blockName(*rowTitled(s, title, 1)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    CHECK(s.isShown(QStringLiteral("eventDetailsEdit")));
    CHECK(s.isShown(QStringLiteral("eventDetailsDelete")));
    s.click(QStringLiteral("eventDetailsEdit"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    CHECK(s.find(QStringLiteral("eventTitleField"))->property("text").toString() == title);

    // A guest found by name becomes a chip, with when they are busy that day; saved, the
    // details list them as invited.
    const QVariantList people = calendar.people(QStringLiteral("Li Wei"));
    REQUIRE(people.size() == 1);
    const QString liWei = people.first().toMap().value(QStringLiteral("id")).toString();
    REQUIRE(s.clickToFocus(QStringLiteral("attendeeSearch")));
    s.typeText(QStringLiteral("Li"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("attendeeOption_") + liWei); }));
    s.click(QStringLiteral("attendeeOption_") + liWei);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("attendeeChip_") + liWei); }));
    CHECK(s.isShown(QStringLiteral("freeBusyRow_0")));
    CHECK(s.find(QStringLiteral("attendeeSearch"))->property("text").toString().isEmpty());
    s.screenshot(QStringLiteral("calendar-editor-guest"));
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(s.waitFor(
        [&] {
            const auto row = rowTitled(s, title, 1);
            if (!row)
                return false;
            const QVariantList guests =
                calendar.details(row->uid, QDateTime()).value(QStringLiteral("attendees")).toList();
            return guests.size() == 1 && guests.first().toMap().value(QStringLiteral("id")).toString() == liWei;
        },
        5000));

    // A daily event: dragging one day's occurrence asks which events move; "This event" moves
    // that one only.
    const QString daily = QStringLiteral("Scenario daily");
    createByDragging(s, 2, 10 * 60, 11 * 60, daily, EventDraft::Repeat::Daily);
    REQUIRE(
        s.waitFor([&] { return rowTitled(s, daily, 3).has_value() && s.isShown(blockName(*rowTitled(s, daily, 3))); }));
    {
        QQuickItem* block = s.item(blockName(*rowTitled(s, daily, 3)));
        const QPoint from = block->mapToScene(QPointF(block->width() / 2, 12)).toPoint();
        drag(s, from, from + QPoint(0, 48));
    }
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("scopeDialog")); }));
    CHECK(s.isShown(QStringLiteral("scopeThisEvent")));
    CHECK(s.isShown(QStringLiteral("scopeFollowing")));
    CHECK(s.isShown(QStringLiteral("scopeAll")));
    s.click(QStringLiteral("scopeConfirmButton"));
    REQUIRE(s.waitFor(
        [&] {
            const auto moved = rowTitled(s, daily, 3);
            return moved && moved->startMinute == 11 * 60;
        },
        5000));
    CHECK(rowTitled(s, daily, 2)->startMinute == 10 * 60);
    CHECK(rowTitled(s, daily, 4)->startMinute == 10 * 60);

    // Renaming the daily event from the editor asks the same; "All events" renames every day.
    s.click(blockName(*rowTitled(s, daily, 4)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    s.click(QStringLiteral("eventDetailsEdit"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(s.clickToFocus(QStringLiteral("eventTitleField")));
    s.press(QKeySequence(Qt::Key_End));
    s.typeText(QStringLiteral(" (renamed)"));
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("scopeDialog")); }));
    CHECK(popupOpen(s, QStringLiteral("eventEditorDialog"))); // it stays open behind the question
    s.click(QStringLiteral("scopeAll"));
    s.click(QStringLiteral("scopeConfirmButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    const QString renamed = daily + QStringLiteral(" (renamed)");
    REQUIRE(
        s.waitFor([&] { return rowTitled(s, renamed, 2).has_value() && rowTitled(s, renamed, 4).has_value(); }, 5000));
    CHECK_FALSE(rowTitled(s, daily).has_value());

    // A double click on free time opens the editor on an hour from there.
    QTest::mouseDClick(s.window(), Qt::LeftButton, Qt::NoModifier, gridPoint(s, 0, 17 * 60 + 10));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    {
        auto* draft = qvariant_cast<EventDraft*>(s.find(QStringLiteral("eventEditorDialog"))->property("draft"));
        REQUIRE(draft != nullptr);
        CHECK(draft->property("start").toDateTime().time() == QTime(17, 0));
        CHECK(draft->property("end").toDateTime().time() == QTime(18, 0));
    }
    s.click(QStringLiteral("eventCancelButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));

    // Deleting the first one asks to confirm, then it is gone.
    s.click(blockName(*rowTitled(s, title, 1)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    s.click(QStringLiteral("eventDetailsDelete"));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("scopeDialog")); }));
    CHECK_FALSE(s.isShown(QStringLiteral("scopeThisEvent"))); // it does not repeat
    s.click(QStringLiteral("scopeConfirmButton"));
    REQUIRE(s.waitFor([&] { return !rowTitled(s, title).has_value(); }, 5000));

    // The welcome call the workspace invited this member to: answered from its details.
    const auto welcome = [&] {
        for (const Row& row : rowsOf(*calendar.timed()))
            if (row.uid.startsWith(QLatin1String("demo-welcome-")))
                return std::optional<Row>(row);
        return std::optional<Row>();
    };
    if (!welcome())
        s.press(QKeySequence(Qt::Key_Right)); // tomorrow is in next week
    REQUIRE(s.waitFor([&] { return welcome().has_value(); }));
    scrollTo(s, welcome()->startMinute / 60);
    s.click(blockName(*welcome()));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    CHECK(s.isShown(QStringLiteral("eventDetailsRsvp")));
    REQUIRE(s.clickToFocus(QStringLiteral("rsvpNote")));
    s.typeText(QStringLiteral("Looking forward to it"));
    s.click(QStringLiteral("rsvpAccept"));
    REQUIRE(s.waitFor(
        [&] {
            for (int r = 0; r < calendar.timed()->rowCount(); ++r) {
                const QModelIndex i = calendar.timed()->index(r);
                if (i.data(OccurrenceModel::UidRole).toString().startsWith(QLatin1String("demo-welcome-")))
                    return i.data(OccurrenceModel::ResponseRole).toString() == QLatin1String("accepted");
            }
            return false;
        },
        5000));
    CHECK(s.find(QStringLiteral("eventDetailsError"))->property("visible").toBool() == false);
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    s.press(QKeySequence(QStringLiteral("T")));

    // Offline, a new event waits to be sent: its details say so and offer to discard it.
    s.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(s.waitFor([&] { return s.app().sync().stateName() == QStringLiteral("offline"); }, 5000));
    scrollTo(s, 9);
    const QString offline = QStringLiteral("Written offline");
    createByDragging(s, 5, 16 * 60, 17 * 60, offline);
    const auto pendingRow = [&] {
        for (int r = 0; r < calendar.timed()->rowCount(); ++r)
            if (calendar.timed()->index(r).data(OccurrenceModel::TitleRole).toString() == offline)
                return calendar.timed()->index(r).data(OccurrenceModel::PendingRole).toBool();
        return false;
    };
    REQUIRE(s.waitFor(pendingRow, 5000));
    s.click(blockName(*rowTitled(s, offline, 5)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    CHECK(s.isShown(QStringLiteral("eventDetailsState")));
    CHECK(s.isShown(QStringLiteral("eventDetailsRetry")));
    s.screenshot(QStringLiteral("calendar-pending-event"));
    s.click(QStringLiteral("eventDetailsDiscard"));
    REQUIRE(s.waitFor([&] { return !rowTitled(s, offline).has_value(); }, 5000));
    CHECK_FALSE(popupOpen(s, QStringLiteral("eventDetailsPopup")));
    s.app().sync().setBackendFaults({{QStringLiteral("offline"), false}});
    REQUIRE(s.waitFor([&] { return s.app().sync().stateName() == QStringLiteral("online"); }, 5000));

    // A double click on a day of the month makes an all-day event; the week shows it above the hours.
    s.press(QKeySequence(QStringLiteral("M")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("monthView")); }));
    int todayCell = -1;
    for (int cell = 0; cell < calendar.month()->rowCount(); ++cell)
        if (calendar.month()->index(cell).data(MonthGridModel::TodayRole).toBool())
            todayCell = cell;
    REQUIRE(todayCell >= 0);
    {
        QQuickItem* cell = s.item(QStringLiteral("monthDay_%1").arg(todayCell));
        QTest::mouseDClick(s.window(), Qt::LeftButton, Qt::NoModifier,
                           cell->mapToScene(QPointF(cell->width() - 8, cell->height() - 6)).toPoint());
    }
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    CHECK(s.find(QStringLiteral("eventAllDaySwitch"))->property("checked").toBool());
    CHECK_FALSE(s.isShown(QStringLiteral("eventStartTime")));
    REQUIRE(s.clickToFocus(QStringLiteral("eventTitleField")));
    s.typeText(QStringLiteral("Offsite 团建"));
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    s.press(QKeySequence(QStringLiteral("W")));
    const auto allDayRow = [&] {
        for (const Row& row : rowsOf(*calendar.allDay()))
            if (row.title == QStringLiteral("Offsite 团建"))
                return std::optional<Row>(row);
        return std::optional<Row>();
    };
    REQUIRE(s.waitFor([&] { return allDayRow().has_value(); }, 5000));
    CHECK(s.isShown(QStringLiteral("allDayEvent_%1_%2").arg(allDayRow()->uid).arg(allDayRow()->day)));
    CHECK(calendar.allDay()->lanes() >= 1);

    // A narrow window folds the mini month away.
    CHECK(s.isShown(QStringLiteral("calendarSidebar")));
    const QRect wide = s.window()->geometry();
    s.window()->resize(880, wide.height());
    REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("calendarSidebar")); }));
    s.screenshot(QStringLiteral("calendar-narrow"));
    s.window()->resize(wide.size());
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarSidebar")); }));

    // N opens the editor for a new event; Escape closes it.
    s.press(QKeySequence(QStringLiteral("N")));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));

    // The overflow menu's Import opens a file dialog; cancelling it changes nothing. Export too.
    const int before = calendar.timed()->count();
    s.click(QStringLiteral("calendarMoreButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("importIcsAction")); }));
    s.click(QStringLiteral("importIcsAction"));
    REQUIRE(s.waitFor([&] {
        QObject* dialog = s.find(QStringLiteral("importIcsDialog"), 0);
        return dialog && dialog->property("visible").toBool();
    }));
    s.screenshot(QStringLiteral("calendar-import-dialog"));
    QMetaObject::invokeMethod(s.find(QStringLiteral("importIcsDialog")), "reject");
    REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("importIcsDialog"))->property("visible").toBool(); }));
    s.click(QStringLiteral("calendarMoreButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("exportIcsAction")); }));
    s.click(QStringLiteral("exportIcsAction"));
    REQUIRE(s.waitFor([&] {
        QObject* dialog = s.find(QStringLiteral("exportIcsDialog"), 0);
        return dialog && dialog->property("visible").toBool();
    }));
    QMetaObject::invokeMethod(s.find(QStringLiteral("exportIcsDialog")), "reject");
    REQUIRE(s.waitFor([&] { return !s.find(QStringLiteral("exportIcsDialog"))->property("visible").toBool(); }));
    CHECK(calendar.timed()->count() == before);
    CHECK_FALSE(s.isShown(QStringLiteral("calendarBanner")));

    // A file that is not a calendar: nothing is imported, and the banner says why.
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("notes.ics"));
    {
        QFile file(bad);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("This is not a calendar.\n");
    }
    // (The file is chosen as the dialog opens, the way a file chosen before would be.)
    QObject* importDialog = s.find(QStringLiteral("importIcsDialog"));
    importDialog->setProperty("selectedFile", QUrl::fromLocalFile(bad));
    s.click(QStringLiteral("calendarMoreButton"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("importIcsAction")); }));
    s.click(QStringLiteral("importIcsAction"));
    REQUIRE(s.waitFor([&] { return importDialog->property("visible").toBool(); }));
    QMetaObject::invokeMethod(importDialog, "accept");
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarBanner")); }));
    INFO(s.find(QStringLiteral("calendarBannerText"))->property("text").toString().toStdString());
    CHECK(s.find(QStringLiteral("calendarBannerText"))
              ->property("text")
              .toString()
              .startsWith(QStringLiteral("Nothing was imported.")));
    CHECK(calendar.timed()->count() == before);
    s.screenshot(QStringLiteral("calendar-import-refused"));
    s.click(QStringLiteral("calendarBannerClose"));
    CHECK_FALSE(s.isShown(QStringLiteral("calendarBanner")));

    // An entry the calendar cannot read is named in a warning line, which can be dismissed.
    convene::sync::Mutation broken;
    broken.stream = QStringLiteral("calendar:team");
    broken.kind = QStringLiteral("event");
    broken.payload = "not an event";
    s.app().sync().submit(broken);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarProblems")); }, 5000));
    CHECK_FALSE(calendar.problems().isEmpty());
    QTest::qWait(100); // the line has just been laid out above the views
    s.click(QStringLiteral("calendarProblemsToggle"));
    REQUIRE(s.waitFor([&] {
        return s.find(QStringLiteral("calendarProblemsToggle"))->property("text").toString() == QStringLiteral("Less");
    }));
    s.screenshot(QStringLiteral("calendar-problems"));
    s.click(QStringLiteral("calendarProblemsDismiss"));
    REQUIRE(s.waitFor([&] { return !s.isShown(QStringLiteral("calendarProblems")); }));

    // "+N more" in a crowded day of the month opens that day.
    s.press(QKeySequence(QStringLiteral("M")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("monthView")); }));
    for (int cell = 0; cell < calendar.month()->rowCount(); ++cell) {
        if (!s.isShown(QStringLiteral("monthMore_%1").arg(cell)))
            continue;
        const QDate day = calendar.month()->index(cell).data(MonthGridModel::DateRole).toDate();
        s.click(QStringLiteral("monthMore_%1").arg(cell));
        REQUIRE(s.waitFor([&] { return calendar.view() == CalendarController::View::Day; }));
        CHECK(calendar.anchor() == day);
        break;
    }
    s.press(QKeySequence(QStringLiteral("W")));
    s.press(QKeySequence(QStringLiteral("T")));

    s.screenshot(QStringLiteral("calendar-week"));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("In Chinese the month shows lunar dates under the day numbers")
{
    QmlWarnings warnings(QStringLiteral("Calendar"));
    Scenario s(onCalendar(QStringLiteral("zh_CN")));
    focusWindow(s);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
    CalendarController& calendar = calendarOf(s);
    REQUIRE(s.waitFor([&] { return calendar.loaded(); }, 5000));
    s.click(QStringLiteral("calendarViewMonth"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("monthView")); }));
    const QString lunar = calendar.month()->index(0).data(MonthGridModel::LunarRole).toString();
    CHECK_FALSE(lunar.isEmpty());
    CHECK(s.isShown(QStringLiteral("monthLunar_0")));
    CHECK(s.find(QStringLiteral("monthLunar_0"))->property("text").toString() == lunar);
    s.screenshot(QStringLiteral("calendar-month-zh"));
    CHECK(QmlWarnings::messages() == QStringList());
}

// The day the month grid has the keyboard on (the grid's focusedDate, a QDate as QML holds it).
QDate focusedDay(QQuickItem* grid)
{
    return grid->property("focusedDate").toDateTime().toUTC().date();
}

bool inGrid(const CalendarController& calendar, QDate day)
{
    const qint64 offset = calendar.firstDay().daysTo(day);
    return offset >= 0 && offset < MonthGridModel::kDays;
}

TEST_CASE("The month grid is one stop for the keyboard: arrows, Home, End and the page keys move the day, "
          "Enter makes an event on it")
{
    QmlWarnings warnings(QStringLiteral("Calendar"));
    Scenario s(onCalendar(QStringLiteral("en")));
    focusWindow(s);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
    CalendarController& calendar = calendarOf(s);
    REQUIRE(s.waitFor([&] { return calendar.loaded() && !calendar.empty(); }, 5000));
    s.press(QKeySequence(QStringLiteral("M")));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("monthGrid")); }));
    QQuickItem* grid = s.item(QStringLiteral("monthGrid"));
    const QDate today = calendar.today();

    // The grid is one Tab stop, a table named for its month; the events in it come after it.
    REQUIRE(s.item(QStringLiteral("calendarTodayButton"))->isVisible());
    s.item(QStringLiteral("calendarTodayButton"))->forceActiveFocus(Qt::TabFocusReason);
    for (int i = 0; i < 40 && s.window()->activeFocusItem() != grid; ++i)
        s.press(QKeySequence(Qt::Key_Tab));
    REQUIRE(s.window()->activeFocusItem() == grid);
    QAccessibleInterface* table = QAccessible::queryAccessibleInterface(grid);
    REQUIRE(table != nullptr);
    CHECK(table->role() == QAccessible::Table);
    CHECK(table->text(QAccessible::Name) == QStringLiteral("Month of %1").arg(calendar.rangeTitle()));
    s.press(QKeySequence(Qt::Key_Tab));
    REQUIRE(s.window()->activeFocusItem() != nullptr);
    CHECK(s.window()->activeFocusItem()->objectName().startsWith(QStringLiteral("monthEvent_")));
    s.press(QKeySequence(Qt::Key_Backtab));
    REQUIRE(s.window()->activeFocusItem() == grid);

    // It starts on today: selected, focused, ringed and named with its events.
    CHECK(focusedDay(grid) == today);
    const auto cellOf = [&](QDate day) {
        return s.item(QStringLiteral("monthDay_%1").arg(calendar.firstDay().daysTo(day)));
    };
    {
        QQuickItem* cell = cellOf(today);
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(cell);
        REQUIRE(iface != nullptr);
        CHECK(iface->role() == QAccessible::Cell);
        CHECK(iface->state().selected);
        CHECK(iface->state().focused);
        const QString name = iface->text(QAccessible::Name);
        INFO(name.toStdString());
        CHECK(name.contains(QStringLiteral("today")));
        const int index = int(calendar.firstDay().daysTo(today));
        const QModelIndex day = calendar.month()->index(index);
        const int events =
            int(day.data(MonthGridModel::EventsRole).toList().size()) + day.data(MonthGridModel::MoreRole).toInt();
        REQUIRE(events > 0); // the demo's events start today
        CHECK(name.contains(events == 1 ? QStringLiteral("1 event") : QStringLiteral("%1 events").arg(events)));
        CHECK(s.isShown(QStringLiteral("monthDayFocus_%1").arg(index)));
    }

    // Right: the next day, not the next month.
    s.press(QKeySequence(Qt::Key_Right));
    QDate expected = today.addDays(1);
    CHECK(focusedDay(grid) == expected);
    CHECK(calendar.anchor() == today);
    {
        QAccessibleInterface* before = QAccessible::queryAccessibleInterface(cellOf(today));
        QAccessibleInterface* after = QAccessible::queryAccessibleInterface(cellOf(expected));
        CHECK_FALSE(before->state().selected);
        CHECK_FALSE(before->state().focused);
        CHECK(after->state().selected);
        CHECK(after->state().focused);
        CHECK_FALSE(after->text(QAccessible::Name).contains(QStringLiteral("today")));
    }

    // Down: a week on; PageDown: a month on, and the month shown follows.
    s.press(QKeySequence(Qt::Key_Down));
    expected = expected.addDays(7);
    CHECK(focusedDay(grid) == expected);
    CHECK(inGrid(calendar, expected));
    s.press(QKeySequence(Qt::Key_PageDown));
    expected = expected.addMonths(1);
    CHECK(focusedDay(grid) == expected);
    CHECK(calendar.anchor() == expected);
    CHECK(calendar.view() == CalendarController::View::Month);

    // Home and End: the first and the last day of its week.
    s.press(QKeySequence(Qt::Key_Home));
    const QDate weekFirst = expected.addDays(-((expected.dayOfWeek() - calendar.weekStart() + 7) % 7));
    CHECK(focusedDay(grid) == weekFirst);
    s.press(QKeySequence(Qt::Key_End));
    CHECK(focusedDay(grid) == weekFirst.addDays(6));
    QAccessibleInterface* weekLast = QAccessible::queryAccessibleInterface(cellOf(weekFirst.addDays(6)));
    REQUIRE(weekLast != nullptr);
    CHECK(weekLast->state().selected);

    // Up past the weeks shown: the month shown moves with the day.
    expected = weekFirst.addDays(6);
    for (int i = 0; i < 7; ++i) {
        s.press(QKeySequence(Qt::Key_Up));
        expected = expected.addDays(-7);
        INFO("Up " << i);
        CHECK(focusedDay(grid) == expected);
        CHECK(inGrid(calendar, expected));
    }
    s.press(QKeySequence(Qt::Key_PageUp));
    expected = expected.addMonths(-1);
    CHECK(focusedDay(grid) == expected);
    CHECK(calendar.anchor() == expected);

    // Enter: a new all-day event on that day.
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    auto* draft = qvariant_cast<EventDraft*>(s.find(QStringLiteral("eventEditorDialog"))->property("draft"));
    REQUIRE(draft != nullptr);
    CHECK(draft->isNew());
    CHECK(draft->property("allDay").toBool());
    CHECK(draft->property("start").toDateTime().date() == expected);
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));

    // T shows today's month again; the grid's day follows, also from another day of that month.
    s.press(QKeySequence(QStringLiteral("T")));
    REQUIRE(s.waitFor([&] { return calendar.anchor() == today; }));
    CHECK(focusedDay(grid) == today);
    s.press(QKeySequence(Qt::Key_Right));
    REQUIRE(focusedDay(grid) == today.addDays(1));
    s.press(QKeySequence(QStringLiteral("T")));
    CHECK(focusedDay(grid) == today);
    s.screenshot(QStringLiteral("calendar-month-keyboard"));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("The mini month is one stop for the keyboard: the month view's keys move its day, Enter shows it")
{
    QmlWarnings warnings(QStringLiteral("Calendar"));
    Scenario s(onCalendar(QStringLiteral("en")));
    focusWindow(s);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("miniMonthGrid")); }, 5000));
    CalendarController& calendar = calendarOf(s);
    QQuickItem* grid = s.item(QStringLiteral("miniMonthGrid"));
    const QDate today = calendar.today();

    s.item(QStringLiteral("miniMonthNext"))->forceActiveFocus(Qt::TabFocusReason);
    s.press(QKeySequence(Qt::Key_Tab));
    REQUIRE(s.window()->activeFocusItem() == grid);
    QAccessibleInterface* table = QAccessible::queryAccessibleInterface(grid);
    REQUIRE(table != nullptr);
    CHECK(table->role() == QAccessible::Table);
    CHECK(table->text(QAccessible::Name) == QStringLiteral("Month overview"));

    // On today, ringed and named so; the arrows move the day without changing the week shown.
    CHECK(focusedDay(grid) == today);
    const auto cellIndex = [&](QDate day) {
        for (int i = 0; i < calendar.miniMonth()->rowCount(); ++i)
            if (calendar.miniMonth()->index(i).data(MonthGridModel::DateRole).toDate() == day)
                return i;
        return -1;
    };
    {
        const int index = cellIndex(today);
        REQUIRE(index >= 0);
        CHECK(s.isShown(QStringLiteral("miniDayFocus_%1").arg(index)));
        QAccessibleInterface* cell =
            QAccessible::queryAccessibleInterface(s.item(QStringLiteral("miniDay_%1").arg(index)));
        REQUIRE(cell != nullptr);
        CHECK(cell->state().focused);
        CHECK(cell->text(QAccessible::Name).endsWith(QStringLiteral(", today")));
    }
    const QDate firstDay = calendar.firstDay();
    s.press(QKeySequence(Qt::Key_Down));
    CHECK(focusedDay(grid) == today.addDays(7));
    CHECK(calendar.firstDay() == firstDay);

    // Page Down: the same day a month on, and the mini month pages to it; Enter shows its week.
    s.press(QKeySequence(Qt::Key_PageDown));
    const QDate target = today.addDays(7).addMonths(1);
    CHECK(focusedDay(grid) == target);
    CHECK(calendar.miniMonth()->month().month() == target.month());
    CHECK(calendar.firstDay() == firstDay);
    s.press(QKeySequence(Qt::Key_Return));
    REQUIRE(s.waitFor([&] { return calendar.anchor() == target; }));
    CHECK(s.window()->activeFocusItem() == grid);
    CHECK(s.isShown(QStringLiteral("miniDayFocus_%1").arg(cellIndex(target))));

    // T: back to today, and so is the mini month's day; its arrows page the day with the month.
    s.press(QKeySequence(QStringLiteral("T")));
    REQUIRE(s.waitFor([&] { return calendar.anchor() == today; }));
    CHECK(focusedDay(grid) == today);
    s.click(QStringLiteral("miniMonthNext"));
    CHECK(focusedDay(grid) == today.addMonths(1));
    CHECK(calendar.miniMonth()->month().month() == today.addMonths(1).month());
    s.screenshot(QStringLiteral("calendar-mini-month-keyboard"));
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("In a narrow window the toolbar keeps the title whole and offers the views as a list")
{
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        INFO(language.toStdString());
        QmlWarnings warnings(QStringLiteral("Calendar"));
        Scenario s(onCalendar(language));
        focusWindow(s);
        s.window()->resize(760, 500);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarViewChooser")); }, 5000));
        CHECK_FALSE(s.isShown(QStringLiteral("calendarViewSwitch")));
        CalendarController& calendar = calendarOf(s);
        QQuickItem* title = s.item(QStringLiteral("calendarRangeTitle"));
        for (const char* view : {"D", "W", "M", "A"}) {
            INFO(view);
            s.press(QKeySequence(QString::fromLatin1(view)));
            QTest::qWait(100);
            CHECK(title->property("text").toString() == calendar.rangeTitle());
            CHECK_FALSE(title->property("truncated").toBool());
            // Not shrunk to fit below the body text's size.
            const int pixelSize =
                title->property("fontInfo").value<QJSValue>().property(QStringLiteral("pixelSize")).toInt();
            CHECK(pixelSize >= 14);
        }
        s.screenshot(QStringLiteral("calendar-narrow-toolbar-%1").arg(language));

        // The list shows the view in use, whole, and switches to the one chosen.
        QQuickItem* chooser = s.item(QStringLiteral("calendarViewChooser"));
        CHECK(title->mapToScene(QPointF(title->width(), 0)).x() <= chooser->mapToScene(QPointF(0, 0)).x());
        CHECK_FALSE(chooser->property("contentItem").value<QQuickItem*>()->property("truncated").toBool());
        CHECK(chooser->property("currentIndex").toInt() == 3); // Agenda
        s.click(chooser);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarViewChooser_option_2")); }));
        s.click(QStringLiteral("calendarViewChooser_option_2"));
        REQUIRE(s.waitFor([&] { return calendar.view() == CalendarController::View::Month; }));
        CHECK(chooser->property("currentIndex").toInt() == 2);
        CHECK(QmlWarnings::messages() == QStringList());
    }
}

TEST_CASE("Join in an event's details opens the screen before joining its call")
{
    QmlWarnings warnings(QStringLiteral("Calendar"));
    QTemporaryDir profile;
    {
        QSettings state(profile.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        state.setValue(QStringLiteral("testing/syntheticMedia"), true);
        state.setValue(QStringLiteral("testing/mediaLoopbackOnly"), true);
        state.setValue(QStringLiteral("call/videoHeight"), 360);
    }
    Scenario::Config config = onCalendar(QStringLiteral("en"));
    config.options.profileDir = profile.path();
    Scenario s(config);
    focusWindow(s);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
    CalendarController& calendar = calendarOf(s);
    REQUIRE(s.waitFor([&] { return calendar.loaded(); }, 5000));

    // An event going on now, with a video call: drag across the current quarter hour of today.
    const int today = int(calendar.firstDay().daysTo(calendar.today()));
    const QTime now = calendar.now().toLocalTime().time();
    const int from = std::min(now.hour() * 60 + now.minute() / 15 * 15, 24 * 60 - 30);
    scrollTo(s, std::max(0, from / 60 - 1));
    // A press on an event opens it, and a short event's block is drawn taller than its time: when
    // the demo's stand-up (09:00) is in the way, press below it and drag up into this quarter.
    int press = from + 5;
    for (const Row& row : rowsOf(*calendar.timed())) {
        const int drawnEnd = std::max(row.endMinute, row.startMinute + 30);
        if (row.day == today && row.startMinute < from + 30 && from < drawnEnd)
            press = std::min(24 * 60 - 5, std::max(press, drawnEnd + 5));
    }
    if (press == from + 5)
        drag(s, gridPoint(s, today, from + 5), gridPoint(s, today, from + 25));
    else
        drag(s, gridPoint(s, today, press), gridPoint(s, today, from + 5));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(s.clickToFocus(QStringLiteral("eventTitleField")));
    s.typeText(QStringLiteral("Quick sync"));
    s.click(QStringLiteral("eventVideoCallSwitch"));
    s.click(QStringLiteral("eventSaveButton"));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(s.waitFor([&] { return rowTitled(s, QStringLiteral("Quick sync"), today).has_value(); }, 5000));

    s.click(blockName(*rowTitled(s, QStringLiteral("Quick sync"), today)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    REQUIRE(s.waitFor([&] { return s.item(QStringLiteral("eventDetailsJoin"))->isEnabled(); }));
    s.click(QStringLiteral("eventDetailsJoin"));
    // As in Teams: a meeting is joined from the screen before it, with the devices chosen there.
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("preJoinJoinButton")); }));
    CHECK(s.controller().currentView() == QStringLiteral("calls"));
    CHECK(s.app().calls().stateName() == QLatin1String("idle"));
    CHECK_FALSE(s.app().calls().joining());
    s.click(QStringLiteral("preJoinJoinButton"));
    REQUIRE(s.waitFor([&] { return s.app().calls().stateName() == QLatin1String("inCall"); }, 8000));
    CHECK(s.app().calls().stream().startsWith(QLatin1String("meeting:")));
    CHECK(s.controller().currentView() == QStringLiteral("calls"));
    s.click(QStringLiteral("callLeaveButton"));
    REQUIRE(s.waitFor([&] { return s.app().calls().stateName() == QLatin1String("idle"); }));
    CHECK(QmlWarnings::messages() == QStringList());
}
