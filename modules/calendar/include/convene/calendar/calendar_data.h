#pragma once

#include <convene/calendar/calendar_snapshot.h>
#include <convene/store/change_notifier.h>

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace convene::calendar {

class CalendarLoader;

// The calendar as the views see it: a snapshot of the cache's calendar streams, read and
// expanded on a thread of its own whenever a calendar stream changes, handed over whole.
class CalendarData : public QObject {
    Q_OBJECT

public:
    // `changes`: the cache's change notifications (sync's); `floatingTimeZone`: the IANA zone
    // for floating times and all-day events — the user's.
    CalendarData(QString cachePath, store::ChangeNotifier& changes, QString floatingTimeZone,
                 QObject* parent = nullptr);
    ~CalendarData() override;

    // Never null: empty until the first read has finished.
    std::shared_ptr<const CalendarSnapshot> snapshot() const { return m_snapshot; }
    bool loaded() const { return m_loaded; }
    QString floatingTimeZone() const { return m_floatingTimeZone; }

    void reload();

signals:
    void changed();
    void loadFailed(const QString& reason);

private:
    void onChanges(const store::ChangeSet& changes);
    void onLoaded(quint64 generation, const std::shared_ptr<const convene::calendar::CalendarSnapshot>& snapshot);

    QString m_cachePath;
    QString m_floatingTimeZone;
    std::shared_ptr<const CalendarSnapshot> m_snapshot;
    std::shared_ptr<std::atomic<quint64>> m_newest;
    QThread m_thread;
    CalendarLoader* m_loader; // lives on m_thread
    bool m_loaded = false;
};

} // namespace convene::calendar
