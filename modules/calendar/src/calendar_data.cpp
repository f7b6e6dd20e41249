#include <convene/calendar/calendar_data.h>

#include "store/calendar_loader.h"

namespace convene::calendar {

CalendarData::CalendarData(QString cachePath, store::ChangeNotifier& changes, QString floatingTimeZone, QObject* parent)
    : QObject(parent),
      m_cachePath(std::move(cachePath)),
      m_floatingTimeZone(std::move(floatingTimeZone)),
      m_snapshot(std::make_shared<CalendarSnapshot>()),
      m_newest(std::make_shared<std::atomic<quint64>>(0)),
      m_loader(new CalendarLoader(m_newest))
{
    qRegisterMetaType<std::shared_ptr<const CalendarSnapshot>>();
    m_thread.setObjectName(QStringLiteral("calendar"));
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &CalendarLoader::loaded, this, &CalendarData::onLoaded);
    connect(m_loader, &CalendarLoader::failed, this, &CalendarData::loadFailed);
    connect(&changes, &store::ChangeNotifier::changed, this, &CalendarData::onChanges);
    m_thread.start();
    reload();
}

CalendarData::~CalendarData()
{
    m_thread.quit();
    m_thread.wait();
}

void CalendarData::reload()
{
    const quint64 generation = ++*m_newest;
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, generation, path = m_cachePath, zone = m_floatingTimeZone] {
        loader->load(generation, path, zone);
    });
}

void CalendarData::onChanges(const store::ChangeSet& changes)
{
    const bool calendarChanged = std::any_of(changes.streams.begin(), changes.streams.end(),
                                             [](const QString& s) { return s.startsWith(QLatin1String("calendar:")); });
    if (calendarChanged)
        reload();
}

void CalendarData::onLoaded(quint64 generation, const std::shared_ptr<const CalendarSnapshot>& snapshot)
{
    if (generation != m_newest->load())
        return;
    m_snapshot = snapshot;
    m_loaded = true;
    emit changed();
}

} // namespace convene::calendar
