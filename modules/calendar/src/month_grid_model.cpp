#include <convene/calendar/month_grid_model.h>

#include <convene/calendar/event_entries.h>

#include <QLocale>

namespace convene::calendar {

QDate MonthGridModel::firstCell(QDate month, Qt::DayOfWeek weekStart)
{
    const QDate first(month.year(), month.month(), 1);
    return first.addDays(-((first.dayOfWeek() - weekStart + 7) % 7));
}

int MonthGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cells.size());
}

QVariant MonthGridModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell& cell = m_cells.at(index.row());
    switch (role) {
    case DateRole: return cell.date;
    case Qt::DisplayRole:
    case DayNumberRole: return cell.date.day();
    case InMonthRole: return cell.date.month() == m_month.month();
    case TodayRole: return cell.date == m_today;
    case LunarRole: return cell.lunar;
    case EventsRole: return cell.events;
    case MoreRole: return cell.more;
    default: return {};
    }
}

QHash<int, QByteArray> MonthGridModel::roleNames() const
{
    return {{DateRole, "date"},   {DayNumberRole, "dayNumber"}, {InMonthRole, "inMonth"}, {TodayRole, "today"},
            {LunarRole, "lunar"}, {EventsRole, "events"},       {MoreRole, "more"}};
}

void MonthGridModel::reset(const Setup& setup, const QList<OccurrenceRow>& rows)
{
    const QDate first = firstCell(setup.month, setup.weekStart);
    QList<Cell> cells(kDays);
    for (int i = 0; i < kDays; ++i) {
        cells[i].date = first.addDays(i);
        if (setup.lunarLabel)
            cells[i].lunar = setup.lunarLabel(cells[i].date);
    }
    const QLocale locale;
    for (const OccurrenceRow& row : rows) {
        if (setup.eventsPerDay <= 0)
            break;
        // A multi-day event shows on each of its days.
        const int last =
            row.allDay
                ? row.day + row.dayCount - 1
                : static_cast<int>(first.daysTo(row.end > row.start ? row.end.addSecs(-1).date() : row.start.date()));
        for (int day = std::max(0, row.day); day <= std::min(kDays - 1, last); ++day) {
            Cell& cell = cells[day];
            if (cell.events.size() >= setup.eventsPerDay) {
                ++cell.more;
                continue;
            }
            cell.events << QVariantMap{
                {QStringLiteral("uid"), row.uid},
                {QStringLiteral("recurrenceId"), row.recurrenceId},
                {QStringLiteral("title"), row.title},
                {QStringLiteral("time"),
                 row.allDay ? QString() : locale.toString(row.start.time(), QLocale::ShortFormat)},
                {QStringLiteral("allDay"), row.allDay},
                {QStringLiteral("cancelled"), row.cancelled},
                {QStringLiteral("response"), participationName(row.myStatus)},
                {QStringLiteral("colorIndex"), row.colorIndex}};
        }
    }
    const bool monthChanges = setup.month.month() != m_month.month() || setup.month.year() != m_month.year();
    beginResetModel();
    m_cells = std::move(cells);
    m_month = QDate(setup.month.year(), setup.month.month(), 1);
    m_today = setup.today;
    endResetModel();
    if (monthChanges)
        emit monthChanged();
}

} // namespace convene::calendar
