#include "version_info.h"

#include <QCoreApplication>
#include <QVariantMap>
#include <QtGlobal>

#include <opus.h>
#include <sqlite3.h>
#include <vpx/vpx_codec.h>

namespace convene {

QVariantList componentVersions()
{
    auto entry = [](const QString& name, const QString& version) {
        return QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
    };
    QString opus = QString::fromLatin1(opus_get_version_string());
    opus.remove(QStringLiteral("libopus "));
    return {
        entry(QStringLiteral("Convene"), QCoreApplication::applicationVersion()),
        entry(QStringLiteral("Qt"), QString::fromLatin1(qVersion())),
        entry(QStringLiteral("libvpx"), QString::fromLatin1(vpx_codec_version_str())),
        entry(QStringLiteral("libopus"), opus),
        entry(QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion())),
    };
}

} // namespace convene
