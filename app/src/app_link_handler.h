#pragma once

#include <QObject>
#include <QPointer>

class QWindow;

namespace convene {

class AppController;

// Follows convene:// links the system hands to the running app (on macOS they arrive as
// QFileOpenEvent rather than on the command line): opens the view and brings the window up.
class AppLinkHandler : public QObject {
    Q_OBJECT

public:
    AppLinkHandler(AppController& controller, QWindow* window, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    AppController& m_controller;
    QPointer<QWindow> m_window;
};

} // namespace convene
