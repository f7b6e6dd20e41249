#pragma once

#include <convene/calendar/calendar_data.h>
#include <convene/calendar/event_draft.h>
#include <convene/calendar/month_grid_model.h>
#include <convene/calendar/occurrence_model.h>
#include <convene/calendar/series_edit.h>

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace convene::sync {
class SyncService;
}

namespace convene::calendar {

// The calendar pane's state and actions: which days are shown and how, the models the views
// draw, and every change — new events, edits of one occurrence or a series, moves, answers,
// imports — handed to sync as entries of the calendar's stream.
class CalendarController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the application")
    Q_PROPERTY(View view READ view WRITE setView NOTIFY rangeChanged)
    Q_PROPERTY(QDate anchor READ anchor WRITE goToDate NOTIFY rangeChanged)
    Q_PROPERTY(QDate firstDay READ firstDay NOTIFY rangeChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY rangeChanged)
    Q_PROPERTY(QString rangeTitle READ rangeTitle NOTIFY rangeChanged)
    Q_PROPERTY(QDate today READ today NOTIFY nowChanged)
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
    Q_PROPERTY(int weekStart READ weekStart NOTIFY localeChanged) // Qt::DayOfWeek
    Q_PROPERTY(bool use24HourClock READ use24HourClock NOTIFY localeChanged)
    Q_PROPERTY(bool showLunar READ showLunar NOTIFY localeChanged) // Chinese only
    Q_PROPERTY(bool loaded READ loaded NOTIFY calendarChanged)
    Q_PROPERTY(bool empty READ empty NOTIFY calendarChanged) // no events at all
    Q_PROPERTY(QString timeZone READ timeZone CONSTANT)
    Q_PROPERTY(convene::calendar::OccurrenceModel* timed READ timed CONSTANT)
    Q_PROPERTY(convene::calendar::OccurrenceModel* allDay READ allDay CONSTANT)
    Q_PROPERTY(convene::calendar::OccurrenceModel* agenda READ agenda CONSTANT)
    Q_PROPERTY(convene::calendar::MonthGridModel* month READ month CONSTANT)
    Q_PROPERTY(convene::calendar::MonthGridModel* miniMonth READ miniMonth CONSTANT)
    Q_PROPERTY(QStringList problems READ problems NOTIFY calendarChanged)

public:
    enum class View { Day, Week, Month, Agenda };
    Q_ENUM(View)
    enum class Scope { ThisEvent, ThisAndFollowing, AllEvents };
    Q_ENUM(Scope)

    struct Setup {
        QString userId;
        QString timeZone; // IANA; the user's
        QLocale locale;
        std::function<QString(const QString& userId)> nameOf; // display names from the directory
        std::function<QStringList()> memberIds; // everyone who can be invited
        std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
        std::function<QString(QDate)> lunarLabel; // shown while the locale is Chinese; empty: never
    };

    CalendarController(sync::SyncService& sync, CalendarData& data, Setup setup, QObject* parent = nullptr);

    View view() const { return m_view; }
    void setView(View view);
    QDate anchor() const { return m_anchor; }
    QDate firstDay() const;
    int dayCount() const;
    QString rangeTitle() const;
    QDate today() const;
    QDateTime now() const;
    int weekStart() const;
    bool use24HourClock() const;
    bool showLunar() const;
    bool loaded() const { return m_data.loaded(); }
    bool empty() const { return m_data.snapshot()->series.isEmpty(); }
    QString timeZone() const { return m_setup.timeZone; }
    OccurrenceModel* timed() { return &m_timed; }
    OccurrenceModel* allDay() { return &m_allDay; }
    OccurrenceModel* agenda() { return &m_agenda; }
    MonthGridModel* month() { return &m_month; }
    MonthGridModel* miniMonth() { return &m_miniMonth; }
    QStringList problems() const { return m_data.snapshot()->problems; }

    Q_INVOKABLE void goToDate(QDate date);
    Q_INVOKABLE void goToToday();
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();
    Q_INVOKABLE void showMiniMonth(QDate month); // the mini month pages on its own
    Q_INVOKABLE QString dayHeader(QDate date) const; // "Tue 3" / "3日 周二"
    Q_INVOKABLE QString hourLabel(int hour) const; // "09:00" or "9 AM"
    Q_INVOKABLE QString lunarLabel(QDate date) const;

    // Everything the details popup shows: title, when, where, organiser, attendees with their
    // answers, the call link and whether it can be joined, what the user may do.
    Q_INVOKABLE QVariantMap details(const QString& uid, const QDateTime& recurrenceId) const;

    // Drafts for the editor, owned by the caller's QML (JavaScript ownership).
    Q_INVOKABLE convene::calendar::EventDraft* newDraft(const QDateTime& start, const QDateTime& end, bool allDay);
    Q_INVOKABLE convene::calendar::EventDraft* editDraft(const QString& uid, const QDateTime& recurrenceId);

    // Each returns an error for the user, or an empty string when the change is on its way.
    Q_INVOKABLE QString save(convene::calendar::EventDraft* draft, Scope scope);
    Q_INVOKABLE QString remove(const QString& uid, const QDateTime& recurrenceId, Scope scope);
    Q_INVOKABLE QString move(const QString& uid, const QDateTime& recurrenceId, const QDateTime& start,
                             const QDateTime& end, Scope scope);
    Q_INVOKABLE QString respond(const QString& uid, const QString& response, const QString& note);
    Q_INVOKABLE QString retry(const QString& uid);
    Q_INVOKABLE QString discard(const QString& uid);

    // .ics files: all or nothing on import; the result names what happened.
    Q_INVOKABLE QString importFile(const QUrl& file);
    // `uid`: only that event (all of its occurrences); empty: the whole calendar.
    Q_INVOKABLE QString exportFile(const QUrl& file, const QString& uid = {});
    QString importIcs(const QByteArray& bytes);

    // People the editor can invite, with names: [{id, name}], filtered by `text`.
    Q_INVOKABLE QVariantList people(const QString& text) const;
    // When each of these members is busy on `day`: [{userId, name, busy: [{startMinute, endMinute}]}].
    Q_INVOKABLE QVariantList freeBusy(const QStringList& userIds, QDate day) const;

signals:
    void rangeChanged();
    void todayShown(); // goToToday(), also when today was already in the range
    void nowChanged();
    void calendarChanged();
    void localeChanged(); // the language changed: day names, first day of the week, clock
    void notice(const QString& text); // what an import or export did
    // The user saved an event that invites these members for the first time: the app tells
    // each of them in chat too.
    void invited(const QString& uid, const QString& calendar, const QString& title, const QDateTime& start, bool allDay,
                 const QStringList& userIds);

private:
    void refresh();
    QString submitSeries(const QList<Event>& events, const QString& stream, const TimeZones& timeZones = {});
    QString submitEdit(const StoredSeries& stored, const Result<SeriesEditResult>& edit);
    QString writableCalendar() const;
    SeriesZones zones() const; // as the views' occurrences were listed
    void announceInvitations(const Event& event, const QString& stream, const QList<Attendee>& before);

    sync::SyncService& m_sync;
    CalendarData& m_data;
    Setup m_setup;
    View m_view = View::Week;
    QDate m_anchor;
    QDate m_miniAnchor;
    OccurrenceModel m_timed;
    OccurrenceModel m_allDay;
    OccurrenceModel m_agenda;
    MonthGridModel m_month;
    MonthGridModel m_miniMonth;
    QTimer m_minuteTimer;
};

} // namespace convene::calendar
