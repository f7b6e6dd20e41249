#include <convene/calendar/event_draft.h>

#include <convene/calendar/event_entries.h>

#include <QLocale>
#include <QTimeZone>
#include <QUuid>

namespace convene::calendar {

namespace {

QDateTime wallClock(const CalendarTime& time, const QString& zone)
{
    switch (time.kind) {
    case CalendarTime::Kind::Utc: return QDateTime(time.date, time.time, Qt::UTC).toTimeZone(QTimeZone(zone.toUtf8()));
    case CalendarTime::Kind::Date:
    case CalendarTime::Kind::Floating:
    case CalendarTime::Kind::Zoned: break;
    }
    return QDateTime(time.date, time.time);
}

QString zoneOf(const Event& event, const QString& fallback)
{
    if (event.start.kind == CalendarTime::Kind::Zoned && QTimeZone(event.start.timeZoneId.toUtf8()).isValid())
        return event.start.timeZoneId;
    return fallback;
}

// Reminders the editor shows: display alarms before the start. Other alarms stay as they are.
bool editable(const Reminder& r)
{
    return !r.relativeToEnd && r.offsetSeconds <= 0 && r.action == ReminderAction::Display;
}

} // namespace

EventDraft::EventDraft(QDateTime start, QDateTime end, bool allDay, QString timeZone, QObject* parent)
    : QObject(parent),
      m_start(std::move(start)),
      m_end(std::move(end)),
      m_allDay(allDay),
      m_timeZone(std::move(timeZone))
{
    m_reminderMinutes = {allDay ? 0 : 15};
}

EventDraft::EventDraft(Event occurrence, QDateTime occurrenceStart, bool recurringSeries, QString timeZone,
                       QObject* parent)
    : QObject(parent),
      m_original(std::move(occurrence)),
      m_occurrenceStart(std::move(occurrenceStart)),
      m_isNew(false),
      m_recurringSeries(recurringSeries)
{
    const Event& e = m_original;
    m_timeZone = zoneOf(e, timeZone);
    m_title = e.summary;
    m_allDay = e.start.isAllDay();
    m_start = wallClock(e.start, m_timeZone);
    const CalendarTime end = e.end.value_or(e.start);
    m_end = wallClock(end, m_timeZone);
    if (e.duration)
        m_end = m_start.addDays(e.duration->days).addSecs(e.duration->seconds);
    if (m_allDay)
        m_end = m_end.addDays(-1); // the editor shows the last day, iCalendar the day after
    m_repeat = repeatOf(e.recurrenceRules, e.start.date);
    if (m_repeat == Repeat::Custom)
        m_customRule = e.recurrenceRules.value(0);
    m_location = e.location;
    m_description = e.description;
    for (const Attendee& a : e.attendees) {
        const QString id = userIdFromAddress(a.address);
        if (!id.isEmpty())
            m_attendees << id;
    }
    for (const Reminder& r : e.reminders) {
        if (editable(r))
            m_reminderMinutes << static_cast<int>(-r.offsetSeconds / 60);
    }
    m_videoCall = !e.meetingId.isEmpty();
}

QString EventDraft::problem() const
{
    if (m_title.trimmed().isEmpty())
        return tr("Give the event a title.");
    if (!m_start.isValid() || !m_end.isValid())
        return tr("Choose when the event starts and ends.");
    if (m_allDay ? m_end.date() < m_start.date() : m_end <= m_start)
        return tr("The event must end after it starts.");
    if (!m_allDay && !QTimeZone(m_timeZone.toUtf8()).isValid())
        return tr("The time zone “%1” is unknown.").arg(m_timeZone);
    if (m_repeat == Repeat::Custom && m_customRule.trimmed().isEmpty())
        return tr("Describe how the event repeats, or choose a preset.");
    return {};
}

CalendarTime EventDraft::calendarTime(const QDateTime& time, bool endOfAllDay) const
{
    if (m_allDay)
        return CalendarTime::allDay(endOfAllDay ? time.date().addDays(1) : time.date());
    return CalendarTime::zoned(time.date(), QTime(time.time().hour(), time.time().minute()), m_timeZone);
}

Event EventDraft::event() const
{
    Event e = m_original;
    if (e.uid.isEmpty())
        e.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.summary = m_title.trimmed();
    e.location = m_location.trimmed();
    e.description = m_description;
    e.start = calendarTime(m_start, false);
    e.end = calendarTime(m_end, true);
    e.duration.reset();
    if (m_repeat == Repeat::Custom)
        e.recurrenceRules = {m_customRule.trimmed().toUpper()};
    else if (m_repeat == Repeat::None)
        e.recurrenceRules.clear();
    else
        e.recurrenceRules = {ruleFor(m_repeat, m_start.date())};

    QList<Attendee> attendees;
    for (const Attendee& a : m_original.attendees) {
        if (userIdFromAddress(a.address).isEmpty() || m_attendees.contains(userIdFromAddress(a.address)))
            attendees << a; // people outside the workspace, and those still invited, keep their answer
    }
    for (const QString& id : m_attendees) {
        const QString address = userAddress(id);
        if (std::none_of(attendees.begin(), attendees.end(), [&](const Attendee& a) { return a.address == address; }))
            attendees << Attendee{address, {}, ParticipationStatus::NeedsAction, ParticipantRole::Required, true};
    }
    e.attendees = attendees;

    QList<Reminder> reminders;
    for (const Reminder& r : m_original.reminders) {
        if (!editable(r))
            reminders << r;
    }
    for (int minutes : m_reminderMinutes)
        reminders << Reminder{-qint64(minutes) * 60, false, ReminderAction::Display, e.summary};
    e.reminders = reminders;

    if (!m_videoCall)
        e.meetingId.clear();
    else if (e.meetingId.isEmpty())
        e.meetingId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return e;
}

QString EventDraft::ruleFor(Repeat repeat, const QDate& start)
{
    static const char* const days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    switch (repeat) {
    case Repeat::Daily: return QStringLiteral("FREQ=DAILY");
    case Repeat::Weekdays: return QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    case Repeat::Weekly: return QStringLiteral("FREQ=WEEKLY;BYDAY=") + QLatin1String(days[start.dayOfWeek() - 1]);
    case Repeat::Monthly: return QStringLiteral("FREQ=MONTHLY;BYMONTHDAY=%1").arg(start.day());
    case Repeat::Yearly: return QStringLiteral("FREQ=YEARLY");
    case Repeat::None:
    case Repeat::Custom: break;
    }
    return {};
}

EventDraft::Repeat EventDraft::repeatOf(const QStringList& rules, const QDate& start)
{
    if (rules.isEmpty())
        return Repeat::None;
    if (rules.size() == 1) {
        for (Repeat r : {Repeat::Daily, Repeat::Weekdays, Repeat::Weekly, Repeat::Monthly, Repeat::Yearly}) {
            if (rules.first().compare(ruleFor(r, start), Qt::CaseInsensitive) == 0)
                return r;
        }
    }
    return Repeat::Custom;
}

QString EventDraft::repeatText(Repeat repeat) const
{
    const QLocale locale;
    switch (repeat) {
    case Repeat::None: return tr("Does not repeat");
    case Repeat::Daily: return tr("Every day");
    case Repeat::Weekdays: return tr("Every weekday (Monday to Friday)");
    case Repeat::Weekly: return tr("Weekly on %1").arg(locale.dayName(m_start.date().dayOfWeek()));
    case Repeat::Monthly: return tr("Monthly on day %1").arg(m_start.date().day());
    case Repeat::Yearly: return tr("Every year on %1").arg(locale.toString(m_start.date(), tr("MMMM d")));
    case Repeat::Custom: return tr("Custom…");
    }
    return {};
}

} // namespace convene::calendar
