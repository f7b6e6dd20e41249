#include "series_editor.h"

#include "civil_time.h"
#include "ical_time.h"
#include "master_occurrences.h"
#include "override_text.h"
#include "rule_edits.h"

namespace convene::calendar::series_editing {

namespace {

// Calls `visit` with every field an occurrence shows besides its times.
template<typename Visit>
void forEachDetail(Visit&& visit)
{
    visit(&Event::summary);
    visit(&Event::description);
    visit(&Event::location);
    visit(&Event::status);
    visit(&Event::organizer);
    visit(&Event::attendees);
    visit(&Event::reminders);
    visit(&Event::meetingId);
}

void copyDetails(Event& to, const Event& from)
{
    forEachDetail([&](auto field) { to.*field = from.*field; });
}

// What the user changed (`changed` against `base`, the occurrence as it was shown) goes to `event`
// where it showed the same as `inherited`: an override keeps what it had made its own.
void applyChangedDetails(Event& event, const Event& base, const Event& changed, const Event& inherited)
{
    forEachDetail([&](auto field) {
        if (changed.*field != base.*field && event.*field == inherited.*field)
            event.*field = changed.*field;
    });
}

void copyTimes(Event& to, const Event& from)
{
    to.start = from.start;
    to.end = from.end;
    to.duration = from.duration;
}

bool sameContent(const Event& a, const Event& b)
{
    bool same = a.uid == b.uid && a.start == b.start && a.end == b.end && a.duration == b.duration &&
                a.recurrenceRules == b.recurrenceRules && a.recurrenceDates == b.recurrenceDates &&
                a.exceptionDates == b.exceptionDates && a.recurrenceId == b.recurrenceId &&
                a.thisAndFuture == b.thisAndFuture;
    forEachDetail([&](auto field) { same = same && a.*field == b.*field; });
    return same;
}

bool sameForm(const CalendarTime& a, const CalendarTime& b)
{
    return a.kind == b.kind && a.timeZoneId == b.timeZoneId;
}

} // namespace

// ThisEvent: an override for the occurrence, at its original start.
Result<SeriesEditResult> Editor::editThis(const Event& changed) const
{
    const Event& master = m_series.master;
    if (changed.start.isAllDay() != master.start.isAllDay())
        return unsupported(Text::tr("One occurrence cannot change between all-day and timed; change all of them, "
                                    "or this and the following ones."));
    Series series = m_series;
    Event occurrence = master;
    if (m_override >= 0) {
        occurrence = series.overrides[m_override];
    } else {
        occurrence.recurrenceRules.clear();
        occurrence.recurrenceDates.clear();
        occurrence.exceptionDates.clear();
        occurrence.recurrenceId = m_original;
        occurrence.thisAndFuture = false;
        occurrence.sourceText = overrideText(master.sourceText, m_original);
    }
    copyDetails(occurrence, changed);
    copyTimes(occurrence, changed);
    touch(occurrence);
    if (m_override >= 0)
        series.overrides[m_override] = occurrence;
    else
        series.overrides.append(occurrence);
    return SeriesEditResult{series, std::nullopt};
}

Result<SeriesEditResult> Editor::editAll(const Event& changed) const
{
    Result<Series> series = applied(m_series, m_override, changed);
    if (!series)
        return series.error();
    return SeriesEditResult{std::move(series).value(), std::nullopt};
}

// The whole series edited as its occurrence at m_original was (shown as the override `baseOverride`,
// if any): the master and its dates move by the same wall-clock amount, overrides follow where
// they had not been moved, and what no longer occurs is dropped.
Result<Series> Editor::applied(const Series& series, int baseOverride, const Event& changed) const
{
    const Event& master = series.master;
    const Event base = baseOverride >= 0 ? series.overrides[baseOverride] : m_times.movedTo(master, m_original);
    const bool formChanged = !sameForm(changed.start, base.start);
    const SeriesMove move(m_times, master.start, formChanged ? changed.start : master.start,
                          wallSecondsOf(changed.start) - wallSecondsOf(base.start));
    const bool lengthChanged =
        changed.start.isAllDay() != base.start.isAllDay() || m_times.lengthOf(changed) != m_times.lengthOf(base);

    Series result = series;
    Event& edited = result.master;
    edited.start = move.to();
    if (lengthChanged)
        takeLength(edited, changed);
    else
        edited = m_times.movedTo(master, edited.start);
    applyChangedDetails(edited, base, changed, master);
    // Against the rules the user saw: a following series starts with fewer COUNT.
    const bool rulesChanged = changed.recurrenceRules != m_series.master.recurrenceRules;
    if (rulesChanged) {
        edited.recurrenceRules = changed.recurrenceRules;
    } else if (!move.isIdentity()) {
        Result<QStringList> rules = movedRules(master.recurrenceRules, move);
        if (!rules)
            return rules.error();
        edited.recurrenceRules = *rules;
    }
    if (!move.isIdentity()) {
        for (RecurrenceDate& date : edited.recurrenceDates) {
            date.end = date.end && !edited.start.isAllDay() ? std::optional(move.moved(*date.end)) : std::nullopt;
            date.start = move.moved(date.start);
        }
        for (CalendarTime& date : edited.exceptionDates)
            date = move.moved(date);
    }

    const bool allDayChanged = master.start.isAllDay() != edited.start.isAllDay();
    for (int i = 0; i < int(result.overrides.size()); ++i) {
        Event& o = result.overrides[i];
        const Event before = o;
        // In place: at its original start and as long as the series.
        const bool inPlace = o.start.isAllDay() == master.start.isAllDay() &&
                             m_times.utcOf(o.start) == keyOf(*o.recurrenceId) &&
                             m_times.lengthOf(o) == m_times.lengthOf(master);
        if (!move.isIdentity())
            o.recurrenceId = move.moved(*o.recurrenceId);
        if (i == baseOverride) {
            copyDetails(o, changed);
            copyTimes(o, changed);
        } else {
            applyChangedDetails(o, base, changed, master);
            if (allDayChanged || (inPlace && (!move.isIdentity() || lengthChanged)))
                copyTimes(o, m_times.movedTo(edited, *o.recurrenceId));
        }
        if (!sameContent(o, before))
            touch(o);
    }
    if (rulesChanged || !move.isIdentity()) {
        if (auto error = keepOccurring(result))
            return *error;
    }
    touch(edited);
    return result;
}

// The master takes the edited occurrence's length, as DTEND or DURATION as the edit has it.
void Editor::takeLength(Event& event, const Event& changed) const
{
    event.end.reset();
    event.duration = changed.duration;
    if (!changed.end)
        return;
    const qint64 length = m_times.lengthOf(changed);
    if (event.start.isAllDay()) {
        event.end = CalendarTime::allDay(event.start.date.addDays(length));
        return;
    }
    const CalendarTime& reference = sameForm(*changed.end, changed.start) ? event.start : *changed.end;
    event.end = EditTimes::at(reference, m_times.wallOn(reference, m_times.utcOf(event.start) + length));
}

Result<QStringList> Editor::movedRules(const QStringList& rules, const SeriesMove& move) const
{
    QStringList moved;
    for (const QString& rule : rules) {
        Result<QString> text = ruleMoved(rule, move);
        if (!text)
            return text.error();
        moved.append(*text);
    }
    return moved;
}

// EXDATEs and overrides of occurrences the edited series no longer has are dropped.
std::optional<Error> Editor::keepOccurring(Series& series) const
{
    Event master = series.master;
    master.exceptionDates.clear();
    const MasterOccurrences occurrences(master, m_zones);
    if (auto problem = occurrences.problem())
        return problem;
    const CalendarTime& start = master.start;
    const auto occurs = [&](const CalendarTime& time) {
        if (!time.isAllDay() || start.isAllDay())
            return occurrences.startsAt(m_times.occurrenceKey(start, time));
        const qint64 midnight = wallSecondsOf(time);
        return occurrences.startsWithin(m_times.utcOfWall(start, midnight),
                                        m_times.utcOfWall(start, midnight + kSecondsPerDay));
    };
    series.master.exceptionDates.removeIf([&](const CalendarTime& date) { return !occurs(date); });
    series.overrides.removeIf([&](const Event& o) { return !occurs(*o.recurrenceId); });
    return std::nullopt;
}

} // namespace convene::calendar::series_editing
