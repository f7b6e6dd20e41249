#include <convene/calendar/occurrence_model.h>

#include <convene/calendar/event_entries.h>

#include <QLocale>

namespace convene::calendar {

QString occurrenceTimeText(const OccurrenceRow& row, const QLocale& locale)
{
    if (row.allDay)
        return OccurrenceModel::tr("All day");
    const QString format = locale.timeFormat(QLocale::ShortFormat);
    //: A time range, e.g. 09:00 – 10:30
    return OccurrenceModel::tr("%1 – %2").arg(locale.toString(row.start.time(), format),
                                              locale.toString(row.end.time(), format));
}

int OccurrenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant OccurrenceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OccurrenceRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return row.title;
    case UidRole: return row.uid;
    case RecurrenceIdRole: return row.recurrenceId;
    case LocationRole: return row.location;
    case StartRole: return row.start;
    case EndRole: return row.end;
    case TimeTextRole: return occurrenceTimeText(row, QLocale());
    case AllDayRole: return row.allDay;
    case DayRole: return row.day;
    case DayCountRole: return row.dayCount;
    case StartMinuteRole: return row.startMinute;
    case EndMinuteRole: return row.endMinute;
    case ColumnRole: return row.column;
    case ColumnsRole: return row.columns;
    case RecurringRole: return row.recurring;
    case HasCallRole: return row.hasCall;
    case CancelledRole: return row.cancelled;
    case PendingRole: return row.pending;
    case FailedRole: return row.failed;
    case MineRole: return row.mine;
    case InvitedRole: return row.invited;
    case ResponseRole: return participationName(row.myStatus);
    case ColorIndexRole: return row.colorIndex;
    case DateRole: return row.start.date();
    default: return {};
    }
}

QHash<int, QByteArray> OccurrenceModel::roleNames() const
{
    return {{UidRole, "uid"},
            {RecurrenceIdRole, "recurrenceId"},
            {TitleRole, "title"},
            {LocationRole, "location"},
            {StartRole, "start"},
            {EndRole, "end"},
            {TimeTextRole, "timeText"},
            {AllDayRole, "allDay"},
            {DayRole, "day"},
            {DayCountRole, "dayCount"},
            {StartMinuteRole, "startMinute"},
            {EndMinuteRole, "endMinute"},
            {ColumnRole, "column"},
            {ColumnsRole, "columns"},
            {RecurringRole, "recurring"},
            {HasCallRole, "hasCall"},
            {CancelledRole, "cancelled"},
            {PendingRole, "pending"},
            {FailedRole, "failed"},
            {MineRole, "mine"},
            {InvitedRole, "invited"},
            {ResponseRole, "response"},
            {ColorIndexRole, "colorIndex"},
            {DateRole, "date"}};
}

void OccurrenceModel::setRows(QList<OccurrenceRow> rows, int lanes)
{
    const bool countChanges = rows.size() != m_rows.size() || lanes != m_lanes;
    beginResetModel();
    m_rows = std::move(rows);
    m_lanes = lanes;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

} // namespace convene::calendar
