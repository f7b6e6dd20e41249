#include "convene/call/call_engine_library.h"

#include <convene/core/loadable_library.h>

#include <QCoreApplication>

namespace convene::call {

CallEngineLibrary::CallEngineLibrary(QStringList candidates) : m_candidates(std::move(candidates)) { }

Result<void> CallEngineLibrary::load()
{
    if (m_start)
        return {};
    if (m_failure) // tried once: what is installed does not change while the app runs
        return *m_failure;
    const Result<void> loaded =
        loadFirstLibrary(m_library, m_candidates, {kStartCallMediaSymbol, kCallEngineComponentsSymbol});
    if (loaded) {
        m_start = reinterpret_cast<StartCallMedia>(m_library.resolve(kStartCallMediaSymbol));
        m_components = reinterpret_cast<CallEngineComponents>(m_library.resolve(kCallEngineComponentsSymbol));
        return {};
    }
    qWarning("Call engine: %s", qPrintable(loaded.error().message));
    m_failure = Error{ErrorCode::Unavailable,
                      QCoreApplication::translate("convene::call::CallEngineLibrary",
                                                  "Calls are not available: a part of Convene they need is missing or "
                                                  "damaged. Reinstalling Convene repairs it.")};
    return *m_failure;
}

Result<std::unique_ptr<CallMediaPort>> CallEngineLibrary::start(const CallMediaSetup& setup, CallMediaEvents& events)
{
    if (Result<void> loaded = load(); !loaded)
        return loaded.error();
    return std::unique_ptr<CallMediaPort>(m_start(setup, events));
}

QString CallEngineLibrary::components()
{
    return load() ? QString::fromUtf8(m_components()) : QString();
}

} // namespace convene::call
