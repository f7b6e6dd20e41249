#pragma once

#include <convene/calendar/calendar_expander.h>
#include <convene/calendar/reminder_plan.h>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace convene::calendar {

// Tells when reminders fall due: a precise timer armed for the next one, and a coarse re-check
// every minute, since timers do not count the time the machine sleeps. "Last checked" lives in
// the caller's store, so reminders that fell due while the app was closed come out (marked
// missed) on start, and none comes out twice.
class ReminderClock : public QObject {
    Q_OBJECT

public:
    // The events as they are now; null while none are loaded (then nothing is checked).
    using ExpanderSource = std::function<const CalendarExpander*()>;
    using SkipFunction = std::function<bool(int eventIndex)>;
    using Clock = std::function<QDateTime()>;

    struct LastCheckedStore {
        std::function<QDateTime()> load;
        std::function<void(const QDateTime&)> save;
    };

    static constexpr int kRecheckIntervalMs = 60'000;

    ReminderClock(ExpanderSource expander, SkipFunction skip, LastCheckedStore store, QObject* parent = nullptr);

    // The current time; QDateTime::currentDateTimeUtc unless set.
    void setClock(Clock clock);

    // Checks at once, then keeps checking.
    void start();
    // Checks again at once: call when the events, or what skip() says about them, change. Does
    // nothing before start().
    void recheck();

    // When the precise timer is due to fire; invalid when no reminder lies within the horizon.
    QDateTime nextCheck() const { return m_nextAt; }

signals:
    // Oldest first. "Last checked" is saved after the receivers have returned.
    void remindersDue(const QList<convene::calendar::DueReminder>& due);

private:
    void check();
    void checkOnce();
    void arm(const QDateTime& now);
    const CalendarExpander* currentExpander() const;

    ExpanderSource m_expander;
    SkipFunction m_skip;
    LastCheckedStore m_store;
    Clock m_clock;
    QTimer m_nextTimer;
    QTimer m_recheckTimer;
    QDateTime m_nextAt;
    bool m_started = false;
    bool m_checking = false;
    bool m_checkAgain = false;
};

} // namespace convene::calendar
