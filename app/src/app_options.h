#pragma once

#include <QString>
#include <QUrl>

namespace convene {

// What one run of the app was asked to do on its command line.
struct AppOptions {
    QString profileDir; // all data and settings of this run
    QString backend; // overrides the setting for this run
    QString server; // network backends' server; overrides the setting for this run
    QString workspace; // local backend's workspace file
    QString language; // e.g. zh_CN; overrides the setting for this run
    QString theme; // light | dark; overrides the setting for this run
    QString view; // chat | calendar | docs | calls
    QString chatStream; // a message to show, from a convene://chat/<stream>/<server id> link
    QString chatMessageId;
    QString callStream; // a call to join, from a convene://calls/<stream> link
    QUrl docLink; // a document to open, a convene://docs/<id> link
    QString screenshotFile;
};

} // namespace convene
