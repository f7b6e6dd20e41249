#include "user_folders.h"

#include <QDir>
#include <QStandardPaths>

namespace convene::ui {

namespace {

QUrl existingOrHome(QStandardPaths::StandardLocation location)
{
    const QString path = QStandardPaths::writableLocation(location);
    if (!path.isEmpty() && QDir(path).exists())
        return QUrl::fromLocalFile(path);
    return UserFolders::home();
}

} // namespace

QUrl UserFolders::home()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    return QUrl::fromLocalFile(path.isEmpty() ? QDir::homePath() : path);
}

QUrl UserFolders::documents()
{
    return existingOrHome(QStandardPaths::DocumentsLocation);
}

QUrl UserFolders::pictures()
{
    return existingOrHome(QStandardPaths::PicturesLocation);
}

} // namespace convene::ui
