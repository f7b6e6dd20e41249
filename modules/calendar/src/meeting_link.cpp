#include <convene/calendar/meeting_link.h>

#include <algorithm>

namespace convene::calendar {

namespace {

const QString kPrefix = QStringLiteral("convene://calls/meeting:");

bool isIdChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' ||
           c == u'.';
}

} // namespace

QString meetingLink(const QString& meetingId)
{
    return kPrefix + meetingId;
}

QString meetingIdFromLink(const QString& link)
{
    if (!link.startsWith(kPrefix, Qt::CaseInsensitive))
        return {};
    QString id = link.mid(kPrefix.size());
    if (id.isEmpty() || id.size() > 200 || !std::all_of(id.begin(), id.end(), isIdChar))
        return {};
    return id;
}

} // namespace convene::calendar
