#include <convene/calendar/occurrence_model.h>

#include <convene/calendar/event_entries.h>

#include <QLocale>
#include <QSet>

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

namespace {

// What makes a row the same row after a reload: its occurrence and, for an event over several
// days, which day's segment it is.
QString rowKey(const OccurrenceRow& row)
{
    return row.uid + QChar(0x1f) + QString::number(row.recurrenceId.toMSecsSinceEpoch()) + QChar(0x1f) +
           QString::number(row.day);
}

QStringList keysOf(const QList<OccurrenceRow>& rows)
{
    QStringList keys;
    keys.reserve(rows.size());
    for (const OccurrenceRow& row : rows)
        keys << rowKey(row);
    return keys;
}

} // namespace

void OccurrenceModel::setRows(QList<OccurrenceRow> rows, int lanes)
{
    const bool countChanges = rows.size() != m_rows.size() || lanes != m_lanes;
    if (!updateInPlace(rows)) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    m_lanes = lanes;
    if (countChanges)
        emit countChanged();
}

// Removes, moves and inserts rows one by one and updates changed ones, so that views keep the
// items of rows that stay. False (nothing changed) when the rows have nothing in common or keys
// repeat; then the caller resets.
bool OccurrenceModel::updateInPlace(const QList<OccurrenceRow>& rows)
{
    QStringList keys = keysOf(m_rows); // kept in step with m_rows below
    const QStringList newKeys = keysOf(rows);
    const QSet<QString> oldSet(keys.cbegin(), keys.cend());
    const QSet<QString> newSet(newKeys.cbegin(), newKeys.cend());
    if (oldSet.size() != keys.size() || newSet.size() != newKeys.size() || !oldSet.intersects(newSet))
        return m_rows.isEmpty() && rows.isEmpty();

    for (int i = count() - 1; i >= 0; --i) {
        if (newSet.contains(keys.at(i)))
            continue;
        int first = i;
        while (first > 0 && !newSet.contains(keys.at(first - 1)))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        keys.remove(first, i - first + 1);
        endRemoveRows();
        i = first;
    }
    for (int i = 0; i < rows.size(); ++i) {
        const QString& key = newKeys.at(i);
        if (!oldSet.contains(key)) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, rows.at(i));
            keys.insert(i, key);
            endInsertRows();
            continue;
        }
        if (keys.at(i) != key) {
            const int from = int(keys.indexOf(key, i + 1));
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            keys.move(from, i);
            endMoveRows();
        }
        if (m_rows.at(i) != rows.at(i)) {
            m_rows[i] = rows.at(i);
            emit dataChanged(index(i), index(i));
        }
    }
    return true;
}

} // namespace convene::calendar
