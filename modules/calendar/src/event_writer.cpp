#include "event_writer.h"

#include "component_tree.h"
#include "content_lines.h"
#include "event_lines.h"
#include "event_properties.h"
#include "event_reader.h"
#include "ical_handles.h"
#include "ics_text.h"
#include "parsed_component.h"
#include "time_zone_table.h"

#include <convene/calendar/meeting_link.h>

#include <array>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics)
};

} // namespace

namespace {

// The properties the model owns, in the order a new event lists them.
enum Group {
    Uid,
    Stamp,
    Start,
    End,
    Duration,
    Rules,
    RecurrenceDates,
    ExceptionDates,
    RecurrenceId,
    Summary,
    Description,
    Location,
    Status,
    Sequence,
    LastModified,
    Organizer,
    Attendees,
    Meeting,
    GroupCount,
    NoGroup = GroupCount
};

Group groupOf(const ContentLine& line)
{
    static const std::array<std::pair<QByteArrayView, Group>, 17> names{{
        {"UID", Uid},
        {"DTSTAMP", Stamp},
        {"DTSTART", Start},
        {"DTEND", End},
        {"DURATION", Duration},
        {"RRULE", Rules},
        {"RDATE", RecurrenceDates},
        {"EXDATE", ExceptionDates},
        {"RECURRENCE-ID", RecurrenceId},
        {"SUMMARY", Summary},
        {"DESCRIPTION", Description},
        {"LOCATION", Location},
        {"STATUS", Status},
        {"SEQUENCE", Sequence},
        {"LAST-MODIFIED", LastModified},
        {"ORGANIZER", Organizer},
        {"ATTENDEE", Attendees},
    }};
    for (const auto& [name, group] : names) {
        if (line.name == name)
            return group;
    }
    // Only our own call links; other CONFERENCE and URL lines belong to the event as read.
    if ((line.name == "CONFERENCE" || line.name == "URL") &&
        !meetingIdFromLink(QString::fromUtf8(line.value())).isEmpty())
        return Meeting;
    return NoGroup;
}

std::optional<Error> checkWritable(const Event& event, const TimeZones& zones)
{
    if (event.uid.isEmpty())
        return makeError(ErrorCode::InvalidArgument, Text::tr("An event needs a UID."));
    if (!event.start.isValid())
        return makeError(ErrorCode::InvalidArgument, Text::tr("The event “%1” has no valid start.").arg(event.uid));
    if (event.end && event.duration)
        return makeError(ErrorCode::InvalidArgument,
                         Text::tr("The event “%1” has both an end and a duration.").arg(event.uid));
    std::vector<const CalendarTime*> times{&event.start};
    if (event.end)
        times.push_back(&*event.end);
    if (event.recurrenceId)
        times.push_back(&*event.recurrenceId);
    for (const CalendarTime& t : event.exceptionDates)
        times.push_back(&t);
    for (const RecurrenceDate& d : event.recurrenceDates) {
        times.push_back(&d.start);
        if (d.end)
            times.push_back(&*d.end);
    }
    for (const CalendarTime* t : times) {
        if (!t->isValid())
            return makeError(ErrorCode::InvalidArgument,
                             Text::tr("The event “%1” has a date that is not valid.").arg(event.uid));
        if (t->kind == CalendarTime::Kind::Zoned && !zones.resolves(t->timeZoneId))
            return makeError(
                ErrorCode::InvalidArgument,
                Text::tr("The time zone “%1” of the event “%2” is unknown.").arg(t->timeZoneId, event.uid));
    }
    return std::nullopt;
}

// Writes the lines of one group from the model; `original` holds the group's lines as read.
class GroupWriter {
public:
    GroupWriter(const Event& event, const Event* before) : m_event(event), m_before(before) { }

    bool changed(Group group) const;
    Result<QList<QByteArray>> lines(Group group, const QList<QByteArray>& original) const;

private:
    QList<QByteArray> attendeeLines(const QList<QByteArray>& original) const;

    const Event& m_event;
    const Event* m_before; // the event as read, if it was
};

bool GroupWriter::changed(Group group) const
{
    if (!m_before)
        return true;
    const Event& a = m_event;
    const Event& b = *m_before;
    switch (group) {
    case Uid: return a.uid != b.uid;
    case Stamp: return a.stamp != b.stamp;
    case Start: return a.start != b.start;
    case End: return a.end != b.end;
    case Duration: return a.duration != b.duration;
    case Rules: return a.recurrenceRules != b.recurrenceRules;
    case RecurrenceDates: return a.recurrenceDates != b.recurrenceDates;
    case ExceptionDates: return a.exceptionDates != b.exceptionDates;
    case RecurrenceId: return a.recurrenceId != b.recurrenceId || a.thisAndFuture != b.thisAndFuture;
    case Summary: return a.summary != b.summary;
    case Description: return a.description != b.description;
    case Location: return a.location != b.location;
    case Status: return a.status != b.status;
    case Sequence: return a.sequence != b.sequence;
    case LastModified: return a.lastModified != b.lastModified;
    case Organizer: return a.organizer != b.organizer;
    case Attendees: return a.attendees != b.attendees;
    case Meeting: return a.meetingId != b.meetingId;
    case GroupCount: break;
    }
    return false;
}

Result<QList<QByteArray>> GroupWriter::lines(Group group, const QList<QByteArray>& original) const
{
    const Event& e = m_event;
    const QByteArray first = original.value(0);
    const auto text = [&](icalproperty_kind kind, const QString& value) -> QList<QByteArray> {
        if (value.isEmpty())
            return {};
        return {first.isEmpty() ? textLine(kind, value) : updatedTextLine(first, value)};
    };
    switch (group) {
    case Uid: return QList<QByteArray>{textLine(ICAL_UID_PROPERTY, e.uid)};
    case Stamp:
        return QList<QByteArray>{
            utcTimeLine(ICAL_DTSTAMP_PROPERTY, e.stamp.isValid() ? e.stamp : QDateTime::currentDateTimeUtc())};
    case Start: return QList<QByteArray>{timeLine(ICAL_DTSTART_PROPERTY, e.start)};
    case End: return e.end ? QList<QByteArray>{timeLine(ICAL_DTEND_PROPERTY, *e.end)} : QList<QByteArray>();
    case Duration: return e.duration ? QList<QByteArray>{durationLine(*e.duration)} : QList<QByteArray>();
    case Rules: {
        QList<QByteArray> out;
        for (const QString& rule : e.recurrenceRules) {
            Result<QByteArray> line = ruleLine(rule);
            if (!line)
                return line.error();
            out.append(*line);
        }
        return out;
    }
    case RecurrenceDates: {
        QList<QByteArray> out;
        for (const RecurrenceDate& date : e.recurrenceDates)
            out.append(recurrenceDateLine(date));
        return out;
    }
    case ExceptionDates: {
        QList<QByteArray> out;
        for (const CalendarTime& date : e.exceptionDates)
            out.append(timeLine(ICAL_EXDATE_PROPERTY, date));
        return out;
    }
    case RecurrenceId:
        return e.recurrenceId ? QList<QByteArray>{recurrenceIdLine(*e.recurrenceId, e.thisAndFuture)}
                              : QList<QByteArray>();
    case Summary: return text(ICAL_SUMMARY_PROPERTY, e.summary);
    case Description: return text(ICAL_DESCRIPTION_PROPERTY, e.description);
    case Location: return text(ICAL_LOCATION_PROPERTY, e.location);
    case Status: return e.status == EventStatus::None ? QList<QByteArray>() : QList<QByteArray>{statusLine(e.status)};
    case Sequence:
        return e.sequence > 0 || !original.isEmpty() ? QList<QByteArray>{sequenceLine(e.sequence)}
                                                     : QList<QByteArray>();
    case LastModified:
        return e.lastModified.isValid() ? QList<QByteArray>{utcTimeLine(ICAL_LASTMODIFIED_PROPERTY, e.lastModified)}
                                        : QList<QByteArray>();
    case Organizer: return e.organizer ? QList<QByteArray>{organizerLine(*e.organizer, first)} : QList<QByteArray>();
    case Attendees: return attendeeLines(original);
    case Meeting: return e.meetingId.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{meetingLine(e.meetingId)};
    case GroupCount: break;
    }
    return QList<QByteArray>();
}

// Attendees keep their own line (and its other parameters) when only their status, role or
// name changes; they are matched by address.
QList<QByteArray> GroupWriter::attendeeLines(const QList<QByteArray>& original) const
{
    struct Known {
        QByteArray line;
        Attendee attendee;
        bool used = false;
    };
    std::vector<Known> known;
    for (const QByteArray& line : original) {
        IcalPropertyPtr property(icalproperty_new_from_string(line.constData()));
        if (property)
            known.push_back({line, attendeeOf(property.get())});
    }
    QList<QByteArray> out;
    for (const Attendee& attendee : m_event.attendees) {
        Known* match = nullptr;
        for (Known& k : known) {
            if (!k.used && k.attendee.address.compare(attendee.address, Qt::CaseInsensitive) == 0) {
                match = &k;
                break;
            }
        }
        if (!match) {
            out.append(attendeeLine(attendee));
            continue;
        }
        match->used = true;
        out.append(match->attendee == attendee ? match->line : attendeeLine(attendee, match->line));
    }
    return out;
}

// Reminders keep their VALARM as read when they stay; alarms that are no reminders always stay.
QList<QByteArray> reminderBlocks(const Event& event, const std::vector<std::pair<Reminder, QByteArray>>& original)
{
    std::vector<bool> used(original.size(), false);
    QList<QByteArray> out;
    for (const Reminder& reminder : event.reminders) {
        bool kept = false;
        for (size_t i = 0; i < original.size() && !kept; ++i) {
            if (!used[i] && original[i].first == reminder) {
                used[i] = true;
                kept = true;
                out.append(original[i].second);
            }
        }
        if (!kept)
            out.append(reminderLines(reminder, event.summary).join("\r\n") + "\r\n");
    }
    return out;
}

std::optional<Reminder> reminderInText(const QByteArray& text)
{
    IcalComponentPtr alarm(icalparser_parse_string(text.constData()));
    return alarm ? reminderOf(alarm.get()) : std::nullopt;
}

Result<QByteArray> freshEvent(const Event& event)
{
    GroupWriter writer(event, nullptr);
    QByteArray out = "BEGIN:VEVENT\r\n";
    for (int group = 0; group < GroupCount; ++group) {
        Result<QList<QByteArray>> lines = writer.lines(Group(group), {});
        if (!lines)
            return lines.error();
        for (const QByteArray& line : *lines)
            out += line + "\r\n";
    }
    for (const QByteArray& block : reminderBlocks(event, {}))
        out += block;
    out += "END:VEVENT\r\n";
    return out;
}

Result<QByteArray> mergedEvent(const Event& event, const TimeZones& zones)
{
    const IcsLimits limits;
    const auto unreadable = [&event](const Error& error) {
        return makeError(
            ErrorCode::Corrupt,
            Text::tr("The source text of the event “%1” cannot be read: %2").arg(event.uid, error.message));
    };
    Result<std::vector<ContentLine>> lines = splitContentLines(event.sourceText, limits);
    if (!lines)
        return unreadable(lines.error());
    Result<std::vector<RawComponent>> tree = buildComponentTree(*lines, limits, QByteArrayLiteral("VEVENT"));
    if (!tree)
        return unreadable(tree.error());
    if (tree->size() != 1)
        return unreadable(makeError(ErrorCode::Corrupt, Text::tr("it holds more than one VEVENT.")));
    const RawComponent& raw = tree->front();
    Result<ParsedComponent> parsed = ParsedComponent::parse(*lines, raw);
    if (!parsed)
        return unreadable(parsed.error());
    Result<Event> before = readEvent(*parsed, zones.table(), limits, {});
    if (!before)
        return unreadable(before.error());

    const GroupWriter writer(event, &*before);
    std::array<QList<QByteArray>, GroupCount> originals;
    for (int index : raw.properties) {
        const ContentLine& line = (*lines)[size_t(index)];
        if (const Group group = groupOf(line); group != NoGroup)
            originals[group].append(line.text);
    }
    std::array<QList<QByteArray>, GroupCount> replacements;
    std::array<bool, GroupCount> changed{};
    for (int group = 0; group < GroupCount; ++group) {
        changed[size_t(group)] = writer.changed(Group(group));
        if (!changed[size_t(group)])
            continue;
        Result<QList<QByteArray>> groupLines = writer.lines(Group(group), originals[size_t(group)]);
        if (!groupLines)
            return groupLines.error();
        replacements[size_t(group)] = *groupLines;
    }
    const bool remindersChanged = event.reminders != before->reminders;
    std::vector<std::pair<Reminder, QByteArray>> originalReminders;
    if (remindersChanged) {
        for (const RawComponent& child : raw.children) {
            if (child.name != "VALARM")
                continue;
            const QByteArray text = componentText(*lines, child);
            if (std::optional<Reminder> reminder = reminderInText(text))
                originalReminders.emplace_back(*reminder, text);
        }
    }

    // The lines and components in file order.
    QByteArray out = (*lines)[size_t(raw.begin)].text + "\r\n";
    std::array<bool, GroupCount> written{};
    bool remindersWritten = !remindersChanged;
    const auto writeGroup = [&](Group group) {
        if (!written[size_t(group)]) {
            written[size_t(group)] = true;
            for (const QByteArray& line : replacements[size_t(group)])
                out += line + "\r\n";
        }
    };
    const auto writeReminders = [&]() {
        if (!remindersWritten) {
            remindersWritten = true;
            for (const QByteArray& block : reminderBlocks(event, originalReminders))
                out += block;
        }
    };
    size_t nextProperty = 0;
    size_t nextChild = 0;
    while (nextProperty < raw.properties.size() || nextChild < raw.children.size()) {
        const bool property =
            nextChild == raw.children.size() ||
            (nextProperty < raw.properties.size() && raw.properties[nextProperty] < raw.children[nextChild].begin);
        if (property) {
            const ContentLine& line = (*lines)[size_t(raw.properties[nextProperty++])];
            const Group group = groupOf(line);
            if (group == NoGroup || !changed[size_t(group)])
                out += line.text + "\r\n";
            else
                writeGroup(group);
            continue;
        }
        // Properties the event did not have go before its first component, as RFC 5545 orders them.
        if (nextChild == 0) {
            for (int group = 0; group < GroupCount; ++group) {
                if (changed[size_t(group)] && originals[size_t(group)].isEmpty())
                    writeGroup(Group(group));
            }
        }
        const RawComponent& child = raw.children[nextChild++];
        const QByteArray text = componentText(*lines, child);
        if (remindersChanged && child.name == "VALARM" && reminderInText(text))
            writeReminders();
        else
            out += text;
    }
    for (int group = 0; group < GroupCount; ++group) {
        if (changed[size_t(group)])
            writeGroup(Group(group));
    }
    writeReminders();
    out += (*lines)[size_t(raw.end)].text + "\r\n";
    return out;
}

} // namespace

Result<QByteArray> eventText(const Event& event, const TimeZones& zones)
{
    if (auto error = checkWritable(event, zones))
        return *error;
    return event.sourceText.isEmpty() ? freshEvent(event) : mergedEvent(event, zones);
}

} // namespace convene::calendar
