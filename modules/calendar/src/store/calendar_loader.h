#pragma once

#include <convene/calendar/calendar_snapshot.h>

#include "calendar_reader.h"
#include <convene/store/database.h>

#include <QObject>

#include <atomic>
#include <memory>

namespace convene::calendar {

// Reads snapshots on its thread, with its own read-only connection. Only the newest request
// is worth running: older ones still queued are skipped.
class CalendarLoader : public QObject {
    Q_OBJECT

public:
    explicit CalendarLoader(std::shared_ptr<const std::atomic<quint64>> newest) : m_newest(std::move(newest)) { }

    void load(quint64 generation, const QString& cachePath, const QString& floatingTimeZone);

signals:
    void loaded(quint64 generation, const std::shared_ptr<const convene::calendar::CalendarSnapshot>& snapshot);
    void failed(const QString& reason);

private:
    std::shared_ptr<const std::atomic<quint64>> m_newest;
    std::unique_ptr<store::Database> m_db;
    DecodedEntries m_decoded;
};

} // namespace convene::calendar
