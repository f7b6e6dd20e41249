#pragma once

#include <convene/calendar/occurrence_rows.h>

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace convene::calendar {

// Occurrences for a view: the timed ones of a day or week laid out side by side, the all-day
// bars above them, or the agenda list. The controller fills it whenever the range or the
// calendar changes; rows that stay keep their items (a block being dragged survives a reload).
class OccurrenceModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by the CalendarController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int lanes READ lanes NOTIFY countChanged) // all-day rows: lanes used

public:
    enum Role {
        UidRole = Qt::UserRole + 1,
        RecurrenceIdRole,
        TitleRole,
        LocationRole,
        StartRole,
        EndRole,
        TimeTextRole,
        AllDayRole,
        DayRole,
        DayCountRole,
        StartMinuteRole,
        EndMinuteRole,
        ColumnRole,
        ColumnsRole,
        RecurringRole,
        HasCallRole,
        CancelledRole,
        PendingRole,
        FailedRole,
        MineRole,
        InvitedRole,
        ResponseRole,
        ColorIndexRole,
        DateRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<OccurrenceRow> rows, int lanes = 0);
    const QList<OccurrenceRow>& rows() const { return m_rows; }
    int count() const { return static_cast<int>(m_rows.size()); }
    int lanes() const { return m_lanes; }

signals:
    void countChanged();

private:
    bool updateInPlace(const QList<OccurrenceRow>& rows);

    QList<OccurrenceRow> m_rows;
    int m_lanes = 0;
};

// "09:00 – 10:30" in the locale's time format; "All day".
QString occurrenceTimeText(const OccurrenceRow& row, const QLocale& locale);

} // namespace convene::calendar
