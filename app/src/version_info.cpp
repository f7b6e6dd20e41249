#include "version_info.h"

#include <QCoreApplication>
#include <QVariantMap>
#include <QtGlobal>

#include <sqlite3.h>

namespace convene {

QVariantList componentVersions(const QString& callEngineComponents)
{
    auto entry = [](const QString& name, const QString& version) {
        return QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
    };
    QVariantList versions{
        entry(QStringLiteral("Convene"), QCoreApplication::applicationVersion()),
        entry(QStringLiteral("Qt"), QString::fromLatin1(qVersion())),
    };
    for (const QString& line : callEngineComponents.split(u'\n', Qt::SkipEmptyParts))
        versions << entry(line.section(u' ', 0, 0), line.section(u' ', 1));
    versions << entry(QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()));
    return versions;
}

} // namespace convene
