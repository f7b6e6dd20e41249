#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWindow;

namespace convene {

class AppController;

// Follows convene:// links the system hands to the running app (on macOS they arrive as
// QFileOpenEvent rather than on the command line; a later launch on the same profile hands its
// links over the same way): opens the view and brings the window up. A link opens and shows, it
// never acts for the user: a call link opens the screen before joining, not the call.
class AppLinkHandler : public QObject {
    Q_OBJECT

public:
    AppLinkHandler(AppController& controller, QWindow* window, QObject* parent = nullptr);

    void follow(const QUrl& url);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AppController& m_controller;
    QPointer<QWindow> m_window;
};

// Opens the calls view on the screen before joining the call in `stream` (from a link), or says
// why it cannot.
void openCallLink(AppController& controller, const QString& stream);

} // namespace convene
