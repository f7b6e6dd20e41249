#include "handed_over_links.h"

#include "app_controller.h"
#include "app_root.h"
#include "command_line.h"

#include <QCoreApplication>
#include <QFileOpenEvent>
#include <QQuickWindow>

namespace convene {

namespace {
constexpr qsizetype kMaxWaiting = 16;
}

HandedOverLinks::HandedOverLinks(AppRoot& root, QObject* parent) : QObject(parent), m_root(root)
{
    connect(&m_root.controller(), &AppController::workspaceChanged, this, &HandedOverLinks::followWaiting);
}

void HandedOverLinks::receive(const HandOver& message)
{
    if (message.show)
        raiseWindow();
    for (const QString& link : message.links) {
        const QUrl url(link, QUrl::StrictMode);
        if (viewForLink(url).isEmpty()) {
            qWarning("Ignoring a link another launch handed over: it names no view.");
            continue;
        }
        if (m_waiting.size() >= kMaxWaiting) {
            qWarning("Ignoring a link another launch handed over: too many are waiting for the workspace.");
            continue;
        }
        m_waiting << url;
    }
    followWaiting();
}

void HandedOverLinks::followWaiting()
{
    if (!m_root.controller().calls())
        return; // no workspace yet
    // Posted: the link handler of a workspace that just opened is installed once it has opened.
    for (const QUrl& url : std::as_const(m_waiting))
        QCoreApplication::postEvent(QCoreApplication::instance(), new QFileOpenEvent(url));
    m_waiting.clear();
}

void HandedOverLinks::raiseWindow()
{
    QQuickWindow* window = m_root.window();
    if (!window)
        return;
    if (window->windowStates() & Qt::WindowMinimized)
        window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
    window->show();
    window->raise();
    window->requestActivate();
}

} // namespace convene
