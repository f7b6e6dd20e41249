#include "override_text.h"

#include "event_lines.h"

#include <algorithm>
#include <array>

namespace convene::calendar {

namespace {

QByteArrayView nameOf(QByteArrayView line)
{
    const qsizetype end = std::min(line.indexOf(';') < 0 ? line.size() : line.indexOf(';'),
                                   line.indexOf(':') < 0 ? line.size() : line.indexOf(':'));
    return line.first(end);
}

bool makesSeries(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 5> names{"RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID"};
    return std::any_of(names.begin(), names.end(),
                       [&](QByteArrayView series) { return name.compare(series, Qt::CaseInsensitive) == 0; });
}

} // namespace

QByteArray overrideText(const QByteArray& masterText, const CalendarTime& recurrenceId)
{
    if (masterText.isEmpty())
        return {};
    QByteArray out;
    int depth = 0;
    for (QByteArray line : masterText.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const QByteArrayView name = nameOf(line);
        if (name.compare("END", Qt::CaseInsensitive) == 0)
            --depth;
        const bool own = depth == 1; // a property of the VEVENT itself, not of its VALARMs
        if (name.compare("BEGIN", Qt::CaseInsensitive) == 0)
            ++depth;
        if (own && makesSeries(name))
            continue;
        out += line + "\r\n";
        if (own && name.compare("DTSTART", Qt::CaseInsensitive) == 0)
            out += recurrenceIdLine(recurrenceId, false) + "\r\n";
    }
    return out;
}

} // namespace convene::calendar
