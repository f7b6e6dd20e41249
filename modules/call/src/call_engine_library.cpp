#include "convene/call/call_engine_library.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace convene::call {

CallEngineLibrary::CallEngineLibrary(QStringList candidates) : m_candidates(std::move(candidates)) { }

Result<void> CallEngineLibrary::load()
{
    if (m_start)
        return {};
    if (m_failure) // tried once: what is installed does not change while the app runs
        return *m_failure;
    QString problem;
    for (const QString& candidate : std::as_const(m_candidates)) {
        if (!QFileInfo::exists(candidate))
            continue;
        m_library.setFileName(candidate);
        if (!m_library.load()) {
            problem = m_library.errorString();
            continue;
        }
        auto start = reinterpret_cast<StartCallMedia>(m_library.resolve(kStartCallMediaSymbol));
        auto components = reinterpret_cast<CallEngineComponents>(m_library.resolve(kCallEngineComponentsSymbol));
        if (start && components) {
            m_start = start;
            m_components = components;
            return {};
        }
        problem = m_library.errorString();
        m_library.unload();
    }
    if (problem.isEmpty())
        problem = QStringLiteral("not found in %1").arg(m_candidates.join(QStringLiteral(", ")));
    qWarning("Call engine: %s", qPrintable(problem));
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
