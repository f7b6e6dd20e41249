#include "rule_edits.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace convene::calendar {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(convene::calendar::SeriesEdit)
};

} // namespace

namespace {

constexpr std::array<const char16_t*, 7> kWeekdays{u"MO", u"TU", u"WE", u"TH", u"FR", u"SA", u"SU"};

// NAME=VALUE parts in their written order; names compare without case, as RFC 5545 asks.
class RuleParts {
public:
    explicit RuleParts(const QString& rule)
    {
        for (const QString& part : rule.split(u';', Qt::SkipEmptyParts)) {
            const qsizetype equals = part.indexOf(u'=');
            m_parts.append({equals < 0 ? part : part.left(equals), equals < 0 ? QString() : part.mid(equals + 1)});
        }
    }

    QString value(QStringView name) const
    {
        const qsizetype i = find(name);
        return i < 0 ? QString() : m_parts[i].second;
    }
    QStringList values(QStringView name) const { return value(name).split(u',', Qt::SkipEmptyParts); }
    bool has(QStringView name) const { return find(name) >= 0; }

    void set(QStringView name, const QString& value)
    {
        const qsizetype i = find(name);
        if (i < 0)
            m_parts.append({name.toString(), value});
        else
            m_parts[i].second = value;
    }
    void remove(QStringView name)
    {
        if (const qsizetype i = find(name); i >= 0)
            m_parts.removeAt(i);
    }

    QString text() const
    {
        QStringList parts;
        for (const auto& [name, value] : m_parts)
            parts.append(name + u'=' + value);
        return parts.join(u';');
    }

private:
    qsizetype find(QStringView name) const
    {
        for (qsizetype i = 0; i < m_parts.size(); ++i) {
            if (m_parts[i].first.compare(name, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    }

    QList<std::pair<QString, QString>> m_parts;
};

QString untilText(const CalendarTime& until)
{
    const QString date = until.date.toString(QStringLiteral("yyyyMMdd"));
    if (until.isAllDay())
        return date;
    const QString time = date + u'T' + until.time.toString(QStringLiteral("HHmmss"));
    return until.kind == CalendarTime::Kind::Utc ? time + u'Z' : time;
}

std::optional<CalendarTime> untilOf(const QString& text)
{
    const QDate date = QDate::fromString(text.left(8), QStringLiteral("yyyyMMdd"));
    if (text.size() == 8 && date.isValid())
        return CalendarTime::allDay(date);
    const QTime time = QTime::fromString(text.mid(9, 6), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid() || text.size() < 15 || text[8].toUpper() != u'T')
        return std::nullopt;
    if (text.size() == 16 && text[15].toUpper() == u'Z')
        return CalendarTime::utc(date, time);
    return text.size() == 15 ? std::optional(CalendarTime::floating(date, time)) : std::nullopt;
}

int weekdayIndex(const QDate& date)
{
    return date.dayOfWeek() - 1;
}

// A numbered weekday (3TH, -1FR) for the new date: its place counted in the month, or in the year
// when the rule has neither FREQ=MONTHLY nor BYMONTH.
QString numberedWeekday(const QDate& date, bool fromEnd, bool inMonth)
{
    const int day = inMonth ? date.day() : date.dayOfYear();
    const int length = inMonth ? date.daysInMonth() : date.daysInYear();
    const int number = fromEnd ? -((length - day) / 7 + 1) : (day - 1) / 7 + 1;
    return QString::number(number) + QString::fromUtf16(kWeekdays[size_t(weekdayIndex(date))]);
}

bool moveWeekdays(RuleParts& parts, const QDate& to, qint64 days)
{
    static const QRegularExpression entry(QStringLiteral("^([+-]?)(\\d{0,2})(MO|TU|WE|TH|FR|SA|SU)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QStringList values = parts.values(u"BYDAY");
    QStringList moved;
    for (const QString& value : values) {
        const QRegularExpressionMatch match = entry.match(value.trimmed());
        if (!match.hasMatch())
            return false;
        if (!match.captured(2).isEmpty()) {
            if (values.size() != 1)
                return false;
            const bool inMonth =
                parts.value(u"FREQ").compare(u"MONTHLY", Qt::CaseInsensitive) == 0 || parts.has(u"BYMONTH");
            moved.append(numberedWeekday(to, match.captured(1) == u"-", inMonth));
            continue;
        }
        int index = 0;
        while (QStringView(kWeekdays[size_t(index)]).compare(match.captured(3), Qt::CaseInsensitive) != 0)
            ++index;
        moved.append(QString::fromUtf16(kWeekdays[size_t(((index + days) % 7 + 7) % 7)]));
    }
    parts.set(u"BYDAY", moved.join(u','));
    return true;
}

// Several values move by `delta` and must stay in [low, high]; a single one becomes `single`.
bool moveNumbers(RuleParts& parts, QStringView name, qint64 delta, int single, int low, int high)
{
    const QStringList values = parts.values(name);
    if (values.size() == 1) {
        parts.set(name, QString::number(single));
        return true;
    }
    QStringList moved;
    for (const QString& value : values) {
        bool ok = false;
        const qint64 number = value.toInt(&ok) + delta;
        if (!ok || number < low || number > high)
            return false;
        moved.append(QString::number(number));
    }
    parts.set(name, moved.join(u','));
    return true;
}

bool moveMonthDays(RuleParts& parts, const QDate& to, qint64 days)
{
    const bool fromEnd = parts.value(u"BYMONTHDAY").trimmed().startsWith(u'-');
    const int single = fromEnd ? to.day() - to.daysInMonth() - 1 : to.day();
    // Days past the 28th, or before the 28th from the end, would name other days in other months.
    return fromEnd ? moveNumbers(parts, u"BYMONTHDAY", days, single, -28, -1)
                   : moveNumbers(parts, u"BYMONTHDAY", days, single, 1, 28);
}

bool moveMonths(RuleParts& parts, const QDate& from, const QDate& to)
{
    const int delta = (to.year() * 12 + to.month()) - (from.year() * 12 + from.month());
    if (delta % 12 == 0)
        return true;
    const QStringList values = parts.values(u"BYMONTH");
    QStringList moved;
    for (const QString& value : values) {
        bool ok = false;
        const int month = value.toInt(&ok);
        if (!ok)
            return false;
        moved.append(QString::number(values.size() == 1 ? to.month() : ((month - 1 + delta) % 12 + 12) % 12 + 1));
    }
    parts.set(u"BYMONTH", moved.join(u','));
    return true;
}

bool moveDayParts(RuleParts& parts, const QDate& from, const QDate& to)
{
    const qint64 days = from.daysTo(to);
    if (days == 0)
        return true;
    if (parts.has(u"BYWEEKNO") || parts.has(u"BYSETPOS"))
        return false;
    if (parts.has(u"BYDAY") && !moveWeekdays(parts, to, days))
        return false;
    if (parts.has(u"BYMONTHDAY") && !moveMonthDays(parts, to, days))
        return false;
    if (parts.has(u"BYMONTH") && !moveMonths(parts, from, to))
        return false;
    if (parts.has(u"BYYEARDAY")) {
        if (parts.values(u"BYYEARDAY").size() != 1)
            return false;
        const bool fromEnd = parts.value(u"BYYEARDAY").trimmed().startsWith(u'-');
        parts.set(u"BYYEARDAY", QString::number(fromEnd ? to.dayOfYear() - to.daysInYear() - 1 : to.dayOfYear()));
    }
    return true;
}

bool moveTimeParts(RuleParts& parts, const QTime& from, const QTime& to)
{
    const std::array<std::tuple<QStringView, int, int, int>, 3> fields{{
        {u"BYHOUR", from.hour(), to.hour(), 23},
        {u"BYMINUTE", from.minute(), to.minute(), 59},
        {u"BYSECOND", from.second(), to.second(), 59},
    }};
    for (const auto& [name, before, after, high] : fields) {
        if (before != after && parts.has(name) && !moveNumbers(parts, name, after - before, after, 0, high))
            return false;
    }
    return true;
}

} // namespace

int ruleCount(const QString& rule)
{
    return RuleParts(rule).value(u"COUNT").toInt();
}

std::optional<CalendarTime> ruleUntil(const QString& rule)
{
    return untilOf(RuleParts(rule).value(u"UNTIL"));
}

QString ruleEndingAt(const QString& rule, const CalendarTime& until, const EditTimes& times,
                     const CalendarTime& seriesStart)
{
    RuleParts parts(rule);
    parts.remove(u"COUNT");
    const std::optional<CalendarTime> existing = untilOf(parts.value(u"UNTIL"));
    if (!existing || times.untilWall(seriesStart, *existing) > times.untilWall(seriesStart, until))
        parts.set(u"UNTIL", untilText(until));
    return parts.text();
}

std::optional<QString> ruleAfter(const QString& rule, int passed)
{
    RuleParts parts(rule);
    const int count = parts.value(u"COUNT").toInt();
    if (count == 0 || passed == 0)
        return rule;
    if (count <= passed)
        return std::nullopt;
    parts.set(u"COUNT", QString::number(count - passed));
    return parts.text();
}

Result<QString> ruleMoved(const QString& rule, const SeriesMove& move)
{
    RuleParts parts(rule);
    if (const std::optional<CalendarTime> until = untilOf(parts.value(u"UNTIL")))
        parts.set(u"UNTIL", untilText(move.movedUntil(*until)));
    const CalendarTime from = move.from();
    const CalendarTime to = move.to();
    const bool timed = !from.isAllDay() && !to.isAllDay();
    if (!moveDayParts(parts, from.date, to.date) || (timed && !moveTimeParts(parts, from.time, to.time))) {
        return makeError(ErrorCode::Unsupported,
                         Text::tr("The recurrence rule “%1” cannot follow the event to its new day or time; change "
                                  "the rule along with the time.")
                             .arg(rule));
    }
    return parts.text();
}

} // namespace convene::calendar
