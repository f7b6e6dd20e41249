#pragma once

#include "hand_over_message.h"

#include <QList>
#include <QObject>
#include <QUrl>

namespace convene {

class AppRoot;

// What a later launch on this profile handed over: the window comes up, and each link is
// followed the way the system's own link events are (AppLinkHandler), so a link from another
// launch can open and show but never act. Links that arrive while no workspace is open (the
// sign-in screen) wait for one.
class HandedOverLinks : public QObject {
    Q_OBJECT

public:
    explicit HandedOverLinks(AppRoot& root, QObject* parent = nullptr);

    void receive(const HandOver& message);

private:
    void followWaiting();
    void raiseWindow();

    AppRoot& m_root;
    QList<QUrl> m_waiting;
};

} // namespace convene
