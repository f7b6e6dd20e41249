// CalendarController: .ics import and export.
#include <convene/calendar/calendar_controller.h>

#include <convene/calendar/ics_reader.h>
#include <convene/calendar/ics_writer.h>

#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace convene::calendar {

QString CalendarController::importFile(const QUrl& file)
{
    QFile in(file.toLocalFile());
    if (!in.open(QIODevice::ReadOnly))
        return tr("Cannot open %1: %2").arg(file.toLocalFile(), in.errorString());
    return importIcs(in.read(IcsLimits{}.maxFileBytes + 1));
}

QString CalendarController::importIcs(const QByteArray& bytes)
{
    Result<IcsCalendar> calendar = readIcs(bytes);
    if (!calendar)
        return tr("Nothing was imported. %1").arg(calendar.error().message);
    // One entry per series; a series someone else organises here is imported as a copy.
    QList<QString> order;
    QHash<QString, QList<Event>> byUid;
    for (Event& e : calendar.value().events) {
        if (!byUid.contains(e.uid))
            order << e.uid;
        byUid[e.uid] << std::move(e);
    }
    const auto snapshot = m_data.snapshot();
    const QString stream = writableCalendar();
    const QDateTime now = m_setup.clock();
    for (const QString& uid : order) {
        QList<Event>& series = byUid[uid];
        // The master first, as entries are read.
        std::stable_partition(series.begin(), series.end(), [](const Event& e) { return !e.isOverride(); });
        const StoredSeries* existing = snapshot->find(uid);
        const QString ownUid =
            existing && existing->owner != m_setup.userId ? QUuid::createUuid().toString(QUuid::WithoutBraces) : uid;
        for (Event& e : series) {
            e.uid = ownUid;
            if (!e.stamp.isValid())
                e.stamp = now;
        }
        if (QString problem = submitSeries(series, stream, calendar->timeZones); !problem.isEmpty())
            return tr("Import stopped at “%1”: %2").arg(series.first().summary, problem);
    }
    emit notice(tr("Imported %n event(s).", nullptr, static_cast<int>(order.size())));
    return {};
}

QString CalendarController::exportFile(const QUrl& file, const QString& uid)
{
    IcsCalendar calendar;
    int count = 0;
    for (const StoredSeries& series : m_data.snapshot()->series) {
        if ((!uid.isEmpty() && series.uid != uid) ||
            (uid.isEmpty() && series.events.first().status == EventStatus::Cancelled))
            continue;
        calendar.events << series.events;
        ++count;
    }
    if (count == 0 && !uid.isEmpty())
        return tr("The event no longer exists.");
    Result<QByteArray> text = writeIcs(calendar);
    if (!text)
        return tr("The calendar cannot be exported: %1").arg(text.error().message);
    QSaveFile out(file.toLocalFile());
    if (!out.open(QIODevice::WriteOnly) || out.write(*text) != text->size() || !out.commit())
        return tr("Cannot write %1: %2").arg(file.toLocalFile(), out.errorString());
    emit notice(tr("Exported %n event(s).", nullptr, count));
    return {};
}

} // namespace convene::calendar
