#include <convene/calendar/reminder_plan.h>

#include <algorithm>
#include <vector>

namespace convene::calendar {

namespace {

// When an alarm fires, relative to its occurrence.
struct Trigger {
    qint64 offsetSeconds = 0;
    bool relativeToEnd = false;

    friend bool operator==(const Trigger&, const Trigger&) = default;
};

// The triggers of each event, and how far before and after an occurrence any of them fires.
struct TriggerPlan {
    std::vector<std::vector<Trigger>> triggers; // by event index
    qint64 maxBefore = 0;
    qint64 maxAfter = 0;
    bool empty = true;
};

bool remindsOnScreen(const Reminder& reminder)
{
    const bool shown = reminder.action == ReminderAction::Display || reminder.action == ReminderAction::Audio;
    return shown && qAbs(reminder.offsetSeconds) <= kMaxReminderOffsetSeconds;
}

std::vector<Trigger> triggersOf(const Event& event)
{
    std::vector<Trigger> triggers;
    for (const Reminder& reminder : event.reminders) {
        const Trigger trigger{reminder.offsetSeconds, reminder.relativeToEnd};
        if (remindsOnScreen(reminder) && std::find(triggers.begin(), triggers.end(), trigger) == triggers.end())
            triggers.push_back(trigger);
    }
    return triggers;
}

TriggerPlan planOf(const QList<Event>& events, const std::function<bool(int)>& skip)
{
    TriggerPlan plan;
    plan.triggers.resize(size_t(events.size()));
    for (int i = 0; i < int(events.size()); ++i) {
        if (events[i].reminders.isEmpty() || (skip && skip(i)))
            continue;
        plan.triggers[size_t(i)] = triggersOf(events[i]);
        for (const Trigger& trigger : plan.triggers[size_t(i)]) {
            plan.maxBefore = std::max(plan.maxBefore, -trigger.offsetSeconds);
            plan.maxAfter = std::max(plan.maxAfter, trigger.offsetSeconds);
            plan.empty = false;
        }
    }
    return plan;
}

// Reminders with fireAt in (lower, upper], in the order of their occurrences.
QList<DueReminder> firingBetween(const CalendarExpander& expander, const TriggerPlan& plan, const QDateTime& lower,
                                 const QDateTime& upper)
{
    QList<DueReminder> found;
    if (plan.empty || upper <= lower)
        return found;
    // Alarms after their occurrence need the ones that ended before `lower`, alarms before it the
    // ones that start after `upper`; expand() excludes its end and counts whole seconds.
    const Expansion expansion = expander.expand(lower.addSecs(-plan.maxAfter), upper.addSecs(plan.maxBefore + 1));
    for (const Occurrence& occurrence : expansion.occurrences) {
        for (const Trigger& trigger : plan.triggers[size_t(occurrence.eventIndex)]) {
            const QDateTime base = trigger.relativeToEnd ? occurrence.end : occurrence.start;
            const QDateTime fireAt = base.addSecs(trigger.offsetSeconds);
            if (fireAt > lower && fireAt <= upper) {
                found.append(DueReminder{occurrence.eventIndex, occurrence.start, occurrence.recurrenceId, fireAt,
                                         trigger.offsetSeconds, trigger.relativeToEnd});
            }
        }
    }
    return found;
}

} // namespace

QList<DueReminder> dueReminders(const CalendarExpander& expander, const ReminderQuery& query)
{
    if (!query.now.isValid())
        return {};
    const QDateTime now = query.now.toUTC();
    // However long nobody checked, only the last maxMissedAgeSeconds are worth showing.
    const QDateTime oldest = now.addSecs(-std::max<qint64>(query.maxMissedAgeSeconds, 0));
    const QDateTime since = query.since.isValid() ? std::max(query.since.toUTC(), oldest) : now;

    QList<DueReminder> due = firingBetween(expander, planOf(expander.events(), query.skip), since, now);
    std::stable_sort(due.begin(), due.end(),
                     [](const DueReminder& a, const DueReminder& b) { return a.fireAt < b.fireAt; });
    for (DueReminder& reminder : due)
        reminder.missed = reminder.fireAt.msecsTo(now) > query.missedGraceSeconds * 1000;
    return due;
}

QDateTime nextReminderTime(const CalendarExpander& expander, const QDateTime& after,
                           const std::function<bool(int eventIndex)>& skip)
{
    if (!after.isValid())
        return {};
    const QDateTime from = after.toUTC();
    const QList<DueReminder> coming =
        firingBetween(expander, planOf(expander.events(), skip), from, from.addSecs(kReminderHorizonSeconds));
    QDateTime next;
    for (const DueReminder& reminder : coming) {
        if (!next.isValid() || reminder.fireAt < next)
            next = reminder.fireAt;
    }
    return next;
}

} // namespace convene::calendar
