#include <convene/calendar/series_edit.h>

#include "civil_time.h"
#include "edit_times.h"
#include "ical_handles.h"
#include "ical_time.h"
#include "master_occurrences.h"
#include "override_text.h"
#include "rule_check.h"
#include "rule_edits.h"

#include <QCoreApplication>

#include <algorithm>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::SeriesEdit)
};

} // namespace

namespace {

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

Error unsupported(const QString& message)
{
    return makeError(ErrorCode::Unsupported, message);
}

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

// The edits of one series around one of its occurrences.
class Editor {
public:
    Editor(const Series& series, const SeriesZones& zones, const QDateTime& now);

    std::optional<Error> locate(const QDateTime& occurrenceStart);
    std::optional<Error> check(const Event& changed) const;
    bool recurring() const { return m_recurring; }

    Result<SeriesEditResult> editThis(const Event& changed) const;
    Result<SeriesEditResult> editFollowing(const Event& changed, const QString& newUid) const;
    Result<SeriesEditResult> editAll(const Event& changed) const;
    SeriesEditResult deleteThis() const;
    Result<SeriesEditResult> deleteFollowing() const;
    SeriesEditResult deleteAll() const;

private:
    std::optional<Error> checkSeries() const;
    std::optional<Error> checkRules(const Event& changed) const;
    Error notAnOccurrence(const QDateTime& start) const;
    void touch(Event& event) const;
    void renew(Event& event, const QString& uid) const;
    qint64 keyOf(const CalendarTime& time) const { return m_times.occurrenceKey(m_series.master.start, time); }

    Result<Series> applied(const Series& series, int baseOverride, const Event& changed) const;
    void takeLength(Event& event, const Event& changed) const;
    Result<QStringList> movedRules(const QStringList& rules, const SeriesMove& move) const;
    std::optional<Error> keepOccurring(Series& series) const;

    Result<bool> isFirst() const;
    std::optional<Error> checkSplit(const QString& newUid, bool continues) const;
    Series before() const;
    Result<Series> following() const;
    Result<QStringList> followingRules() const;
    CalendarTime untilBeforeSplit() const;

    const Series& m_series;
    SeriesZones m_zones;
    EditTimes m_times;
    QDateTime m_now;
    bool m_recurring = false;
    CalendarTime m_original; // the occurrence's original start, written as the master's DTSTART
    qint64 m_key = 0; // and as an instant
    int m_override = -1; // the override that shows it
};

Editor::Editor(const Series& series, const SeriesZones& zones, const QDateTime& now)
    : m_series(series),
      m_zones(zones),
      m_times(zones.timeZones, zones.floatingTimeZone),
      m_now(now.isValid() ? QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC) : QDateTime())
{ }

std::optional<Error> Editor::checkSeries() const
{
    const Event& master = m_series.master;
    if (master.isOverride())
        return invalid(
            Text::tr("The event “%1” replaces one occurrence of a series; edit it within its series.").arg(master.uid));
    if (!m_times.floatingZoneKnown())
        return invalid(Text::tr("The time zone “%1” for floating times is unknown.").arg(m_zones.floatingTimeZone));
    if (!m_times.resolves(master.start))
        return invalid(Text::tr("The event “%1” has no valid start, or its time zone is unknown.").arg(master.uid));
    for (const Event& o : m_series.overrides) {
        if (!o.recurrenceId || o.uid != master.uid || !m_times.resolves(*o.recurrenceId))
            return invalid(
                Text::tr("An event given as an occurrence of “%1” does not belong to that series.").arg(master.uid));
    }
    if (!m_now.isValid())
        return invalid(Text::tr("The time of the change is not valid."));
    return std::nullopt;
}

Error Editor::notAnOccurrence(const QDateTime& start) const
{
    return makeError(ErrorCode::NotFound, Text::tr("The event “%1” has no occurrence at %2.")
                                              .arg(m_series.master.uid, start.toUTC().toString(Qt::ISODate)));
}

std::optional<Error> Editor::locate(const QDateTime& occurrenceStart)
{
    if (auto error = checkSeries())
        return error;
    const Event& master = m_series.master;
    m_recurring = master.isRecurring();
    if (!m_recurring) {
        m_original = master.start;
        m_key = m_times.utcOf(master.start);
        if (occurrenceStart.isValid() && occurrenceStart.toSecsSinceEpoch() != m_key)
            return notAnOccurrence(occurrenceStart);
        return std::nullopt;
    }
    if (!occurrenceStart.isValid())
        return invalid(Text::tr("The event “%1” repeats: say which of its occurrences to change.").arg(master.uid));
    m_key = occurrenceStart.toSecsSinceEpoch();
    const MasterOccurrences occurrences(master, m_zones);
    if (auto problem = occurrences.problem())
        return problem;
    if (!occurrences.startsAt(m_key))
        return notAnOccurrence(occurrenceStart);
    m_original = EditTimes::at(master.start, m_times.wallOn(master.start, m_key));
    for (int i = 0; i < int(m_series.overrides.size()) && m_override < 0; ++i) {
        if (keyOf(*m_series.overrides[i].recurrenceId) == m_key)
            m_override = i;
    }
    return std::nullopt;
}

std::optional<Error> Editor::check(const Event& changed) const
{
    if (!m_times.resolves(changed.start))
        return invalid(Text::tr("The edited event has no valid start, or its time zone is unknown."));
    if (changed.end && changed.duration)
        return invalid(Text::tr("The edited event has both an end and a duration."));
    if (changed.end) {
        if (!m_times.resolves(*changed.end))
            return invalid(Text::tr("The edited event has no valid end, or its time zone is unknown."));
        if (changed.end->isAllDay() != changed.start.isAllDay())
            return invalid(Text::tr("The edited event must start and end on dates, or at times, alike."));
        if (m_times.utcOf(*changed.end) < m_times.utcOf(changed.start))
            return invalid(Text::tr("The edited event ends before it starts."));
    }
    if (changed.duration) {
        if (changed.duration->days < 0 || changed.duration->seconds < 0)
            return invalid(Text::tr("The edited event ends before it starts."));
        if (changed.start.isAllDay() && changed.duration->seconds != 0)
            return invalid(Text::tr("An all-day event lasts whole days."));
    }
    return checkRules(changed);
}

std::optional<Error> Editor::checkRules(const Event& changed) const
{
    const icaltimetype start = icalTimeOf(changed.start);
    for (const QString& text : changed.recurrenceRules) {
        icalrecurrencetype rule = icalrecurrencetype_from_string(text.toUtf8().constData());
        if (rule.rscale)
            icalmemory_free_buffer(rule.rscale);
        rule.rscale = nullptr;
        if (rule.freq == ICAL_NO_RECURRENCE || text.contains(u'\r') || text.contains(u'\n'))
            return invalid(Text::tr("The recurrence rule “%1” is not valid.").arg(text));
        if (auto problem = ruleProblem(rule, start, IcsLimits()))
            return invalid(Text::tr("The recurrence rule “%1” cannot be used: %2").arg(text, *problem));
        const std::optional<CalendarTime> until = ruleUntil(text);
        if (changed.start.isAllDay() && until && !until->isAllDay())
            return invalid(Text::tr("The recurrence rule “%1” of an all-day event must end on a date.").arg(text));
    }
    return std::nullopt;
}

void Editor::touch(Event& event) const
{
    ++event.sequence;
    event.stamp = m_now;
    event.lastModified = m_now;
}

// A new event: a new uid, from SEQUENCE 0.
void Editor::renew(Event& event, const QString& uid) const
{
    event.uid = uid;
    event.sequence = 0;
    event.stamp = m_now;
    event.lastModified = m_now;
}

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

Result<bool> Editor::isFirst() const
{
    const Event& master = m_series.master;
    const MasterOccurrences occurrences(master, m_zones);
    if (auto problem = occurrences.problem())
        return *problem;
    qint64 earliest = keyOf(master.start);
    for (const RecurrenceDate& date : master.recurrenceDates)
        earliest = std::min(earliest, keyOf(date.start));
    return !occurrences.startsWithin(earliest, m_key);
}

std::optional<Error> Editor::checkSplit(const QString& newUid, bool continues) const
{
    if (keyOf(m_series.master.start) == m_key)
        return unsupported(Text::tr("The series “%1” has dates before its start; it cannot be split at its start.")
                               .arg(m_series.master.uid));
    if (continues && (newUid.isEmpty() || newUid == m_series.master.uid))
        return invalid(Text::tr("The following occurrences need a new UID."));
    return std::nullopt;
}

// RFC 5545: UNTIL is in UTC when DTSTART has a zone or is in UTC, a date when it is a date.
CalendarTime Editor::untilBeforeSplit() const
{
    const CalendarTime& start = m_series.master.start;
    switch (start.kind) {
    case CalendarTime::Kind::Date: return CalendarTime::allDay(m_original.date.addDays(-1));
    case CalendarTime::Kind::Floating: return EditTimes::at(start, wallSecondsOf(m_original) - 1);
    case CalendarTime::Kind::Utc:
    case CalendarTime::Kind::Zoned: break;
    }
    return EditTimes::at(CalendarTime::utc({}, {}), m_key - 1);
}

// The series up to the occurrence: its rules end just before it, later dates and overrides go.
Series Editor::before() const
{
    Series series = m_series;
    Event& master = series.master;
    const CalendarTime until = untilBeforeSplit();
    for (QString& rule : master.recurrenceRules)
        rule = ruleEndingAt(rule, until, m_times, m_series.master.start);
    master.recurrenceDates.removeIf([&](const RecurrenceDate& d) { return keyOf(d.start) >= m_key; });
    master.exceptionDates.removeIf([&](const CalendarTime& d) { return keyOf(d) >= m_key; });
    series.overrides.removeIf([&](const Event& o) { return keyOf(*o.recurrenceId) >= m_key; });
    touch(master);
    return series;
}

// The rules from the occurrence on: COUNT less the occurrences before it; rules that ended before it go.
Result<QStringList> Editor::followingRules() const
{
    const Event& master = m_series.master;
    const qint64 start = keyOf(master.start);
    const qint64 originalWall = wallSecondsOf(m_original);
    QStringList rules;
    for (const QString& rule : master.recurrenceRules) {
        Event alone = master;
        alone.recurrenceRules = {rule};
        alone.recurrenceDates.clear();
        alone.exceptionDates.clear();
        const MasterOccurrences occurrences(alone, m_zones);
        const std::optional<CalendarTime> until = ruleUntil(rule);
        int passed = 0;
        if (ruleCount(rule) > 0) {
            Result<int> count = occurrences.countWithin(start, m_key);
            if (!count)
                return count.error();
            passed = *count;
        }
        const std::optional<QString> rest = ruleAfter(rule, passed);
        if (!rest || (until && m_times.untilWall(master.start, *until) < originalWall))
            continue;
        // The new series starts here: only a rule that gives this occurrence goes on the same from it.
        if (!occurrences.startsAt(m_key))
            return unsupported(Text::tr("This occurrence was added to the series by date, so the following ones "
                                        "cannot be changed from it; change all of them instead."));
        rules.append(*rest);
    }
    return rules;
}

// The series from the occurrence on, as it stands, under the old uid.
Result<Series> Editor::following() const
{
    Result<QStringList> rules = followingRules();
    if (!rules)
        return rules.error();
    Series series;
    series.master = m_times.movedTo(m_series.master, m_original);
    Event& master = series.master;
    master.recurrenceRules = *rules;
    master.recurrenceDates.removeIf([&](const RecurrenceDate& d) { return keyOf(d.start) <= m_key; });
    master.exceptionDates.removeIf([&](const CalendarTime& d) { return keyOf(d) < m_key; });
    for (const Event& o : m_series.overrides) {
        if (keyOf(*o.recurrenceId) >= m_key)
            series.overrides.append(o);
    }
    return series;
}

Result<SeriesEditResult> Editor::editFollowing(const Event& changed, const QString& newUid) const
{
    Result<bool> first = isFirst();
    if (!first)
        return first.error();
    if (*first)
        return editAll(changed);
    if (auto error = checkSplit(newUid, true))
        return *error;
    Result<Series> rest = following();
    if (!rest)
        return rest.error();
    int baseOverride = -1;
    for (int i = 0; i < int(rest->overrides.size()) && baseOverride < 0; ++i) {
        if (keyOf(*rest->overrides[i].recurrenceId) == m_key)
            baseOverride = i;
    }
    Result<Series> split = applied(*rest, baseOverride, changed);
    if (!split)
        return split.error();
    Series created = std::move(split).value();
    renew(created.master, newUid);
    for (Event& o : created.overrides)
        renew(o, newUid);
    return SeriesEditResult{before(), std::move(created)};
}

SeriesEditResult Editor::deleteThis() const
{
    Series series = m_series;
    series.master.exceptionDates.append(m_original);
    touch(series.master);
    if (m_override >= 0)
        series.overrides.removeAt(m_override);
    return {series, std::nullopt};
}

Result<SeriesEditResult> Editor::deleteFollowing() const
{
    Result<bool> first = isFirst();
    if (!first)
        return first.error();
    if (*first)
        return deleteAll();
    if (auto error = checkSplit({}, false))
        return *error;
    return SeriesEditResult{before(), std::nullopt};
}

SeriesEditResult Editor::deleteAll() const
{
    Series series = m_series;
    series.master.status = EventStatus::Cancelled;
    touch(series.master);
    for (Event& o : series.overrides) {
        if (o.status != EventStatus::Cancelled) {
            o.status = EventStatus::Cancelled;
            touch(o);
        }
    }
    return {series, std::nullopt};
}

} // namespace

Result<SeriesEditResult> editOccurrence(const Series& series, const QDateTime& occurrenceStart, const Event& changed,
                                        EditScope scope, const QString& newUid, const QDateTime& now,
                                        const SeriesZones& zones)
{
    Editor editor(series, zones, now);
    if (auto error = editor.locate(occurrenceStart))
        return *error;
    if (auto error = editor.check(changed))
        return *error;
    if (!editor.recurring() || scope == EditScope::AllEvents)
        return editor.editAll(changed);
    if (scope == EditScope::ThisEvent)
        return editor.editThis(changed);
    return editor.editFollowing(changed, newUid);
}

Result<SeriesEditResult> deleteOccurrence(const Series& series, const QDateTime& occurrenceStart, EditScope scope,
                                          const QDateTime& now, const SeriesZones& zones)
{
    Editor editor(series, zones, now);
    if (auto error = editor.locate(occurrenceStart))
        return *error;
    if (!editor.recurring() || scope == EditScope::AllEvents)
        return editor.deleteAll();
    if (scope == EditScope::ThisEvent)
        return editor.deleteThis();
    return editor.deleteFollowing();
}

} // namespace convene::calendar
