#include "demo_event_text.h"

namespace convene::backends::local {

namespace {

// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
QByteArray escaped(const QString& text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '\\' || c == ';' || c == ',')
            out += '\\';
        out += c == '\n' ? QByteArray("\\n") : QByteArray(1, c);
    }
    return out;
}

QByteArray localTime(const QDateTime& time)
{
    return time.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
}

QByteArray member(const QString& id)
{
    return "urn:convene:user:" + id.toUtf8();
}

} // namespace

QByteArray demoEventText(const DemoEvent& e, const QDateTime& stamp)
{
    const QByteArray zone = e.timeZone.toUtf8();
    QByteArrayList lines{"BEGIN:VCALENDAR",
                         "VERSION:2.0",
                         "PRODID:-//Convene//Demo workspace//EN",
                         "BEGIN:VEVENT",
                         "UID:" + escaped(e.uid),
                         "DTSTAMP:" + stamp.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1(),
                         "DTSTART;TZID=" + zone + ':' + localTime(e.start),
                         "DTEND;TZID=" + zone + ':' + localTime(e.start.addSecs(e.durationMinutes * 60)),
                         "SUMMARY:" + escaped(e.title)};
    if (!e.location.isEmpty())
        lines << "LOCATION:" + escaped(e.location);
    if (!e.rule.isEmpty())
        lines << "RRULE:" + e.rule.toLatin1();
    lines << "ORGANIZER:" + member(e.organizer);
    for (const QString& id : e.accepted)
        lines << "ATTENDEE;PARTSTAT=ACCEPTED:" + member(id);
    for (const QString& id : e.invited)
        lines << "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:" + member(id);
    if (!e.meetingId.isEmpty())
        lines << "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Convene call:convene://calls/meeting:" +
                     e.meetingId.toLatin1();
    lines << "BEGIN:VALARM"
          << "ACTION:DISPLAY"
          << "DESCRIPTION:" + escaped(e.title) << "TRIGGER:-PT" + QByteArray::number(e.reminderMinutes) + 'M'
          << "END:VALARM"
          << "END:VEVENT"
          << "END:VCALENDAR";
    return lines.join("\r\n") + "\r\n";
}

} // namespace convene::backends::local
