#include "convene/core/language_change.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>

namespace convene {

LanguageChangeWatcher::LanguageChangeWatcher(std::function<void()> refresh, QObject* parent)
    : QObject(parent), m_refresh(std::move(refresh))
{
    // QCoreApplication tells only itself when a translator comes or goes.
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
}

bool LanguageChangeWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance() && !m_pending) {
        m_pending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pending = false;
                m_refresh();
            },
            Qt::QueuedConnection);
    }
    return false;
}

void refreshOnLanguageChange(QAbstractItemModel& model)
{
    new LanguageChangeWatcher(
        [&model] {
            const int rows = model.rowCount();
            const int columns = model.columnCount();
            if (rows > 0 && columns > 0)
                emit model.dataChanged(model.index(0, 0), model.index(rows - 1, columns - 1));
        },
        &model);
}

} // namespace convene
