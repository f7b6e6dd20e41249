#include "nice_library.h"

#include <QCoreApplication>
#include <QLibrary>

#include <memory>

namespace convene::media {

namespace {

Error unavailable(const QString& reason)
{
    return makeError(ErrorCode::Internal,
                     QCoreApplication::translate("convene::media::IceTransport",
                                                 "Calls need libnice, which could not be loaded (%1).")
                         .arg(reason));
}

Result<const NiceLibrary*> load()
{
#if defined(Q_OS_WIN)
    auto library = std::make_unique<QLibrary>(QStringLiteral("libnice-10"));
#else
    auto library = std::make_unique<QLibrary>(QStringLiteral("nice"), 10);
#endif
    if (!library->load())
        return unavailable(library->errorString());
    auto functions = std::make_unique<NiceLibrary>();
    QString missing;
#define CONVENE_NICE_RESOLVE(name)                                                                     \
    functions->name = reinterpret_cast<decltype(&::name)>(library->resolve(#name));                   \
    if (!functions->name && missing.isEmpty())                                                         \
        missing = QStringLiteral(#name);
    CONVENE_NICE_FUNCTIONS(CONVENE_NICE_RESOLVE)
#undef CONVENE_NICE_RESOLVE
    if (!missing.isEmpty()) {
        library->unload();
        return unavailable(QStringLiteral("%1 lacks %2").arg(library->fileName(), missing));
    }
    library.release(); // loaded for the rest of the process, as a linked library would be
    return functions.release();
}

const Result<const NiceLibrary*>& loaded()
{
    static const Result<const NiceLibrary*> library = load();
    return library;
}

} // namespace

Result<const NiceLibrary*> loadNiceLibrary()
{
    return loaded();
}

const NiceLibrary& libnice()
{
    Q_ASSERT(loaded());
    return *loaded().value();
}

} // namespace convene::media
