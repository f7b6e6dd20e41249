#include "convene/store/change_notifier.h"

#include <QMutexLocker>

namespace convene::store {

void ChangeNotifier::post(const ChangeSet& changes)
{
    if (changes.isEmpty())
        return;
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        schedule = m_pending.isEmpty();
        m_pending.merge(changes);
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &ChangeNotifier::deliver, Qt::QueuedConnection);
}

void ChangeNotifier::deliver()
{
    ChangeSet changes;
    {
        QMutexLocker lock(&m_mutex);
        std::swap(changes, m_pending);
    }
    if (!changes.isEmpty())
        emit changed(changes);
}

} // namespace convene::store
