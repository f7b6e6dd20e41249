#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace convene::backends::local {

// A demo event as the calendar stores it: one VCALENDAR holding one VEVENT, in the
// workspace's zone. Attendees and the organiser are member ids.
struct DemoEvent {
    QString uid{};
    QString title{};
    QDateTime start; // wall-clock time in `timeZone`
    int durationMinutes = 60;
    QString timeZone{};
    QString location{};
    QString rule{}; // RRULE value, or empty
    QString organizer{};
    QStringList accepted{}; // attendees who said yes
    QStringList invited{}; // attendees who have not answered
    QString meetingId{}; // empty: no video call
    int reminderMinutes = 10;
};

QByteArray demoEventText(const DemoEvent& event, const QDateTime& stamp);

} // namespace convene::backends::local
