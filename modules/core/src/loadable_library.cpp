#include "convene/core/loadable_library.h"

#include <QFileInfo>

#include <algorithm>

namespace convene {

Result<void> loadFirstLibrary(QLibrary& library, const QStringList& candidates,
                              std::initializer_list<const char*> symbols)
{
    QString problem;
    for (const QString& candidate : candidates) {
        if (!QFileInfo::exists(candidate))
            continue;
        library.setFileName(candidate);
        if (!library.load()) {
            problem = library.errorString();
            continue;
        }
        if (std::all_of(symbols.begin(), symbols.end(), [&](const char* symbol) { return library.resolve(symbol); }))
            return {};
        problem = library.errorString();
        library.unload();
    }
    if (problem.isEmpty())
        problem = QStringLiteral("not found in %1").arg(candidates.join(QStringLiteral(", ")));
    return Error{ErrorCode::Unavailable, problem};
}

} // namespace convene
