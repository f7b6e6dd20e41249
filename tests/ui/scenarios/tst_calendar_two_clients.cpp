// The calendar between two members, Ana and Bo, each in an app of their own on one local
// workspace: an invitation with a call reaches Bo's calendar, his notifications and his chat; his
// answer and note reach Ana; her move and her cancellation reach him. Reminders fire for what Bo
// accepted and not for what he declined, and one that fell due while his app was closed comes out
// as missed when he opens it again. Also: every calendar view in English and Chinese, light and
// dark, saved as screenshots. No QML warning may be logged on the way.
// Notifications are read where the calendar emits them (Scenario::calendarNotifications): the
// tray that would show them does not exist in these tests.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/event_draft.h>
#include <convene/calendar/occurrence_model.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/chat_events.h>

#include "catch_qt_strings.h"

#include <QDir>
#include <QLocale>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using convene::calendar::CalendarController;
using convene::calendar::EventDraft;
using convene::calendar::OccurrenceModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

CalendarController& calendarOf(Scenario& s)
{
    CalendarController* calendar = s.controller().calendar();
    REQUIRE(calendar != nullptr);
    return *calendar;
}

QString userOf(Scenario& s)
{
    return s.app().chat().userId();
}

// An occurrence as the week grid lists it.
struct Row {
    QString uid;
    QString title;
    int day = 0;
    int startMinute = 0;
    int endMinute = 0;
    bool invited = false;
    QString response;
    bool cancelled = false;
};

std::optional<Row> timedRow(Scenario& s, const std::function<bool(const Row&)>& wanted)
{
    const OccurrenceModel& model = *calendarOf(s).timed();
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r);
        const Row row{
            i.data(OccurrenceModel::UidRole).toString(),      i.data(OccurrenceModel::TitleRole).toString(),
            i.data(OccurrenceModel::DayRole).toInt(),         i.data(OccurrenceModel::StartMinuteRole).toInt(),
            i.data(OccurrenceModel::EndMinuteRole).toInt(),   i.data(OccurrenceModel::InvitedRole).toBool(),
            i.data(OccurrenceModel::ResponseRole).toString(), i.data(OccurrenceModel::CancelledRole).toBool()};
        if (wanted(row))
            return row;
    }
    return std::nullopt;
}

std::optional<Row> rowOf(Scenario& s, const QString& uid)
{
    return timedRow(s, [&](const Row& row) { return row.uid == uid; });
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

QString textOf(Scenario& s, const QString& name)
{
    QObject* object = s.find(name, 0);
    return object ? object->property("text").toString() : QString();
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

// Scrolls the hours of the week grid so that `hour` is at the top.
void scrollTo(Scenario& s, int hour)
{
    s.item(QStringLiteral("weekGrid"))->setProperty("contentY", hour * 48);
    QTest::qWait(50);
}

// Every text shown in `root`'s subtree.
QStringList textsUnder(QQuickItem* root)
{
    QStringList texts;
    if (!root || !root->isVisible())
        return texts;
    const QVariant text = root->property("text");
    if (text.isValid() && !text.toString().isEmpty())
        texts << text.toString();
    const auto children = root->childItems();
    for (QQuickItem* child : children)
        texts << textsUnder(child);
    return texts;
}

int notificationCount(const Scenario& s, const QString& title, const QString& text)
{
    int count = 0;
    for (const Scenario::Notification& n : s.calendarNotifications())
        count += n.title == title && n.text == text ? 1 : 0;
    return count;
}

int notificationsTitled(const Scenario& s, const QString& title)
{
    int count = 0;
    for (const Scenario::Notification& n : s.calendarNotifications())
        count += n.title == title ? 1 : 0;
    return count;
}

// Waits until `s` has shown exactly `count` notifications `title`: `text`; says which it did show
// when it has not.
bool notified(const Scenario& s, const QString& title, const QString& text, int timeoutMs = 5000, int count = 1)
{
    if (s.waitFor([&] { return notificationCount(s, title, text) == count; }, timeoutMs))
        return true;
    QStringList lines;
    for (const Scenario::Notification& n : s.calendarNotifications())
        lines << n.title + QStringLiteral(": ") + n.text;
    UNSCOPED_INFO("notifications shown:\n" << lines.join(u'\n').toStdString());
    return false;
}

// Shows `uid` in the week grid and opens its details by clicking it.
void openDetails(Scenario& s, const QString& uid)
{
    focusWindow(s); // of the two apps' windows, only the active one takes the keyboard
    REQUIRE(s.waitFor([&] { return rowOf(s, uid).has_value(); }, 5000));
    scrollTo(s, std::max(0, rowOf(s, uid)->startMinute / 60 - 1));
    REQUIRE(s.waitFor([&] { return s.isShown(blockName(*rowOf(s, uid))); }));
    s.click(blockName(*rowOf(s, uid)));
    REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
    REQUIRE(textOf(s, QStringLiteral("eventDetailsTitle")) == rowOf(s, uid)->title);
}

void closeDetails(Scenario& s)
{
    s.press(QKeySequence(Qt::Key_Escape));
    REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventDetailsPopup")); }));
}

void showView(Scenario& s, const QString& view)
{
    s.click(QStringLiteral("nav_") + view);
    REQUIRE(s.waitFor([&] { return s.controller().currentView() == view; }));
}

// Opens the direct conversation with `other` in the chat and waits for the invitation card of `uid`.
void openInvitationCard(Scenario& s, const QString& other, const QString& uid)
{
    const QString dm = convene::chat::directStream({userOf(s), other});
    focusWindow(s);
    showView(s, QStringLiteral("chat"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + dm); }, 10000));
    s.click(QStringLiteral("channel_") + dm);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == dm; }));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("invitationCard_") + uid); }, 10000));
}

// Ana and Bo, each in an app of their own on one shared workspace, both in the calendar.
struct AnaAndBo {
    QTemporaryDir shared;
    QTemporaryDir boProfile; // Bo's app can be closed and opened again on it
    QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario ana{Scenario::member(workspace, QStringLiteral("Ana"), QStringLiteral("calendar"))};
    std::optional<Scenario> bo;

    AnaAndBo()
    {
        openBo();
        CalendarController& calendar = calendarOf(ana);
        REQUIRE(ana.waitFor([&] { return calendar.loaded(); }, 5000));
        const QString boId = userOf(*bo);
        REQUIRE(ana.waitFor([&] { return ana.app().chat().peopleDirectory().contains(boId); }, 5000));
        REQUIRE(bo->waitFor([&] { return bo->app().chat().peopleDirectory().contains(userOf(ana)); }, 5000));
    }

    void openBo()
    {
        bo.emplace(Scenario::member(workspace, QStringLiteral("Bo"), QStringLiteral("calendar"), boProfile.path()));
        CalendarController& calendar = calendarOf(*bo);
        REQUIRE(bo->waitFor([&] { return calendar.loaded(); }, 5000));
    }
};

// A new event made the way the editor makes it: `start` to `start + minutes`, with `reminders`
// minutes before its start and the guests. Returns its uid, once the organizer's calendar has it.
QString createEvent(Scenario& organizer, const QString& title, const QDateTime& start, int minutes,
                    const QList<int>& reminders, const QStringList& guests)
{
    CalendarController& calendar = calendarOf(organizer);
    std::unique_ptr<EventDraft> draft(calendar.newDraft(start, start.addSecs(minutes * 60), false));
    REQUIRE(draft);
    draft->setProperty("title", title);
    draft->setProperty("attendees", guests);
    draft->setProperty("reminderMinutes", QVariant::fromValue(reminders));
    REQUIRE(calendar.save(draft.get(), CalendarController::Scope::AllEvents) == QString());
    calendar.goToDate(start.date());
    std::optional<Row> row;
    REQUIRE(organizer.waitFor(
        [&] {
            row = timedRow(organizer, [&](const Row& r) { return r.title == title; });
            return row.has_value();
        },
        5000));
    return row->uid;
}

QDateTime wholeMinute(const QDateTime& time)
{
    return QDateTime(time.date(), QTime(time.time().hour(), time.time().minute()));
}

QString shortTime(const QDateTime& time)
{
    return QLocale().toString(time.time(), QLocale::ShortFormat);
}

} // namespace

TEST_CASE("Ana invites Bo to a call: Bo is told, sees it and answers; Ana's move and cancellation reach him")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    Scenario& bo = *team.bo;
    CalendarController& anaCalendar = calendarOf(ana);
    CalendarController& boCalendar = calendarOf(bo);
    const QString anaId = userOf(ana);
    const QString boId = userOf(bo);

    // 1. Ana makes an event with N: a title, a video call, Bo as a guest.
    const QString title = QStringLiteral("Launch review 发布评审");
    focusWindow(ana);
    ana.press(QKeySequence(QStringLiteral("N")));
    REQUIRE(ana.waitFor([&] { return popupOpen(ana, QStringLiteral("eventEditorDialog")); }));
    REQUIRE(ana.clickToFocus(QStringLiteral("eventTitleField")));
    ana.typeText(title);
    ana.click(QStringLiteral("eventVideoCallSwitch"));
    REQUIRE(
        ana.waitFor([&] { return ana.find(QStringLiteral("eventVideoCallSwitch"))->property("checked").toBool(); }));
    REQUIRE(ana.clickToFocus(QStringLiteral("attendeeSearch")));
    ana.typeText(QStringLiteral("Bo"));
    REQUIRE(ana.waitFor([&] { return ana.isShown(QStringLiteral("attendeeOption_") + boId); }));
    ana.click(QStringLiteral("attendeeOption_") + boId);
    REQUIRE(ana.waitFor([&] { return ana.isShown(QStringLiteral("attendeeChip_") + boId); }));
    ana.click(QStringLiteral("eventSaveButton"));
    REQUIRE(ana.waitFor([&] { return !popupOpen(ana, QStringLiteral("eventEditorDialog")); }));
    std::optional<Row> created;
    REQUIRE(ana.waitFor(
        [&] {
            created = timedRow(ana, [&](const Row& r) { return r.title == title; });
            return created.has_value();
        },
        5000));
    const QString uid = created->uid;
    CHECK_FALSE(anaCalendar.details(uid, QDateTime()).value(QStringLiteral("meetingLink")).toString().isEmpty());

    // Bo's week shows it, waiting for his answer; he is told he was invited.
    REQUIRE(bo.waitFor([&] { return rowOf(bo, uid).has_value(); }, 10000));
    CHECK(rowOf(bo, uid)->invited);
    CHECK(rowOf(bo, uid)->response == QStringLiteral("needs-action"));
    CHECK(rowOf(bo, uid)->startMinute == created->startMinute);
    scrollTo(bo, std::max(0, created->startMinute / 60 - 1));
    CHECK(bo.waitFor([&] { return bo.isShown(blockName(*rowOf(bo, uid))); }));
    CHECK(bo.find(blockName(*rowOf(bo, uid)))->property("awaitingAnswer").toBool());
    REQUIRE(notified(bo, title, QStringLiteral("Ana invited you")));
    CHECK(notificationsTitled(ana, title) == 0); // the organizer is not told about her own event

    // His direct messages with Ana hold the invitation as a card.
    openInvitationCard(bo, anaId, uid);
    CHECK(bo.waitFor([&] { return textOf(bo, QStringLiteral("invitationTitle")) == title; }));
    CHECK(textOf(bo, QStringLiteral("invitationOrganizer")) == QStringLiteral("Organizer: Ana"));
    CHECK(textOf(bo, QStringLiteral("invitationState")) == QStringLiteral("Your answer: Not answered yet"));
    CHECK(bo.isShown(QStringLiteral("invitationAccept")));

    // 2. Bo answers Maybe, with a note, in the event's details.
    showView(bo, QStringLiteral("calendar"));
    openDetails(bo, uid);
    CHECK(bo.isShown(QStringLiteral("eventDetailsRsvp")));
    CHECK_FALSE(bo.isShown(QStringLiteral("eventDetailsEdit")));
    CHECK(bo.isShown(QStringLiteral("eventDetailsJoin")));
    const QString note = QStringLiteral("Might be 10 min late 可能晚到");
    REQUIRE(bo.clickToFocus(QStringLiteral("rsvpNote")));
    bo.typeText(note);
    bo.click(QStringLiteral("rsvpMaybe"));
    REQUIRE(
        bo.waitFor([&] { return rowOf(bo, uid) && rowOf(bo, uid)->response == QStringLiteral("tentative"); }, 5000));
    CHECK_FALSE(bo.isShown(QStringLiteral("eventDetailsError")));
    CHECK(bo.waitFor([&] { return bo.find(QStringLiteral("rsvpMaybe"))->property("current").toBool(); }));
    closeDetails(bo);

    // Ana's details show Bo's answer and his note.
    const auto boAnswer = [&] {
        const QVariantList guests = anaCalendar.details(uid, QDateTime()).value(QStringLiteral("attendees")).toList();
        return guests.size() == 1 ? guests.first().toMap() : QVariantMap();
    };
    REQUIRE(
        ana.waitFor([&] { return boAnswer().value(QStringLiteral("response")) == QStringLiteral("tentative"); }, 5000));
    CHECK(boAnswer().value(QStringLiteral("note")).toString() == note);
    openDetails(ana, uid);
    CHECK(ana.isShown(QStringLiteral("eventDetailsEdit")));
    CHECK_FALSE(ana.isShown(QStringLiteral("eventDetailsRsvp")));
    REQUIRE(ana.waitFor([&] { return ana.isShown(QStringLiteral("eventAttendee_0")); }));
    {
        const QStringList shown = textsUnder(ana.item(QStringLiteral("eventAttendee_0")));
        INFO(shown.join(QStringLiteral(" | ")).toStdString());
        CHECK(shown.contains(QStringLiteral("Bo")));
        CHECK(shown.contains(QStringLiteral("Maybe")));
        CHECK(shown.contains(QStringLiteral("“") + note + QStringLiteral("”")));
    }
    closeDetails(ana);

    // 3. Ana moves it two hours (earlier in the afternoon, later in the morning): Bo is told and sees the new time.
    const QDateTime start = anaCalendar.details(uid, QDateTime()).value(QStringLiteral("start")).toDateTime();
    const QDateTime end = anaCalendar.details(uid, QDateTime()).value(QStringLiteral("end")).toDateTime();
    const int shift = start.time().hour() >= 12 ? -2 * 3600 : 2 * 3600;
    REQUIRE(anaCalendar.move(uid, QDateTime(), start.addSecs(shift), end.addSecs(shift),
                             CalendarController::Scope::AllEvents) == QString());
    const int movedMinute = created->startMinute + shift / 60;
    REQUIRE(notified(bo, title, QStringLiteral("Ana changed the event")));
    REQUIRE(bo.waitFor([&] { return rowOf(bo, uid) && rowOf(bo, uid)->startMinute == movedMinute; }, 5000));
    CHECK(boCalendar.details(uid, QDateTime()).value(QStringLiteral("start")).toDateTime() == start.addSecs(shift));
    scrollTo(bo, std::max(0, movedMinute / 60 - 1));
    CHECK(bo.waitFor([&] { return bo.isShown(blockName(*rowOf(bo, uid))); }));

    // 4. Ana deletes it from its details, and confirms: Bo is told it is cancelled.
    REQUIRE(ana.waitFor([&] { return rowOf(ana, uid) && rowOf(ana, uid)->startMinute == movedMinute; }, 5000));
    openDetails(ana, uid);
    ana.click(QStringLiteral("eventDetailsDelete"));
    REQUIRE(ana.waitFor([&] { return popupOpen(ana, QStringLiteral("scopeDialog")); }));
    CHECK(textOf(ana, QStringLiteral("scopeQuestion")).contains(title));
    ana.click(QStringLiteral("scopeConfirmButton"));
    REQUIRE(ana.waitFor([&] { return !rowOf(ana, uid) || rowOf(ana, uid)->cancelled; }, 5000));
    REQUIRE(notified(bo, title, QStringLiteral("Ana cancelled the event")));
    // Gone from his week, or struck through there.
    REQUIRE(bo.waitFor([&] { return !rowOf(bo, uid) || rowOf(bo, uid)->cancelled; }, 5000));
    CHECK(notificationsTitled(bo, title) == 3); // invited, changed, cancelled: each once
    bo.screenshot(QStringLiteral("calendar-two-clients-cancelled"));

    // The card in his chat no longer offers answers.
    openInvitationCard(bo, anaId, uid);
    CHECK(bo.waitFor(
        [&] {
            const QString state = textOf(bo, QStringLiteral("invitationState"));
            return state == QStringLiteral("Cancelled") ||
                   state == QStringLiteral("This event is no longer in the calendar.");
        },
        5000));
    CHECK_FALSE(bo.isShown(QStringLiteral("invitationAccept")));

    CHECK(notificationsTitled(ana, title) == 0);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Reminders: Bo's app reminds him of the event he accepted, not of the one he declined")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    Scenario& bo = *team.bo;
    CalendarController& boCalendar = calendarOf(bo);
    const QString boId = userOf(bo);

    // Events start on whole minutes and remind whole minutes before: reminders fall due as a
    // minute turns, and only while the app runs when they are due after the event reached it
    // (the app looks for reminders due since it last looked, and it looks on every change). The
    // next turn at least 3 s away (the setup takes a quarter of a second) is at most 63 s away.
    const QDateTime due = wholeMinute(QDateTime::currentDateTime().addSecs(3)).addSecs(60);
    const QDateTime start = due.addSecs(5 * 60);
    const QString accepted = QStringLiteral("Design sync 设计同步");
    const QString declined = QStringLiteral("Budget review 预算");
    const QString acceptedUid = createEvent(ana, accepted, start, 30, {5}, {boId});
    const QString declinedUid = createEvent(ana, declined, start, 30, {5}, {boId});

    boCalendar.goToDate(start.date());
    REQUIRE(bo.waitFor([&] { return rowOf(bo, acceptedUid) && rowOf(bo, declinedUid); }, 10000));
    REQUIRE(boCalendar.respond(acceptedUid, QStringLiteral("accepted"), QString()) == QString());
    REQUIRE(boCalendar.respond(declinedUid, QStringLiteral("declined"), QString()) == QString());
    REQUIRE(bo.waitFor(
        [&] {
            return rowOf(bo, acceptedUid)->response == QStringLiteral("accepted") &&
                   rowOf(bo, declinedUid)->response == QStringLiteral("declined");
        },
        5000));
    INFO("set up by " << QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toStdString() << ", due "
                      << due.toString(Qt::ISODate).toStdString());
    REQUIRE(QDateTime::currentDateTime() < due); // else the test was too slow to show anything
    CHECK(notificationsTitled(bo, accepted) == 1); // the invitation only
    CHECK(notificationsTitled(bo, declined) == 1);

    // When the minute turns, Bo is reminded of the accepted event only; Ana of both of hers.
    const QString startsAt = QStringLiteral("Starts at ") + shortTime(start);
    REQUIRE(notified(bo, accepted, startsAt, 80'000));
    CHECK(QDateTime::currentDateTime() >= due);
    CHECK(ana.waitFor([&] {
        return notificationCount(ana, accepted, startsAt) == 1 && notificationCount(ana, declined, startsAt) == 1;
    }));
    CHECK(notificationCount(bo, declined, startsAt) == 0);
    CHECK(notificationsTitled(bo, declined) == 1);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("A reminder that fell due while Bo's app was closed comes out as missed when he opens it, once")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    AnaAndBo team;
    Scenario& ana = team.ana;
    const QString boId = userOf(*team.bo);

    // An event that began three minutes ago, reminding at its start; Bo has it in his calendar.
    // (His app, running, does not remind him: the reminder was due before the event reached it.)
    const QDateTime start = wholeMinute(QDateTime::currentDateTime()).addSecs(-3 * 60);
    const QString title = QStringLiteral("Standup 站会");
    const QString uid = createEvent(ana, title, start, 30, {0}, {boId});
    calendarOf(*team.bo).goToDate(start.date());
    REQUIRE(team.bo->waitFor([&] { return rowOf(*team.bo, uid).has_value(); }, 10000));
    REQUIRE(team.bo->waitFor([&] { return notificationsTitled(*team.bo, title) == 1; })); // "invited you"
    CHECK(notificationCount(*team.bo, title, QStringLiteral("Ana invited you")) == 1);

    // Bo closes his app. Of time, the closed app keeps only when it last looked for reminders
    // (calendar/remindersCheckedAt in the profile's settings). Set back to seven minutes before
    // the start, the app has been closed since then, and the reminder fell due meanwhile. (Waiting
    // for one to fall due would take over a minute: only reminders shown over a minute late are
    // missed ones.)
    team.bo.reset();
    {
        QSettings state(QDir(team.boProfile.path()).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const QDateTime checked = state.value(QStringLiteral("calendar/remindersCheckedAt")).toDateTime();
        REQUIRE(checked.isValid()); // where the app keeps it (app/src/calendar_setup.cpp)
        CHECK(checked > start);
        state.setValue(QStringLiteral("calendar/remindersCheckedAt"), start.addSecs(-7 * 60).toUTC());
    }

    // Opened again, it shows the reminder at once, as missed.
    team.openBo();
    Scenario& bo = *team.bo;
    const QString missed = QStringLiteral("Missed reminder: started at ") + shortTime(start);
    REQUIRE(notified(bo, title, missed));
    CHECK(notificationsTitled(bo, title) == 1);

    // And only once: opened once more, the app has nothing to say about it.
    bo.restart();
    REQUIRE(bo.waitFor([&] { return calendarOf(bo).loaded(); }, 5000));
    calendarOf(bo).goToDate(start.date());
    REQUIRE(bo.waitFor([&] { return rowOf(bo, uid).has_value(); }, 5000));
    CHECK(notificationsTitled(bo, title) == 0);
    CHECK(notificationsTitled(ana, title) == 0);
    CHECK(QmlWarnings::messages() == QStringList());
}

TEST_CASE("Screenshots: every calendar view, the details and the editor in English and Chinese, light and dark")
{
    const QList<std::pair<QString, QString>> combinations{{QStringLiteral("en"), QStringLiteral("light")},
                                                          {QStringLiteral("en"), QStringLiteral("dark")},
                                                          {QStringLiteral("zh_CN"), QStringLiteral("light")},
                                                          {QStringLiteral("zh_CN"), QStringLiteral("dark")}};
    for (const auto& [language, theme] : combinations) {
        INFO(language.toStdString() << ", " << theme.toStdString());
        QmlWarnings warnings(QStringLiteral(".qml"));
        Scenario::Config config;
        config.options.language = language;
        config.options.theme = theme;
        config.options.view = QStringLiteral("calendar");
        Scenario s(config); // the demo workspace
        focusWindow(s);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("calendarView")); }, 5000));
        CalendarController& calendar = calendarOf(s);
        REQUIRE(s.waitFor([&] { return calendar.loaded() && !calendar.empty(); }, 5000));
        CHECK(s.controller().darkMode() == (theme == QStringLiteral("dark")));
        const auto shoot = [&](const QString& what) {
            // The pointer on the header, away from the controls: no tooltip or hover shows.
            QTest::mouseMove(s.window(), QPoint(s.window()->width() / 2, 8));
            QTest::qWait(50); // a frame for what was just shown
            CHECK_FALSE(s.screenshot(QStringLiteral("calendar-%1-%2-%3").arg(what, language, theme)).isEmpty());
        };
        const auto show = [&](const char* key, CalendarController::View view, const QString& item) {
            s.press(QKeySequence(QLatin1String(key)));
            REQUIRE(s.waitFor([&] { return calendar.view() == view && s.isShown(item); }));
        };

        // The week and the day from 8:00, where the team's days begin.
        show("W", CalendarController::View::Week, QStringLiteral("weekView"));
        REQUIRE(s.waitFor([&] { return calendar.timed()->count() > 0; }, 5000));
        scrollTo(s, 8);
        shoot(QStringLiteral("week"));
        show("D", CalendarController::View::Day, QStringLiteral("weekView"));
        scrollTo(s, 8);
        shoot(QStringLiteral("day"));
        show("M", CalendarController::View::Month, QStringLiteral("monthView"));
        shoot(QStringLiteral("month"));
        show("A", CalendarController::View::Agenda, QStringLiteral("agendaView"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("agendaEvent_0")); }));
        shoot(QStringLiteral("agenda"));

        // The details of a demo event of this week: a place, guests and their answers.
        show("W", CalendarController::View::Week, QStringLiteral("weekView"));
        const std::optional<Row> demo =
            timedRow(s, [](const Row& r) { return r.uid.startsWith(QLatin1String("demo-event-")); });
        REQUIRE(demo.has_value());
        openDetails(s, demo->uid);
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("eventAttendee_0")); }));
        shoot(QStringLiteral("details"));
        closeDetails(s);

        // The editor of a new event, with a guest and when they are busy.
        s.press(QKeySequence(QStringLiteral("N")));
        REQUIRE(s.waitFor([&] { return popupOpen(s, QStringLiteral("eventEditorDialog")); }));
        REQUIRE(s.clickToFocus(QStringLiteral("eventTitleField")));
        s.typeText(language == QStringLiteral("en") ? QStringLiteral("Roadmap review") : QStringLiteral("路线图评审"));
        REQUIRE(s.clickToFocus(QStringLiteral("attendeeSearch")));
        s.typeText(QStringLiteral("Li"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("attendeeOption_demo-li-wei")); }));
        s.click(QStringLiteral("attendeeOption_demo-li-wei"));
        REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("freeBusyRow_0")); }));
        shoot(QStringLiteral("editor"));
        s.press(QKeySequence(Qt::Key_Escape));
        REQUIRE(s.waitFor([&] { return !popupOpen(s, QStringLiteral("eventEditorDialog")); }));

        CHECK(QmlWarnings::messages() == QStringList());
    }
}
