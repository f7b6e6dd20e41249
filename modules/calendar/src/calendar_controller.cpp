#include <convene/calendar/calendar_controller.h>

#include <convene/core/language_change.h>

#include <QTimeZone>

namespace convene::calendar {

namespace {

constexpr int kAgendaDays = 30;

} // namespace

CalendarController::CalendarController(sync::SyncService& sync, CalendarData& data, Setup setup, QObject* parent)
    : QObject(parent), m_sync(sync), m_data(data), m_setup(std::move(setup))
{
    m_anchor = today();
    m_miniAnchor = m_anchor;
    connect(&m_data, &CalendarData::changed, this, [this] {
        refresh();
        emit calendarChanged();
    });
    // The current-time line and the Join buttons move with the minute; the views with the day.
    m_minuteTimer.setInterval(60 * 1000);
    connect(&m_minuteTimer, &QTimer::timeout, this, [this, day = today()]() mutable {
        emit nowChanged();
        if (today() != day) {
            day = today();
            refresh();
        }
    });
    m_minuteTimer.start();
    // Times, "All day", day names and the first day of the week in the language now in use
    // (its locale is the application's default from then on).
    new LanguageChangeWatcher(
        [this] {
            m_setup.locale = QLocale();
            // The rows' times read in the old language: the views make all their items again.
            for (OccurrenceModel* model : {&m_timed, &m_allDay, &m_agenda})
                model->setRows({});
            refresh();
            emit localeChanged();
            emit rangeChanged(); // the week may start on another day
        },
        this);
    refresh();
}

// --- the range shown ---

QDate CalendarController::firstDay() const
{
    switch (m_view) {
    case View::Day:
    case View::Agenda: return m_anchor;
    case View::Week: return m_anchor.addDays(-((m_anchor.dayOfWeek() - weekStart() + 7) % 7));
    case View::Month: return MonthGridModel::firstCell(m_anchor, Qt::DayOfWeek(weekStart()));
    }
    return m_anchor;
}

int CalendarController::dayCount() const
{
    switch (m_view) {
    case View::Day: return 1;
    case View::Week: return 7;
    case View::Month: return MonthGridModel::kDays;
    case View::Agenda: return kAgendaDays;
    }
    return 7;
}

QString CalendarController::rangeTitle() const
{
    const QLocale& l = m_setup.locale;
    switch (m_view) {
    case View::Day:
        //: Date format of the day view's title (Qt date format)
        return l.toString(m_anchor, tr("dddd, MMMM d, yyyy"));
    case View::Month:
        //: Date format of the month view's title
        return l.toString(m_anchor, tr("MMMM yyyy"));
    case View::Week:
    case View::Agenda: {
        const QDate first = firstDay();
        const QDate last = first.addDays(dayCount() - 1);
        if (first.year() != last.year())
            return tr("%1 – %2").arg(l.toString(first, tr("MMM d, yyyy")), l.toString(last, tr("MMM d, yyyy")));
        //: A range of days: first, last, year
        return tr("%1 – %2, %3")
            .arg(l.toString(first, tr("MMM d")), l.toString(last, tr("MMM d")), QString::number(last.year()));
    }
    }
    return {};
}

QDate CalendarController::today() const
{
    return now().toTimeZone(QTimeZone(m_setup.timeZone.toUtf8())).date();
}

QDateTime CalendarController::now() const
{
    return m_setup.clock();
}

int CalendarController::weekStart() const
{
    // Qt 6.4's locale data (CLDR 41) still starts China's weeks on Sunday; Chinese calendars,
    // and CLDR since, start them on Monday.
    if (m_setup.locale.territory() == QLocale::China)
        return Qt::Monday;
    return m_setup.locale.firstDayOfWeek();
}

bool CalendarController::use24HourClock() const
{
    return !m_setup.locale.timeFormat(QLocale::ShortFormat).contains(QLatin1String("ap"), Qt::CaseInsensitive);
}

void CalendarController::setView(View view)
{
    if (view == m_view)
        return;
    m_view = view;
    refresh();
    emit rangeChanged();
}

void CalendarController::goToDate(QDate date)
{
    if (!date.isValid() || date == m_anchor)
        return;
    m_anchor = date;
    m_miniAnchor = date;
    refresh();
    emit rangeChanged();
}

void CalendarController::goToToday()
{
    goToDate(today());
    emit todayShown();
}

void CalendarController::next()
{
    switch (m_view) {
    case View::Day: return goToDate(m_anchor.addDays(1));
    case View::Week: return goToDate(m_anchor.addDays(7));
    case View::Month: return goToDate(m_anchor.addMonths(1));
    case View::Agenda: return goToDate(m_anchor.addDays(kAgendaDays));
    }
}

void CalendarController::previous()
{
    switch (m_view) {
    case View::Day: return goToDate(m_anchor.addDays(-1));
    case View::Week: return goToDate(m_anchor.addDays(-7));
    case View::Month: return goToDate(m_anchor.addMonths(-1));
    case View::Agenda: return goToDate(m_anchor.addDays(-kAgendaDays));
    }
}

void CalendarController::showMiniMonth(QDate month)
{
    if (!month.isValid())
        return;
    m_miniAnchor = month;
    m_miniMonth.reset({m_miniAnchor, Qt::DayOfWeek(weekStart()), today(), 0, {}}, {});
}

QString CalendarController::dayHeader(QDate date) const
{
    //: Day column header of the week view (Qt date format): weekday and day
    return m_setup.locale.toString(date, tr("ddd d"));
}

QString CalendarController::hourLabel(int hour) const
{
    return m_setup.locale.toString(QTime(hour, 0), use24HourClock() ? QStringLiteral("HH:mm") : QStringLiteral("h AP"));
}

bool CalendarController::showLunar() const
{
    return m_setup.lunarLabel && m_setup.locale.language() == QLocale::Chinese;
}

QString CalendarController::lunarLabel(QDate date) const
{
    return showLunar() ? m_setup.lunarLabel(date) : QString();
}

void CalendarController::refresh()
{
    const CalendarSnapshot& snapshot = *m_data.snapshot();
    const RowRange range{firstDay(), dayCount(), QTimeZone(m_setup.timeZone.toUtf8()), m_setup.userId};
    switch (m_view) {
    case View::Day:
    case View::Week: {
        m_timed.setRows(timedRows(snapshot, range));
        int lanes = 0;
        QList<OccurrenceRow> bars = allDayRows(snapshot, range, &lanes);
        m_allDay.setRows(std::move(bars), lanes);
        break;
    }
    case View::Month:
        m_month.reset({m_anchor, Qt::DayOfWeek(weekStart()), today(), 3,
                       showLunar() ? m_setup.lunarLabel : std::function<QString(QDate)>()},
                      agendaRows(snapshot, range));
        break;
    case View::Agenda: m_agenda.setRows(agendaRows(snapshot, range)); break;
    }
    m_miniMonth.reset({m_miniAnchor, Qt::DayOfWeek(weekStart()), today(), 0, {}}, {});
}

} // namespace convene::calendar
