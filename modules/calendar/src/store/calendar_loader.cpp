#include "calendar_loader.h"

namespace convene::calendar {

void CalendarLoader::load(quint64 generation, const QString& cachePath, const QString& floatingTimeZone)
{
    if (generation != m_newest->load())
        return;
    if (!m_db) {
        auto opened = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
        if (!opened)
            return emit failed(opened.error().message);
        m_db = std::move(opened).value();
    }
    emit loaded(generation, readCalendar(*m_db, floatingTimeZone, m_decoded));
}

} // namespace convene::calendar
