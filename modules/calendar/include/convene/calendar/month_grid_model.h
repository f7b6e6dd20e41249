#pragma once

#include <convene/calendar/occurrence_rows.h>

#include <QAbstractListModel>
#include <QDate>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace convene::calendar {

// The six weeks a month view or the mini month shows, one row per day, each with the first
// few occurrences that day and how many more there are.
class MonthGridModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the CalendarController")
    Q_PROPERTY(QDate month READ month NOTIFY monthChanged)

public:
    enum Role { DateRole = Qt::UserRole + 1, DayNumberRole, InMonthRole, TodayRole, LunarRole, EventsRole, MoreRole };
    Q_ENUM(Role)

    static constexpr int kDays = 42;

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The grid's first day for `month` when weeks start on `weekStart`.
    static QDate firstCell(QDate month, Qt::DayOfWeek weekStart);

    struct Setup {
        QDate month; // any day of it
        Qt::DayOfWeek weekStart = Qt::Monday;
        QDate today;
        int eventsPerDay = 3; // 0: no events (mini month)
        std::function<QString(QDate)> lunarLabel; // empty: no lunar dates
    };
    // `rows`: agenda rows of the grid's 42 days (RowRange from firstCell, 42 days).
    void reset(const Setup& setup, const QList<OccurrenceRow>& rows);

    QDate month() const { return m_month; }

signals:
    void monthChanged();

private:
    struct Cell {
        QDate date;
        QString lunar;
        QVariantList events;
        int more = 0;
    };
    QList<Cell> m_cells;
    QDate m_month;
    QDate m_today;
};

} // namespace convene::calendar
