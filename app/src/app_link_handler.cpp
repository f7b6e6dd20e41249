#include "app_link_handler.h"

#include "app_controller.h"
#include "command_line.h"

#include <QFileOpenEvent>
#include <QWindow>

namespace convene {

AppLinkHandler::AppLinkHandler(AppController& controller, QWindow* window, QObject* parent)
    : QObject(parent), m_controller(controller), m_window(window)
{ }

bool AppLinkHandler::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::FileOpen)
        return QObject::eventFilter(watched, event);
    const QUrl url = static_cast<QFileOpenEvent*>(event)->url();
    const QString view = viewForLink(url);
    if (view.isEmpty()) {
        qWarning("Ignoring the link %s: it names no view.", qPrintable(url.toString().left(200)));
        return true;
    }
    m_controller.setCurrentView(view);
    if (const auto message = chatLinkOf(url))
        m_controller.openChatLink(message->stream, message->messageId);
    if (const auto call = callLinkOf(url))
        m_controller.joinCall(*call);
    if (isDocLink(url))
        m_controller.openDocLink(url);
    if (m_window) {
        m_window->show();
        m_window->raise();
        m_window->requestActivate();
    }
    return true;
}

} // namespace convene
