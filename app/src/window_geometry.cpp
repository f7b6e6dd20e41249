#include "window_geometry.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QWindow>

namespace convene {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kMaximized = QStringLiteral("window/maximized");

bool visibleOnSomeScreen(const QRect& rect)
{
    const auto screens = QGuiApplication::screens();
    for (const QScreen* screen : screens) {
        // Require a good part of the title bar to be reachable, not a sliver.
        const QRect overlap = screen->availableGeometry().intersected(rect);
        if (overlap.width() >= 120 && overlap.height() >= 80)
            return true;
    }
    return false;
}
} // namespace

WindowGeometry::WindowGeometry(QSettings& state, QObject* parent) : QObject(parent), m_state(state) { }

void WindowGeometry::restore(QWindow* window)
{
    m_window = window;
    const QRect saved = m_state.value(kGeometry).toRect();
    if (saved.isValid() && saved.width() >= window->minimumWidth() && visibleOnSomeScreen(saved))
        window->setGeometry(saved);
    m_normalGeometry = window->geometry();
    if (m_state.value(kMaximized, false).toBool())
        window->setWindowStates(Qt::WindowMaximized);

    connect(window, &QWindow::xChanged, this, &WindowGeometry::remember);
    connect(window, &QWindow::yChanged, this, &WindowGeometry::remember);
    connect(window, &QWindow::widthChanged, this, &WindowGeometry::remember);
    connect(window, &QWindow::heightChanged, this, &WindowGeometry::remember);
}

void WindowGeometry::remember()
{
    if (m_window && m_window->windowStates() == Qt::WindowNoState)
        m_normalGeometry = m_window->geometry();
}

void WindowGeometry::save()
{
    if (!m_window)
        return;
    remember();
    m_state.setValue(kGeometry, m_normalGeometry);
    m_state.setValue(kMaximized, m_window->windowStates().testFlag(Qt::WindowMaximized));
    m_state.sync();
}

} // namespace convene
