#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace convene::ui {

// Where file dialogs open: the user's own folders, never the directory the app happened to be
// started from. A folder the system names but that does not exist falls back to the home folder.
class UserFolders : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QUrl home READ home CONSTANT)
    Q_PROPERTY(QUrl documents READ documents CONSTANT)
    Q_PROPERTY(QUrl pictures READ pictures CONSTANT)

public:
    explicit UserFolders(QObject* parent = nullptr) : QObject(parent) { }

    static QUrl home();
    static QUrl documents();
    static QUrl pictures();
};

} // namespace convene::ui
