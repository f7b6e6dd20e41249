#include "series_editor.h"

#include "ical_handles.h"
#include "ical_time.h"
#include "master_occurrences.h"
#include "rule_check.h"
#include "rule_edits.h"

namespace convene::calendar::series_editing {

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

} // namespace convene::calendar::series_editing

namespace convene::calendar {

using series_editing::Editor;

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
