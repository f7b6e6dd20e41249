#include "call_engine_location.h"

#include <QCoreApplication>
#include <QDir>

namespace convene {

QStringList callEngineCandidates()
{
    QStringList candidates;
    if (const QString named = qEnvironmentVariable("CONVENE_CALL_ENGINE"); !named.isEmpty())
        candidates << named;
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QString file = QStringLiteral(CONVENE_CALL_ENGINE_FILE);
    candidates << appDir.filePath(file);
    candidates << QDir::cleanPath(appDir.filePath(QStringLiteral(CONVENE_CALL_ENGINE_RELATIVE_DIR) + u'/' + file));
    candidates.removeDuplicates();
    return candidates;
}

} // namespace convene
