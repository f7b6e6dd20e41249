#pragma once

#include <convene/calendar/event.h>

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace convene::calendar {

// What the event editor edits: a new event, or one occurrence of an existing one, as plain
// fields the dialog binds to. `event()` turns it back into an iCalendar event over the original,
// so properties the editor does not show are kept.
class EventDraft : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the CalendarController")
    Q_PROPERTY(bool isNew READ isNew CONSTANT)
    Q_PROPERTY(bool recurringSeries READ recurringSeries CONSTANT) // editing asks: this, following or all
    Q_PROPERTY(QString title MEMBER m_title NOTIFY changed)
    Q_PROPERTY(QDateTime start MEMBER m_start NOTIFY changed) // in timeZone, shown as wall-clock time
    Q_PROPERTY(QDateTime end MEMBER m_end NOTIFY changed)
    Q_PROPERTY(bool allDay MEMBER m_allDay NOTIFY changed)
    Q_PROPERTY(QString timeZone MEMBER m_timeZone NOTIFY changed) // IANA id
    Q_PROPERTY(Repeat repeat MEMBER m_repeat NOTIFY changed)
    Q_PROPERTY(QString customRule MEMBER m_customRule NOTIFY changed) // RRULE value, for Repeat::Custom
    Q_PROPERTY(QString location MEMBER m_location NOTIFY changed)
    Q_PROPERTY(QString description MEMBER m_description NOTIFY changed)
    Q_PROPERTY(QStringList attendees MEMBER m_attendees NOTIFY changed) // member ids
    Q_PROPERTY(QList<int> reminderMinutes MEMBER m_reminderMinutes NOTIFY changed) // before the start
    Q_PROPERTY(bool videoCall MEMBER m_videoCall NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed) // why it cannot be saved; empty when it can

public:
    enum class Repeat { None, Daily, Weekdays, Weekly, Monthly, Yearly, Custom };
    Q_ENUM(Repeat)

    // A new event; `start`/`end` in `timeZone`.
    EventDraft(QDateTime start, QDateTime end, bool allDay, QString timeZone, QObject* parent = nullptr);
    // An occurrence of an existing event: `occurrence` holds its fields (an override's, or the
    // master's with this occurrence's times); `occurrenceStart` is its recurrence id (UTC).
    EventDraft(Event occurrence, QDateTime occurrenceStart, bool recurringSeries, QString timeZone,
               QObject* parent = nullptr);

    bool isNew() const { return m_isNew; }
    bool recurringSeries() const { return m_recurringSeries; }
    QDateTime occurrenceStart() const { return m_occurrenceStart; }
    const Event& original() const { return m_original; }
    QString problem() const;

    // The event as edited; its uid, organizer and unknown properties from the original.
    Event event() const;

    // The RRULE for a preset starting at `start`: weekly on its weekday, monthly on its day, …
    static QString ruleFor(Repeat repeat, const QDate& start);
    static Repeat repeatOf(const QStringList& rules, const QDate& start);
    Q_INVOKABLE QString repeatText(Repeat repeat) const; // "Weekly on Tuesday", "Every weekday (Monday to Friday)"

signals:
    void changed();

private:
    CalendarTime calendarTime(const QDateTime& time, bool endOfAllDay) const;

    Event m_original;
    QDateTime m_occurrenceStart;
    bool m_isNew = true;
    bool m_recurringSeries = false;
    QString m_title;
    QDateTime m_start;
    QDateTime m_end;
    bool m_allDay = false;
    QString m_timeZone;
    Repeat m_repeat = Repeat::None;
    QString m_customRule;
    QString m_location;
    QString m_description;
    QStringList m_attendees;
    QList<int> m_reminderMinutes;
    bool m_videoCall = false;
};

} // namespace convene::calendar
