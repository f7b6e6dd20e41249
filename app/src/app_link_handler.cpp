#include "app_link_handler.h"

#include "app_controller.h"
#include "command_line.h"

#include <QFileOpenEvent>
#include <QLoggingCategory>
#include <QWindow>

Q_LOGGING_CATEGORY(lcLinks, "convene.links")

namespace convene {

AppLinkHandler::AppLinkHandler(AppController& controller, QWindow* window, QObject* parent)
    : QObject(parent), m_controller(controller), m_window(window)
{ }

bool AppLinkHandler::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::FileOpen)
        return QObject::eventFilter(watched, event);
    follow(static_cast<QFileOpenEvent*>(event)->url());
    return true;
}

void AppLinkHandler::follow(const QUrl& url)
{
    // Encoded, so that a hostile link cannot put control characters into the log.
    const QByteArray shown = url.toString(QUrl::FullyEncoded).left(200).toLatin1();
    const QString view = viewForLink(url);
    if (view.isEmpty()) {
        qCWarning(lcLinks, "Ignoring the link %s: it names no view.", shown.constData());
        return;
    }
    qCInfo(lcLinks, "Following the link %s", shown.constData());
    m_controller.setCurrentView(view);
    if (const auto message = chatLinkOf(url))
        m_controller.openChatLink(message->stream, message->messageId);
    if (const auto call = callLinkOf(url))
        openCallLink(m_controller, *call);
    if (isDocLink(url))
        m_controller.openDocLink(url);
    if (m_window) {
        m_window->show();
        m_window->raise();
        m_window->requestActivate();
    }
}

void openCallLink(AppController& controller, const QString& stream)
{
    controller.setCurrentView(QStringLiteral("calls"));
    call::CallController* calls = controller.calls();
    if (!calls || stream.isEmpty())
        return;
    if (const QString error = calls->prepareJoin(stream); !error.isEmpty())
        emit calls->noticeRaised(error);
}

} // namespace convene
