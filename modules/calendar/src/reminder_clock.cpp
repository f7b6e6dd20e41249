#include <convene/calendar/reminder_clock.h>

#include <algorithm>
#include <limits>

namespace convene::calendar {

ReminderClock::ReminderClock(ExpanderSource expander, SkipFunction skip, LastCheckedStore store, QObject* parent)
    : QObject(parent), m_expander(std::move(expander)), m_skip(std::move(skip)), m_store(std::move(store)), m_clock([] {
          return QDateTime::currentDateTimeUtc();
      })
{
    m_nextTimer.setSingleShot(true);
    m_nextTimer.setTimerType(Qt::PreciseTimer);
    m_recheckTimer.setInterval(kRecheckIntervalMs);
    m_recheckTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_nextTimer, &QTimer::timeout, this, &ReminderClock::check);
    connect(&m_recheckTimer, &QTimer::timeout, this, &ReminderClock::check);
}

void ReminderClock::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void ReminderClock::start()
{
    m_started = true;
    m_recheckTimer.start();
    check();
}

void ReminderClock::recheck()
{
    if (m_started)
        check();
}

// A receiver of remindersDue may change the events and call recheck(): that check runs after
// this one has saved, so nothing is reported twice.
void ReminderClock::check()
{
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    do {
        m_checkAgain = false;
        checkOnce();
    } while (m_checkAgain);
    m_checking = false;
}

void ReminderClock::checkOnce()
{
    const QDateTime now = m_clock().toUTC();
    const CalendarExpander* expander = currentExpander();
    if (!expander) {
        // Not loaded yet: "last checked" stays, so what falls due meanwhile comes out later.
        m_nextTimer.stop();
        m_nextAt = {};
        return;
    }
    ReminderQuery query;
    query.since = m_store.load ? m_store.load() : QDateTime();
    query.now = now;
    query.skip = m_skip;
    const QList<DueReminder> due = dueReminders(*expander, query);
    if (!due.isEmpty())
        emit remindersDue(due);
    if (m_store.save)
        m_store.save(now);
    arm(now);
}

void ReminderClock::arm(const QDateTime& now)
{
    // Asked again: the receivers may have replaced the expander.
    const CalendarExpander* expander = currentExpander();
    m_nextAt = expander ? nextReminderTime(*expander, now, m_skip) : QDateTime();
    if (!m_nextAt.isValid()) {
        m_nextTimer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(now.msecsTo(m_nextAt), 0, std::numeric_limits<int>::max());
    m_nextTimer.start(int(wait));
}

const CalendarExpander* ReminderClock::currentExpander() const
{
    return m_expander ? m_expander() : nullptr;
}

} // namespace convene::calendar
