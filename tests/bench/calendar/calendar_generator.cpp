#include "calendar_generator.h"

#include <QDate>
#include <QSet>
#include <QString>

#include <array>
#include <random>

namespace convene::bench {

namespace {

const std::array<const char*, 3> kZones{"Europe/Berlin", "America/New_York", "Asia/Shanghai"};
const std::array<const char*, 7> kDays{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

class Writer {
public:
    explicit Writer(unsigned seed) : m_random(seed) { }

    int below(int n) { return int(m_random() % unsigned(n)); }
    bool chance(int percent) { return below(100) < percent; }

    QByteArray stamp(QDate date, int minutes) const
    {
        return date.toString(QStringLiteral("yyyyMMdd")).toLatin1() + 'T' +
               QString::asprintf("%02d%02d00", minutes / 60, minutes % 60).toLatin1();
    }

    // DTSTART and DTEND in a random zone (or UTC, or floating, or all day); `zone` and `time` tell
    // which zone and wall-clock time a zoned start got.
    QByteArray times(QDate date, bool allDayAllowed, QByteArray* zone = nullptr, QByteArray* time = nullptr)
    {
        const int kind = below(100);
        if (allDayAllowed && kind < 5) {
            const QByteArray day = date.toString(QStringLiteral("yyyyMMdd")).toLatin1();
            return "DTSTART;VALUE=DATE:" + day + "\r\nDTEND;VALUE=DATE:" +
                   date.addDays(1 + below(3)).toString(QStringLiteral("yyyyMMdd")).toLatin1() + "\r\n";
        }
        const int start = 7 * 60 + 30 * below(24);
        const int length = 30 * (1 + below(3));
        if (kind < 15)
            return "DTSTART:" + stamp(date, start) + "Z\r\nDTEND:" + stamp(date, start + length) + "Z\r\n";
        if (kind < 20)
            return "DTSTART:" + stamp(date, start) + "\r\nDTEND:" + stamp(date, start + length) + "\r\n";
        const QByteArray tzid = kZones[size_t(below(int(kZones.size())))];
        if (zone)
            *zone = tzid;
        if (time)
            *time = stamp(date, start).mid(9);
        return "DTSTART;TZID=" + tzid + ':' + stamp(date, start) + "\r\nDTEND;TZID=" + tzid + ':' +
               stamp(date, start + length) + "\r\n";
    }

    QByteArray rule(QDate start, bool allDay, bool* endless)
    {
        QByteArray rule;
        const int kind = below(100);
        if (kind < 40) {
            rule = "FREQ=WEEKLY;BYDAY=" + QByteArray(kDays[size_t(start.dayOfWeek() - 1)]);
            if (chance(40))
                rule += ',' + QByteArray(kDays[size_t(below(5))]);
            if (chance(20))
                rule += ";INTERVAL=2";
        } else if (kind < 60) {
            rule = chance(50) ? "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"
                              : "FREQ=DAILY;INTERVAL=" + QByteArray::number(1 + below(3));
        } else if (kind < 75) {
            static const std::array<const char*, 5> ordinals{"1MO", "2TU", "-1FR", "3WE", "1TH"};
            rule = "FREQ=MONTHLY;BYDAY=" + QByteArray(ordinals[size_t(below(int(ordinals.size())))]);
        } else if (kind < 85) {
            rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=" + QByteArray(chance(50) ? "-1" : "1");
        } else if (kind < 92) {
            rule = "FREQ=MONTHLY;BYMONTHDAY=" + QByteArray::number(1 + below(28));
        } else {
            rule = chance(50) ? QByteArray("FREQ=YEARLY") : "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH";
        }
        const int end = below(3);
        *endless = end == 0;
        if (end == 1)
            rule += ";COUNT=" + QByteArray::number(10 + below(80));
        else if (end == 2)
            rule += ";UNTIL=" + start.addDays(60 + below(600)).toString(QStringLiteral("yyyyMMdd")).toLatin1() +
                    (allDay ? "" : "T235959Z");
        return rule;
    }

private:
    std::mt19937 m_random;
};

} // namespace

QByteArray generateCalendar(const CalendarShape& shape)
{
    Writer w(shape.seed);
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Benchmark//EN\r\n";
    const QDate first(2025, 1, 1);
    for (int i = 0; i < shape.singles; ++i) {
        const QDate date = first.addDays(w.below(730));
        out += "BEGIN:VEVENT\r\nUID:single-" + QByteArray::number(i) + "@bench\r\nDTSTAMP:20250101T000000Z\r\n" +
               w.times(date, true) + "SUMMARY:Meeting " + QByteArray::number(i) + "\r\nLOCATION:Room " +
               QByteArray::number(w.below(40)) + "\r\nEND:VEVENT\r\n";
    }
    struct Endless {
        int index;
        QDate start;
        QByteArray zone;
        QByteArray time;
    };
    std::vector<Endless> endless;
    for (int i = 0; i < shape.series; ++i) {
        const QDate start = first.addDays(w.below(600));
        QByteArray zone, time;
        QByteArray times = w.times(start, true, &zone, &time);
        bool open = false;
        const QByteArray rule = w.rule(start, times.contains("VALUE=DATE"), &open);
        QByteArray event = "BEGIN:VEVENT\r\nUID:series-" + QByteArray::number(i) +
                           "@bench\r\nDTSTAMP:20250101T000000Z\r\n" + times + "RRULE:" + rule + "\r\n";
        if (w.chance(30) && !zone.isEmpty()) {
            for (int k = 1 + w.below(3); k > 0; --k)
                event += "EXDATE;TZID=" + zone + ':' +
                         start.addDays(7 * (1 + w.below(30))).toString(QStringLiteral("yyyyMMdd")).toLatin1() + 'T' +
                         time + "\r\n";
        }
        out += event + "SUMMARY:Series " + QByteArray::number(i) + "\r\nEND:VEVENT\r\n";
        if (open && !zone.isEmpty() && rule.startsWith("FREQ=WEEKLY;BYDAY=") && !rule.contains("INTERVAL") &&
            !rule.contains(','))
            endless.push_back({i, start, zone, time});
    }
    // Overrides: move or cancel an occurrence of an open weekly series.
    QSet<QByteArray> overridden;
    for (int made = 0, tries = 0; made < shape.overrides && !endless.empty() && tries < 100 * shape.overrides;
         ++tries) {
        const Endless& series = endless[size_t(w.below(int(endless.size())))];
        const QByteArray uid = "series-" + QByteArray::number(series.index) + "@bench";
        const QDate original = series.start.addDays(7 * (1 + w.below(52)));
        const QByteArray id = original.toString(QStringLiteral("yyyyMMdd")).toLatin1() + 'T' + series.time;
        if (overridden.contains(uid + id))
            continue;
        overridden.insert(uid + id);
        ++made;
        out += "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20250101T000000Z\r\nRECURRENCE-ID;TZID=" + series.zone +
               ':' + id + "\r\nDTSTART;TZID=" + series.zone + ':' +
               original.addDays(1).toString(QStringLiteral("yyyyMMdd")).toLatin1() + "T140000\r\nDURATION:PT1H\r\n" +
               (w.chance(30) ? "STATUS:CANCELLED\r\n" : "") + "SUMMARY:Moved\r\nEND:VEVENT\r\n";
    }
    out += "END:VCALENDAR\r\n";
    return out;
}

} // namespace convene::bench
