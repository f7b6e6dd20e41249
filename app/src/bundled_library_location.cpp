#include "bundled_library_location.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <iterator>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#elif defined(Q_OS_MACOS)
#include <mach-o/dyld.h>
#endif

namespace convene {

namespace {

// The running executable's folder; known before the application object exists.
QString executableDirectory()
{
#if defined(Q_OS_WIN)
    wchar_t path[MAX_PATH * 4];
    const DWORD length = GetModuleFileNameW(nullptr, path, DWORD(std::size(path)));
    return QFileInfo(QString::fromWCharArray(path, int(length))).absolutePath();
#elif defined(Q_OS_MACOS)
    char path[4096];
    uint32_t size = sizeof(path);
    if (_NSGetExecutablePath(path, &size) != 0)
        return {};
    return QFileInfo(QString::fromUtf8(path)).canonicalPath();
#else
    return QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
#endif
}

} // namespace

QStringList bundledLibraryCandidates(const char* environmentVariable, const QString& name)
{
    QStringList candidates;
    if (const QString named = qEnvironmentVariable(environmentVariable); !named.isEmpty())
        candidates << named;
    const QDir appDir(executableDirectory());
    const QString file = name + QStringLiteral(CONVENE_LOADABLE_SUFFIX);
    candidates << appDir.filePath(file);
    candidates << QDir::cleanPath(appDir.filePath(QStringLiteral(CONVENE_LOADABLE_RELATIVE_DIR) + u'/' + file));
    candidates.removeDuplicates();
    return candidates;
}

} // namespace convene
